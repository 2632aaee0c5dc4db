// Partner staff correct their own organisation's description, web site and email in Kith, over
// what the imported directory says; the edit is kept through later imports. The search entries
// carry only an organisation's name, which is the source's, so none is rebuilt.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { UpdateOrganizationDetailsBody } from './directory.schema';
import { findDirectoryOrganization } from './directory.store';
import { editDetails, organizationDetailColumns } from './local-edits';
import { readDirectoryOrganization, type DirectoryOrganizationRecord } from './read-directory-organization';

export async function updateOrganizationDetails(
  context: UseCaseContext,
  props: { organizationId: string; body: UpdateOrganizationDetailsBody },
): Promise<DirectoryOrganizationRecord> {
  const userId = signedInActor(context)?.userId ?? null;
  await context.db.tx(async (q) => {
    const organization = await findDirectoryOrganization(q, props.organizationId);
    if (!organization) throw new AppError('not_found', 'No directory organization with this id.');
    await authorizeFor(
      context,
      'directory_record.edit_details',
      { id: organization.id, organizationId: organization.network_organization_id ?? undefined },
      'directory_organization',
    );
    const changed = await editDetails(q, {
      record: 'organization',
      recordId: organization.id,
      columns: organizationDetailColumns,
      body: props.body,
      userId,
    });
    if (!changed?.length) return;
    await audit(q, auditContextOf(context), {
      action: 'directory_organization.edit_details',
      recordType: 'hsds_organization',
      recordId: organization.id,
      recordOrganizationId: organization.network_organization_id ?? undefined,
      details: { fields: changed },
    });
  });
  return readDirectoryOrganization(context, { organizationId: props.organizationId });
}
