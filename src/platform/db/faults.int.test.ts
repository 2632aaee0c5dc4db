// What an operator sees when the database is missing, broken or goes away.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildApp } from '../../app';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { ensureServerTemplate, serverUnavailableReason, testDatabaseUrl } from '../../../test/support/engines';
import { signedIn } from '../../../test/support/http-client';
import { runKith } from '../../../test/support/run-kith';
import { migrationFiles } from './migrate';
import { openServerDatabase } from './open';

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string) => {
    for (const name of fs.readdirSync(current).sort()) {
      const full = path.join(current, name);
      hash.update(full);
      if (fs.statSync(full).isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-faults-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('starting without a usable database', () => {
  it('names DATABASE_URL in one line and exits 1 when the server is down', async () => {
    const result = await runKith(['serve'], { DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/kith' });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
    expect(lines[0]).not.toContain('hunter2');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a data folder that holds something else, and leaves it untouched', async () => {
    const dataDir = path.join(scratch, 'foreign');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'thesis.docx'), 'four years of work');
    const before = fingerprint(dataDir);
    const result = await runKith(['serve'], { KITH_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('KITH_DATA_DIR');
    expect(fingerprint(dataDir)).toBe(before);
  });

  it('refuses a damaged database folder with a clear line, and overwrites nothing', async () => {
    const dataDir = path.join(scratch, 'damaged');
    fs.mkdirSync(path.join(dataDir, 'base'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '18\n');
    fs.writeFileSync(path.join(dataDir, 'base', '1'), randomBytes(512));
    const before = fingerprint(dataDir);
    const result = await runKith(['serve'], { KITH_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('KITH_DATA_DIR');
    expect(result.stderr).toMatch(/left untouched/);
    expect(fingerprint(dataDir)).toBe(before);
  });

  it('prints every invalid setting and exits 1', async () => {
    const result = await runKith(['serve'], { PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
  });
});

/** A TCP relay in front of the real server that the test can cut and restore. */
function relay(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  return {
    async open(port = 0): Promise<number> {
      server = net.createServer((incoming) => {
        const outgoing = net.connect(targetPort, '127.0.0.1');
        for (const socket of [incoming, outgoing]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {});
        }
        incoming.pipe(outgoing).pipe(incoming);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      return (server.address() as net.AddressInfo).port;
    },
    async cut(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
  };
}

describe('the PostgreSQL server going away while Kith runs', async () => {
  const reason = await serverUnavailableReason();
  if (reason && process.env.CI !== 'true') {
    console.warn(`Server-outage test skipped: no PostgreSQL server at ${testDatabaseUrl} (${reason}).`);
  }
  it.skipIf(Boolean(reason) && process.env.CI !== 'true')(
    'answers 503 while it is down and recovers without a restart',
    async () => {
      await ensureServerTemplate();
      const name = `kith_test_outage_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      const template = (
        await admin.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname LIKE 'kith_test_template_%' ORDER BY oid DESC LIMIT 1`,
        )
      ).rows[0]!.datname;
      expect(migrationFiles().length).toBeGreaterThan(0);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      const target = new URL(testDatabaseUrl);
      const link = relay(Number(target.port || 5432));
      const port = await link.open();
      const url = new URL(testDatabaseUrl);
      url.port = String(port);
      url.pathname = `/${name}`;
      const db = await openServerDatabase(url.toString());
      const app = await buildApp({ db, serveWeb: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const baseUrl = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
      try {
        const organization = await buildOrganization(db);
        const user = await buildUser(db, { organizationId: organization.id });
        const client = await signedIn(baseUrl, user.email, user.password);
        expect((await client.get('/api/me')).status).toBe(200);

        // The server goes away: Kith stays up and says so.
        await link.cut();
        expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
        expect((await fetch(`${baseUrl}/readyz`)).status).toBe(503);
        const during = await client.get('/api/me');
        expect(during.status).toBe(503);
        expect(during.body.code).toBe('unavailable');

        // It comes back on the same address: Kith recovers by itself.
        await link.open(port);
        expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
        expect((await client.get('/api/me')).status).toBe(200);
      } finally {
        await app.close();
        await db.close();
        await link.cut();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
