// Least privilege on a PostgreSQL server. Kith's tables belong to the role that runs
// `kith migrate` (the owner); the server connects as an app role that reads and writes the data
// and can change nothing else. `kith db grant-app-role <role>`, run as the owner, gives it exactly:
//
// - SELECT, INSERT, UPDATE, DELETE on the ordinary tables, USAGE and SELECT on their sequences;
// - on the audit log only SELECT, and INSERT of every column but `id` and `at`: the database
//   numbers and timestamps every row, so the app can neither UPDATE, DELETE or TRUNCATE a row nor
//   forge its id or time; it owns neither the table nor its triggers, so it cannot switch them
//   off, and as no superuser it cannot set session_replication_role;
// - SELECT on kith_migrations (to see that nothing is pending), never a write;
// - ownership of the search index table alone, which the app rebuilds beside the live one and
//   swaps in (CREATE TABLE, DROP TABLE, RENAME, ANALYZE: only an owner may), with CREATE on the
//   schema for the table it builds and REFERENCES on the keys that table points at;
// - default privileges, so that tables later migrations add get the ordinary grants by themselves.
//
// Running the command again (after new migrations, or after a restore, which rebuilds the schema)
// sets the same grants again: it first revokes what the app role held, so it never keeps more.
import { AppError } from '../http/app-error';
import type { Database, Queryable } from './database';
import { migrate, MIGRATION_LOCK, migrationFiles } from './migrate';

/**
 * Tables the app itself drops and re-creates at run time, so it must own them: the directory's
 * search index (`rebuildSearchEntries` builds `directory_search_entry_next` and swaps it in).
 */
export const APP_OWNED_TABLES = ['directory_search_entry'] as const;

/**
 * Append-only tables, and the columns of theirs the database fills: the app may read these tables
 * and add rows, writing every column but these (the row's number and time cannot be forged).
 */
export const APPEND_ONLY_TABLES: Record<string, readonly string[]> = {
  audit_log: ['id', 'at'],
};

/** Tables the app reads and never writes. */
export const READ_ONLY_TABLES = ['kith_migrations'] as const;

export interface AppRoleGrant {
  role: string;
  owner: string;
  /** Tables the app role reads and writes. */
  readWrite: string[];
  /** Tables it reads and appends to (the audit log). */
  appendOnly: string[];
  readOnly: string[];
  /** Tables it owns (the search index). */
  owned: string[];
  sequences: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const table = (name: string) => `public.${ident(name)}`;

interface Roles {
  role: string;
  owner: string | null;
  superuser: boolean;
  createrole: boolean;
  meActsAsOwner: boolean;
  meInRole: boolean;
  roleInOwner: boolean;
  ownsDatabase: boolean;
}

/**
 * Grants `role` what Kith's server needs and nothing more (see the top of this file). Run as the
 * owner of Kith's tables, on a migrated database; in one transaction, so it all applies or none.
 */
export async function grantAppRole(db: Database, role: string): Promise<AppRoleGrant> {
  if (db.engine !== 'postgres') {
    throw new AppError(
      'bad_request',
      'The embedded database has one user, so there is no app role to grant: a least-privilege role is for a PostgreSQL server (DATABASE_URL).',
    );
  }
  return db.tx(async (q) => {
    // Not while migrations (or a restore) change the schema.
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const roles = await checkRoles(q, role);
    const owner = roles.owner!;
    await refusePendingMigrations(q);
    await refuseForeignObjects(q, role);

    // CREATE on the schema: for the table a rebuild builds, and because an owner must have it.
    await q.query(`REVOKE ALL ON SCHEMA public FROM ${ident(role)}`);
    await q.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${ident(role)}`);
    const [database] = await q.query<{ name: string }>('SELECT current_database() AS name');
    await q.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database!.name)} TO ${ident(role)}`);
    for (const name of APP_OWNED_TABLES) {
      const [found] = await q.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table(name)]);
      if (found?.present) await q.query(`ALTER TABLE ${table(name)} OWNER TO ${ident(role)}`);
    }

    const relations = await q.query<{ name: string; kind: string; owned: boolean }>(
      `SELECT c.relname AS name, c.relkind::text AS kind, c.relowner = r.oid AS owned
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, pg_roles r
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND r.rolname = $1
        ORDER BY c.relname`,
      [role],
    );
    const notOwned = relations.filter((relation) => !relation.owned);
    const tables = notOwned.filter((relation) => relation.kind !== 'S').map((relation) => relation.name);
    const sequences = notOwned.filter((relation) => relation.kind === 'S').map((relation) => relation.name);
    const views = notOwned.filter((relation) => relation.kind === 'v' || relation.kind === 'm').map((relation) => relation.name);
    const appendOnly = tables.filter((name) => name in APPEND_ONLY_TABLES);
    const readOnly = tables.filter((name) => (READ_ONLY_TABLES as readonly string[]).includes(name) || views.includes(name));
    const readWrite = tables.filter((name) => !appendOnly.includes(name) && !readOnly.includes(name));
    const list = (names: string[]) => names.map(table).join(', ');

