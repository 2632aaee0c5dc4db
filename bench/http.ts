// Requests per second of Kith's authenticated GET /api/me (session lookup in PostgreSQL, actor
// resolution, serialisation) next to a bare Fastify hello-world measured in the same run.
// autocannon, 10 connections, 10 s each (BENCH_SECONDS to change), after a 2 s warm-up.
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app';
import type { Database } from '../src/platform/db/database';
import { buildOrganization, buildUser } from '../test/support/factories';
import { openTestDatabase, serverUnavailableReason } from '../test/support/engines';
import { signedIn } from '../test/support/http-client';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function measure(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: 10, duration: 2, headers });
  const result = await autocannon({ url, connections: 10, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function bare() {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await measure(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`);
  } finally {
    await app.close();
  }
}

async function kith(db: Database) {
  const app = await buildApp({ db, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const organization = await buildOrganization(db, { isHost: true, kind: 'health_system' });
    const user = await buildUser(db, { organizationId: organization.id, roles: ['care_coordinator'] });
    const client = await signedIn(baseUrl, user.email, user.password);
    return await measure(`${baseUrl}/api/me`, { cookie: client.cookie! });
  } finally {
    await app.close();
    await db.close();
  }
}

const rows: { name: string; requestsPerSecond: number; p50: number; p99: number }[] = [];
rows.push({ name: 'bare Fastify hello-world', ...(await bare()) });
rows.push({ name: 'Kith GET /api/me (PGlite)', ...(await kith(await openTestDatabase('pglite'))) });
const reason = await serverUnavailableReason();
if (reason) console.warn(`PostgreSQL server not reachable (${reason}): its row is left out.`);
else rows.push({ name: 'Kith GET /api/me (PostgreSQL)', ...(await kith(await openTestDatabase('postgres'))) });

const baseline = rows[0]!.requestsPerSecond;
console.log(
  `\nhttp benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${seconds} s each, 10 connections`,
);
console.log('name                               req/s   p50 ms  p99 ms  ratio to bare');
for (const row of rows) {
  console.log(
    `${row.name.padEnd(34)} ${row.requestsPerSecond.toFixed(0).padStart(6)}  ${String(row.p50).padStart(6)}  ${String(row.p99).padStart(6)}  ${(row.requestsPerSecond / baseline).toFixed(2)}`,
  );
}
process.exit(0);
