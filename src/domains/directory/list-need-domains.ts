// The social-need domains a search can filter by, in their order.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import type { NeedDomain } from './directory.schema';
import { listNeedDomainRows } from './need-domain.store';

export async function listNeedDomains(context: UseCaseContext, _props: Record<string, never> = {}): Promise<NeedDomain[]> {
  await authorizeFor(context, 'directory.read', {}, 'need_domain');
  return listNeedDomainRows(context.db);
}
