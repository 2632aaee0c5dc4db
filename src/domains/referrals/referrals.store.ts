// The SQL of referrals and their events (referrals, referral_events). Every read computes, in SQL,
// when a referral sent is to be answered and whether it is overdue (the recipient's answer time,
// business days after the day it was sent, in the network's time zone; business-days.ts is the
// same rule). Callers have settled access: a use case reads one referral through its guard, and
// the lists take the actor's organisation (and, for the outbox, the people domain's access rule).
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import { AppError } from '../../platform/http/app-error';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import type { VisiblePeopleSql } from '../people';
import { DEFAULT_ANSWER_DAYS } from './business-days';
import type { NeedOutcome, ReferralReasonCode, ReferralStatus } from './referral-states';
import type { ReferralBox, ReferralPriority } from './referrals.schema';

/** A referral with the last day to answer it (while it waits for an answer) and whether that day has passed. */
export type ReferralRow = TableRow<'referrals'> & { answer_due_on: string | null; overdue: boolean };
export type ReferralEventRow = TableRow<'referral_events'>;
/** A row of a list: with its place in the list and, in the outbox, what the access rule gives the viewer of the person. */
export type ListedReferralRow = ReferralRow & {
  sort_key: number;
  access_basis: string | null;
  access_categories: string[] | null;
};

/** The answer time of the organisation referral `r` was sent to. */
const answerDays = (r: string) =>
  `COALESCE((SELECT st.answer_within_business_days FROM referral_settings st
              WHERE st.organization_id = ${r}.recipient_organization_id), ${DEFAULT_ANSWER_DAYS})`;
/** The last day to answer referral `r`, while it waits for an answer; `timeZone` is a text parameter. */
const dueOn = (r: string, timeZone: string) =>
  `CASE WHEN ${r}.status = 'requested' AND ${r}.sent_at IS NOT NULL
        THEN referral_business_day_after((${r}.sent_at AT TIME ZONE ${timeZone})::date, ${answerDays(r)}) END`;
const overdue = (r: string, timeZone: string) =>
  `COALESCE((now() AT TIME ZONE ${timeZone})::date > ${dueOn(r, timeZone)}, false)`;

export async function findReferral(
  q: Queryable,
  id: string,
  options: { timeZone: string; lock?: boolean },
): Promise<ReferralRow | undefined> {
  // Locked first, on its own: the row a move changes is held until the move commits.
  if (options.lock) await q.query('SELECT id FROM referrals WHERE id = $1 FOR UPDATE', [id]);
  const rows = await q.query<ReferralRow>(
    `SELECT r.*, ${dueOn('r', '$2::text')} AS answer_due_on, ${overdue('r', '$2::text')} AS overdue
       FROM referrals r WHERE r.id = $1`,
    [id, options.timeZone],
  );
  return rows[0];
}

/** The referral a user made with this Idempotency-Key, and the hash of the request that made it. */
export async function findReferralByIdempotencyKey(
  q: Queryable,
  userId: string,
  key: string,
): Promise<{ id: string; request_hash: string } | undefined> {
  const rows = await q.query<{ id: string; request_hash: string }>(
    'SELECT id, request_hash FROM referrals WHERE sender_user_id = $1 AND idempotency_key = $2',
    [userId, key],
  );
  return rows[0];
}

export interface NewReferral {
  personId: string;
  needId: string | null;
  needDomain: string | null;
  needSensitive: string | null;
  serviceId: string;
  serviceName: string;
  senderOrganizationId: string;
  senderUserId: string | null;
  recipientOrganizationId: string;
  consentId: string | null;
  status: 'draft' | 'requested';
  priority: ReferralPriority;
  note: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
}

/**
 * A new referral, sent now when it is `requested`. With an Idempotency-Key the user has used
 * before (a retry racing the first request), nothing is written: undefined.
 */
