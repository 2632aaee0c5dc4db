// Kith connected as a least-privilege app role on a PostgreSQL server (the embedded engine has one
// user). Story: the owner migrates the database, imports the first directory and runs
// `kith db grant-app-role`; Kith then runs as the app role. Whatever that role is made to send, it
// cannot change, delete or forge audit rows, nor switch the audit log's triggers off; and all of
// Kith still works as it: sign-in, searches, a later import, a full rebuild of the search index,
// `kith serve` and the other commands. With migrations pending, it stops with one clear line.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildApp } from '../../app';
import { backupDatabase, restoreDatabase } from '../../cli/backup';
import { audit } from '../audit/audit';
import { importHsds } from '../../interop/hsds/import';
import { rebuildSearchEntries } from '../../domains/directory/index';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { createServerTestDatabase, serverUnavailableReason, testDatabaseUrl } from '../../../test/support/engines';
import { signedIn } from '../../../test/support/http-client';
import { repositoryRoot, runKith } from '../../../test/support/run-kith';
import { APPEND_ONLY_TABLES, grantAppRole, grantedAppRoles } from './app-role';
import type { Database } from './database';
import { migrate, MigrationsPendingError } from './migrate';
import { openServerDatabase } from './open';

const fixtures = path.join(repositoryRoot, 'src/interop/hsds/import/fixtures');

const reason = await serverUnavailableReason();
if (reason && process.env.CI === 'true')
  throw new Error(`CI=true but no PostgreSQL server answers at ${testDatabaseUrl} (${reason}).`);
if (reason)
  console.warn(`App-role tests skipped: they need a PostgreSQL server and nothing answers at ${testDatabaseUrl} (${reason}).`);

