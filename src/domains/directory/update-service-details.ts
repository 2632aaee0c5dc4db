// Partner staff correct their own service's details (what it is, how to apply, who it is for, its
// fees, web address and email) in Kith, over what the imported directory says. The edit is kept
// through later imports; the search entry of the service is rebuilt in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { UpdateServiceDetailsBody } from './directory.schema';
import { findServiceOwner } from './directory.store';
import { editDetails, serviceDetailColumns } from './local-edits';
import { readService, type ServiceRecord } from './read-service';
import { rebuildSearchEntries } from './search-index';

export async function updateServiceDetails(
  context: UseCaseContext,
  props: { serviceId: string; body: UpdateServiceDetailsBody },
): Promise<ServiceRecord> {
  const userId = signedInActor(context)?.userId ?? null;
  await context.db.tx(async (q) => {
    const service = await findServiceOwner(q, props.serviceId);
    if (!service) throw new AppError('not_found', 'No service with this id.');
    await authorizeFor(
      context,
      'directory_record.edit_details',
      { id: service.id, organizationId: service.network_organization_id ?? undefined },
      'directory_service',
    );
    const changed = await editDetails(q, {
      record: 'service',
      recordId: service.id,
      columns: serviceDetailColumns,
      body: props.body,
      userId,
    });
    if (!changed?.length) return;
    await rebuildSearchEntries(q, { serviceIds: [service.id] });
    await audit(q, auditContextOf(context), {
      action: 'directory_service.edit_details',
      recordType: 'hsds_service',
      recordId: service.id,
      recordOrganizationId: service.network_organization_id ?? undefined,
      details: { fields: changed },
    });
  });
  return readService(context, { serviceId: props.serviceId });
}
