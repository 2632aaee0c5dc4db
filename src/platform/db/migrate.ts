// Forward-only SQL migrations from /migrations, applied in file-name order, each in its own
// transaction, recorded in kith_migrations. An advisory lock lets several processes start at once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** Held by whoever changes the schema (migrate, restore), so two never interleave. */
export const MIGRATION_LOCK = 724_113_001;

export function migrationFiles(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((name) => /^\d{14}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

export async function appliedMigrations(db: Database): Promise<string[]> {
  const exists = await db.query<{ present: boolean }>(
    `SELECT to_regclass('public.kith_migrations') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) return [];
  const rows = await db.query<{ name: string }>('SELECT name FROM kith_migrations ORDER BY name');
  return rows.map((row) => row.name);
}

export async function ensureMigrationsTable(q: Queryable): Promise<void> {
  await q.query(`CREATE TABLE IF NOT EXISTS kith_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** Applies the named migration files in order and records them (inside the caller's transaction). */
export async function applyMigrations(q: Queryable, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await q.query(fs.readFileSync(path.join(migrationsDir, name), 'utf8'));
    await q.query('INSERT INTO kith_migrations (name) VALUES ($1)', [name]);
  }
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(db: Database): Promise<string[]> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await ensureMigrationsTable(q);
    const done = new Set((await q.query<{ name: string }>('SELECT name FROM kith_migrations')).map((row) => row.name));
    const pending = migrationFiles().filter((name) => !done.has(name));
    await applyMigrations(q, pending);
    return pending;
  });
}
