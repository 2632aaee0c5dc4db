// Builds nested HSDS JSON from the directory's stored rows, one level of the tree at a time: every
// branch of a shape is ONE read over all the parents of a batch (the directory's hsdsRowsWhere,
// WHERE link = ANY($1)), so a page of 500 services costs the same few dozen queries as a page of
// 5, and never a query per record.
import type { Queryable } from '../../../platform/db/database';
import { hsdsRowsWhere, type HsdsObjectName } from '../../../domains/directory/index';
import { hsdsScalars, type HsdsJson, type Row } from './hsds-values';

/**
 * One child array or embedded object of a shape. `many`: the rows whose `column` holds the
 * parent's id (phones of a service). `one`: the row whose id the parent holds in `column`
 * (the organization of a service).
 */
export interface Branch {
  key: string;
  object: HsdsObjectName;
  kind: 'many' | 'one';
  column: string;
  children?: Branch[];
}

export const many = (key: string, object: HsdsObjectName, column: string, children?: Branch[]): Branch => ({
  key,
  object,
  kind: 'many',
  column,
  children,
});
export const one = (key: string, object: HsdsObjectName, column: string, children?: Branch[]): Branch => ({
  key,
  object,
  kind: 'one',
  column,
  children,
});

/** What one assembly collects on the way down, to finish in a single pass at the end. */
export interface BuildContext {
  /** Objects that may carry attributes[], filled in by `attachAttributes` (none when undefined). */
  attributable?: HsdsJson[];
}

const noAttributes = new Set<HsdsObjectName>(['taxonomy', 'taxonomy_term', 'attribute']);

/** The stored rows of `object` whose `column` is one of `ids`, in id order (read by the directory). */
export const rowsWhere = (q: Queryable, object: HsdsObjectName, column: string, ids: readonly string[]): Promise<Row[]> =>
  hsdsRowsWhere(q, object, column, ids);

const uniqueIds = (values: unknown[]) => [...new Set(values.filter((value): value is string => typeof value === 'string'))];

/** The JSON of `rows` with their branches, in the order of `rows`. */
export async function build(
  q: Queryable,
  object: HsdsObjectName,
  rows: Row[],
  branches: readonly Branch[],
  context: BuildContext,
  omit: readonly string[] = [],
): Promise<HsdsJson[]> {
  const jsons = rows.map((row) => hsdsScalars(object, row, omit));
  if (context.attributable && !noAttributes.has(object)) context.attributable.push(...jsons);
  // Branches load in parallel, then land in their declared order so the JSON keys are stable.
  const loaded = await Promise.all(branches.map((branch) => load(q, rows, branch, context)));
  branches.forEach((branch, index) => {
    const valueFor = loaded[index]!;
    rows.forEach((row, rowIndex) => {
      const value = valueFor(row);
      if (value !== undefined) jsons[rowIndex]![branch.key] = value;
    });
  });
  return jsons;
}

async function load(
  q: Queryable,
  parents: Row[],
  branch: Branch,
  context: BuildContext,
): Promise<(parent: Row) => HsdsJson | HsdsJson[] | undefined> {
  if (branch.kind === 'many') {
    const rows = await rowsWhere(q, branch.object, branch.column, uniqueIds(parents.map((parent) => parent.id)));
    const jsons = await build(q, branch.object, rows, branch.children ?? [], context, [branch.column]);
    const byParent = new Map<string, HsdsJson[]>();
    rows.forEach((row, index) => {
      const parentId = String(row[branch.column]);
      const list = byParent.get(parentId);
      if (list) list.push(jsons[index]!);
      else byParent.set(parentId, [jsons[index]!]);
    });
    return (parent) => byParent.get(String(parent.id));
  }
  const rows = await rowsWhere(q, branch.object, 'id', uniqueIds(parents.map((parent) => parent[branch.column])));
  const jsons = await build(q, branch.object, rows, branch.children ?? [], context);
  const byId = new Map(rows.map((row, index) => [String(row.id), jsons[index]!]));
  return (parent) => (parent[branch.column] == null ? undefined : byId.get(String(parent[branch.column])));
}

/**
 * Gives every collected object its attributes[], each with its taxonomy_term{} and that term's
 * taxonomy_detail{}: three queries for the whole batch. The attribute's link_id is left out, as
 * its place says it; link_entity and taxonomy_term_id stay so that it flattens back to a row.
 */
export async function attachAttributes(q: Queryable, objects: HsdsJson[]): Promise<void> {
  const ids = uniqueIds(objects.map((object) => object.id));
  const attributeRows = await rowsWhere(q, 'attribute', 'link_id', ids);
  if (attributeRows.length === 0) return;
  const terms = await taxonomyTerms(q, uniqueIds(attributeRows.map((row) => row.taxonomy_term_id)));
  const byLink = new Map<string, HsdsJson[]>();
  for (const row of attributeRows) {
    const json = hsdsScalars('attribute', row, ['link_id']);
    const term = row.taxonomy_term_id == null ? undefined : terms.get(String(row.taxonomy_term_id));
    if (term) json.taxonomy_term = term;
    const list = byLink.get(String(row.link_id));
    if (list) list.push(json);
    else byLink.set(String(row.link_id), [json]);
  }
  for (const object of objects) {
    const attributes = byLink.get(String(object.id));
    if (attributes) object.attributes = attributes;
  }
}

/** Taxonomy terms by id, each with its taxonomy_detail{} (the whole taxonomy object). */
export async function taxonomyTerms(q: Queryable, ids: readonly string[]): Promise<Map<string, HsdsJson>> {
  const rows = await rowsWhere(q, 'taxonomy_term', 'id', ids);
  const jsons = await build(q, 'taxonomy_term', rows, [one('taxonomy_detail', 'taxonomy', 'taxonomy_id')], {});
  return new Map(rows.map((row, index) => [String(row.id), jsons[index]!]));
}

/** `rows` put back in the order of `ids` (a page's order), dropping ids that matched nothing. */
export function inOrder<T extends { id?: unknown }>(ids: readonly string[], items: T[]): T[] {
  const byId = new Map(items.map((item) => [String(item.id), item]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
