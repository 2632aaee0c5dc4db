// Writes HSDS records into the hsds_* tables, generically from the model: one set-based upsert per
// table and batch (json_populate_recordset types every column from the table itself, on both
// engines), so thousands of rows cost one round trip. A row whose values did not change is not
// rewritten, so re-importing a file leaves no trace; each batch counts what it inserted and updated.
import type { Queryable } from '../../platform/db/database';
import { hsdsModel, hsdsObjectNames, type HsdsObjectName } from './hsds-model';

/** One HSDS object's scalar fields, keyed by HSDS field name; ids are UUID strings. */
export type HsdsRow = Record<string, unknown>;
export type HsdsRecords = Partial<Record<HsdsObjectName, HsdsRow[]>>;

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const BATCH = 10_000;

function upsertSql(object: HsdsObjectName): string {
  const { table, fields } = hsdsModel[object];
  const columns = Object.keys(fields);
  const others = columns.filter((column) => column !== 'id');
  const list = columns.join(', ');
  return `WITH written AS (
      INSERT INTO ${table} (${list})
      SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json) ORDER BY id
      ON CONFLICT (id) DO UPDATE SET ${others.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}
      WHERE (${others.map((column) => `${table}.${column}`).join(', ')}) IS DISTINCT FROM (${others.map((column) => `EXCLUDED.${column}`).join(', ')})
      RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;
}

const statements = new Map(hsdsObjectNames.map((object) => [object, upsertSql(object)]));

/** Upserts the records by id, table by table; returns the counts per object type. */
export async function upsertHsdsRecords(
  q: Queryable,
  records: HsdsRecords,
  onBatch?: (object: HsdsObjectName, rows: number) => void,
): Promise<Partial<Record<HsdsObjectName, WriteCounts>>> {
  const counts: Partial<Record<HsdsObjectName, WriteCounts>> = {};
  for (const object of hsdsObjectNames) {
    const rows = records[object];
    if (!rows?.length) continue;
    const count: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const [result] = await q.query<{ inserted: number; updated: number }>(statements.get(object)!, [JSON.stringify(batch)]);
      count.inserted += result?.inserted ?? 0;
      count.updated += result?.updated ?? 0;
      count.unchanged += batch.length - (result?.inserted ?? 0) - (result?.updated ?? 0);
      onBatch?.(object, batch.length);
    }
    counts[object] = count;
  }
  return counts;
}
