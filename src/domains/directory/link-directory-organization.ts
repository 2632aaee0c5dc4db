// A network admin links a directory organisation to the network organisation whose staff will
// keep its services' room (null unlinks). Audited.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findOrganization } from '../identity';
import { deleteOrganizationLink, directoryOrganizationExists, writeOrganizationLink } from './directory.store';

export async function linkDirectoryOrganization(
  context: UseCaseContext,
  props: { hsdsOrganizationId: string; organizationId: string | null },
): Promise<void> {
  await authorizeFor(context, 'directory.administer', {}, 'directory_organization');
  await context.db.tx(async (q) => {
    if (!(await directoryOrganizationExists(q, props.hsdsOrganizationId))) {
      throw new AppError('not_found', 'No directory organization with this id.');
    }
    if (props.organizationId === null) {
      await deleteOrganizationLink(q, props.hsdsOrganizationId);
    } else {
      if (!(await findOrganization(q, props.organizationId)))
        throw AppError.field('organizationId', 'is not an organisation of the network');
      await writeOrganizationLink(q, props.hsdsOrganizationId, props.organizationId);
    }
    await audit(q, auditContextOf(context), {
      action: 'directory_organization.link',
      recordType: 'hsds_organization',
      recordId: props.hsdsOrganizationId,
      recordOrganizationId: props.organizationId ?? undefined,
    });
  });
}
