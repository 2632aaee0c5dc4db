// Each table is written and read in SQL only by the folder that owns it (table-owners.ts); any
// other code reaches it through the owner's index.ts. This reads every .ts file under src/ and
// names the file and line of each SQL that names a table of another owner.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpolated, tablesNamedInSql, tablesOfMigrations } from './sql-tables';
import { everyTableFiles, ownerOf, tableOwners, tablesNamedByTheMap } from './table-owners';

const repository = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(repository, folder), { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.ts'))
    .map((entry) => path.posix.join(folder, entry.split(path.sep).join('/')))
    .sort();
}

const knownTables = new Set([...tablesOfMigrations(path.join(repository, 'migrations')), ...tablesNamedByTheMap]);

/**
 * `file:line names table, a table of folder` for each table a file names outside its owner's
 * folder. A table the map does not place is reported once, by the test of the map. SQL on an
 * interpolated name is refused outside the owners' folders, which alone write SQL on tables.
 */
function violations(file: string, source: string): string[] {
  if (everyTableFiles.some((pattern) => pattern.test(file))) return [];
  const ownsTables = tableOwners.some((owner) => file.startsWith(`${owner.folder}/`));
  return tablesNamedInSql(source, file).flatMap(({ table, line }) => {
    if (table === interpolated) {
      return ownsTables
        ? []
        : [`${file}:${line} runs SQL on an interpolated table (${interpolated}), outside every owner's folder`];
    }
    const owner = knownTables.has(table) ? ownerOf(table) : undefined;
    if (!owner || file.startsWith(`${owner.folder}/`)) return [];
    return [`${file}:${line} names ${table}, a table of ${owner.folder}: ask that folder's exports instead`];
  });
}

describe('the SQL detector', () => {
  it('finds the tables after FROM, JOIN, INTO, UPDATE, TABLE, REFERENCES, TRUNCATE and COPY, with their lines', () => {
    const source = [
      `const a = 'SELECT id FROM users WHERE id = $1';`,
      'const b = `',
      '  SELECT s.id',
      '  FROM hsds_service s',
      '  JOIN LATERAL (SELECT 1) x ON true',
      '  LEFT JOIN public."hsds_location" l ON l.id = s.id`;',
      `const c = "INSERT INTO audit_log (action) VALUES ($1)";`,
      `const d = 'UPDATE sessions SET ended = now()';`,
      `const e = 'ALTER TABLE IF EXISTS ONLY units ADD COLUMN x int REFERENCES organizations (id)';`,
      `const f = 'TRUNCATE user_units, api_tokens';`,
      `const g = 'SELECT 1 FROM network_settings n, sign_in_devices AS d';`,
      `const h = 'COPY directory_search_entry FROM STDIN';`,
    ].join('\n');
    expect(tablesNamedInSql(source)).toEqual([
      { table: 'users', line: 1 },
      { table: 'hsds_service', line: 4 },
      { table: 'hsds_location', line: 6 },
      { table: 'audit_log', line: 7 },
      { table: 'sessions', line: 8 },
      { table: 'units', line: 9 },
      { table: 'organizations', line: 9 },
      { table: 'user_units', line: 10 },
      { table: 'api_tokens', line: 10 },
      { table: 'network_settings', line: 11 },
      { table: 'sign_in_devices', line: 11 },
      { table: 'directory_search_entry', line: 12 },
    ]);
  });

  it('reads SQL inside a template around interpolations, and the templates nested in them', () => {
    const source = 'const q = `SELECT * FROM ${table} JOIN users u ON ${`EXISTS (SELECT 1 FROM sessions)`}`;';
    expect(tablesNamedInSql(source).map(({ table }) => table)).toEqual(['users', interpolated, 'sessions']);
  });

  it('does not take comments or prose for SQL', () => {
    const source = [
      '// Reads the rows FROM users and writes INTO audit_log.',
      '/* UPDATE sessions when the user signs out. */',
      `const message = 'Pick a partner from units you belong to, or update users later.';`,
      `const label = "Imported into the directory";`,
    ].join('\n');
    expect(tablesNamedInSql(source)).toEqual([]);
  });

  it('passes a file that names only its own tables and fails one that names another owner’s', () => {
    const store = `export const q = 'SELECT id FROM users JOIN user_units ON true';`;
    expect(violations('src/domains/identity/identity.store.ts', store)).toEqual([]);
    expect(violations('src/domains/directory/search.ts', store)).toEqual([
      "src/domains/directory/search.ts:1 names users, a table of src/domains/identity: ask that folder's exports instead",
      "src/domains/directory/search.ts:1 names user_units, a table of src/domains/identity: ask that folder's exports instead",
    ]);
    expect(violations('src/cli/backup.ts', store)).toEqual([]);
  });

  it('refuses SQL on an interpolated table name outside the owners’ folders only', () => {
    const dynamic = 'export const q = (table: string) => `SELECT count(*) FROM ${table}`;';
    expect(violations('src/domains/directory/hsds-store.ts', dynamic)).toEqual([]);
    expect(violations('src/interop/hsds/export/tree.ts', dynamic)).toEqual([
      "src/interop/hsds/export/tree.ts:1 runs SQL on an interpolated table (${…}), outside every owner's folder",
    ]);
  });
});

describe('table ownership in the code', () => {
  it('places every table the migrations create with one owner', () => {
    expect(knownTables).toContain('users');
    expect(knownTables).toContain('hsds_service');
    expect(knownTables).toContain('audit_log');
    const unplaced = [...knownTables].filter((table) => !ownerOf(table));
    expect(unplaced.map((table) => `say which domain owns table ${table} (test/architecture/table-owners.ts)`)).toEqual([]);
  });

  const files = sourceFiles('src');
  const sources = new Map(files.map((file) => [file, fs.readFileSync(path.join(repository, file), 'utf8')]));
  // Tests are not held to the rule: a test may read any table to check what a request wrote (the
  // audit row, the row left unchanged). Tests build their data through factories, which call the
  // owners' exports.
  const isTest = (file: string) => /\.test\.ts$/.test(file);

  it('reads the real code: the owners name their own tables', () => {
    expect(files.length).toBeGreaterThan(100);
    const named = new Set([...sources.values()].flatMap((source) => tablesNamedInSql(source).map(({ table }) => table)));
    const sample = ['users', 'sessions', 'hsds_service', 'audit_log', 'kith_migrations'];
    expect(sample.filter((table) => named.has(table))).toEqual(sample);
  });

  it('names a table in SQL only inside the folder that owns it', () => {
    const found = files.filter((file) => !isTest(file)).flatMap((file) => violations(file, sources.get(file)!));
    expect(found).toEqual([]);
  });
});
