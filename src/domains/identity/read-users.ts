// An organisation's users, a page at a time, by name. Lists of people are personal data of
// staff: every page read is written to the audit log.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { pageOf } from '../../platform/http/pagination';
import type { PageRequest } from './identity.schema';
import { findOrganization, listUsers } from './identity.store';

export async function readUsers(context: UseCaseContext, props: { organizationId: string; page: PageRequest }) {
  const { organizationId, page } = props;
  await authorizeFor(context, 'user.list', { organizationId }, 'user');
  const organization = await findOrganization(context.db, organizationId);
  if (!organization) throw new AppError('not_found', 'No organization with this id.');
  return context.db.tx(async (q) => {
    const rows = await listUsers(q, { organizationId, ...page });
    const result = pageOf(rows, page.limit, (row) => [row.display_name.toLowerCase(), row.id]);
    await audit(q, auditContextOf(context), {
      action: 'user.list',
      recordType: 'organization',
      recordId: organizationId,
      recordOrganizationId: organizationId,
      details: { count: result.items.length },
    });
    return result;
  });
}