    // What the app role held before goes first (column grants go with their table's), so a grant
    // given by hand or by an older Kith is not kept.
    if (tables.length) await q.query(`REVOKE ALL ON TABLE ${list(tables)} FROM ${ident(role)}`);
    if (sequences.length) await q.query(`REVOKE ALL ON SEQUENCE ${list(sequences)} FROM ${ident(role)}`);
    if (readWrite.length) await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE ${list(readWrite)} TO ${ident(role)}`);
    if (readOnly.length) await q.query(`GRANT SELECT ON TABLE ${list(readOnly)} TO ${ident(role)}`);
    for (const name of appendOnly) {
      await q.query(`GRANT SELECT ON TABLE ${table(name)} TO ${ident(role)}`);
      const columns = await q.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute
          WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND NOT (attname = ANY ($2::text[]))
          ORDER BY attnum`,
        [table(name), APPEND_ONLY_TABLES[name]],
      );
      await q.query(
        `GRANT INSERT (${columns.map((column) => ident(column.name)).join(', ')}) ON TABLE ${table(name)} TO ${ident(role)}`,
      );
    }
    if (sequences.length) await q.query(`GRANT USAGE, SELECT ON SEQUENCE ${list(sequences)} TO ${ident(role)}`);

    // The keys the app-owned tables point at: re-creating a table with its foreign keys needs them.
    const referenced = await q.query<{ name: string; columns: string[] }>(
      `SELECT t.relname AS name, array_agg(DISTINCT a.attname::text ORDER BY a.attname::text) AS columns
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_class t ON t.oid = k.confrelid
         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = ANY (k.confkey)
         JOIN pg_roles r ON r.rolname = $1
        WHERE k.contype = 'f' AND c.relowner = r.oid AND t.relowner <> r.oid
          AND c.relnamespace = 'public'::regnamespace
        GROUP BY t.relname ORDER BY t.relname`,
      [role],
    );
    for (const target of referenced) {
      await q.query(
        `GRANT REFERENCES (${target.columns.map(ident).join(', ')}) ON TABLE ${table(target.name)} TO ${ident(role)}`,
      );
    }

    // Tables and sequences the owner's later migrations create: the ordinary grants, no more.
    for (const scope of ['', ' IN SCHEMA public']) {
      await q.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)}${scope} REVOKE ALL ON TABLES FROM ${ident(role)}`);
      await q.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)}${scope} REVOKE ALL ON SEQUENCES FROM ${ident(role)}`);
    }
    await q.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident(role)}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ident(role)}`,
    );

    await verifyAppendOnly(q, role, appendOnly);
    return {
      role,
      owner,
      readWrite,
      appendOnly,
      readOnly,
      owned: relations.filter((r) => r.owned).map((r) => r.name),
      sequences: sequences.length,
    };
  });
}

/** The roles granted by `grantAppRole` before: those that may append to the audit log column by column. */
export async function grantedAppRoles(db: Database): Promise<string[]> {
  if (db.engine !== 'postgres') return [];
  const rows = await db.query<{ role: string }>(
    `SELECT DISTINCT r.rolname AS role
       FROM pg_attribute a CROSS JOIN LATERAL aclexplode(a.attacl) x JOIN pg_roles r ON r.oid = x.grantee
      WHERE a.attrelid = to_regclass('public.audit_log') AND a.attacl IS NOT NULL AND x.privilege_type = 'INSERT'
      ORDER BY 1`,
  );
  return rows.map((row) => row.role);
}

/**
 * Applies pending migrations and, when it applied any, grants the app roles granted before again,
 * so that they reach the tables and columns those migrations added. Returns both.
 */
export async function migrateKeepingAppRoles(db: Database): Promise<{ applied: string[]; granted: string[] }> {
  const applied = await migrate(db);
  if (applied.length === 0) return { applied, granted: [] };
  const granted = await grantedAppRoles(db);
  for (const role of granted) await grantAppRole(db, role);
  return { applied, granted };
}

async function checkRoles(q: Queryable, role: string): Promise<Roles> {
  const [found] = await q.query<Roles>(
    `SELECT r.rolname AS role, o.owner, r.rolsuper AS superuser, r.rolcreaterole AS createrole,
            o.owner IS NOT NULL AND pg_has_role(current_user, o.owner, 'USAGE') AS "meActsAsOwner",
            pg_has_role(current_user, r.oid, 'MEMBER') AS "meInRole",
            o.owner IS NOT NULL AND pg_has_role(r.oid, o.owner, 'MEMBER') AS "roleInOwner",
            pg_has_role(r.oid, d.datdba, 'MEMBER') AS "ownsDatabase"
       FROM pg_roles r
       CROSS JOIN (SELECT (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = to_regclass('public.audit_log')) AS owner) o
       CROSS JOIN (SELECT datdba FROM pg_database WHERE datname = current_database()) d
      WHERE r.rolname = $1`,
    [role],
  );
  const me = (await q.query<{ me: string }>('SELECT current_user AS me'))[0]!.me;
  const refuse = (message: string) => new AppError('bad_request', message);
  if (!found) {
    throw refuse(
      `There is no role "${role}" on this server. Create it first, as a superuser: CREATE ROLE ${ident(role)} LOGIN PASSWORD '…'; GRANT ${ident(role)} TO ${ident(me)};`,
    );
  }
  if (!found.owner) throw refuse('The database has no Kith tables yet: run `kith migrate` as the owner first.');
  if (!found.meActsAsOwner) {
    throw refuse(
      `Run this as the role that owns Kith's tables (${found.owner}), the one that runs \`kith migrate\`; ${me} is not it.`,
    );
  }
  if (found.role === found.owner || found.role === me) {
    throw refuse(`"${role}" owns Kith's tables: the app role must be another role, one that owns nothing.`);
  }
  if (found.superuser)
    throw refuse(`"${role}" is a superuser and can do anything to the audit log: give Kith a role without SUPERUSER.`);
  if (found.createrole) {
    throw refuse(
      `"${role}" has CREATEROLE and could make itself a member of the owner: ALTER ROLE ${ident(role)} NOCREATEROLE first.`,
    );
  }
  if (found.roleInOwner) {
    throw refuse(
      `"${role}" is a member of ${found.owner}, so it acts as the owner of the audit log: REVOKE ${ident(found.owner)} FROM ${ident(role)} first.`,
    );
  }
  if (found.ownsDatabase)
    throw refuse(
      `"${role}" owns the database: the database belongs to the owner (ALTER DATABASE … OWNER TO ${ident(found.owner)}).`,
    );
  if (!found.meInRole) {
    throw refuse(
      `${me} must be a member of "${role}" to hand it the search index it rebuilds (and to read that table in backups): as a superuser, GRANT ${ident(role)} TO ${ident(me)};`,
    );
  }
  return found;
}

