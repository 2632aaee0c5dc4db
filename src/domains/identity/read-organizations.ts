// The network's organisations, a page at a time, by name: the shared address book.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { pageOf } from '../../platform/http/pagination';
import { listOrganizations } from './identity.store';
import type { PageRequest } from './identity.schema';

export async function readOrganizations(context: UseCaseContext, props: { page: PageRequest }) {
  await authorizeFor(context, 'organization.read', {}, 'organization');
  const rows = await listOrganizations(context.db, props.page);
  return pageOf(rows, props.page.limit, (row) => [row.name.toLowerCase(), row.id]);
}
