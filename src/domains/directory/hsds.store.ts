// Writes HSDS records into the hsds_* tables, generically from the model: one set-based upsert per
// table and batch (json_populate_recordset types every column from the table itself, on both
// engines), so thousands of rows cost one round trip. A row whose values did not change is not
// rewritten, so re-importing a file leaves no trace; each batch counts what it inserted and updated.
// A first load into empty tables has nothing to compare with: on a PostgreSQL server it streams
// the rows with COPY instead, which costs the server about a third as much per row.
// Also the rest of what an import writes and checks: which link targets exist, the crosswalk of
// source ids, and the services a data set no longer has.
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

/** The columns of a written row that name the records it belongs to (whose search entries it is part of). */
const belongsTo = [
  'service_id',
  'location_id',
  'organization_id',
  'service_at_location_id',
  'link_id',
  'taxonomy_term_id',
] as const;

/** A row an upsert inserted or changed: its id and the records it belongs to. */
export type WrittenRow = { id: string } & Partial<Record<(typeof belongsTo)[number], string | null>>;

/**
 * What an upsert really inserted or changed, object by object (rows sent but equal to what the
 * directory held are not in it), so that only their search entries are rebuilt. `everything`:
 * the tables were empty and every row is new.
 */
export class WrittenRecords {
  everything = false;
  readonly rows = new Map<HsdsObjectName, WrittenRow[]>();

  add(object: HsdsObjectName, rows: readonly WrittenRow[]): void {
    if (!rows.length) return;
    const list = this.rows.get(object);
    if (list) list.push(...rows);
    else this.rows.set(object, [...rows]);
  }

  of(object: HsdsObjectName): readonly WrittenRow[] {
    return this.rows.get(object) ?? [];
  }

  /** The ids of the organisations and services the import sent, written or found as they were. */
  readonly sent = { organization: [] as string[], service: [] as string[] };
}

