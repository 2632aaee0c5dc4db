// Administration of the directory: the rules that map imported taxonomy terms onto need domains,
// and the link between a directory organisation and the network organisation it has become.
// Network admins only; each change is audited and the search index follows in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { linkDirectoryOrganization } from './directory.store';
import type { Queryable } from '../../platform/db/database';
import { rebuildSearchEntries, servicesReachedByRule } from './search-index';

export interface NeedDomainRuleRow {
  id: string;
  need_domain: string;
  taxonomy_term_id: string | null;
  taxonomy_term_name: string | null;
  keyword: string | null;
  created_at: Date;
}

export async function listNeedDomainRules(context: UseCaseContext): Promise<NeedDomainRuleRow[]> {
  await authorizeFor(context, 'directory.administer', {}, 'need_domain_rule');
  return context.db.query<NeedDomainRuleRow>(
    `SELECT r.id, r.need_domain, r.taxonomy_term_id, t.name AS taxonomy_term_name, r.keyword, r.created_at
       FROM need_domain_rule r LEFT JOIN hsds_taxonomy_term t ON t.id = r.taxonomy_term_id
      ORDER BY r.need_domain, r.keyword NULLS FIRST, t.name`,
  );
}

export async function addNeedDomainRule(
  context: UseCaseContext,
  props: { needDomain: string; taxonomyTermId?: string; keyword?: string },
): Promise<NeedDomainRuleRow> {
  await authorizeFor(context, 'directory.administer', {}, 'need_domain_rule');
  return context.db.tx(async (q) => {
    if ((await q.query('SELECT 1 FROM need_domain WHERE code = $1', [props.needDomain])).length === 0) {
      throw AppError.field('needDomain', 'is not a need-domain code');
    }
    if (
      props.taxonomyTermId &&
      (await q.query('SELECT 1 FROM hsds_taxonomy_term WHERE id = $1', [props.taxonomyTermId])).length === 0
    ) {
      throw AppError.field('taxonomyTermId', 'is not a taxonomy term of the directory');
    }
    const rows = await q.query<{ id: string }>(
      `INSERT INTO need_domain_rule (need_domain, taxonomy_term_id, keyword) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [props.needDomain, props.taxonomyTermId ?? null, props.keyword ?? null],
    );
    if (!rows[0]) throw AppError.field(props.keyword ? 'keyword' : 'taxonomyTermId', 'this rule exists already', 'conflict');
    await refreshRuleServices(q, { taxonomyTermId: props.taxonomyTermId ?? null, keyword: props.keyword ?? null });
    await audit(q, auditContextOf(context), {
      action: 'need_domain_rule.create',
      recordType: 'need_domain_rule',
      recordId: rows[0].id,
    });
    return (
      await q.query<NeedDomainRuleRow>(
        `SELECT r.id, r.need_domain, r.taxonomy_term_id, t.name AS taxonomy_term_name, r.keyword, r.created_at
           FROM need_domain_rule r LEFT JOIN hsds_taxonomy_term t ON t.id = r.taxonomy_term_id WHERE r.id = $1`,
        [rows[0].id],
      )
    )[0]!;
  });
}

export async function removeNeedDomainRule(context: UseCaseContext, props: { ruleId: string }): Promise<void> {
  await authorizeFor(context, 'directory.administer', {}, 'need_domain_rule');
  await context.db.tx(async (q) => {
    const [removed] = await q.query<{ taxonomy_term_id: string | null; keyword: string | null }>(
      'DELETE FROM need_domain_rule WHERE id = $1 RETURNING taxonomy_term_id, keyword',
      [props.ruleId],
    );
    if (!removed) throw new AppError('not_found', 'No need-domain rule with this id.');
    await refreshRuleServices(q, { taxonomyTermId: removed.taxonomy_term_id, keyword: removed.keyword });
    await audit(q, auditContextOf(context), {
      action: 'need_domain_rule.delete',
      recordType: 'need_domain_rule',
      recordId: props.ruleId,
    });
  });
}

/** Rebuilds the entries of the services a rule reaches, and the counts of services per need. */
async function refreshRuleServices(q: Queryable, rule: { taxonomyTermId: string | null; keyword: string | null }): Promise<void> {
  await rebuildSearchEntries(q, { serviceIds: await servicesReachedByRule(q, rule), statistics: true });
}

/** Links a directory organisation to the network organisation whose staff will keep its capacity. */
export async function linkOrganization(
  context: UseCaseContext,
  props: { hsdsOrganizationId: string; organizationId: string | null },
): Promise<void> {
  await authorizeFor(context, 'directory.administer', {}, 'directory_organization');
  await context.db.tx(async (q) => {
    if ((await q.query('SELECT 1 FROM hsds_organization WHERE id = $1', [props.hsdsOrganizationId])).length === 0) {
      throw new AppError('not_found', 'No directory organization with this id.');
    }
    if (props.organizationId === null) {
      await q.query('DELETE FROM directory_organization_link WHERE hsds_organization_id = $1', [props.hsdsOrganizationId]);
    } else {
      if ((await q.query('SELECT 1 FROM organizations WHERE id = $1', [props.organizationId])).length === 0) {
        throw AppError.field('organizationId', 'is not an organisation of the network');
      }
      await linkDirectoryOrganization(q, props.hsdsOrganizationId, props.organizationId);
    }
    await audit(q, auditContextOf(context), {
      action: 'directory_organization.link',
      recordType: 'hsds_organization',
      recordId: props.hsdsOrganizationId,
      recordOrganizationId: props.organizationId ?? undefined,
    });
  });
}
