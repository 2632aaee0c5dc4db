// `kith backup <file>` and `kith restore <file>`: the whole database as a logical file (the format
// is in backup-format.ts), so a backup of the embedded engine restores onto a PostgreSQL server
// and the other way round, which pg_dump's files cannot promise.
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { isConnectionError, type Database, type Queryable } from '../platform/db/database';
import { applyMigrations, ensureMigrationsTable, MIGRATION_LOCK, migrationFiles } from '../platform/db/migrate';
import { AppError } from '../platform/http/app-error';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  describeTables,
  encodedRowsSql,
  ident,
  insertRows,
  readSequences,
  refreshMaterializedViews,
  relaxConstraints,
  restoreSequences,
  type BackupHeader,
  type CatalogTable,
  type TableLine,
  type Trailer,
} from './backup-format';
import { damaged, describeTotals, fileSize, parseHeader, parseLine, plural, readLines, seconds } from './backup-file';
import { progressBar, type Progress } from './progress';

/** Read and write for the owner only. */
export const BACKUP_FILE_MODE = 0o600;
const FETCH_ROWS = 2_000;
const INSERT_ROWS = 2_000;
const INSERT_BYTES = 4 * 1024 * 1024;

export async function backupDatabase(db: Database, file: string): Promise<void> {
  const started = performance.now();
  const target = path.resolve(file);
  // Written aside and renamed at the end: a failed backup never leaves a file that looks whole.
  const partial = `${target}.partial`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The file holds password, session and token hashes and the audit log: only its owner may read
  // it (0600), whatever the umask. A partial file left by a crash is replaced, not reused.
  fs.rmSync(partial, { force: true });
  const bar = progressBar('backup');
  let totals = { tables: 0, rows: 0 };
  try {
    await db.tx(async (q) => {
      // One snapshot for every table: a change made meanwhile is in the backup wholly or not at all.
      await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await q.query(`SET LOCAL TimeZone = 'UTC'`);
      await q.query('SET LOCAL extra_float_digits = 3');
      const tables = await describeTables(q);
      const counts = new Map<string, number>();
      for (const table of tables) {
        const [row] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM public.${ident(table.name)}`);
        counts.set(table.name, Number(row?.n ?? 0));
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine: db.engine,
        serverVersion: (await q.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version']))[0]?.v ?? '',
        migrations: (await q.query<{ name: string }>('SELECT name FROM kith_migrations ORDER BY name')).map((m) => m.name),
        tables: tables.map((table) => ({ table: table.name, rows: counts.get(table.name) ?? 0 })),
      };
      const total = header.tables.reduce((sum, table) => sum + table.rows, 0);
      totals = { tables: tables.length, rows: total };
      bar.update(0, total);
      await pipeline(
        Readable.from(backupLines(q, header, tables, bar)),
        zlib.createGzip(),
        fs.createWriteStream(partial, { mode: BACKUP_FILE_MODE }),
      );
    });
    fs.chmodSync(partial, BACKUP_FILE_MODE);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    bar.stop();
  }
  console.log(`Backed up ${describeTotals(totals)} to ${file} (${fileSize(target)}) in ${seconds(started)}.`);
  console.log('Only you can read the file (mode 0600): it holds password hashes and the audit log. Keep it that way.');
}

/** The file's text, a batch of lines at a time, read through a cursor so no table sits in memory. */
async function* backupLines(q: Queryable, header: BackupHeader, tables: CatalogTable[], bar: Progress) {
  const hash = createHash('sha256');
  const hashed = (text: string) => {
    hash.update(text);
    return text;
  };
  yield hashed(`${JSON.stringify(header)}\n`);
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
  const written: Record<string, number> = {};
  let done = 0;
  for (const table of tables) {
    const expected = header.tables.find((t) => t.table === table.name)?.rows ?? 0;
    const line: TableLine = {
      table: table.name,
      columns: table.columns.map(({ name, type }) => ({ name, type })),
      rows: expected,
    };
    yield hashed(`${JSON.stringify(line)}\n`);
    let read = 0;
    await q.query(`DECLARE kith_backup NO SCROLL CURSOR FOR ${encodedRowsSql(table)}`);
    for (;;) {
      const batch = await q.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM kith_backup`);
      if (batch.length === 0) break;
      // Only a plain json value can hold a raw line break, and there it is mere white space.
      yield hashed(`${batch.map((row) => row.line.replaceAll('\n', ' ')).join('\n')}\n`);
      read += batch.length;
      done += batch.length;
      bar.update(done, total);
    }
    await q.query('CLOSE kith_backup');
    // The counts came from the same snapshot, so a difference is a bug, not a busy database.
    if (read !== expected) throw new Error(`${table.name}: counted ${expected} rows but read ${read}`);
    written[table.name] = read;
  }
  const trailer: Trailer = {
    trailer: true,
    tables: written,
    rows: done,
    sequences: await readSequences(q),
    sha256: hash.digest('hex'),
  };
  yield `${JSON.stringify(trailer)}\n`;
}

export async function restoreDatabase(db: Database, file: string, options: { force: boolean }): Promise<void> {
  const started = performance.now();
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('not_found', `There is no backup file at ${file}.`);
  const hash = createHash('sha256');
  const lines = readLines(file);
  let totals = { tables: 0, rows: 0, newer: 0 };
  try {
    const first = await lines.next();
    const header = parseHeader(file, first.done ? '' : first.value);
    hash.update(`${first.value}\n`);
    const known = migrationFiles();
    checkMigrations(file, header.migrations, known);
    if (!options.force) await refuseIfHoldingData(db);
    const bar = progressBar('restore');
    try {
      totals = await db.tx((q) => load(q, file, header, lines, hash, known, bar));
    } catch (error) {
      if (error instanceof AppError || isConnectionError(error) || !isSqlError(error)) throw error;
      throw new AppError('internal', `Restoring ${file} failed and the database was left as it was: ${error.message}`);
    } finally {
      bar.stop();
    }
  } finally {
    await lines.return(undefined);
  }
  const newer = totals.newer ? `, then applied ${plural(totals.newer, 'newer migration')}` : '';
  console.log(`Restored ${describeTotals(totals)} from ${file} (${fileSize(file)}) in ${seconds(started)}${newer}.`);
}

/** Everything a restore does, in the one transaction that commits it all or leaves all as it was. */
async function load(
  q: Queryable,
  file: string,
  header: BackupHeader,
  lines: AsyncGenerator<string>,
  hash: Hash,
  known: string[],
  bar: Progress,
) {
  await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  // The audit log refuses DELETE and TRUNCATE by design, so the old data leaves with its schema;
  // the backup's own migrations then rebuild the schema exactly as it was when the backup was made.
  await q.query('DROP SCHEMA public CASCADE');
  await q.query('CREATE SCHEMA public');
  await q.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
  await ensureMigrationsTable(q);
  await applyMigrations(q, header.migrations);

  const catalog = new Map((await describeTables(q)).map((table) => [table.name, table]));
  const listed = header.tables.map((t) => t.table).sort();
  if (listed.join() !== [...catalog.keys()].sort().join()) {
    throw damaged(
      file,
      `its tables (${listed.join(', ')}) are not those its migrations make (${[...catalog.keys()].sort().join(', ')})`,
    );
  }
  const putBack = await relaxConstraints(q, [...catalog.values()]);
  // Migrations may seed reference rows (need domains and their rules); the backup holds them as
  // they were, edits included, so the seeded copies make way.
  for (const name of catalog.keys()) await q.query(`DELETE FROM ${ident(name)}`);

  const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
  const counts: Record<string, number> = {};
  let table: CatalogTable | undefined;
  let batch: unknown[][] = [];
  let batchBytes = 0;
  let done = 0;
  let trailer: Trailer | undefined;
  let lineNumber = 1;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    await insertRows(q, table, batch);
    done += batch.length;
    bar.update(done, total);
    batch = [];
    batchBytes = 0;
  };
  bar.update(0, total);
  for await (const line of lines) {
    lineNumber += 1;
    if (trailer) {
      if (line.trim() === '') continue;
      throw damaged(file, `line ${lineNumber} comes after its last line`);
    }
    const value = parseLine(file, line, lineNumber);
    if (Array.isArray(value)) {
      if (!table) throw damaged(file, `line ${lineNumber} is a row before any table`);
      if (value.length !== table.columns.length)
        throw damaged(file, `line ${lineNumber} has ${value.length} values for ${table.columns.length} columns`);
      hash.update(`${line}\n`);
      batch.push(value);
      batchBytes += line.length;
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      if (batch.length >= INSERT_ROWS || batchBytes >= INSERT_BYTES) await flush();
    } else if (value.trailer === true) {
      await flush();
      trailer = value as unknown as Trailer;
    } else if (typeof value.table === 'string' && Array.isArray(value.columns)) {
      await flush();
      hash.update(`${line}\n`);
      table = tableOf(file, value as unknown as TableLine, catalog, counts);
    } else {
      throw damaged(file, `line ${lineNumber} is neither a table, a row nor the last line`);
    }
  }
  if (!trailer) throw damaged(file, 'it ends before its last line (the file was cut short)');
  if (trailer.sha256 !== hash.digest('hex')) throw damaged(file, 'its checksum does not match its contents');
  for (const { table: name, rows } of header.tables) {
    const read = counts[name] ?? 0;
    if (read !== rows || trailer.tables[name] !== rows) throw damaged(file, `${name} should have ${rows} rows but has ${read}`);
  }
  await putBack();
  await restoreSequences(q, Array.isArray(trailer.sequences) ? trailer.sequences : []);
  // Rows restored at the backup's version, the migrations it did not have bring them up to date.
  const newer = known.slice(header.migrations.length);
  await applyMigrations(q, newer);
  await refreshMaterializedViews(q);
  return { tables: catalog.size, rows: done, newer: newer.length };
}