function upsertSql(object: HsdsObjectName, returning: 'counts' | 'rows'): string {
  const { table, fields } = hsdsModel[object];
  const columns = Object.keys(fields);
  const others = columns.filter((column) => column !== 'id');
  const list = columns.join(', ');
  const links = belongsTo.filter((column) => column in fields).map((column) => `, ${column}::text AS ${column}`);
  const written = `INSERT INTO ${table} (${list})
      SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json) ORDER BY id
      ON CONFLICT (id) DO UPDATE SET ${others.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}
      WHERE (${others.map((column) => `${table}.${column}`).join(', ')}) IS DISTINCT FROM (${others.map((column) => `EXCLUDED.${column}`).join(', ')})`;
  if (returning === 'rows') return `${written} RETURNING (xmax = 0) AS inserted, id::text AS id${links.join('')}`;
  return `WITH written AS (${written} RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;
}

const statements = new Map(hsdsObjectNames.map((object) => [object, upsertSql(object, 'counts')]));
const returningStatements = new Map(hsdsObjectNames.map((object) => [object, upsertSql(object, 'rows')]));

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
  /** Collects what was really inserted or changed (everything, into empty tables). */
  written?: WrittenRecords;
}

/** Upserts the records by id, table by table; returns the counts per object type. */
export async function upsertHsdsRecords(
  q: Queryable,
  records: HsdsRecords,
  onBatch?: (object: HsdsObjectName, rows: number) => void,
  options: UpsertOptions = {},
): Promise<Partial<Record<HsdsObjectName, WriteCounts>>> {
  const counts: Partial<Record<HsdsObjectName, WriteCounts>> = {};
  if (options.intoEmpty && options.written) options.written.everything = true;
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
    // Into empty tables every row is new: which ones were written need not be listed.
    const listed = options.written && !options.intoEmpty ? options.written : undefined;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      let inserted: number;
      let updated: number;
      if (listed) {
        const written = await q.query<WrittenRow & { inserted: boolean }>(returningStatements.get(object)!, [
          JSON.stringify(batch),
        ]);
        inserted = written.filter((row) => row.inserted).length;
        updated = written.length - inserted;
        listed.add(
          object,
          written.map(({ inserted: _inserted, ...row }) => row),
        );
        if (object === 'organization' || object === 'service') listed.sent[object].push(...batch.map((row) => String(row.id)));
      } else {
        const [result] = await q.query<{ inserted: number; updated: number }>(statements.get(object)!, [JSON.stringify(batch)]);
        inserted = result?.inserted ?? 0;
        updated = result?.updated ?? 0;
      }
      count.inserted += inserted;
      count.updated += updated;
      count.unchanged += batch.length - inserted - updated;
      onBatch?.(object, batch.length);
    }
    counts[object] = count;
  }
  return counts;
}

/** Which of `ids` the directory holds as `object`s (the UUIDs among them; batches of 10,000). */
export async function existingHsdsIds(q: Queryable, object: HsdsObjectName, ids: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (let start = 0; start < ids.length; start += 10_000) {
    const rows = await q.query<{ id: string }>(
      `SELECT id::text AS id FROM ${hsdsModel[object].table} WHERE id = ANY ($1::uuid[])`,
      [ids.slice(start, start + 10_000)],
    );
    for (const row of rows) present.add(row.id);
  }
  return present;
}

/** One record of a data set as its source named it, and the HSDS id it was given. */
export interface SourceRecord {
  object_type: string;
  source_id: string;
  id: string;
}

const SOURCE_BATCH = 10_000;

const crosswalkSql = `
  INSERT INTO directory_source_record (dataset, object_type, source_id, id)
  SELECT $2, r.object_type, r.source_id, r.id FROM json_to_recordset($1::json) AS r(object_type text, source_id text, id uuid)
  ON CONFLICT (dataset, object_type, source_id) DO UPDATE SET id = EXCLUDED.id
  WHERE directory_source_record.id IS DISTINCT FROM EXCLUDED.id`;

/** Keeps the crosswalk from a data set's source ids to HSDS ids, in batches; reports each batch's size. */
export async function recordSourceIds(
  q: Queryable,
  dataset: string,
  records: readonly SourceRecord[],
  onBatch?: (rows: number) => void,
): Promise<void> {
  for (let start = 0; start < records.length; start += SOURCE_BATCH) {
    const batch = records.slice(start, start + SOURCE_BATCH);
    await q.query(crosswalkSql, [JSON.stringify(batch), dataset]);
    onBatch?.(batch.length);
  }
}

/** A source record and the hash of its content, as last imported whole and clean (null: read it again). */
export interface SourceRecordHash extends SourceRecord {
  content_hash: string | null;
}

const hashesSql = `
  INSERT INTO directory_source_record (dataset, object_type, source_id, id, content_hash)
  SELECT $2, r.object_type, r.source_id, r.id, r.content_hash
    FROM json_to_recordset($1::json) AS r(object_type text, source_id text, id uuid, content_hash text)
  ON CONFLICT (dataset, object_type, source_id) DO UPDATE SET id = EXCLUDED.id, content_hash = EXCLUDED.content_hash
  WHERE (directory_source_record.id, directory_source_record.content_hash) IS DISTINCT FROM (EXCLUDED.id, EXCLUDED.content_hash)`;

/** Keeps what each source record said when last imported (its hash), so that a re-import can skip it. */
export async function recordSourceHashes(q: Queryable, dataset: string, records: readonly SourceRecordHash[]): Promise<void> {
  for (let start = 0; start < records.length; start += SOURCE_BATCH) {
    await q.query(hashesSql, [JSON.stringify(records.slice(start, start + SOURCE_BATCH)), dataset]);
  }
}

/** The data set's source records with a content hash: those a re-import may skip if they still say the same. */
export async function sourceHashesOf(q: Queryable, dataset: string): Promise<SourceRecordHash[]> {
  return q.query<SourceRecordHash>(
    `SELECT object_type, source_id, id::text AS id, content_hash FROM directory_source_record
      WHERE dataset = $1 AND content_hash IS NOT NULL`,
    [dataset],
  );
}

export interface RetiredService {
  id: string;
  name: string;
}

/**
 * Marks defunct (HSDS status) the services of the data set that are not among `presentIds`: the
 * publisher has dropped them. They leave search once their entries are rebuilt. Their source
 * records lose their content hash, so that a service the publisher brings back as it was is read
 * again (and revived) rather than skipped as unchanged.
 */
export async function retireServicesMissingFrom(
  q: Queryable,
  dataset: string,
  presentIds: readonly string[],
): Promise<RetiredService[]> {
  const retired = await q.query<RetiredService>(
    `UPDATE hsds_service s SET status = 'defunct'
       FROM directory_source_record r
      WHERE r.dataset = $1 AND r.object_type = 'service' AND r.id = s.id
        AND s.status IS DISTINCT FROM 'defunct' AND NOT (s.id = ANY ($2::uuid[]))
     RETURNING s.id::text AS id, s.name`,
    [dataset, presentIds],
  );
  if (retired.length > 0)
    await q.query(
      `UPDATE directory_source_record SET content_hash = NULL
        WHERE dataset = $1 AND id = ANY ($2::uuid[]) AND content_hash IS NOT NULL`,
      [dataset, retired.map((service) => service.id)],
    );
  return retired;
}
