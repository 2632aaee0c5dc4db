// The guard that stays: every route the app serves, walked on both engines by callers without
// credentials, by callers of another organisation, and by a caller the policy lets through who
// sends malformed values for every parameter and body field. It fails on any 5xx, on any 2xx
// without credentials for a route that is not public, on any change to the database after a
// refused request, and on another organisation's data shown to a caller not meant to see it.
// The routes come from the app itself (app.kithRoutes) and their inputs from the OpenAPI
// document, so the routes of every later change are covered the day they are added.
//
// The combinations are sampled with a seeded generator (the seed is printed; KITH_FUZZ_SEED=n
// explores another sample). How it works: test/support/fuzz/walk.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, webDistDir } from '../../src/app';
import { describeEachEngine } from '../support/harness';
import { fingerprinter, type Fingerprinter } from '../support/fuzz/fingerprint';
import { fuzzSeed, Prng } from '../support/fuzz/prng';
import { routeModels, type OpenApiDocument, type RouteModel } from '../support/fuzz/routes';
import { closeSockets } from '../support/fuzz/send';
import { walkRoutes, type Failure, type Target } from '../support/fuzz/walk';
import { buildFuzzWorld, missingSamples, type FuzzWorld } from '../support/fuzz/world';

/**
 * Reads that answer a caller of another organisation on purpose, by route (GET and HEAD), each
 * with its reason. A route that shows another organisation's data and is not listed here fails.
 */
const foreignReadAllowlist: Record<string, string> = {
  '/api/organizations': "organisation names and kinds are the network's shared address book",
  '/api/organizations/:organizationId': 'the same address book, one organisation at a time',
  '/api/directory/services/:serviceId': 'the directory is for every signed-in user',
  '/api/directory/organizations/:organizationId':
    'the directory is for every signed-in user, with the organisation that keeps a service',
};

/** Malformed requests per route, and the smaller budgets of routes that must not be hammered. */
const budget = 80;
const routeBudgets: Record<string, number> = {
  // Rate-limited per address (30 a minute, the callers' sign-ins included); never sent valid credentials.
  'POST /api/auth/sign-in': 10,
};

const seed = fuzzSeed();
const repositoryRoot = path.resolve(webDistDir, '../..');

/** Text of files outside the web root: no answer may hold it (a path that climbed out of web/dist). */
const forbiddenContent = [
  { file: 'package.json', text: '"devDependencies"' },
  { file: 'src/app.ts', text: fs.readFileSync(path.join(repositoryRoot, 'src/app.ts'), 'utf8').split('\n')[0]! },
];

function describeFailures(failures: Failure[]): string {
  const lines = failures
    .sort(
      (x, y) =>
        x.rule.localeCompare(y.rule) ||
        x.route.localeCompare(y.route) ||
        x.field.localeCompare(y.field) ||
        x.kind.localeCompare(y.kind),
    )
    .map(
      (failure, index) =>
        `${index + 1}. ${failure.rule}: ${failure.route} · ${failure.field} · ${failure.kind} · ${failure.status === null ? 'the route as a whole' : failure.status || 'no answer'}${failure.count > 1 ? ` (×${failure.count})` : ''}\n${failure.example.replace(/^/gm, '   ')}`,
    );
  return `${failures.length} distinct failures (seed ${seed}; KITH_FUZZ_SEED=${seed} repeats this sample):\n${lines.join('\n')}`;
}

describeEachEngine('every route, fuzzed', (ctx) => {
  let world: FuzzWorld;
  let routes: RouteModel[];
  let unserved: string[];
  let fingerprint: Fingerprinter;
  // The harness serves the API only; the web app's files are walked on a second app over the
  // same database, as `kith serve` runs it (when the web app is built: npm test builds it).
  let web: { app: FastifyInstance; baseUrl: string; routes: RouteModel[] } | undefined;

  beforeAll(async () => {
    world = await buildFuzzWorld(ctx());
    const document = (await (await fetch(`${ctx().baseUrl}/api/openapi.json`)).json()) as OpenApiDocument;
    ({ routes, unserved } = routeModels(document, ctx().app.kithRoutes));
    fingerprint = await fingerprinter(ctx().db);
    if (fs.existsSync(path.join(webDistDir, 'index.html'))) {
      const app = await buildApp({ db: ctx().db, serveWeb: true });
      const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
      const apiRoutes = new Set(ctx().app.kithRoutes.map((route) => `${route.method} ${route.url}`));
      const fileRoutes = app.kithRoutes.filter((route) => !apiRoutes.has(`${route.method} ${route.url}`));
      web = { app, baseUrl, routes: routeModels(document, fileRoutes).routes };
    } else {
      console.warn(`route fuzz: the web app's static files are not walked: ${webDistDir} has no index.html (npm run build:web)`);
    }
  });
  afterAll(async () => {
    await web?.app.close();
    closeSockets();
  });

  it('knows every route: the document lists only served routes, and every path parameter has a sample', () => {
    expect(unserved, 'operations of the OpenAPI document that no route serves').toEqual([]);
    const missing = missingSamples(world, [...routes, ...(web?.routes ?? [])]);
    expect(missing, missing.join('\n')).toEqual([]);
    const stale = Object.keys(foreignReadAllowlist).filter((url) => !routes.some((route) => route.url === url));
    expect(stale, 'allowlisted routes that no longer exist').toEqual([]);
  });

  it(
    'answers every route, however called, without a 5xx, a leak, or a change after a refusal',
    { timeout: 300_000 },
    async () => {
      const started = Date.now();
      const walkable = (list: RouteModel[]) => list.filter((route) => missingSamples(world, [route]).length === 0);
      const targets: Target[] = [{ baseUrl: ctx().baseUrl, routes: walkable(routes) }];
      if (web) targets.push({ baseUrl: web.baseUrl, routes: walkable(web.routes) });
      const report = await walkRoutes({
        targets,
        db: ctx().db,
        fingerprint,
        world,
        prng: new Prng(seed),
        foreignReadAllowlist,
        budget,
        routeBudgets,
        spellings: 6,
        forbiddenContent,
      });
      const classes = Object.entries(report.byClass)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([name, count]) => `${name} ${count}`)
        .join(', ');
      console.log(
        `route fuzz [${ctx().engine}] seed ${seed}: ${report.routes} routes (${report.documented} in the OpenAPI document, ` +
          `${report.routes - report.documented} outside it), ${report.requests} requests (${classes}), ` +
          `${fingerprint.tables.length} tables fingerprinted${fingerprint.ignored.length ? ` (not: ${fingerprint.ignored.join(', ')})` : ''}, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(report.failures.length, describeFailures(report.failures)).toBe(0);
    },
  );
});
