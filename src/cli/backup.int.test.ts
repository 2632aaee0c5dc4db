// `kith backup` and `kith restore`: a network backed up on one engine comes back whole on the
// other, and a restore that cannot be trusted (data in the way, a cut or foreign file, a newer
// Kith's backup) is refused with the database left exactly as it was.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost, buildOrganization, buildUnit, buildUser, TEST_PASSWORD } from '../../test/support/factories';
import { openTestDatabase, serverUnavailableReason, testDatabaseUrl } from '../../test/support/engines';
import { createApiToken, setDemoMode, signIn, updateUser } from '../domains/identity';
import type { Database, Engine } from '../platform/db/database';
import { migrationFiles } from '../platform/db/migrate';
import { AppError } from '../platform/http/app-error';
import { backupDatabase, restoreDatabase } from './backup';
import { describeTables, encodedRowsSql, insertRows } from './backup-format';

const serverReason = await serverUnavailableReason();
if (serverReason && process.env.CI === 'true') {
  throw new Error(`CI=true but no PostgreSQL server answers at ${testDatabaseUrl} (${serverReason}).`);
}
if (serverReason) {
  console.warn(`Backup tests on the PostgreSQL server skipped: nothing answers at ${testDatabaseUrl} (${serverReason}).`);
}
const needsServer = (...used: Engine[]) => Boolean(serverReason) && used.includes('postgres');

const timing = { idleMinutes: 60, maxHours: 12 };
let folder: string;
const open: Database[] = [];

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-backup-test-'));
});
afterAll(async () => {
  await Promise.all(open.map((db) => db.close()));
  fs.rmSync(folder, { recursive: true, force: true });
});

async function freshDatabase(engine: Engine): Promise<Database> {
  const db = await openTestDatabase(engine);
  open.push(db);
  return db;
}

/** A small network made the way Kith makes one, so the audit log fills as it would. */
async function buildNetwork(db: Database) {
  const host = await buildHost(db);
  const pantry = await buildOrganization(db, { name: 'Eastside Pantry' });
  const unit = await buildUnit(db, host.id, 'Complex Care');
  const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'], unitIds: [unit.id] });
  const coordinator = await buildUser(db, { organizationId: pantry.id, roles: ['partner_staff', 'leader'] });
  const leaver = await buildUser(db, { organizationId: pantry.id });
  await updateUser({ db, actor: 'system' }, { userId: leaver.id, body: { disabled: true } });
  await createApiToken({ db, actor: 'system' }, { userId: admin.id, name: 'referral feed' });
  await signIn({ db, actor: 'anonymous' }, { body: { email: coordinator.email, password: TEST_PASSWORD }, timing });
  await signIn({ db, actor: 'anonymous' }, { body: { email: coordinator.email, password: 'not-the-password' }, timing }).catch(
    () => {},
  );
  await setDemoMode(db, false);
  return { host, pantry, admin, coordinator };
}

/** Every table's rows as JSON, in a stable order, timestamps in UTC. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  return db.tx(async (q) => {
    await q.query(`SET LOCAL TimeZone = 'UTC'`);
    const tables = await q.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> 'kith_migrations' ORDER BY relname`,
    );
    const all: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = await q.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM public."${name}" t`);
      all[name] = rows.map((r) => r.row).sort();
    }
    return all;
  });
}

async function backupOf(db: Database, name: string): Promise<string> {
  const file = path.join(folder, name);
  await backupDatabase(db, file);
  return file;
}

/** The file's lines, changed by `edit`, written back as another backup file. */
function rewritten(file: string, name: string, edit: (lines: string[]) => string[]): string {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  const target = path.join(folder, name);
  fs.writeFileSync(target, zlib.gzipSync(edit(lines).join('\n')));
  return target;
}

const pairs: [Engine, Engine][] = [
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
  ['pglite', 'pglite'],
  ['postgres', 'postgres'],
];

