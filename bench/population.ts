// The population at scale: BENCH_PEOPLE people (default 100,000) held by the host, with MRNs,
// enrolments, care teams and 150,000 consents (1 % of the people consent to care coordination with
// one partner organisation), written in a few INSERT … SELECT generate_series statements. Then the
// population list (first page by name, filtered by program, a name search) and the person page,
// each through the HTTP API as a signed-in user and as the use case's own SQL (the privacy filter
// and the audit row included) in the same run, alternating; as the partner's staff and as the
// host's staff. Prints p50/p95 and the API/SQL ratio. Targets (issue 12): list p95 ≤ 50 ms on
// PostgreSQL, ≤ 100 ms on PGlite; person page p95 ≤ 20 ms on PostgreSQL; API ≤ 1.5× SQL.
// Needs (400,000) are measured when the needs table exists; otherwise one line says they were skipped.
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app';
import { createCareProgram, PeopleQuery, readPeople, readPerson } from '../src/domains/people';
import type { Actor } from '../src/platform/auth/actor';
import type { Database, Engine } from '../src/platform/db/database';
import { buildOrganization, buildUser } from '../test/support/factories';
import { openTestDatabase, serverUnavailableReason } from '../test/support/engines';
import { signedIn } from '../test/support/http-client';

const total = Number(process.env.BENCH_PEOPLE ?? 100_000);
const consents = Math.round(total * 1.5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 60);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const givens = [
  'Maria',
  'James',
  'Aisha',
  'Wei',
  'Jose',
  'Fatima',
  'John',
  'Linh',
  'Samuel',
  'Grace',
  'Omar',
  'Rosa',
  'David',
  'Mei',
  'Carlos',
  'Amara',
  'Peter',
  'Nadia',
  'Luis',
  'Ruth',
];
const families = [
  'Garcia',
  'Smith',
  'Nguyen',
  'Johnson',
  'Okafor',
  'Martinez',
  'Brown',
  'Haddad',
  'Lopez',
  'Williams',
  'Chen',
  'Davis',
  'Rodriguez',
  'Baptiste',
  'Miller',
  'Kim',
  'Wilson',
  'Lindqvist',
  'Moore',
  'Taylor',
  'Anderson',
  'Thomas',
  'Jackson',
  'White',
  'Harris',
  'Martin',
  'Thompson',
  'Young',
  'Allen',
  'King',
];
const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;

