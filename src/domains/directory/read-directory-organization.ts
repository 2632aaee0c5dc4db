// A directory organisation as its page shows it: its HSDS fields, its services with their room,
// and the network organisation it is linked to.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { mayKeep } from './directory.policy';
import {
  findDirectoryOrganization,
  listOrganizationServices,
  type DirectoryOrganizationRow,
  type OrganizationServiceRow,
} from './directory.store';

export interface DirectoryOrganizationRecord {
  organization: DirectoryOrganizationRow;
  services: OrganizationServiceRow[];
  canEditDetails: boolean;
}

export async function readDirectoryOrganization(
  context: UseCaseContext,
  props: { organizationId: string },
): Promise<DirectoryOrganizationRecord> {
  await authorizeFor(context, 'directory.read', { id: props.organizationId }, 'directory_organization');
  const organization = await findDirectoryOrganization(context.db, props.organizationId);
  if (!organization) throw new AppError('not_found', 'No directory organization with this id.');
  return {
    organization,
    services: await listOrganizationServices(context.db, props.organizationId),
    canEditDetails: mayKeep(context, 'directory_record.edit_details', {
      id: organization.id,
      organizationId: organization.network_organization_id ?? undefined,
    }),
  };
}
