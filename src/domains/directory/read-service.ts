// A service as the directory's service page shows it: its HSDS fields, organisation, places with
// their hours, intake and the history of its room. Directory data is public to every signed-in
// user, so reads are not audited.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { mayKeep } from './directory.policy';
import {
  findDirectoryOrganization,
  findService,
  findServiceFacts,
  findServiceOwner,
  listServiceLocations,
  type DirectoryOrganizationRow,
  type ServiceFactsRow,
  type ServiceLocationRow,
  type ServiceRow,
} from './directory.store';
import { findIntakeRecord, type IntakeRecord } from './intake';
import { listCapacityHistory, type CapacityHistoryRow } from './intake.store';

export interface ServiceRecord {
  service: ServiceRow;
  organization: DirectoryOrganizationRow | undefined;
  locations: ServiceLocationRow[];
  facts: ServiceFactsRow;
  intake: IntakeRecord | undefined;
  history: CapacityHistoryRow[];
  canUpdateCapacity: boolean;
  canEditDetails: boolean;
}

export async function readService(context: UseCaseContext, props: { serviceId: string }): Promise<ServiceRecord> {
  await authorizeFor(context, 'directory.read', { id: props.serviceId }, 'directory_service');
  const { db } = context;
  const owner = await findServiceOwner(db, props.serviceId);
  const service = owner && (await findService(db, props.serviceId));
  if (!owner || !service) throw new AppError('not_found', 'No service with this id.');
  const keeper = { id: owner.id, organizationId: owner.network_organization_id ?? undefined };
  return {
    service,
    organization: owner.hsds_organization_id ? await findDirectoryOrganization(db, owner.hsds_organization_id) : undefined,
    locations: await listServiceLocations(db, props.serviceId),
    facts: await findServiceFacts(db, props.serviceId),
    intake: await findIntakeRecord(db, props.serviceId),
    history: await listCapacityHistory(db, props.serviceId),
    // The page offers the update only to those the update would let through.
    canUpdateCapacity: mayKeep(context, 'directory_service.update_intake', keeper),
    canEditDetails: mayKeep(context, 'directory_record.edit_details', keeper),
  };
}