async function asAdmin<T extends pg.QueryResultRow>(url: string, sql: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function withUser(url: string, user: string, database?: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  if (database) parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** `kith serve` in a child process until it says where it listens; then asks it to stop. */
function startKith(env: Record<string, string>): Promise<{ baseUrl: string; stop: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/kith.mjs'), 'serve'], {
      cwd: repositoryRoot,
      env: { ...process.env, KITH_DEMO: 'false', LOG_LEVEL: 'silent', PORT: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`kith serve stopped before it listened: ${stderr || stdout}`));
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const port = /Kith is running on http:\/\/[^:]+:(\d+)/.exec(stdout)?.[1];
      if (port) {
        resolve({
          baseUrl: `http://127.0.0.1:${port}`,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
  });
}

describe.skipIf(Boolean(reason))('Kith as a least-privilege app role on the PostgreSQL server', () => {
  const role = `kith_test_app_${randomBytes(4).toString('hex')}`;
  let target: { url: string; drop: () => Promise<void> } | undefined;
  let owner: Database | undefined;
  let app: Database | undefined;
  let appUrl = '';

  beforeAll(async () => {
    await asAdmin(testDatabaseUrl, `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB`);
    // Migrated by the owner (here the superuser the tests connect as).
    target = await createServerTestDatabase();
    owner = await openServerDatabase(target.url, { max: 2 });
    // The first import into an empty directory sets the HSDS tables' indexes aside: the owner's.
    await importHsds(owner, path.join(fixtures, 'hsds-1.1'));
    await grantAppRole(owner, role);
    appUrl = withUser(target.url, role);
    app = await openServerDatabase(appUrl, { max: 4 });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    try {
      // What the role owns or was granted in the test database goes first, or it cannot be dropped.
      if (target) await asAdmin(target.url, `REASSIGN OWNED BY ${role} TO CURRENT_USER; DROP OWNED BY ${role}`).catch(() => {});
      await target?.drop();
    } finally {
      await asAdmin(testDatabaseUrl, `DROP ROLE IF EXISTS ${role}`);
    }
  });

  const refused = async (sql: string, values?: unknown[]) => {
    const error = await app!.query(sql, values).then(
      () => undefined,
      (caught: unknown) => caught as { code?: string; message: string },
    );
    expect(error, `${sql} should be refused`).toBeDefined();
    // insufficient_privilege: a missing grant, "must be owner", or a superuser-only setting.
    expect(error!.code, `${sql}: ${error!.message}`).toBe('42501');
  };

  it('cannot update, delete, truncate, drop or forge the audit log, nor switch its triggers off', async () => {
    await app!.tx((q) =>
      audit(q, { fallbackKind: 'system' }, { action: 'test.app_role', details: { written: 'by the app role' } }),
    );
    const [written] = await app!.query<{ id: number; at: Date; action: string }>(
      `SELECT id, at, action FROM audit_log WHERE action = 'test.app_role' ORDER BY id DESC LIMIT 1`,
    );
    expect(written).toBeDefined();

    await refused(`UPDATE audit_log SET action = 'test.rewritten' WHERE id = $1`, [written!.id]);
    await refused('DELETE FROM audit_log WHERE id = $1', [written!.id]);
    await refused('TRUNCATE audit_log');
    await refused('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete');
    await refused('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await refused('DROP TRIGGER audit_log_no_truncate ON audit_log');
    await refused('DROP FUNCTION audit_log_is_append_only() CASCADE');
    await refused(`SET session_replication_role = replica`);
    await refused(
      `INSERT INTO audit_log (at, actor_kind, action, outcome) VALUES (now() - interval '1 year', 'system', 'test.backdated', 'success')`,
    );
    await refused(`INSERT INTO audit_log (id, actor_kind, action, outcome) VALUES (1, 'system', 'test.numbered', 'success')`);
    await refused(`CREATE TRIGGER forged BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await refused('ALTER TABLE audit_log RENAME TO audit_log_old');
    await refused('DROP TABLE audit_log');
    await refused(`ALTER TABLE audit_log OWNER TO ${role}`);
    // Nor pretend that migrations ran.
    await refused(`INSERT INTO kith_migrations (name) VALUES ('29991231000000_forged.sql')`);
    await refused('DELETE FROM kith_migrations');

    const [after] = await app!.query<{ id: number; at: Date; action: string }>(
      'SELECT id, at, action FROM audit_log WHERE id = $1',
      [written!.id],
    );
    expect(after).toEqual(written);
  });

  it('works end to end as the app role: sign-in, searches, a later import, a full rebuild of the search index', async () => {
    const server = await buildApp({ db: app!, serveWeb: false });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const organization = await buildOrganization(app!);
      const user = await buildUser(app!, { organizationId: organization.id });
      const client = await signedIn(baseUrl, user.email, user.password);
      const me = await client.get<{ user: { email: string } }>('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe(user.email);
      const search = await client.get<{ items: unknown[] }>('/api/directory/search?q=food');
      expect(search.status).toBe(200);
      expect(search.body.items.length).toBeGreaterThan(0);

      // A later import into a directory that has data runs as the app role.
      const later = await importHsds(app!, path.join(fixtures, 'hsds-2.0'));
      expect(later.counts.service?.inserted).toBeGreaterThan(0);

      // A full rebuild builds a new table beside the live one and swaps it in.
      await app!.tx((q) => rebuildSearchEntries(q));
      const [index] = await app!.query<{ owner: string; entries: number }>(
        `SELECT pg_get_userbyid(relowner) AS owner, (SELECT count(*)::int FROM directory_search_entry) AS entries
           FROM pg_class WHERE oid = 'directory_search_entry'::regclass`,
      );
      expect(index).toEqual({ owner: role, entries: expect.any(Number) });
      expect(index!.entries).toBeGreaterThan(0);
      expect((await client.get('/api/directory/search?q=food')).status).toBe(200);

      // The sign-in was audited, by the app role.
      const [signIns] = await app!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'session.sign_in' AND actor_user_id = $1`,
        [user.id],
      );
      expect(signIns!.n).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('starts `kith serve` and runs commands as the app role on a migrated database', async () => {
    expect(await migrate(app!)).toEqual([]);
    const organization = await buildOrganization(app!, { name: `Harbor Shelter ${randomBytes(3).toString('hex')}` });

    const listed = await runKith(['org', 'list'], { DATABASE_URL: appUrl });
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(organization.name);
    const migrated = await runKith(['migrate'], { DATABASE_URL: appUrl });
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('The database is up to date.');

    const served = await startKith({ DATABASE_URL: appUrl });
    try {
      expect((await fetch(`${served.baseUrl}/readyz`)).status).toBe(200);
      const user = await buildUser(app!, { organizationId: organization.id });
      const client = await signedIn(served.baseUrl, user.email, user.password);
      expect((await client.get('/api/me')).status).toBe(200);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('stops with one line naming the owner when migrations are pending', async () => {
    const [last] = await owner!.query<{ name: string; applied_at: Date }>(
      'SELECT name, applied_at FROM kith_migrations ORDER BY name DESC LIMIT 1',
    );
    await owner!.query('DELETE FROM kith_migrations WHERE name = $1', [last!.name]);
    try {
      const attempt = migrate(app!);
      await expect(attempt).rejects.toBeInstanceOf(MigrationsPendingError);
      await expect(attempt).rejects.toThrow(/run `kith migrate` as the owner/);
      const served = await runKith(['serve'], { DATABASE_URL: appUrl });
      expect(served.code).toBe(1);
      const lines = served.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('1 migration is pending');
      expect(lines[0]).toContain('run `kith migrate` as the owner');
    } finally {
      await owner!.query('INSERT INTO kith_migrations (name, applied_at) VALUES ($1, $2)', [last!.name, last!.applied_at]);
    }

    // A database never migrated: the app role may not even create the migrations' table.
    const empty = `kith_test_empty_${randomBytes(4).toString('hex')}`;
    await asAdmin(testDatabaseUrl, `CREATE DATABASE ${empty}`);
    try {
      const fresh = await openServerDatabase(withUser(testDatabaseUrl, role, empty), { max: 1 });
      try {
        await expect(migrate(fresh)).rejects.toThrow(/migrations are pending .*run `kith migrate` as the owner/);
      } finally {
        await fresh.close();
      }
    } finally {
      await asAdmin(testDatabaseUrl, `DROP DATABASE IF EXISTS ${empty} WITH (FORCE)`);
    }
  });

  it('grants the same again when run again, and the tables of later migrations too', async () => {
    // `kith migrate` finds the role it must grant again after migrating.
    expect(await grantedAppRoles(owner!)).toEqual([role]);
    const again = await grantAppRole(owner!, role);
    expect(again.appendOnly).toEqual(['audit_log']);
    expect(again.readOnly).toEqual(['kith_migrations']);
    expect(again.owned).toEqual(['directory_search_entry']);
    const privileges = async (tableName: string) =>
      (
        await owner!.query<{ privileges: string[] }>(
          `SELECT ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p
                         WHERE has_table_privilege($1, $2::regclass, p)) AS privileges`,
          [role, tableName],
        )
      )[0]!.privileges;
    expect(await privileges('organizations')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(await privileges('audit_log')).toEqual(['SELECT']);
    expect(await privileges('kith_migrations')).toEqual(['SELECT']);
    // Every column of the audit log but those the database fills.
    const [columns] = await owner!.query<{ all: string[]; insertable: string[] }>(
      `SELECT array_agg(attname::text ORDER BY attnum) AS all,
              array_agg(attname::text ORDER BY attnum) FILTER (WHERE has_column_privilege($1, 'audit_log'::regclass, attnum, 'INSERT')) AS insertable
         FROM pg_attribute WHERE attrelid = 'audit_log'::regclass AND attnum > 0 AND NOT attisdropped`,
      [role],
    );
    expect(APPEND_ONLY_TABLES.audit_log).toEqual(['id', 'at']);
    expect(columns!.insertable).toEqual(columns!.all.filter((name) => name !== 'id' && name !== 'at'));

    // A table a later migration adds, as the owner, is granted by default.
    await owner!.query('CREATE TABLE later_migration_table (id bigserial PRIMARY KEY, note text)');
    try {
      await app!.query(`INSERT INTO later_migration_table (note) VALUES ('written by the app role')`);
      expect(await privileges('later_migration_table')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    } finally {
      await owner!.query('DROP TABLE later_migration_table');
    }
  });

  it('refuses a superuser, a role it cannot find, and an app role that has planted code on its table', async () => {
    const [me] = await owner!.query<{ name: string }>('SELECT current_user AS name');
    await expect(grantAppRole(owner!, me!.name)).rejects.toThrow(/owns Kith's tables|superuser/);
    await expect(grantAppRole(owner!, `${role}_missing`)).rejects.toThrow(/no role/);

    // A trigger on the table the app role owns would run with the owner's rights when the owner
    // writes it: the grant refuses until it is gone.
    await app!.query(`CREATE FUNCTION planted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
    await app!.query(`CREATE TRIGGER planted BEFORE INSERT ON directory_search_entry FOR EACH ROW EXECUTE FUNCTION planted()`);
    try {
      await expect(grantAppRole(owner!, role)).rejects.toThrow(/function planted\(\).*trigger planted on directory_search_entry/);
    } finally {
      await app!.query('DROP TRIGGER planted ON directory_search_entry');
      await app!.query('DROP FUNCTION planted()');
    }
    await expect(grantAppRole(owner!, role)).resolves.toMatchObject({ role });
  });
});

describe.skipIf(Boolean(reason))('a least-privilege deployment whose owner is no superuser either', () => {
  const suffix = randomBytes(4).toString('hex');
  const ownerRole = `kith_test_owner_${suffix}`;
  const appRole = `kith_test_app_${suffix}`;
  const name = `kith_test_lp_${suffix}`;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-app-role-'));

  afterAll(async () => {
    fs.rmSync(scratch, { recursive: true, force: true });
    try {
      await asAdmin(testDatabaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await asAdmin(testDatabaseUrl, `DROP ROLE IF EXISTS ${appRole}`).finally(() =>
        asAdmin(testDatabaseUrl, `DROP ROLE IF EXISTS ${ownerRole}`),
      );
    }
  });

  it('migrates, grants, backs up and restores as the owner, as the README says, and runs as the app role', async () => {
    // What a superuser does once (README): the roles, the database, and the one extension only a
    // superuser may create, in a schema of its own so that a restore (which re-creates public) keeps it.
    await asAdmin(testDatabaseUrl, `CREATE ROLE ${ownerRole} LOGIN`);
    await asAdmin(testDatabaseUrl, `CREATE ROLE ${appRole} LOGIN`);
    await asAdmin(testDatabaseUrl, `GRANT ${appRole} TO ${ownerRole}`);
    await asAdmin(testDatabaseUrl, `CREATE DATABASE ${name} OWNER ${ownerRole}`);
    await asAdmin(
      withUser(testDatabaseUrl, new URL(testDatabaseUrl).username || 'postgres', name),
      `CREATE SCHEMA extensions;
       GRANT USAGE ON SCHEMA extensions TO PUBLIC;
       CREATE EXTENSION cube SCHEMA extensions;
       CREATE EXTENSION earthdistance SCHEMA extensions;
       ALTER DATABASE ${name} SET search_path = "$user", public, extensions`,
    );

    const owner = await openServerDatabase(withUser(testDatabaseUrl, ownerRole, name), { max: 2 });
    let app: Database | undefined;
    try {
      expect((await migrate(owner)).length).toBeGreaterThan(0);
      await importHsds(owner, path.join(fixtures, 'hsds-1.1'));
      await grantAppRole(owner, appRole);
      app = await openServerDatabase(withUser(testDatabaseUrl, appRole, name), { max: 2 });
      const organization = await buildOrganization(app);
      await app.tx((q) => rebuildSearchEntries(q));
      await expect(app.query('DELETE FROM audit_log')).rejects.toMatchObject({ code: '42501' });

      // The owner backs up and restores (restore re-creates the schema, so the grants go with it)…
      const file = path.join(scratch, 'kith.backup');
      await backupDatabase(owner, file);
      await app.close();
      app = undefined;
      await restoreDatabase(owner, file, { force: true });
      app = await openServerDatabase(withUser(testDatabaseUrl, appRole, name), { max: 2 });
      await expect(migrate(app)).rejects.toThrow(/run `kith db grant-app-role/);
      // …and grants the app role again.
      await grantAppRole(owner, appRole);
      expect(await migrate(app)).toEqual([]);
      const [restored] = await app.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [organization.id]);
      expect(restored?.name).toBe(organization.name);
      await app.tx((q) => rebuildSearchEntries(q));
      await expect(app.query(`UPDATE audit_log SET action = 'test.rewritten'`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app?.close();
      await owner.close();
    }
  });
});
