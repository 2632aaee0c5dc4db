// SQL of Kith's intake of a service (whether it takes referrals, how to refer, its room) and of
// the history of its room.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { UpdateIntakeBody } from './directory.schema';

export type IntakeRow = Omit<TableRow<'directory_service_intake'>, 'updated_at'>;

export async function findIntake(q: Queryable, serviceId: string): Promise<IntakeRow | undefined> {
  const rows = await q.query<IntakeRow>(
    `SELECT service_id, accepting_referrals, how_to_refer, referral_email, referral_phone, referral_fax, capacity_status,
            open_slots, waitlist_length, days_to_first_contact, capacity_note, capacity_updated_at, capacity_updated_by
       FROM directory_service_intake WHERE service_id = $1`,
    [serviceId],
  );
  return rows[0];
}

/**
 * Changes the fields the body names (an absent field stays, a null one is cleared); when the room
 * changed, says when and by whom, and keeps the new room in the history.
 */
export async function updateIntakeRow(
  q: Queryable,
  serviceId: string,
  body: UpdateIntakeBody,
  change: { capacityChanged: boolean; userId: string | null },
): Promise<void> {
  const set = (value: unknown) => value !== undefined;
  await q.query(`INSERT INTO directory_service_intake (service_id) VALUES ($1) ON CONFLICT (service_id) DO NOTHING`, [serviceId]);
  await q.query(
    `UPDATE directory_service_intake SET
        accepting_referrals = COALESCE($2, accepting_referrals),
        capacity_status = CASE WHEN $3 THEN $4 ELSE capacity_status END,
        open_slots = CASE WHEN $5 THEN $6::integer ELSE open_slots END,
        waitlist_length = CASE WHEN $7 THEN $8::integer ELSE waitlist_length END,
        days_to_first_contact = CASE WHEN $9 THEN $10::integer ELSE days_to_first_contact END,
        capacity_note = CASE WHEN $11 THEN $12 ELSE capacity_note END,
        how_to_refer = COALESCE($13, how_to_refer),
        referral_email = CASE WHEN $14 THEN $15 ELSE referral_email END,
        referral_phone = CASE WHEN $16 THEN $17 ELSE referral_phone END,
        referral_fax = CASE WHEN $18 THEN $19 ELSE referral_fax END,
        capacity_updated_at = CASE WHEN $20 THEN now() ELSE capacity_updated_at END,
        capacity_updated_by = CASE WHEN $20 THEN $21::uuid ELSE capacity_updated_by END,
        updated_at = now()
      WHERE service_id = $1`,
    [
      serviceId,
      body.acceptingReferrals ?? null,
      set(body.capacityStatus),
      body.capacityStatus ?? null,
      set(body.openSlots),
      body.openSlots ?? null,
      set(body.waitlistLength),
      body.waitlistLength ?? null,
      set(body.daysToFirstContact),
      body.daysToFirstContact ?? null,
      set(body.capacityNote),
      body.capacityNote ?? null,
      body.howToRefer ? [...new Set(body.howToRefer)] : null,
      set(body.referralEmail),
      body.referralEmail ?? null,
      set(body.referralPhone),
      body.referralPhone ?? null,
      set(body.referralFax),
      body.referralFax ?? null,
      change.capacityChanged,
      change.userId,
    ],
  );
  if (change.capacityChanged) {
    await q.query(
      `INSERT INTO directory_capacity_history
         (service_id, accepting_referrals, capacity_status, open_slots, waitlist_length, days_to_first_contact, capacity_note, recorded_by)
       SELECT service_id, accepting_referrals, capacity_status, open_slots, waitlist_length, days_to_first_contact, capacity_note, $2
         FROM directory_service_intake WHERE service_id = $1`,
      [serviceId, change.userId],
    );
  }
}

/** A change of a service's room; its status is copied from the intake row, whose CHECK lists the values. */
export type CapacityHistoryRow = Pick<
  TableRow<'directory_capacity_history'>,
  'recorded_at' | 'open_slots' | 'waitlist_length' | 'accepting_referrals'
