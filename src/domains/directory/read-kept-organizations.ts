// A partner's own corner of the directory: the directory organisations linked to the signed-in
// user's network organisation, with their services and each one's room, so that the people who
// know whether there is room can say so without searching the directory for themselves.
import { can } from '../../platform/policy/policy';
import { authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import {
  listKeptServices,
  listLinkedDirectoryOrganizations,
  type DirectoryOrganizationRow,
  type KeptServiceRow,
} from './directory.store';

export interface KeptOrganizationsRecord {
  organizations: {
    organization: DirectoryOrganizationRow;
    services: (KeptServiceRow & { canUpdateCapacity: boolean })[];
    canEditDetails: boolean;
  }[];
}

export async function readKeptOrganizations(
  context: UseCaseContext,
  _props: Record<string, never> = {},
): Promise<KeptOrganizationsRecord> {
  const actor = signedInActor(context);
  if (!actor) throw new AppError('unauthenticated');
  await authorizeFor(context, 'directory.read', { organizationId: actor.organizationId }, 'directory_organization');
  const organizations = await listLinkedDirectoryOrganizations(context.db, actor.organizationId);
  const services = organizations.length
    ? await listKeptServices(
        context.db,
        organizations.map((row) => row.id),
      )
    : [];
  return {
    organizations: organizations.map((organization) => ({
      organization,
      services: services
        .filter((service) => service.organization_id === organization.id)
        .map((service) => ({
          ...service,
          // Asked per service, as the update will be: the page offers only what would pass.
          canUpdateCapacity: can(actor, 'directory_service.update_intake', {
            id: service.id,
            organizationId: organization.network_organization_id ?? undefined,
          }),
        })),
      canEditDetails: can(actor, 'directory_record.edit_details', {
        id: organization.id,
        organizationId: organization.network_organization_id ?? undefined,
      }),
    })),
  };
}