async function refusePendingMigrations(q: Queryable): Promise<void> {
  const rows = await q.query<{ name: string }>('SELECT name FROM kith_migrations');
  const done = new Set(rows.map((row) => row.name));
  const pending = migrationFiles().filter((name) => !done.has(name));
  if (pending.length)
    throw new AppError(
      'bad_request',
      `${pending.length} migration(s) are pending (${pending[0]}…): run \`kith migrate\` as the owner first.`,
    );
}

/**
 * The owner acts on the tables the app role owns (backups read them, migrations may change them);
 * a trigger, rule, policy or function the app role added there would run with the owner's rights.
 * Kith adds none, so finding one means someone used the app role for more than Kith: refuse.
 */
async function refuseForeignObjects(q: Queryable, role: string): Promise<void> {
  const owned = await q.query<{ object: string }>(
    `SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS object
       FROM pg_shdepend d
      WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = (SELECT oid FROM pg_roles WHERE rolname = $1)
        AND d.deptype = 'o' AND d.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND NOT (d.classid = 'pg_class'::regclass AND d.objid IN (
              SELECT c.oid FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($2::text[])))
        -- The temporary tables of a search-index rebuild running meanwhile.
        AND NOT (d.classid = 'pg_class'::regclass AND EXISTS (
              SELECT 1 FROM pg_class c WHERE c.oid = d.objid AND c.relpersistence = 't' AND c.relkind = 'r'))
      ORDER BY 1`,
    [role, APP_OWNED_TABLES],
  );
  const attached = await q.query<{ object: string }>(
    `SELECT format('trigger %s on %s', t.tgname, c.relname) AS object
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1::text[]) AND NOT t.tgisinternal
     UNION ALL
     SELECT format('rule %s on %s', w.rulename, c.relname)
       FROM pg_rewrite w JOIN pg_class c ON c.oid = w.ev_class
      WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1::text[])
     UNION ALL
     SELECT format('row security on %s', c.relname)
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1::text[])
        AND (c.relrowsecurity OR c.relforcerowsecurity OR EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))`,
    [APP_OWNED_TABLES],
  );
  const found = [...owned, ...attached].map((row) => row.object);
  if (found.length) {
    throw new AppError(
      'conflict',
      `"${role}" owns or has attached what Kith never makes (${found.join('; ')}); they would run with the owner's rights when the owner touches them. Find out who added them and drop them, then run this again.`,
    );
  }
}

/** Whatever else the app role may hold (a grant to PUBLIC, a role it belongs to) must not reach the audit log. */
async function verifyAppendOnly(q: Queryable, role: string, appendOnly: string[]): Promise<void> {
  for (const name of appendOnly) {
    const [held] = await q.query<{ privileges: string[] }>(
      `SELECT ARRAY(
                SELECT p FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) AS p
                 WHERE has_table_privilege($1, $2::regclass, p)
                UNION ALL
                SELECT 'INSERT (' || a.attname || ')' FROM pg_attribute a
                 WHERE a.attrelid = $2::regclass AND a.attname = ANY ($3::text[])
                   AND has_column_privilege($1, $2::regclass, a.attnum, 'INSERT')
              ) AS privileges`,
      [role, table(name), APPEND_ONLY_TABLES[name]],
    );
    if (held && held.privileges.length) {
      throw new AppError(
        'conflict',
        `"${role}" would still hold ${held.privileges.join(', ')} on ${name} through a grant to PUBLIC or to a role it belongs to: revoke that grant, then run this again.`,
      );
    }
  }
}
