// Partner staff say whether a service has room and takes referrals, and how to refer to it.
// Every change is kept in the capacity history and the audit log, and the search index row of the
// service is rebuilt in the same transaction, so the next search shows the new badge.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { UpdateIntakeBody } from './directory.schema';
import { findIntake, findServiceOwner, type IntakeRow } from './directory.store';
import { rebuildSearchEntries } from './search-index';

const capacityFields = ['acceptingReferrals', 'capacityStatus', 'openSlots', 'waitlistLength', 'daysToFirstContact', 'capacityNote'] as const;

export async function updateIntake(
  context: UseCaseContext,
  props: { serviceId: string; body: UpdateIntakeBody },
): Promise<IntakeRow> {
  const { body } = props;
  const actorId = signedInActor(context)?.userId ?? null;
  return context.db.tx(async (q) => {
    const service = await findServiceOwner(q, props.serviceId);
    if (!service) throw new AppError('not_found', 'No service with this id.');
    await authorizeFor(
      context,
      'directory_service.update_intake',
      { id: service.id, organizationId: service.network_organization_id ?? undefined },
      'directory_service',
    );
    const capacityChanged = capacityFields.some((field) => body[field] !== undefined);
    const set = (value: unknown) => value !== undefined;
    await q.query(
      `INSERT INTO directory_service_intake (service_id) VALUES ($1) ON CONFLICT (service_id) DO NOTHING`,
      [service.id],
    );
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
        service.id,
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
        capacityChanged,
        actorId,
      ],
    );
    if (capacityChanged) {
      await q.query(
        `INSERT INTO directory_capacity_history
           (service_id, accepting_referrals, capacity_status, open_slots, waitlist_length, days_to_first_contact, capacity_note, recorded_by)
         SELECT service_id, accepting_referrals, capacity_status, open_slots, waitlist_length, days_to_first_contact, capacity_note, $2
           FROM directory_service_intake WHERE service_id = $1`,
        [service.id, actorId],
      );
    }
    await rebuildSearchEntries(q, { serviceIds: [service.id] });
    await audit(q, auditContextOf(context), {
      action: 'directory_service.update_intake',
      recordType: 'hsds_service',
      recordId: service.id,
      recordOrganizationId: service.network_organization_id ?? undefined,
      details: { fields: Object.keys(body) },
    });
    return (await findIntake(q, service.id))!;
  });
}
