// Moves a referral from one state to another, as the state diagram lets the actor's side
// (referral-states.ts): the row is locked first, and the move must name the version it was read
// at (If-Match): none is a 428, another a 412 that carries the referral as it is now. A move
// nobody may make from here is a 409 that lists where it may go; one only the other side makes is
// refused (403); a missing reason or outcome is a 422 naming the field; sending a draft asks what
// sending asks (sending.ts). The need it is for follows, through the screening domain, so that
// the need's history records it: accepting takes an open need on; completing with the need met
// meets it; ending otherwise puts back what accepting changed. The move, its event, the need's
// change and the audit rows commit together.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, signedInActor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { can } from '../../platform/policy/policy';
import { findNeedRow, followReferral, openNeedStatuses, type ReferralNeedChange } from '../screening';
import { guardReferral } from './guard';
import { inThisTransaction } from './in-transaction';
import { loadReferralRecord, type ReferralRecord } from './referral-record';
import { hasEnded, isMove, momentsOf, nextStatuses, reasonRule, takesOutcome, type ReferralStatus } from './referral-states';
import type { ReferralTransitionBody } from './referrals.schema';
import { insertReferralEvent, setNeedBefore, updateReferralMove, type ReferralMove, type ReferralRow } from './referrals.store';
import { consentForSending, referralTarget } from './sending';

/** A move that named a version other than the referral's: the route answers 412 with the referral as it is now. */
export class StaleReferral extends AppError {
  constructor(readonly current: ReferralRecord) {
    super(
      'precondition_failed',
      `header.if-match: the referral was changed since you read it (it is at version ${current.row.version}); look at it again, then decide`,
      { errors: [{ field: 'header.if-match', message: 'is not the version the referral is at now' }] },
    );
  }
}

const words = (status: ReferralStatus) => status.replaceAll('_', ' ');
const list = (statuses: ReferralStatus[]) => (statuses.length ? statuses.map(words).join(', ') : 'nowhere: it has ended');

function unprocessable(field: string, message: string): AppError {
  return AppError.field(field, message, 'unprocessable');
}

/** The reason and outcome a move records, checked against what the move takes. */
function recorded(row: ReferralRow, body: ReferralTransitionBody): Pick<ReferralMove, 'reasonCode' | 'reasonText' | 'outcome'> {
  const rule = reasonRule(body.to);
  const reasonCode = body.reasonCode ?? null;
  const reasonText = body.reasonText ?? null;
  if (rule === 'required' && !reasonCode) throw unprocessable('reasonCode', `is needed to move a referral to ${words(body.to)}`);
  if (rule === 'none' && reasonCode) throw unprocessable('reasonCode', `is not taken by a move to ${words(body.to)}`);
  if (reasonText && !reasonCode) throw unprocessable('reasonText', 'goes with a reasonCode');
  if (reasonCode === 'other' && !reasonText)
    throw unprocessable('reasonText', 'is needed when the reason is other: say what it is');
  const outcome = body.outcome ?? null;
  if (takesOutcome(body.to) && !outcome)
    throw unprocessable('outcome', 'is needed to complete a referral: what was delivered, and whether the need was met');
  if (!takesOutcome(body.to) && outcome) throw unprocessable('outcome', 'is recorded only when completing a referral');
  return {
    reasonCode,
    reasonText,
    // A completion's outcome stays when the referral is later marked entered in error.
    outcome:
      outcome ??
      (body.to === 'entered_in_error' && row.outcome_need && row.outcome_delivered
        ? { delivered: row.outcome_delivered, needOutcome: row.outcome_need }
        : null),
  };
}

/** The need's change a move brings, if any. */
function needChangeOf(row: ReferralRow, to: ReferralStatus, body: ReferralTransitionBody): ReferralNeedChange | null {
  if (to === 'accepted') return { kind: 'taken_on' };
  if (to === 'completed' && body.outcome?.needOutcome === 'met') return { kind: 'met' };
  if (hasEnded(to) && row.need_status_before)
    return {
      kind: 'put_back',
      before: { status: row.need_status_before, addressedByOrganizationId: row.need_addressed_by_before },
    };
  return null;
}

