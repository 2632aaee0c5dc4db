// A network admin removes a need-domain rule; the services it reached are found by the other
// rules only. Audited, with the search entries rebuilt in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { deleteNeedDomainRule } from './need-domain.store';
import { rebuildEntriesReachedByRule } from './search-index';

export async function removeNeedDomainRule(context: UseCaseContext, props: { ruleId: string }): Promise<void> {
  await authorizeFor(context, 'directory.administer', {}, 'need_domain_rule');
  await context.db.tx(async (q) => {
    const removed = await deleteNeedDomainRule(q, props.ruleId);
    if (!removed) throw new AppError('not_found', 'No need-domain rule with this id.');
    await rebuildEntriesReachedByRule(q, { taxonomyTermId: removed.taxonomy_term_id, keyword: removed.keyword });
    await audit(q, auditContextOf(context), {
      action: 'need_domain_rule.delete',
      recordType: 'need_domain_rule',
      recordId: props.ruleId,
    });
  });
}