describe('kith backup and restore', () => {
  for (const [from, to] of pairs) {
    it.skipIf(needsServer(from, to))(`carries a whole network from ${from} to ${to}`, async () => {
      const source = await freshDatabase(from);
      const { coordinator } = await buildNetwork(source);
      const file = await backupOf(source, `${from}-to-${to}.kith`);

      const target = await freshDatabase(to);
      await restoreDatabase(target, file, { force: false });

      const restored = await contents(target);
      expect(restored).toEqual(await contents(source));
      expect(restored.audit_log!.length).toBeGreaterThan(5);
      expect(restored.api_tokens).toHaveLength(1);
      expect(await target.query('SELECT name FROM kith_migrations ORDER BY name')).toEqual(
        migrationFiles().map((name) => ({ name })),
      );

      // The coordinator signs in on the restored network with the password they always had.
      const session = await signIn(
        { db: target, actor: 'anonymous' },
        { body: { email: coordinator.email, password: TEST_PASSWORD }, timing },
      );
      expect(session.user.id).toBe(coordinator.id);
      // And Kith carries on: that sign-in's audit row was numbered after every restored one.
      const [last] = await target.query<{ id: number }>('SELECT max(id) AS id FROM audit_log');
      const [sourceMax] = await source.query<{ max: number }>('SELECT max(id) AS max FROM audit_log');
      expect(last!.id).toBeGreaterThan(sourceMax!.max);
    });
  }

  it('writes a file only its owner can read, even over a world-readable one', async () => {
    const source = await freshDatabase('pglite');
    await buildNetwork(source);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kith-backup-mode-')), 'network.kith');
    fs.writeFileSync(file, 'an older backup');
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(`${file}.partial`, 'left by a crash');
    fs.chmodSync(`${file}.partial`, 0o666);
    await backupDatabase(source, file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses to replace a database that holds data, unless forced', async () => {
    const source = await freshDatabase('pglite');
    await buildNetwork(source);
    const file = await backupOf(source, 'replace.kith');
    const target = await freshDatabase('pglite');
    await buildOrganization(target, { name: 'Already Here' });
    const before = await contents(target);

    const refused = restoreDatabase(target, file, { force: false });
    await expect(refused).rejects.toThrow(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/--force/) });
    expect(await contents(target)).toEqual(before);

    await restoreDatabase(target, file, { force: true });
    expect(await contents(target)).toEqual(await contents(source));
  });

  describe('refuses a file it cannot trust, leaving the database as it was', () => {
    let target: Database;
    let file: string;
    let before: Record<string, string[]>;

    beforeAll(async () => {
      const source = await freshDatabase('pglite');
      await buildNetwork(source);
      file = await backupOf(source, 'whole.kith');
      target = await freshDatabase('pglite');
      await buildNetwork(target);
      before = await contents(target);
    });

    const refusal = async (candidate: string, message: RegExp, code = 'bad_request') => {
      await expect(restoreDatabase(target, candidate, { force: true })).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
      expect(await contents(target)).toEqual(before);
    };

    it('a file cut short in the middle of its compressed bytes', async () => {
      const bytes = fs.readFileSync(file);
      const cut = path.join(folder, 'cut.kith');
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await refusal(cut, /cut short/);
    });

    it('a file that lost its last lines', async () => {
      await refusal(
        rewritten(file, 'no-trailer.kith', (lines) => lines.slice(0, -4)),
        /cut short/,
      );
    });

    it('a file whose rows were edited', async () => {
      const edited = rewritten(file, 'edited.kith', (lines) =>
        lines.map((line) => line.replace('Eastside Pantry', 'Westside Pantry')),
      );
      await refusal(edited, /checksum/);
    });

    it('a file that is not a backup at all', async () => {
      const foreign = path.join(folder, 'notes.txt');
      fs.writeFileSync(foreign, 'shopping list: eggs, milk\n');
      await refusal(foreign, /not a gzip file/);
      await refusal(
        rewritten(file, 'json.kith', () => ['{"hello":"world"}']),
        /does not start like a Kith backup/,
      );
    });

    it('a backup made by a newer Kith, whose migrations this Kith does not know', async () => {
      const newer = rewritten(file, 'newer.kith', ([header, ...rest]) => {
        const parsed = JSON.parse(header!) as { migrations: string[] };
        parsed.migrations.push('29991231000000_referrals.sql');
        return [JSON.stringify(parsed), ...rest];
      });
      await refusal(newer, /newer Kith.*29991231000000_referrals\.sql/, 'conflict');
    });
  });

  it('restores a backup made before the latest migrations, then brings it up to date', async () => {
    // The oldest backup there can be: made before the first migration, so it holds no tables.
    const header = JSON.stringify({
      format: 'kith-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      engine: 'pglite',
      serverVersion: '17',
      migrations: [],
      tables: [],
    });
    const sha256 = createHash('sha256').update(`${header}\n`).digest('hex');
    const file = path.join(folder, 'oldest.kith');
    fs.writeFileSync(
      file,
      zlib.gzipSync(`${header}\n${JSON.stringify({ trailer: true, tables: {}, rows: 0, sequences: [], sha256 })}\n`),
    );
    const target = await freshDatabase('pglite');

    await restoreDatabase(target, file, { force: false });

    expect(await target.query('SELECT name FROM kith_migrations ORDER BY name')).toEqual(
      migrationFiles().map((name) => ({ name })),
    );
    expect(await buildOrganization(target)).toMatchObject({ kind: 'community_organization' });
  });

  it('keeps values JavaScript would round: big integers, bytes, exact decimals, JSON nulls', async () => {
    const columns = `id bigint PRIMARY KEY, amount numeric, counts bigint[], photo bytea, doc jsonb NOT NULL, note json,
      at timestamptz, span interval, ratio double precision, tags text[]`;
    const values = `(9007199254740993, 12345678901234567890.123456789, '{9007199254740995,-1}', '\\x00ff10', 'null', '{"a":\n 1}',
        '2026-11-25 10:00:00.123456+00', '1 day 02:03:04.5', 0.1, '{"a b","c,d"}'),
      (2, NULL, '{}', NULL, '"text"', NULL, 'infinity', NULL, 'NaN', '{}')`;
    // Across engines when there is a server; on the embedded engine alone otherwise.
    const [from, to] = [await freshDatabase('pglite'), await freshDatabase(serverReason ? 'pglite' : 'postgres')];
    for (const db of [from, to]) await db.query(`CREATE TABLE odd_values (${columns})`);
    await from.query(`INSERT INTO odd_values VALUES ${values}`);

    const table = (await describeTables(from)).find((t) => t.name === 'odd_values')!;
    const lines = await from.query<{ line: string }>(encodedRowsSql(table));
    expect(lines[1]!.line).toContain('"9007199254740993"');
    await insertRows(
      to,
      table,
      lines.map((l) => JSON.parse(l.line) as unknown[]),
    );

    // As jsonb: a plain json column keeps its value but not its spacing (the file is parsed JSON).
    const read = (db: Database) => db.query(`SELECT to_jsonb(t)::text AS row FROM odd_values t ORDER BY id`);
    expect(await read(to)).toEqual(await read(from));
  });
});
