// An organisation's departments and programs, a page at a time, by name.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { pageOf } from '../../platform/http/pagination';
import type { PageRequest } from './identity.schema';
import { findOrganization, listUnits } from './identity.store';

export async function readUnits(context: UseCaseContext, props: { organizationId: string; page: PageRequest }) {
  const { organizationId, page } = props;
  // Asked first: whether another organisation exists is not told by a different answer.
  await authorizeFor(context, 'unit.read', { organizationId }, 'unit');
  const organization = await findOrganization(context.db, organizationId);
  if (!organization) throw new AppError('not_found', 'No organization with this id.');
  const rows = await listUnits(context.db, organizationId, page);
  return pageOf(rows, page.limit, (row) => [row.name.toLowerCase(), row.id]);
}