async function followNeed(
  q: Queryable,
  context: UseCaseContext,
  row: ReferralRow,
  to: ReferralStatus,
  body: ReferralTransitionBody,
): Promise<void> {
  if (!row.need_id) return;
  const change = needChangeOf(row, to, body);
  if (!change) return;
  const followed = await followReferral(
    { ...context, db: inThisTransaction(context.db, q) },
    {
      needId: row.need_id,
      referral: {
        id: row.id,
        senderOrganizationId: row.sender_organization_id,
        recipientOrganizationId: row.recipient_organization_id,
      },
      change,
    },
  );
  if (change.kind === 'taken_on') {
    // Only an open need is taken on: what it was is one of the open states.
    if (followed)
      await setNeedBefore(q, row.id, {
        status: followed.before.status as NonNullable<ReferralRow['need_status_before']>,
        addressedByOrganizationId: followed.before.addressedByOrganizationId,
      });
  } else if (row.need_status_before) await setNeedBefore(q, row.id, null);
}

export async function changeReferralStatus(
  context: UseCaseContext,
  props: { referralId: string; body: ReferralTransitionBody; ifMatchVersion: number | undefined; timeZone: string },
): Promise<ReferralRecord> {
  const { body, timeZone } = props;
  return context.db.tx(async (q) => {
    const guarded = await guardReferral(q, context, props.referralId, { timeZone, lock: true });
    const { row, side } = guarded;
    if (props.ifMatchVersion === undefined)
      throw AppError.field(
        'header.if-match',
        `is needed: send the ETag of the referral as you read it, such as W/"${row.version}"`,
        'precondition_required',
      );
    if (props.ifMatchVersion !== row.version) throw new StaleReferral(await loadReferralRecord(q, context, guarded));

    const from = row.status;
    const to = body.to;
    const actor = signedInActor(context);
    const allowed = actor
      ? nextStatuses(from).filter((next) => can(actor, 'referral.transition', { ...guarded.guarded, from, to: next }))
      : nextStatuses(from);
    if (!isMove(from, to)) {
      throw new AppError('conflict', `to: a referral ${words(from)} cannot go to ${words(to)}; it may go to ${list(allowed)}`, {
        errors: [{ field: 'to', message: `cannot follow ${words(from)}; it may go to ${list(allowed)}` }],
        data: { from, allowed },
      });
    }
    if (actor && !can(actor, 'referral.transition', { ...guarded.guarded, from, to })) {
      const whose = nextStatuses(from, 'sender').includes(to)
        ? 'the organisation that sent it'
        : 'the organisation it was sent to';
      throw new AppError('forbidden', `to: only ${whose} moves a referral from ${words(from)} to ${words(to)}`, {
        errors: [{ field: 'to', message: `is a move for ${whose}; you may move it to ${list(allowed)}` }],
        data: { from, allowed },
        denied: {
          action: 'referral.transition',
          recordType: 'referral',
          recordId: row.id,
          recordOrganizationId: row.sender_organization_id,
        },
      });
    }
    const what = recorded(row, body);
    const moments = momentsOf(to);
    let consentId: string | null = null;
    if (moments.sent) {
      const target = await referralTarget(q, {
        serviceId: row.service_id,
        senderOrganizationId: row.sender_organization_id,
        sending: true,
      });
      if (target.recipientOrganizationId !== row.recipient_organization_id)
        throw AppError.field(
          'to',
          'cannot send this draft: its service is now offered by another organisation; make a new referral',
          'unprocessable',
        );
      // The need a draft was for may have been met or closed since: a referral is for an open need.
      if (row.need_id) {
        const need = await findNeedRow(q, row.person_id, row.need_id, guarded.access?.categories ?? []);
        if (!need || !openNeedStatuses.includes(need.status))
          throw AppError.field(
            'to',
            'cannot send this draft: the need it is for has been closed since; make a new referral',
            'unprocessable',
          );
      }
      consentId = (await consentForSending(q, { personId: row.person_id, target, needSensitive: row.need_sensitive })).id;
    }
    await updateReferralMove(q, row.id, { status: to, ...what, consentId, ...moments });
    await insertReferralEvent(q, {
      referralId: row.id,
      from,
      to,
      reasonCode: what.reasonCode,
      reasonText: what.reasonText,
      actorUserId: actor?.userId ?? null,
      actorOrganizationId: actor?.organizationId ?? row.sender_organization_id,
    });
    await followNeed(q, context, row, to, body);
    await audit(q, auditContextOf(context), {
      action: 'referral.transition',
      recordType: 'referral',
      recordId: row.id,
      recordOrganizationId: row.sender_organization_id,
      personId: row.person_id,
      details: { from, to, reasonCode: what.reasonCode, needOutcome: what.outcome?.needOutcome ?? null, side },
    });
    // Read again through the guard: what the viewer sees of the person may change with the move.
    return loadReferralRecord(q, context, await guardReferral(q, context, row.id, { timeZone }));
  });
}