async function generate(db: Database) {
  const host = await buildOrganization(db, { isHost: true, kind: 'health_system', name: 'Bench Health' });
  const partner = await buildOrganization(db, { name: 'Bench Pantry' });
  const others = await Promise.all([1, 2, 3, 4, 5].map((n) => buildOrganization(db, { name: `Bench Partner ${n}` })));
  const coordinator = await buildUser(db, { organizationId: host.id, roles: ['care_coordinator'] });
  const partnerStaff = await buildUser(db, { organizationId: partner.id, roles: ['partner_staff'] });
  const program = await createCareProgram({ db, actor: 'system' }, { organizationId: host.id, body: { name: 'Enhanced care' } });
  const started = performance.now();
  await db.tx(async (q) => {
    await q.query(
      `INSERT INTO people (holder_organization_id, given_name, family_name, name_key, birth_date, phone, postal_code)
       SELECT $1, g, f || CASE WHEN i % 3 = 0 THEN '' ELSE '-' || (i % 997)::text END, '', DATE '1930-01-01' + (i * 37 % 25000), '410-555-' || lpad((i % 10000)::text, 4, '0'), '21201'
         FROM generate_series(1, $2::int) AS i,
              LATERAL (SELECT (${sqlArray(givens)})[1 + i % ${givens.length}] AS g, (${sqlArray(families)})[1 + (i / 7) % ${families.length}] AS f) names`,
      [host.id, total],
    );
    await q.query(
      `UPDATE people SET name_key = lower(given_name || ' ' || regexp_replace(family_name, '[^A-Za-z0-9]+', ' ', 'g')) WHERE holder_organization_id = $1`,
      [host.id],
    );
    await q.query(
      `CREATE TEMP TABLE bench_people AS SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM people WHERE holder_organization_id = $1`,
      [host.id],
    );
    await q.query(
      `INSERT INTO person_identifiers (person_id, holder_organization_id, kind, value) SELECT id, $1, 'mrn', 'B' || n FROM bench_people`,
      [host.id],
    );
    await q.query(
      `INSERT INTO person_enrolments (person_id, program_id, enrolled_on) SELECT id, $1, DATE '2025-01-01' + n % 300 FROM bench_people WHERE n % 5 <> 0`,
      [program.id],
    );
    await q.query(
      `INSERT INTO person_care_team (person_id, organization_id, user_id, display_name, role, started_on)
       SELECT id, $1, $2, 'Bench coordinator', 'lead_coordinator', DATE '2025-01-01' FROM bench_people WHERE n % 40 = 0`,
      [host.id, coordinator.id],
    );
    // 1 % of the people consent to care coordination with the partner; the rest of the 150,000
    // consents go to other organisations, or to the partner for referrals only (which grant nothing).
    await q.query(
      `INSERT INTO person_consents (person_id, grantee_organization_id, purpose, categories, starts_on, method)
       SELECT p.id,
              CASE WHEN c.k = 0 AND p.n % 100 = 0 THEN $1::uuid WHEN c.k = 1 AND p.n % 10 = 0 THEN $1::uuid ELSE ($2::uuid[])[1 + (p.n + c.k) % 5] END,
              CASE WHEN c.k = 0 AND p.n % 100 = 0 THEN 'care_coordination' WHEN c.k = 1 AND p.n % 10 = 0 THEN 'referral' ELSE (ARRAY['care_coordination','referral','case_conference'])[1 + (p.n + c.k) % 3] END,
              ARRAY['contact', 'demographics'], DATE '2025-01-01', 'signed_form'
         FROM bench_people p CROSS JOIN generate_series(0, 1) AS c(k)
        WHERE c.k = 0 OR p.n % 2 = 0`,
      [partner.id, others.map((other) => other.id)],
    );
    await q.query('DROP TABLE bench_people');
  });
  await db.query('ANALYZE');
  const counts = (
    await db.query<{ people: number; consents: number; partner: number }>(
      `SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM person_consents) AS consents,
              (SELECT count(*)::int FROM person_consents WHERE grantee_organization_id = $1 AND purpose = 'care_coordination') AS partner`,
      [partner.id],
    )
  )[0]!;
  const needs = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name IN ('person_needs', 'needs')");
  return {
    host,
    partner,
    coordinator,
    partnerStaff,
    program,
    counts,
    needsTable: needs.length > 0,
    seconds: (performance.now() - started) / 1000,
  };
}

const actorOf = (user: { id: string; email: string }, organizationId: string, roles: Actor['roles']): Actor => ({
  via: 'session',
  userId: user.id,
  email: user.email,
  displayName: 'Bench',
  organizationId,
  organizationName: 'Bench',
  organizationIsHost: false,
  roles,
  unitIds: [],
});

