// The Kith backup format, read and written by `kith backup` / `kith restore` (backup.ts).
//
// A gzip'd file of JSON lines, so the same file restores into either engine:
//   {"format":"kith-backup","version":1,"createdAt":…,"engine":…,"migrations":[…],"tables":[…]}
//   {"table":"organizations","columns":[{"name":"id","type":"uuid"},…],"rows":12}
//   ["0b6c…","Riverside Health",…]          one JSON array per row, in primary-key order
//   …                                        the next table line, its rows, and so on
//   {"trailer":true,"tables":{…},"rows":…,"sequences":[…],"sha256":…}
// Values are what PostgreSQL's to_json gives (timestamps as ISO 8601 in UTC, jsonb as JSON,
// arrays as arrays), except where a JavaScript reader would lose something: bigint and numeric
// travel as strings (past 2^53 a JSON number is rounded) and bytea as base64. The trailer counts
// the rows and hashes every line before it, so a cut or edited file is refused.
//
// Known limit: a nullable json/jsonb column holding the JSON value `null` comes back as SQL NULL
// (both are `null` in a line); in a NOT NULL column it can only have been the JSON null.
import type { Engine, Queryable } from '../platform/db/database';

export const BACKUP_FORMAT = 'kith-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: Engine;
  serverVersion: string;
  /** The migrations applied to the database backed up: it restores at exactly this version. */
  migrations: string[];
  tables: { table: string; rows: number }[];
}

export interface Column {
  name: string;
  /** As format_type() spells it; restore checks it against the recreated table. */
  type: string;
}

