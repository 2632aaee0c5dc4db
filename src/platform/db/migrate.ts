// Forward-only SQL migrations from /migrations, applied in file-name order, each in its own
// transaction, recorded in kith_migrations. An advisory lock lets several processes start at once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database';
import { DatabaseStartError } from './open';

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
  const exists = await db.query<{ present: boolean }>(`SELECT to_regclass('public.kith_migrations') IS NOT NULL AS present`);
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

/**
 * Migrations are pending and the role Kith connects as may not apply them: a least-privilege app
 * role (see app-role.ts) reads and writes the data but never changes the schema.
 */
export class MigrationsPendingError extends DatabaseStartError {
  override name = 'MigrationsPendingError';
}

function pendingError(role: string, pending: readonly string[], reason: string): MigrationsPendingError {
  const count = pending.length === 1 ? '1 migration is' : `${pending.length} migrations are`;
  return new MigrationsPendingError(
    `The database is not up to date: ${count} pending (${pending[0]}…) and the role ${role} may not apply them (${reason}); run \`kith migrate\` as the owner of Kith's tables, then start Kith again.`,
  );
}

/**
 * Applies pending migrations; returns the names applied now. When nothing is pending it only
 * reads, so a role that may not change the schema starts Kith on a migrated database.
 */
export async function migrate(db: Database): Promise<string[]> {
  const known = migrationFiles();
  const applied = new Set(
    await appliedMigrations(db).catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== '42501') throw error;
      const [role] = await db.query<{ name: string }>('SELECT current_user AS name');
      throw new DatabaseStartError(
        `The role ${role?.name} may not read Kith's tables (${(error as Error).message}): as the owner of the tables, run \`kith db grant-app-role ${role?.name}\` first.`,
      );
    }),
  );
  if (known.every((name) => applied.has(name))) return [];
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const [role] = await q.query<{ name: string; owner: string | null; mayMigrate: boolean }>(
      `SELECT current_user AS name, pg_get_userbyid(c.relowner) AS owner,
              c.oid IS NULL OR pg_has_role(current_user, c.relowner, 'USAGE') AS "mayMigrate"
         FROM (SELECT 1) one LEFT JOIN pg_class c ON c.oid = to_regclass('public.kith_migrations')`,
    );
    const done = new Set(
      role?.owner ? (await q.query<{ name: string }>('SELECT name FROM kith_migrations')).map((row) => row.name) : [],
    );
    const pending = known.filter((name) => !done.has(name));
    if (pending.length === 0) return [];
    if (role && !role.mayMigrate) throw pendingError(role.name, pending, `Kith's tables belong to ${role.owner}`);
    try {
      await ensureMigrationsTable(q);
      await applyMigrations(q, pending);
    } catch (error) {
      // insufficient_privilege: "permission denied for schema public", "must be owner of table …"
      if ((error as { code?: string }).code === '42501')
        throw pendingError(role?.name ?? 'in use', pending, (error as Error).message);
      throw error;
    }
    return pending;
  });
}