async function measure(engine: Engine) {
  const db = await openTestDatabase(engine);
  try {
    console.log(`\n[${engine}] generating ${total.toLocaleString()} people, ${consents.toLocaleString()} consents…`);
    const world = await generate(db);
    console.log(`  generated in ${world.seconds.toFixed(1)} s: ${JSON.stringify(world.counts)}`);
    if (!world.needsTable)
      console.log('  needs: skipped (no needs table on this branch yet): no need-domain/status filter measured');
    const app = await buildApp({ db, serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const results: { viewer: string; name: string; api: number[]; sql: number[] }[] = [];
    const viewers = [
      { name: 'partner', user: world.partnerStaff, organizationId: world.partner.id, roles: ['partner_staff'] as Actor['roles'] },
      { name: 'holder', user: world.coordinator, organizationId: world.host.id, roles: ['care_coordinator'] as Actor['roles'] },
    ];
    for (const viewer of viewers) {
      const client = await signedIn(baseUrl, viewer.user.email, viewer.user.password);
      const get = (path: string) =>
        new Promise<{ status: number; body: { items?: { id: string }[] } }>((resolve, reject) => {
          http
            .get(`${baseUrl}${path}`, { agent, headers: { cookie: client.cookie ?? '' } }, (response) => {
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (part: string) => (text += part));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
            })
            .on('error', reject);
        });
      const context = { db, actor: actorOf(viewer.user, viewer.organizationId, viewer.roles) };
      const first = await get('/api/people?limit=50');
      const ids = (first.body.items ?? []).map((item) => item.id);
      if (first.status !== 200 || ids.length === 0) throw new Error(`the ${viewer.name} sees nobody: ${first.status}`);
      const lists: Record<string, Record<string, string>> = {
        'list: first page by name': { limit: '50' },
        'list: by program': { programId: world.program.id, limit: '50' },
        'list: name search': { q: 'garcia', limit: '50' },
        'list: name search, typo': { q: 'mraia nguyen', limit: '50' },
      };
      for (const [name, query] of Object.entries(lists)) {
        const api: number[] = [];
        const sql: number[] = [];
        const parsed = PeopleQuery.parse(query);
        const viaApi = async () => {
          const started = performance.now();
          const answer = await get(`/api/people?${new URLSearchParams(query)}`);
          api.push(performance.now() - started);
          if (answer.status !== 200) throw new Error(`${name}: ${answer.status}`);
        };
        const direct = async () => {
          const started = performance.now();
          await readPeople(context, { query: parsed });
          sql.push(performance.now() - started);
        };
        await viaApi();
        api.length = 0;
        for (let round = 0; round < rounds; round++) {
          await (round % 2 === 0 ? viaApi().then(direct) : direct().then(viaApi));
        }
        results.push({ viewer: viewer.name, name, api, sql });
      }
      const api: number[] = [];
      const sql: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const id = ids[round % ids.length]!;
        const viaApi = async () => {
          const started = performance.now();
          const answer = await get(`/api/people/${id}`);
          api.push(performance.now() - started);
          if (answer.status !== 200) throw new Error(`person page: ${answer.status}`);
        };
        const direct = async () => {
          const started = performance.now();
          await readPerson(context, { personId: id });
          sql.push(performance.now() - started);
        };
        await (round % 2 === 0 ? viaApi().then(direct) : direct().then(viaApi));
      }
      results.push({ viewer: viewer.name, name: 'person page', api, sql });
    }
    agent.destroy();
    await app.close();
    return { engine, results };
  } finally {
    await db.close();
  }
}

const engines: Engine[] = (await serverUnavailableReason()) ? ['pglite'] : ['postgres', 'pglite'];
const only = process.env.BENCH_ENGINE as Engine | undefined;
const rows = [];
for (const engine of engines.filter((engine) => !only || engine === only)) rows.push(await measure(engine));

console.log(
  `\npopulation benchmark — ${total.toLocaleString()} people, ${consents.toLocaleString()} consents, ${rounds} rounds per case; ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}, Node ${process.version}`,
);
console.log('engine    viewer   case                        API p50  API p95  SQL p50  SQL p95  API/SQL p95');
for (const row of rows) {
  for (const result of row.results) {
    const fixed = (value: number) => value.toFixed(1).padStart(7);
    console.log(
      `${row.engine.padEnd(9)} ${result.viewer.padEnd(8)} ${result.name.padEnd(26)} ${fixed(percentile(result.api, 50))}  ${fixed(percentile(result.api, 95))}  ${fixed(percentile(result.sql, 50))}  ${fixed(percentile(result.sql, 95))}  ${(percentile(result.api, 95) / percentile(result.sql, 95)).toFixed(2).padStart(10)}`,
    );
  }
}
process.exit(0);
