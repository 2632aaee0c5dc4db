// Partner staff say whether a service has room and takes referrals, and how to refer to it.
// Every change is kept in the capacity history and the audit log, and the search index row of the
// service is rebuilt in the same transaction, so the next search shows the new badge.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { UpdateIntakeBody } from './directory.schema';
import { findServiceOwner } from './directory.store';
import { findIntakeRecord, type IntakeRecord } from './intake';
import { updateIntakeRow } from './intake.store';
import { rebuildSearchEntries } from './search-index';

const capacityFields = [
  'acceptingReferrals',
  'capacityStatus',
  'openSlots',
  'waitlistLength',
  'daysToFirstContact',
  'capacityNote',
] as const;

export async function updateIntake(
  context: UseCaseContext,
  props: { serviceId: string; body: UpdateIntakeBody },
): Promise<IntakeRecord> {
  const { body } = props;
  const userId = signedInActor(context)?.userId ?? null;
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
    await updateIntakeRow(q, service.id, body, { capacityChanged, userId });
    await rebuildSearchEntries(q, { serviceIds: [service.id] });
    await audit(q, auditContextOf(context), {
      action: 'directory_service.update_intake',
      recordType: 'hsds_service',
      recordId: service.id,
      recordOrganizationId: service.network_organization_id ?? undefined,
      details: { fields: Object.keys(body) },
    });
    return (await findIntakeRecord(q, service.id))!;
  });
}
