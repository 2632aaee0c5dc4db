// Directory search at scale: generates BENCH_SERVICES services (default 500,000) in one region,
// imports them on the PostgreSQL server and on PGlite (write + search index, in services/s), then
// runs 300 mixed searches through the HTTP API and the same searches as direct SQL calls (each
// search both ways in turn), and prints p50/p95 of each and their ratio. Targets: API p95 ≤ 25 ms
// (server), ≤ 80 ms (PGlite), API ≤ 1.5× SQL; import ≥ 20,000 services/s on the server.
// Then re-imports through `kith import hsds` itself (see directory-import.ts): the same files
// again, and with 1 % of services changed and 0.1 % new, as ratios to the first import.
// BENCH_PART=import runs only the re-imports, BENCH_PART=search only the searches; BENCH_ENGINES picks
// the engines (postgres, pglite; both by default).
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app';
import {
  importIntakes,
  rebuildSearchEntries,
  SearchQuery,
  searchDirectory,
  upsertHsdsRecords,
  withBulkLoad,
} from '../src/domains/directory';
import type { Database, Engine } from '../src/platform/db/database';
import { createRandom } from '../src/demo/random';
import { buildOrganization, buildUser } from '../test/support/factories';
import { openTestDatabase } from '../test/support/engines';
import { signedIn } from '../test/support/http-client';
import { benchKinds, benchTowns, generateDirectoryChunk, townZip } from './directory-generator';
import { measureReimports, printReimports } from './directory-import';
import { benchEngines, percentile } from './support/bench-kit';

const total = Number(process.env.BENCH_SERVICES ?? 500_000);
const searches = Number(process.env.BENCH_SEARCHES ?? 300);
const chunk = 20_000;
const timeZone = 'America/New_York';

/** A deterministic mix of what coordinators type: words (some misspelt), ZIP codes, needs, filters. */
function mixedQueries(count: number): Record<string, string>[] {
  const random = createRandom(2026);
  const phrases = [
    'food pantry',
    'fod pantyr',
    'rent assistance',
    'rnet asistance',
    'emergency shelter',
    'job training',
    'counseling',
    'medical rides',
    'energy assistance',
    'legal aid',
    'housng',
    'respite care',
    'hot meals',
  ];
  const queries: Record<string, string>[] = [];
  for (let index = 0; index < count; index++) {
    const zip = townZip(random.int(0, benchTowns.length - 1));
    const need = random.pick(benchKinds).domain;
    switch (index % 5) {
      case 0:
        queries.push({ q: random.pick(phrases) });
        break;
      case 1:
        queries.push({ q: random.pick(phrases), near: zip, radiusKm: String(random.pick([5, 10, 20])) });
        break;
      case 2:
        queries.push({ need, near: zip, radiusKm: '10', openNow: 'true' });
        break;
      case 3:
        queries.push({ need, language: random.pick(['es', 'vi', 'zh']), hasCapacity: 'true', near: zip });
        break;
      default:
        queries.push({ near: zip, radiusKm: String(random.pick([2, 5, 15])) });
    }
  }
  return queries;
}

async function importDirectory(db: Database): Promise<{ seconds: number; writeSeconds: number; indexSeconds: number }> {
  // One transaction, as `kith import hsds` writes: a first load into an empty directory (indexes
  // and foreign keys of the HSDS tables built once at the end). Only the database work is timed:
  // generating the records is the benchmark's, not the import's.
  let generateMs = 0;
  const started = performance.now();
  await db.tx((q) =>
    withBulkLoad(q, async (intoEmpty) => {
      for (let from = 0; from < total; from += chunk) {
        const generating = performance.now();
        const records = generateDirectoryChunk(from, Math.min(total, from + chunk));
        generateMs += performance.now() - generating;
        await upsertHsdsRecords(q, records, undefined, { intoEmpty });
        if (process.stdout.isTTY) process.stdout.write(`\r  written ${Math.min(total, from + chunk)} / ${total}`);
      }
    }),
  );
  const writeMs = performance.now() - started - generateMs;
  const indexing = performance.now();
  await db.tx((q) => rebuildSearchEntries(q));
  const indexMs = performance.now() - indexing;
  if (process.stdout.isTTY) process.stdout.write('\n');
  return { seconds: (writeMs + indexMs) / 1000, writeSeconds: writeMs / 1000, indexSeconds: indexMs / 1000 };
}

