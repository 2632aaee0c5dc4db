// The population at scale: BENCH_PEOPLE people (default 100,000) held by the host, with MRNs,
// enrolments, the coordinator's caseload (one person in 1,000) and 150,000 consents (1 % of the
// people consent to care coordination with one partner organisation), written in a few INSERT … SELECT generate_series statements. Then the
// population list (first page by name, filtered by program, by need domain and status, a name
// search, one with a typo) and the person page (the person and their needs),
// each through the HTTP API as a signed-in user and as the use case's own SQL (the privacy filter
// and the audit row included) in the same run, alternating; as the partner's staff and as the
// host's staff. Prints p50/p95 and the API/SQL ratio. Targets (issue 12): list p95 ≤ 50 ms on
// PostgreSQL, ≤ 100 ms on PGlite; person page p95 ≤ 20 ms on PostgreSQL; API ≤ 1.5× SQL.
// 400,000 needs (four of different domains per person, most of them open) feed the list filtered by
// need domain and status. Names' search keys are written by the people domain's own nameKey().
// BENCH_ENGINES=postgres (or pglite) measures one engine only.
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app';
// The screening domain (loading it also gives the population list its needs filter).
import { readNeeds } from '../src/domains/screening';
import { createCareProgram, nameKey, PeopleQuery, readMyPeople, readPeople, readPerson } from '../src/domains/people';
import type { Actor } from '../src/platform/auth/actor';
import type { Database, Engine } from '../src/platform/db/database';
import { buildOrganization, buildUser } from '../test/support/factories';
import { openTestDatabase } from '../test/support/engines';
import { signedIn } from '../test/support/http-client';
import { benchEngines, percentile } from './support/bench-kit';