export async function insertReferral(q: Queryable, input: NewReferral): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO referrals (person_id, need_id, need_domain, need_sensitive, service_id, service_name, sender_organization_id,
                            sender_user_id, recipient_organization_id, consent_id, status, priority, note, sent_at,
                            idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $11 = 'requested' THEN now() END, $14, $15)
     ON CONFLICT (sender_user_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      input.personId,
      input.needId,
      input.needDomain,
      input.needSensitive,
      input.serviceId,
      input.serviceName,
      input.senderOrganizationId,
      input.senderUserId,
      input.recipientOrganizationId,
      input.consentId,
      input.status,
      input.priority,
      input.note,
      input.idempotencyKey,
      input.requestHash,
    ],
  );
  return rows[0]?.id;
}

export interface ReferralMove {
  status: ReferralStatus;
  reasonCode: ReferralReasonCode | null;
  reasonText: string | null;
  /** The outcome the move leaves on the referral (a completion's, kept when it is entered in error after). */
  outcome: { delivered: string; needOutcome: NeedOutcome } | null;
  /** The consent it is sent under, when the move sends it. */
  consentId: string | null;
  sent: boolean;
  answered: boolean;
  ended: boolean;
}

/** A move: the new state and what comes with it; the version goes up by one. */
export async function updateReferralMove(q: Queryable, id: string, move: ReferralMove): Promise<void> {
  await q.query(
    `UPDATE referrals SET status = $2, reason_code = $3, reason_text = $4, outcome_delivered = $5, outcome_need = $6,
            consent_id = COALESCE($7, consent_id),
            sent_at = CASE WHEN $8 THEN now() ELSE sent_at END,
            answered_at = CASE WHEN $9 THEN now() ELSE answered_at END,
            ended_at = CASE WHEN $10 THEN now() ELSE ended_at END,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      id,
      move.status,
      move.reasonCode,
      move.reasonText,
      move.outcome?.delivered ?? null,
      move.outcome?.needOutcome ?? null,
      move.consentId,
      move.sent,
      move.answered,
      move.ended,
    ],
  );
}

/** What the need was before accepting the referral changed it (null: nothing to put back). */
export async function setNeedBefore(
  q: Queryable,
  id: string,
  before: { status: TableRow<'referrals'>['need_status_before']; addressedByOrganizationId: string | null } | null,
): Promise<void> {
  await q.query('UPDATE referrals SET need_status_before = $2, need_addressed_by_before = $3 WHERE id = $1', [
    id,
    before?.status ?? null,
    before?.addressedByOrganizationId ?? null,
  ]);
}

/** The recipient's first look: once. True when this was it. */
export async function markOpened(q: Queryable, id: string, userId: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE referrals SET opened_at = now(), opened_by_user_id = $2
      WHERE id = $1 AND opened_at IS NULL AND sent_at IS NOT NULL RETURNING id`,
    [id, userId],
  );
  return rows.length > 0;
}

export async function insertReferralEvent(
  q: Queryable,
  event: {
    referralId: string;
    from: ReferralStatus | null;
    to: ReferralStatus;
    reasonCode: ReferralReasonCode | null;
    reasonText: string | null;
    actorUserId: string | null;
    actorOrganizationId: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO referral_events (referral_id, from_status, to_status, reason_code, reason_text, actor_user_id, actor_organization_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.referralId, event.from, event.to, event.reasonCode, event.reasonText, event.actorUserId, event.actorOrganizationId],
  );
}

export async function listReferralEvents(q: Queryable, referralId: string): Promise<ReferralEventRow[]> {
  return q.query<ReferralEventRow>('SELECT * FROM referral_events WHERE referral_id = $1 ORDER BY id', [referralId]);
}

