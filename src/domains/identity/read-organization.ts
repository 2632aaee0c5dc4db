// One organisation of the network.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findOrganization, type OrganizationRow } from './identity.store';

export async function readOrganization(context: UseCaseContext, props: { organizationId: string }): Promise<OrganizationRow> {
  const organization = await findOrganization(context.db, props.organizationId);
  if (!organization) throw new AppError('not_found', 'No organization with this id.');
  await authorizeFor(context, 'organization.read', { id: organization.id, organizationId: organization.id }, 'organization');
  return organization;
}
