// Test databases on both engines. Every data-layer and HTTP test runs once on the embedded PGlite
// and once on a PostgreSQL server (TEST_DATABASE_URL), each in a fresh database of its own.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Database, Engine } from '../../src/platform/db/database';
import { migrate, migrationFiles, migrationsDir } from '../../src/platform/db/migrate';
import { openEmbeddedDatabase, openServerDatabase } from '../../src/platform/db/open';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let serverCheck: Promise<string | undefined> | undefined;

/** Undefined when the server answers; otherwise the reason it cannot be used. */
export function serverUnavailableReason(): Promise<string | undefined> {
  serverCheck ??= (async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code ?? (error as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return serverCheck;
}

export const engines: Engine[] = ['pglite', 'postgres'];

function templateName(): string {
  // A template per set of migrations (names and contents): changing one makes a new template.
  const hash = createHash('sha256');
  for (const name of migrationFiles()) hash.update(name).update(fs.readFileSync(path.join(migrationsDir, name)));
  return `kith_test_template_${hash.digest('hex').slice(0, 16)}`;
}

async function adminQuery<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function urlOfDatabase(name: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the migrated template database once (global setup), so each test copies it. */
export async function ensureServerTemplate(): Promise<void> {
  const name = templateName();
  const exists = await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.length > 0) return;
  const building = `${name}_building_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${building}`);
  const db = await openServerDatabase(urlOfDatabase(building), { max: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  try {
    await adminQuery(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } catch {
    // Another run finished first: use theirs.
    await adminQuery(`DROP DATABASE IF EXISTS ${building}`);
  }
}

/** A fresh, migrated database of `engine`; `close()` also deletes it. */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const db = await openEmbeddedDatabase({});
    await migrate(db);
    return db;
  }
  const created = await createServerTestDatabase();
  const db = await openServerDatabase(created.url, { max: 5 });
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    await created.drop();
  };
  return db;
}

/** A fresh, migrated database on the server, for tests that hand its URL to a child process. */
export async function createServerTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  await ensureServerTemplate();
  const name = `kith_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
  return { url: urlOfDatabase(name), drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}