/** The catalog's table, with its columns in the file's order, once the two agree. */
function tableOf(
  file: string,
  line: TableLine,
  catalog: Map<string, CatalogTable>,
  counts: Record<string, number>,
): CatalogTable {
  const table = catalog.get(line.table);
  if (!table) throw damaged(file, `it holds a table ${line.table} that its migrations do not make`);
  if (line.table in counts) throw damaged(file, `it holds table ${line.table} twice`);
  counts[line.table] = 0;
  const columns = line.columns.map((column: Partial<TableLine['columns'][number]> | null) => {
    const match = table.columns.find((c) => c.name === column?.name);
    if (!match || match.type !== column?.type)
      throw damaged(file, `column ${line.table}.${column?.name} (${column?.type}) does not match the schema`);
    return match;
  });
  if (new Set(columns).size !== table.columns.length || columns.length !== table.columns.length) {
    throw damaged(file, `the columns of ${line.table} do not match the schema`);
  }
  return { ...table, columns };
}

function checkMigrations(file: string, theirs: string[], ours: string[]): void {
  theirs.forEach((name, index) => {
    if (!ours.includes(name)) {
      throw new AppError(
        'conflict',
        `${file} was made by a newer Kith: its database has migration ${name}, which this Kith does not know. Upgrade Kith, then restore.`,
      );
    }
    if (ours[index] !== name) {
      throw new AppError(
        'conflict',
        `${file} has migration ${name} where this Kith has ${ours[index] ?? 'none'}; it was made by a different line of Kith and cannot be restored here.`,
      );
    }
  });
}

async function refuseIfHoldingData(db: Database): Promise<void> {
  const [held] = await db.query<{ organizations: number; users: number }>(
    'SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM users) AS users',
  );
  if (held && (held.organizations > 0 || held.users > 0)) {
    throw new AppError(
      'conflict',
      `The database (${db.location}) already holds ${plural(held.organizations, 'organisation')} and ${plural(held.users, 'user')}; restore replaces everything in it only when given --force.`,
    );
  }
}

function isSqlError(error: unknown): error is Error {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'severity' in error;
}
