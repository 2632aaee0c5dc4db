// SQL of the directory's reads: a service with what surrounds it, an organisation, the intake.
import type { Queryable } from '../../platform/db/database';
import type { capacityStatuses, referralChannels } from './directory.schema';

export interface IntakeRow {
  service_id: string;
  accepting_referrals: boolean;
  how_to_refer: (typeof referralChannels)[number][];
  referral_email: string | null;
  referral_phone: string | null;
  referral_fax: string | null;
  capacity_status: (typeof capacityStatuses)[number] | null;
  open_slots: number | null;
  waitlist_length: number | null;
  days_to_first_contact: number | null;
  capacity_note: string | null;
  capacity_updated_at: Date | null;
  capacity_updated_by_name: string | null;
}

export interface ServiceOwnerRow {
  id: string;
  name: string;
  hsds_organization_id: string | null;
  network_organization_id: string | null;
}

/** A service and the network organisation (if any) that keeps it. */
export async function findServiceOwner(q: Queryable, serviceId: string): Promise<ServiceOwnerRow | undefined> {
  const rows = await q.query<ServiceOwnerRow>(
    `SELECT s.id, s.name, s.organization_id AS hsds_organization_id, link.organization_id AS network_organization_id
       FROM hsds_service s LEFT JOIN directory_organization_link link ON link.hsds_organization_id = s.organization_id
      WHERE s.id = $1`,
    [serviceId],
  );
  return rows[0];
}

export async function findIntake(q: Queryable, serviceId: string): Promise<IntakeRow | undefined> {
  const rows = await q.query<IntakeRow>(
    `SELECT i.*, u.display_name AS capacity_updated_by_name
       FROM directory_service_intake i LEFT JOIN users u ON u.id = i.capacity_updated_by
      WHERE i.service_id = $1`,
    [serviceId],
  );
  return rows[0];
}

export async function listNeedDomains(q: Queryable) {
  return q.query<{ code: string; name: string; description: string }>(
    'SELECT code, name, description FROM need_domain ORDER BY position',
  );
}

export async function linkDirectoryOrganization(q: Queryable, hsdsOrganizationId: string, organizationId: string): Promise<void> {
  await q.query(
    `INSERT INTO directory_organization_link (hsds_organization_id, organization_id) VALUES ($1, $2)
     ON CONFLICT (hsds_organization_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, linked_at = now()`,
    [hsdsOrganizationId, organizationId],
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
            CASE WHEN r->>'capacityStatus' IS NULL THEN NULL
                 ELSE now() - make_interval(days => COALESCE((r->>'capacityAgeDays')::integer, 0)) END
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

/** Maps taxonomy terms onto need domains (rules an admin could also add). */
export async function addNeedDomainTermRules(q: Queryable, rules: { taxonomyTermId: string; needDomain: string }[]): Promise<void> {
  if (rules.length === 0) return;
  await q.query(
    `INSERT INTO need_domain_rule (need_domain, taxonomy_term_id)
     SELECT r->>'needDomain', (r->>'taxonomyTermId')::uuid FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rules)],
  );
}
