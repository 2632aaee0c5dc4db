// Change an organisation's name, kind or contact details (its admins, or network admins).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { UpdateOrganizationBody } from './identity.schema';
import { findOrganization, organizationNameTaken, updateOrganizationRow, type OrganizationRow } from './identity.store';

export async function updateOrganization(
  context: UseCaseContext,
  props: { organizationId: string; body: UpdateOrganizationBody },
): Promise<OrganizationRow> {
  return context.db.tx(async (q) => {
    const organization = await findOrganization(q, props.organizationId);
    if (!organization) throw new AppError('not_found', 'No organization with this id.');
    await authorizeFor(context, 'organization.update', { id: organization.id, organizationId: organization.id }, 'organization');
    if (props.body.name && (await organizationNameTaken(q, props.body.name, organization.id))) {
      throw AppError.field('name', 'an organisation with this name exists already', 'conflict');
    }
    const updated = await updateOrganizationRow(q, organization.id, props.body);
    await audit(q, auditContextOf(context), {
      action: 'organization.update',
      recordType: 'organization',
      recordId: organization.id,
      recordOrganizationId: organization.id,
      details: { fields: Object.keys(props.body) },
    });
    return updated;
  });
}
