// Add an organisation to the network (network admins, or the operator at the CLI).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { CreateOrganizationBody } from './identity.schema';
import { findHostOrganization, insertOrganization, organizationNameTaken, type OrganizationRow } from './identity.store';

export async function createOrganization(
  context: UseCaseContext,
  props: { body: CreateOrganizationBody; isHost?: boolean },
): Promise<OrganizationRow> {
  await authorizeFor(context, 'organization.create', {}, 'organization');
  return context.db.tx(async (q) => {
    if (props.isHost && (await findHostOrganization(q))) {
      throw AppError.field('isHost', 'the network already has a host organisation', 'conflict');
    }
    if (await organizationNameTaken(q, props.body.name))
      throw AppError.field('name', 'an organisation with this name exists already', 'conflict');
    const organization = await insertOrganization(q, { ...props.body, isHost: props.isHost });
    await audit(q, auditContextOf(context), {
      action: 'organization.create',
      recordType: 'organization',
      recordId: organization.id,
      recordOrganizationId: organization.id,
    });
    return organization;
  });
}
