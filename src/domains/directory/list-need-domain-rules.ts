// The rules that map taxonomy terms onto need domains, for the network admins who keep them.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { listNeedDomainRuleRows, type NeedDomainRuleRow } from './need-domain.store';

export async function listNeedDomainRules(
  context: UseCaseContext,
  _props: Record<string, never> = {},
): Promise<NeedDomainRuleRow[]> {
  await authorizeFor(context, 'directory.administer', {}, 'need_domain_rule');
  return listNeedDomainRuleRows(context.db);
}