async function addCapacity(db: Database): Promise<void> {
  // Half the services say how much room they have; the search index reads it on rebuild.
  const random = createRandom(99);
  const rows = await db.query<{ id: string }>('SELECT id FROM hsds_service WHERE random() < 0.5');
  for (let start = 0; start < rows.length; start += chunk) {
    await db.tx((q) =>
      importIntakes(
        q,
        rows.slice(start, start + chunk).map((row) => ({
          serviceId: row.id,
          acceptingReferrals: true,
          howToRefer: ['kith'],
          capacityStatus: random.pick(['available', 'waitlist', 'no_capacity']),
          openSlots: random.int(0, 20),
        })),
      ),
    );
  }
}

async function measure(engine: Engine) {
  const db = await openTestDatabase(engine);
  try {
    console.log(`\n[${engine}] importing ${total.toLocaleString()} services…`);
    const imported = await importDirectory(db);
    await addCapacity(db);
    await db.tx((q) => rebuildSearchEntries(q));
    const app = await buildApp({ db, serveWeb: false, timeZone });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const client = await signedIn(baseUrl, user.email, user.password);
    // The searches go through a plain keep-alive HTTP client: fetch adds a few tenths of a
    // millisecond of its own per request, which is the client's cost, not the API's.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; body: { items: unknown[] } }>((resolve, reject) => {
        http
          .get(`${baseUrl}${path}`, { agent, headers: { cookie: client.cookie ?? '' } }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (part: string) => (text += part));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
          })
          .on('error', reject);
      });
    const queries = mixedQueries(searches);
    // The direct calls run the use case itself, as the operator (the policy passes at once).
    const operator = { db, actor: 'system' as const };
    const api: number[] = [];
    const sql: number[] = [];
    let results = 0;
    const throughApi = async (query: Record<string, string>) => {
      const started = performance.now();
      const answer = await get(`/api/directory/search?${new URLSearchParams(query)}`);
      api.push(performance.now() - started);
      if (answer.status !== 200)
        throw new Error(`search ${JSON.stringify(query)} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      results += answer.body.items.length;
    };
    const direct = async (query: Record<string, string>) => {
      const parsed = SearchQuery.parse(query);
      const started = performance.now();
      await searchDirectory(operator, { query: parsed, timeZone });
      sql.push(performance.now() - started);
    };
    // Every search once first, so that neither way meets cold pages; then each search both ways,
    // one right after the other, alternating which goes first: whichever runs second would find
    // the pages the first one read, so neither may always be second.
    for (const query of queries) await get(`/api/directory/search?${new URLSearchParams(query)}`);
    for (const [index, query] of queries.entries()) {
      if (index % 2 === 0) {
        await throughApi(query);
        await direct(query);
      } else {
        await direct(query);
        await throughApi(query);
      }
    }
    agent.destroy();
    await app.close();
    return { engine, imported, api, sql, averageResults: results / queries.length };
  } finally {
    await db.close();
  }
}

// BENCH_ENGINES=postgres (or pglite) measures one engine only.
const engines = await benchEngines();
const part = process.env.BENCH_PART ?? 'all';
if (part === 'import' || part === 'all') printReimports(total, await measureReimports(engines, total));
if (part === 'import') process.exit(0);
const rows = [];
for (const engine of engines) rows.push(await measure(engine));

console.log(
  `\ndirectory benchmark — ${total.toLocaleString()} services, ${searches} mixed searches; ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`,
);
console.log(
  'engine    import svc/s  (write s, index s)   API p50   API p95   SQL p50   SQL p95   API/SQL p50  API/SQL p95  results/search',
);
for (const row of rows) {
  const fixed = (value: number) => value.toFixed(1).padStart(7);
  console.log(
    `${row.engine.padEnd(9)} ${Math.round(total / row.imported.seconds)
      .toLocaleString()
      .padStart(11)}  (${row.imported.writeSeconds.toFixed(0)} s, ${row.imported.indexSeconds.toFixed(0)} s)` +
      `   ${fixed(percentile(row.api, 50))}   ${fixed(percentile(row.api, 95))}   ${fixed(percentile(row.sql, 50))}   ${fixed(percentile(row.sql, 95))}` +
      `   ${(percentile(row.api, 50) / percentile(row.sql, 50)).toFixed(2).padStart(10)}   ${(percentile(row.api, 95) / percentile(row.sql, 95)).toFixed(2).padStart(10)}   ${row.averageResults.toFixed(1).padStart(8)}`,
  );
}
process.exit(0);