export interface ReferralListFilter {
  box: ReferralBox;
  /** The actor's organisation; null: the operator, who sees every referral. */
  organizationId: string | null;
  /** The outbox holds only the people the viewer may see: the people domain's access rule. */
  visiblePeople: (firstParam: number) => VisiblePeopleSql;
  statuses?: ReferralStatus[];
  personId?: string;
  overdue?: boolean;
  limit: number;
  cursor?: string;
  timeZone: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const epochMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::bigint`;
const LATEST = '99999999999999';

/**
 * The order of a box, as one whole number (rank × 10¹⁴ + a time in ms): overdue first, then those
 * waiting for an answer, oldest sent first; then drafts, newest first; then those being worked
 * on, oldest sent first; then those that have ended, latest first.
 */
const sortKey = (x: string) =>
  `(CASE WHEN ${x}.overdue THEN 0 WHEN ${x}.status = 'requested' THEN 1 WHEN ${x}.status = 'draft' THEN 2
         WHEN ${x}.ended_at IS NULL THEN 3 ELSE 4 END)::bigint * 100000000000000
   + CASE WHEN ${x}.status = 'draft' THEN ${LATEST} - ${epochMs(`${x}.updated_at`)}
          WHEN ${x}.ended_at IS NOT NULL THEN ${LATEST} - ${epochMs(`${x}.ended_at`)}
          ELSE ${epochMs(`${x}.sent_at`)} END`;

/** The SQL of one box's referrals (the outbox joined to the people the viewer may see), its values numbered from `values`. */
function boxSql(
  box: ReferralBox,
  filter: Pick<ReferralListFilter, 'organizationId' | 'visiblePeople'>,
  values: unknown[],
  timeZone: string,
) {
  values.push(filter.organizationId);
  const organization = `$${values.length}::uuid`;
  if (box === 'inbox') {
    return `SELECT r.*, ${dueOn('r', timeZone)} AS answer_due_on, ${overdue('r', timeZone)} AS overdue,
                   NULL::text AS access_basis, NULL::text[] AS access_categories
              FROM referrals r
             WHERE (${organization} IS NULL OR r.recipient_organization_id = ${organization}) AND r.sent_at IS NOT NULL`;
  }
  const visible = filter.visiblePeople(values.length + 1);
  values.push(...visible.values);
  return `SELECT r.*, ${dueOn('r', timeZone)} AS answer_due_on, ${overdue('r', timeZone)} AS overdue,
                 vp.access_basis, vp.access_categories
            FROM referrals r JOIN ${visible.from} vp ON vp.id = r.person_id
           WHERE (${organization} IS NULL OR r.sender_organization_id = ${organization})`;
}

/** One page of a box, in its order (keyset: the last referral served). */
export async function listReferralRows(q: Queryable, filter: ReferralListFilter) {
  const after = decodeCursor(filter.cursor, ['id', 'text']);
  // The id reaches SQL as a uuid: a cursor this list did not give out is a 400, not a cast error.
  if (after && !uuidPattern.test(after[1])) throw AppError.field('query.cursor', 'is not a cursor this list gave out');
  const values: unknown[] = [filter.timeZone];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const inner = boxSql(filter.box, filter, values, '$1::text');
  const where: string[] = [];
  if (filter.statuses?.length) where.push(`x.status = ANY (${param(filter.statuses)}::text[])`);
  if (filter.personId !== undefined) where.push(`x.person_id = ${param(filter.personId)}::uuid`);
  if (filter.overdue !== undefined) where.push(`x.overdue = ${param(filter.overdue)}::boolean`);
  if (after) where.push(`(x.sort_key, x.id) > (${param(after[0])}::bigint, ${param(after[1])}::uuid)`);
  const rows = await q.query<ListedReferralRow>(
    `SELECT x.* FROM (SELECT y.*, ${sortKey('y')} AS sort_key FROM (${inner}) y) x
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY x.sort_key, x.id
      LIMIT ${param(filter.limit + 1)}`,
    values,
  );
  return pageOf(rows, filter.limit, (row) => [row.sort_key, row.id]);
}

/** How many referrals each box holds, by state, and how many of them are overdue. */
export async function countReferralRows(
  q: Queryable,
  filter: Pick<ReferralListFilter, 'organizationId' | 'visiblePeople' | 'timeZone'>,
): Promise<{ box: ReferralBox; status: ReferralStatus; count: number; overdue: number }[]> {
  const values: unknown[] = [filter.timeZone];
  const inbox = boxSql('inbox', filter, values, '$1::text');
  const outbox = boxSql('outbox', filter, values, '$1::text');
  return q.query(
    `SELECT box, status, count(*)::int AS count, (count(*) FILTER (WHERE overdue))::int AS overdue
       FROM (SELECT 'inbox' AS box, i.status, i.overdue FROM (${inbox}) i
             UNION ALL
             SELECT 'outbox' AS box, o.status, o.overdue FROM (${outbox}) o) c
      GROUP BY box, status`,
    values,
  );
}
