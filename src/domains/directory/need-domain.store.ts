// SQL of the social-need domains and of the rules that map taxonomy terms (by id, or by a keyword
// in their names) onto them.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { NeedDomain } from './directory.schema';

export async function listNeedDomainRows(q: Queryable): Promise<NeedDomain[]> {
  return q.query<NeedDomain>('SELECT code, name, description FROM need_domain ORDER BY position');
}

export async function needDomainExists(q: Queryable, code: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM need_domain WHERE code = $1', [code])).length > 0;
}

export async function taxonomyTermExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM hsds_taxonomy_term WHERE id = $1', [id])).length > 0;
}

export type NeedDomainRuleRow = TableRow<'need_domain_rule'> & {
  taxonomy_term_name: TableRow<'hsds_taxonomy_term'>['name'] | null;
};

const ruleColumns = `r.id, r.need_domain, r.taxonomy_term_id, t.name AS taxonomy_term_name, r.keyword, r.created_at
  FROM need_domain_rule r LEFT JOIN hsds_taxonomy_term t ON t.id = r.taxonomy_term_id`;

export async function listNeedDomainRuleRows(q: Queryable): Promise<NeedDomainRuleRow[]> {
  return q.query<NeedDomainRuleRow>(`SELECT ${ruleColumns} ORDER BY r.need_domain, r.keyword NULLS FIRST, t.name`);
}

export async function findNeedDomainRule(q: Queryable, id: string): Promise<NeedDomainRuleRow | undefined> {
  return (await q.query<NeedDomainRuleRow>(`SELECT ${ruleColumns} WHERE r.id = $1`, [id]))[0];
}

/** The new rule's id, or undefined when the same rule exists already. */
export async function insertNeedDomainRule(
  q: Queryable,
  rule: { needDomain: string; taxonomyTermId: string | null; keyword: string | null },
): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO need_domain_rule (need_domain, taxonomy_term_id, keyword) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING id`,
    [rule.needDomain, rule.taxonomyTermId, rule.keyword],
  );
  return rows[0]?.id;
}

export async function deleteNeedDomainRule(
  q: Queryable,
  id: string,
): Promise<{ taxonomy_term_id: string | null; keyword: string | null } | undefined> {
  const [removed] = await q.query<{ taxonomy_term_id: string | null; keyword: string | null }>(
    'DELETE FROM need_domain_rule WHERE id = $1 RETURNING taxonomy_term_id, keyword',
    [id],
  );
  return removed;
}

/** Maps taxonomy terms onto need domains (rules an admin could also add). */
export async function addNeedDomainTermRules(
  q: Queryable,
  rules: { taxonomyTermId: string; needDomain: string }[],
): Promise<void> {
  if (rules.length === 0) return;
  await q.query(
    `INSERT INTO need_domain_rule (need_domain, taxonomy_term_id)
     SELECT r->>'needDomain', (r->>'taxonomyTermId')::uuid FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rules)],
  );
}