const total = Number(process.env.BENCH_PEOPLE ?? 100_000);
const consents = Math.round(total * 1.5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 60);

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
    const names = await q.query<{ id: string; given_name: string; family_name: string }>(
      'SELECT id, given_name, family_name FROM people WHERE holder_organization_id = $1',
      [host.id],
    );
    await q.query(`UPDATE people p SET name_key = k.key FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE p.id = k.id`, [
      names.map((row) => row.id),
      names.map((row) => nameKey(row.given_name, row.family_name)),
    ]);
    await q.query(
      `CREATE TEMP TABLE bench_people AS SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM people WHERE holder_organization_id = $1`,
      [host.id],
    );
    await q.query(
      `INSERT INTO person_identifiers (person_id, holder_organization_id, kind, value) SELECT id, $1, 'mrn', 'B' || n FROM bench_people`,
      [host.id],
    );
    await q.query(
      `INSERT INTO person_enrolments (person_id, program_id, enrolled_on) SELECT id, $1, DATE '2025-01-01' + n % 300 FROM bench_people WHERE n % 5 <> 1`,
      [program.id],
    );
    await q.query(
      `INSERT INTO person_care_team (person_id, organization_id, user_id, display_name, role, started_on)
       SELECT id, $1, $2, 'Bench coordinator', 'lead_coordinator', DATE '2025-01-01' FROM bench_people WHERE n % 1000 = 7`,
      [host.id, coordinator.id],
    );
    // 1 % of the people consent to care coordination with the partner (contact, demographics and
    // needs: the needs filter has something to find); the rest of the 150,000
    // consents go to other organisations, or to the partner for referrals only (which grant nothing).
    await q.query(
      `INSERT INTO person_consents (person_id, grantee_organization_id, purpose, categories, starts_on, method)
       SELECT p.id,
              CASE WHEN c.k = 0 AND p.n % 100 = 0 THEN $1::uuid WHEN c.k = 1 AND p.n % 10 = 0 THEN $1::uuid ELSE ($2::uuid[])[1 + (p.n + c.k) % 5] END,
              CASE WHEN c.k = 0 AND p.n % 100 = 0 THEN 'care_coordination' WHEN c.k = 1 AND p.n % 10 = 0 THEN 'referral' ELSE (ARRAY['care_coordination','referral','case_conference'])[1 + (p.n + c.k) % 3] END,
              CASE WHEN c.k = 0 AND p.n % 100 = 0 THEN ARRAY['contact', 'demographics', 'needs'] ELSE ARRAY['contact', 'demographics'] END,
              DATE '2025-01-01', 'signed_form'
         FROM bench_people p CROSS JOIN generate_series(0, 1) AS c(k)
        WHERE c.k = 0 OR p.n % 2 = 0`,
      [partner.id, others.map((other) => other.id)],
    );
    // Four needs of different domains per person: three in four open, the rest met or declined.
    await q.query(
      `INSERT INTO screening_needs (person_id, need_domain, severity, status, identified_on, source)
       SELECT p.id, d.codes[1 + (p.n + k * 7) % cardinality(d.codes)],
              (ARRAY['low', 'medium', 'high', 'urgent'])[1 + (p.n + k) % 4],
              (ARRAY['identified', 'in_scope', 'out_of_scope', 'being_addressed', 'identified', 'in_scope', 'met', 'declined'])[1 + (p.n * 3 + k) % 8],
              DATE '2025-01-01' + (p.n + k) % 300, 'manual'
         FROM bench_people p CROSS JOIN generate_series(0, 3) AS k
              CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM need_domain) d`,
    );
    await q.query('DROP TABLE bench_people');
  });
  // What autovacuum does after a bulk load (planner statistics, and the trigram indexes' pending
  // entries merged): without it every search would scan the unmerged entries one by one.
  await db.query('VACUUM ANALYZE');
  const counts = (
    await db.query<{ people: number; needs: number; consents: number; partner: number }>(
      `SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM screening_needs) AS needs,
              (SELECT count(*)::int FROM person_consents) AS consents,
              (SELECT count(*)::int FROM person_consents WHERE grantee_organization_id = $1 AND purpose = 'care_coordination') AS partner`,
      [partner.id],
    )
  )[0]!;
  const domain = (await db.query<{ code: string }>('SELECT code FROM need_domain ORDER BY code LIMIT 1'))[0]!.code;
  return {
    host,
    partner,
    coordinator,
    partnerStaff,
    program,
    counts,
    needDomain: domain,
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
        'list: need domain, open': { needDomain: world.needDomain, needStatus: 'open', limit: '50' },
        'list: need domain, in scope': { needDomain: world.needDomain, needStatus: 'in_scope', limit: '50' },
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
          // The person and their needs: the two answers the person page starts from.
          const answer = await get(`/api/people/${id}`);
          const needs = await get(`/api/people/${id}/needs`);
          api.push(performance.now() - started);
          if (answer.status !== 200 || needs.status !== 200) throw new Error(`person page: ${answer.status}, ${needs.status}`);
        };
        const direct = async () => {
          const started = performance.now();
          await readPerson(context, { personId: id });
          await readNeeds(context, { personId: id });
          sql.push(performance.now() - started);
        };
        await (round % 2 === 0 ? viaApi().then(direct) : direct().then(viaApi));
      }
      results.push({ viewer: viewer.name, name: 'person page', api, sql });
      // The home page's "my people": care-team people first, then by the most urgent open need.
      const homeApi: number[] = [];
      const homeSql: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const viaApi = async () => {
          const started = performance.now();
          const answer = await get('/api/people/mine?limit=10');
          homeApi.push(performance.now() - started);
          if (answer.status !== 200) throw new Error(`my people: ${answer.status}`);
        };
        const direct = async () => {
          const started = performance.now();
          await readMyPeople(context, { limit: 10 });
          homeSql.push(performance.now() - started);
        };
        await (round % 2 === 0 ? viaApi().then(direct) : direct().then(viaApi));
      }
      results.push({ viewer: viewer.name, name: 'home: my people', api: homeApi, sql: homeSql });
    }
    agent.destroy();
    await app.close();
    return { engine, results };
  } finally {
    await db.close();
  }
}

const rows = [];
for (const engine of await benchEngines()) rows.push(await measure(engine));

console.log(
  `\npopulation benchmark — ${total.toLocaleString()} people, ${consents.toLocaleString()} consents, ${rounds} rounds per case; ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}, Node ${process.version}`,
);
console.log('engine    viewer   case                          API p50  API p95  SQL p50  SQL p95  API/SQL p95');
for (const row of rows) {
  for (const result of row.results) {
    const fixed = (value: number) => value.toFixed(1).padStart(7);
    console.log(
      `${row.engine.padEnd(9)} ${result.viewer.padEnd(8)} ${result.name.padEnd(28)} ${fixed(percentile(result.api, 50))}  ${fixed(percentile(result.api, 95))}  ${fixed(percentile(result.sql, 50))}  ${fixed(percentile(result.sql, 95))}  ${(percentile(result.api, 95) / percentile(result.sql, 95)).toFixed(2).padStart(10)}`,
    );
  }
}
process.exit(0);
