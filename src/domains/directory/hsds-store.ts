// Writes HSDS records into the hsds_* tables, generically from the model: one set-based upsert per
// table and batch (json_populate_recordset), so thousands of rows cost one round trip.
import type { Queryable } from '../../platform/db/database';
import { hsdsModel, hsdsObjectNames, type HsdsObjectName } from './hsds-model';

/** One HSDS object's scalar fields, keyed by HSDS field name; ids are UUID strings. */
export type HsdsRow = Record<string, string | number | null | undefined>;
export type HsdsRecords = Partial<Record<HsdsObjectName, HsdsRow[]>>;

const BATCH = 2_000;

function upsertSql(object: HsdsObjectName): string {
  const { table, fields } = hsdsModel[object];
  const columns = Object.keys(fields);
  const list = columns.join(', ');
  const updates = columns.filter((column) => column !== 'id').map((column) => `${column} = EXCLUDED.${column}`);
  const changed = columns
    .filter((column) => column !== 'id')
    .map((column) => `${table}.${column} IS DISTINCT FROM EXCLUDED.${column}`)
    .join(' OR ');
  // Rows that did not change are not rewritten: re-importing the same file leaves no trace.
  return `INSERT INTO ${table} (${list})
          SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)
          ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')} WHERE ${changed || 'false'}`;
}

const statements = new Map(hsdsObjectNames.map((object) => [object, upsertSql(object)]));

/** Upserts the records by id; returns how many rows each table received. */
export async function upsertHsdsRecords(
  q: Queryable,
  records: HsdsRecords,
  onBatch?: (object: HsdsObjectName, rows: number) => void,
): Promise<Partial<Record<HsdsObjectName, number>>> {
  const written: Partial<Record<HsdsObjectName, number>> = {};
  for (const object of hsdsObjectNames) {
    const rows = records[object];
    if (!rows?.length) continue;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await q.query(statements.get(object)!, [JSON.stringify(batch)]);
      onBatch?.(object, batch.length);
    }
    written[object] = rows.length;
  }
  return written;
}