export interface TableLine {
  table: string;
  columns: Column[];
  rows: number;
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface Trailer {
  trailer: true;
  tables: Record<string, number>;
  rows: number;
  sequences: SequenceState[];
  sha256: string;
}

/** How a column travels in a row line (see the top of this file). */
type Encoding = 'plain' | 'exact' | 'exact[]' | 'bytea' | 'json';

interface CatalogColumn extends Column {
  encoding: Encoding;
  notNull: boolean;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  primaryKey: string[];
}

export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const qualified = (name: string): string => `public.${ident(name)}`;

// Ordinary tables of the public schema (partitioned ones through their parent), without the
// migration ledger, which restore rebuilds itself.
const TABLES_SQL = `
  SELECT c.oid, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND c.relname <> 'kith_migrations'`;

/** Every table with its columns and primary key, parents before the tables that refer to them. */
export async function describeTables(q: Queryable): Promise<CatalogTable[]> {
  const columns = await q.query<{
    table: string;
    name: string;
    type: string;
    not_null: boolean;
    base: string;
    element: string | null;
  }>(`
    SELECT t.name AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, bt.typname AS base, et.typname AS element
    FROM (${TABLES_SQL}) t
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    JOIN pg_type ty ON ty.oid = a.atttypid
    JOIN pg_type bt ON bt.oid = CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE ty.oid END
    LEFT JOIN pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A'
    ORDER BY t.name, a.attnum`);
  const keys = await q.query<{ table: string; name: string }>(`
    SELECT t.name AS table, a.attname AS name
    FROM (${TABLES_SQL}) t
    JOIN pg_index i ON i.indrelid = t.oid AND i.indisprimary
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    ORDER BY t.name, k.position`);
  const references = await q.query<{ child: string; parent: string }>(`
    SELECT t.name AS child, p.relname AS parent
    FROM (${TABLES_SQL}) t JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'f'
    JOIN pg_class p ON p.oid = k.confrelid`);

  const tables = new Map<string, CatalogTable>();
  for (const { name } of await q.query<{ name: string }>(`SELECT name FROM (${TABLES_SQL}) t ORDER BY name`)) {
    tables.set(name, { name, columns: [], primaryKey: [] });
  }
  for (const column of columns) {
    tables.get(column.table)?.columns.push({
      name: column.name,
      type: column.type,
      notNull: column.not_null,
      encoding: encodingOf(column.base, column.element),
    });
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.name);
  return dependencyOrder([...tables.values()], references);
}

function encodingOf(base: string, element: string | null): Encoding {
  if (base === 'int8' || base === 'numeric') return 'exact';
  if (element === 'int8' || element === 'numeric') return 'exact[]';
  if (base === 'bytea') return 'bytea';
  if (base === 'json' || base === 'jsonb') return 'json';
  return 'plain';
}

/** Parents first; ties by name, so the same database always gives the same file. */
function dependencyOrder(tables: CatalogTable[], references: { child: string; parent: string }[]): CatalogTable[] {
  const ordered: CatalogTable[] = [];
  const placed = new Set<string>();
  const pending = [...tables];
  while (pending.length > 0) {
    const ready = pending.findIndex((table) =>
      references.every(
        (r) =>
          r.child !== table.name || r.parent === table.name || placed.has(r.parent) || !pending.some((t) => t.name === r.parent),
      ),
    );
    // A cycle of references has no first table: take the next by name; restore copes, because it
    // adds foreign keys back only after every row is in.
    const [next] = pending.splice(Math.max(ready, 0), 1);
    ordered.push(next!);
    placed.add(next!.name);
  }
  return ordered;
}

/** The query whose rows are the table's row lines, each already JSON text (nothing parsed in JS). */
export function encodedRowsSql(table: CatalogTable): string {
  const values = table.columns.map((column) => {
    const name = ident(column.name);
    if (column.encoding === 'exact') return `${name}::text`;
    if (column.encoding === 'exact[]') return `${name}::text[]`;
    // encode() wraps base64 every 76 characters; the line break would only cost bytes.
    if (column.encoding === 'bytea') return `translate(encode(${name}::bytea, 'base64'), E'\\n', '')`;
    return name;
  });
  // json_build_array takes at most 100 arguments: a wider table is built in pieces (as jsonb,
  // which would re-space a plain json column; no Kith table comes near that width).
  const pieces: string[] = [];
  for (let start = 0; start < values.length; start += 90) {
    pieces.push(`json_build_array(${values.slice(start, start + 90).join(', ')})`);
  }
  const line =
    pieces.length <= 1
      ? `${pieces[0] ?? 'json_build_array()'}::text`
      : `(${pieces.map((p) => `${p}::jsonb`).join(' || ')})::text`;
  const order = table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(ident).join(', ')}` : '';
  return `SELECT ${line} AS line FROM ${qualified(table.name)}${order}`;
}

/**
 * Inserts rows read from a backup. json_populate_recordset turns each JSON value into the
 * column's own type on the server, the same way on both engines.
 */
export async function insertRows(q: Queryable, table: CatalogTable, rows: unknown[][]): Promise<void> {
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    table.columns.forEach((column, index) => {
      const value = row[index];
      // bytea's text input reads hex, not base64.
      record[column.name] =
        column.encoding === 'bytea' && typeof value === 'string' ? `\\x${Buffer.from(value, 'base64').toString('hex')}` : value;
    });
    return record;
  });
  const names = table.columns.map((column) => ident(column.name));
  const values = table.columns.map((column) =>
    column.encoding === 'json' && column.notNull ? `COALESCE(${ident(column.name)}, 'null')` : ident(column.name),
  );
  await q.query(
    `INSERT INTO ${qualified(table.name)} (${names.join(', ')}) OVERRIDING SYSTEM VALUE
     SELECT ${values.join(', ')} FROM json_populate_recordset(NULL::${qualified(table.name)}, $1::json)`,
    [JSON.stringify(records)],
  );
}

/** Where every sequence of the public schema stands (read in the backup's transaction). */
export async function readSequences(q: Queryable): Promise<SequenceState[]> {
  const names = await q.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`);
  const states: SequenceState[] = [];
  for (const { name } of names) {
    const [state] = await q.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${qualified(name)}`,
    );
    if (state) states.push({ name, lastValue: state.last_value, isCalled: state.is_called });
  }
  return states;
}

/**
 * Puts the sequences back where the backup found them, then makes sure every serial or identity
 * column's sequence is past the largest value restored (a sequence moved by hand could lag).
 */
export async function restoreSequences(q: Queryable, states: SequenceState[]): Promise<void> {
  for (const state of states) {
    await q.query('SELECT setval($1::regclass, $2::bigint, $3)', [qualified(state.name), state.lastValue, state.isCalled]);
  }
  const owned = await q.query<{ table: string; column: string; sequence: string }>(`
    SELECT t.name AS table, a.attname AS column,
           pg_get_serial_sequence(format('public.%I', t.name), a.attname) AS sequence
    FROM (${TABLES_SQL}) t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE pg_get_serial_sequence(format('public.%I', t.name), a.attname) IS NOT NULL`);
  for (const { table, column, sequence } of owned) {
    // `sequence` comes from the catalog, already quoted where it needs to be.
    await q.query(
      `SELECT setval($1::regclass, x.m) FROM (SELECT max(${ident(column)}) AS m FROM ${qualified(table)}) x, ${sequence} s
       WHERE x.m IS NOT NULL AND x.m >= s.last_value + CASE WHEN s.is_called THEN 1 ELSE 0 END`,
      [sequence],
    );
  }
}

/**
 * Takes the foreign keys off while rows go in (a table may refer to itself or to a later one)
 * and switches off the tables' own triggers, which must not react to rows being put back.
 * Returns the function that puts both back; adding a foreign key checks every restored row.
 */
export async function relaxConstraints(q: Queryable, tables: CatalogTable[]): Promise<() => Promise<void>> {
  const keys = await q.query<{ table: string; name: string; definition: string }>(`
    SELECT t.name AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
    FROM (${TABLES_SQL}) t JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'f'
    ORDER BY t.name, k.conname`);
  for (const key of keys) await q.query(`ALTER TABLE ${qualified(key.table)} DROP CONSTRAINT ${ident(key.name)}`);
  // USER triggers only: the internal ones belong to constraints, and touching them needs a superuser.
  for (const table of tables) await q.query(`ALTER TABLE ${qualified(table.name)} DISABLE TRIGGER USER`);
  return async () => {
    for (const table of tables) await q.query(`ALTER TABLE ${qualified(table.name)} ENABLE TRIGGER USER`);
    for (const key of keys) {
      await q.query(`ALTER TABLE ${qualified(key.table)} ADD CONSTRAINT ${ident(key.name)} ${key.definition}`);
    }
  };
}

/** Materialised views were filled when their migration ran, before the rows came back. */
export async function refreshMaterializedViews(q: Queryable): Promise<void> {
  const views = await q.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'm' ORDER BY c.relname`);
  for (const { name } of views) await q.query(`REFRESH MATERIALIZED VIEW ${qualified(name)}`);
}
