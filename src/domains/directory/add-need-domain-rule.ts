// A network admin maps a taxonomy term, or every term (and untagged service name) holding a
// keyword, onto a need domain. Audited; the entries of the services it reaches follow in the same
// transaction, so the next search by that need finds them.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { NeedDomainRuleBody } from './directory.schema';
import {
  findNeedDomainRule,
  insertNeedDomainRule,
  needDomainExists,
  taxonomyTermExists,
  type NeedDomainRuleRow,
} from './need-domain.store';
import { rebuildEntriesReachedByRule } from './search-index';

export async function addNeedDomainRule(
  context: UseCaseContext,
  props: { body: NeedDomainRuleBody },
): Promise<NeedDomainRuleRow> {
  const { body } = props;
  await authorizeFor(context, 'directory.administer', {}, 'need_domain_rule');
  return context.db.tx(async (q) => {
    if (!(await needDomainExists(q, body.needDomain))) throw AppError.field('needDomain', 'is not a need-domain code');
    if (body.taxonomyTermId && !(await taxonomyTermExists(q, body.taxonomyTermId))) {
      throw AppError.field('taxonomyTermId', 'is not a taxonomy term of the directory');
    }
    const rule = { taxonomyTermId: body.taxonomyTermId ?? null, keyword: body.keyword ?? null };
    const id = await insertNeedDomainRule(q, { needDomain: body.needDomain, ...rule });
    if (!id) throw AppError.field(body.keyword ? 'keyword' : 'taxonomyTermId', 'this rule exists already', 'conflict');
    await rebuildEntriesReachedByRule(q, rule);
    await audit(q, auditContextOf(context), { action: 'need_domain_rule.create', recordType: 'need_domain_rule', recordId: id });
    return (await findNeedDomainRule(q, id))!;
  });
}