> & { capacity_status: TableRow<'directory_service_intake'>['capacity_status'] };

/** The last 20 changes of a service's room, newest first. */
export async function listCapacityHistory(q: Queryable, serviceId: string): Promise<CapacityHistoryRow[]> {
  return q.query<CapacityHistoryRow>(
    `SELECT recorded_at, capacity_status, open_slots, waitlist_length, accepting_referrals
       FROM directory_capacity_history WHERE service_id = $1 ORDER BY recorded_at DESC, id DESC LIMIT 20`,
    [serviceId],
  );
}

export interface IntakeImport {
  serviceId: string;
  acceptingReferrals: boolean;
  howToRefer: string[];
  referralPhone?: string | null;
  referralEmail?: string | null;
  capacityStatus?: string | null;
  openSlots?: number | null;
  waitlistLength?: number | null;
  daysToFirstContact?: number | null;
  /** When the capacity was last said, counted back from now. */
  capacityAgeDays?: number;
  /** Or when it was said (an ISO instant), as the other system recorded it. */
  capacityUpdatedAt?: string;
}

/** Writes intake rows as they stand elsewhere (a demo, another system), with their history entry. */
export async function importIntakes(q: Queryable, intakes: IntakeImport[]): Promise<void> {
  if (intakes.length === 0) return;
  const rows = JSON.stringify(intakes);
  await q.query(
    `INSERT INTO directory_service_intake (service_id, accepting_referrals, how_to_refer, referral_phone, referral_email,
            capacity_status, open_slots, waitlist_length, days_to_first_contact, capacity_updated_at)
     SELECT (r->>'serviceId')::uuid, (r->>'acceptingReferrals')::boolean,
            ARRAY(SELECT jsonb_array_elements_text(r->'howToRefer')), r->>'referralPhone', r->>'referralEmail',
            r->>'capacityStatus', (r->>'openSlots')::integer, (r->>'waitlistLength')::integer,
            (r->>'daysToFirstContact')::integer,
            CASE WHEN r->>'capacityStatus' IS NULL AND r->>'capacityUpdatedAt' IS NULL THEN NULL
                 ELSE COALESCE((r->>'capacityUpdatedAt')::timestamptz,
                               now() - make_interval(days => COALESCE((r->>'capacityAgeDays')::integer, 0))) END
       FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (service_id) DO UPDATE SET
       accepting_referrals = EXCLUDED.accepting_referrals, how_to_refer = EXCLUDED.how_to_refer,
       referral_phone = EXCLUDED.referral_phone, referral_email = EXCLUDED.referral_email,
       capacity_status = EXCLUDED.capacity_status, open_slots = EXCLUDED.open_slots,
       waitlist_length = EXCLUDED.waitlist_length, days_to_first_contact = EXCLUDED.days_to_first_contact,
       capacity_updated_at = EXCLUDED.capacity_updated_at, updated_at = now()`,
    [rows],
  );
  await q.query(
    `INSERT INTO directory_capacity_history (service_id, accepting_referrals, capacity_status, open_slots, waitlist_length,
            days_to_first_contact, recorded_at)
     SELECT service_id, accepting_referrals, capacity_status, open_slots, waitlist_length, days_to_first_contact,
            COALESCE(capacity_updated_at, now())
       FROM directory_service_intake WHERE service_id = ANY ($1::uuid[])`,
    [intakes.map((intake) => intake.serviceId)],
  );
}

/** The public figure of each service's room that has a count of open slots (the HSDS capacity). */
export async function listOpenSlots(
  q: Queryable,
  serviceIds: readonly string[],
): Promise<{ service_id: string; open_slots: number; updated: Date }[]> {
  if (serviceIds.length === 0) return [];
  return q.query(
    `SELECT service_id, open_slots, COALESCE(capacity_updated_at, updated_at) AS updated
       FROM directory_service_intake
      WHERE service_id = ANY($1::uuid[]) AND open_slots IS NOT NULL`,
    [serviceIds],
  );
}
