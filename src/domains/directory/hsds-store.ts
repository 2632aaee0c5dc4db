// Writes HSDS records into the hsds_* tables, generically from the model: one set-based upsert per
// table and batch (json_populate_recordset types every column from the table itself, on both
// engines), so thousands of rows cost one round trip. A row whose values did not change is not
// rewritten, so re-importing a file leaves no trace; each batch counts what it inserted and updated.
// A first load into empty tables has nothing to compare with: on a PostgreSQL server it streams
// the rows with COPY instead, which costs the server about a third as much per row.
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

// PostgreSQL's COPY text format: tab-separated columns, \N for null, and a backslash before the
// characters that would otherwise end a column or a line.
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copySpecial = /[\\\t\n\r]/;
const copySpecials = /[\\\t\n\r]/g;

function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return copySpecial.test(text) ? text.replace(copySpecials, (character) => copyEscapes[character]!) : text;
}

const COPY_CHUNK = 1 << 18;

/** The rows as COPY text, in chunks of whole lines; only the columns some row has a value for. */
function copyLines(object: HsdsObjectName, rows: HsdsRow[]): { columns: string[]; chunks: Iterable<string> } {
  const present = new Set<string>();
  for (const row of rows) for (const field in row) if (row[field] !== null && row[field] !== undefined) present.add(field);
  const columns = Object.keys(hsdsModel[object].fields).filter((column) => present.has(column));
  function* chunks() {
    let chunk = '';
    for (const row of rows) {
      let line = copyText(row[columns[0]!]);
      for (let index = 1; index < columns.length; index++) line += '\t' + copyText(row[columns[index]!]);
      chunk += line + '\n';
      if (chunk.length >= COPY_CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return { columns, chunks: chunks() };
}

export interface UpsertOptions {
  /**
   * The HSDS tables were empty when this load began (a first import, see withBulkLoad): every row
   * is new, so a server connection copies them in. The caller guarantees one row per id.
   */
  intoEmpty?: boolean;
}

/** Upserts the records by id, table by table; returns the counts per object type. */
export async function upsertHsdsRecords(
  q: Queryable,
  records: HsdsRecords,
  onBatch?: (object: HsdsObjectName, rows: number) => void,
  options: UpsertOptions = {},
): Promise<Partial<Record<HsdsObjectName, WriteCounts>>> {
  const counts: Partial<Record<HsdsObjectName, WriteCounts>> = {};
  for (const object of hsdsObjectNames) {
    const rows = records[object];
    if (!rows?.length) continue;
    if (options.intoEmpty && q.copyFrom) {
      const { columns, chunks } = copyLines(object, rows);
      await q.copyFrom(`COPY ${hsdsModel[object].table} (${columns.join(', ')}) FROM STDIN`, chunks);
      counts[object] = { inserted: rows.length, updated: 0, unchanged: 0 };
      onBatch?.(object, rows.length);
      continue;
    }
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
