// The walk: for every route, three kinds of caller and what each must get.
//
//   anonymous  the route's valid request without credentials (and with forged ones), and its path
//              spelt other ways: a route that is not public answers 401, never 2xx.
//   foreign    A's staff and admin (by session and by API token) send the valid request with the
//              ids of B's records: writes are refused; reads are refused, or the route is on the
//              test's allowlist of reads meant for the whole network.
//   owner      a caller whom the policy lets through (the network admin; nobody for a public
//              route) sends the valid request, then malformed values of every path parameter,
//              query parameter and body field, one at a time, and malformed bodies and query
//              strings as a whole: so the input reaches the handler and its SQL.
//
// For every request: no 5xx. After every refused write: the database is as it was. After each
// read route's batch: the database is as it was. Failures are collected, deduplicated by
// (rule, route, field, kind, status), and returned with one example each.
import type { Queryable } from '../../../src/platform/db/database';
import { changedTables, type Fingerprint, type Fingerprinter } from './fingerprint';
import {
  bodyPayloads,
  fieldPayloads,
  pathParamPayloads,
  pathSpellings,
  queryParts,
  queryPayloads,
  shapeOf,
  validObject,
  validValue,
  type PathSegment,
  type ValueSource,
} from './inputs';
import type { Prng } from './prng';
import { isWrite, type Field, type RouteModel } from './routes';
import { anonymous, send, type Answer, type Caller, type FuzzRequest } from './send';
import { fieldHints, pathSample, sessionEndingRoutes, type FuzzWorld } from './world';

export type Perspective = 'anonymous' | 'foreign' | 'owner';

interface Probe {
  perspective: Perspective;
  caller: Caller;
  /** What was varied: `query.q`, `body.name`, `path.userId`, `body`, `query`, `path`, `credentials`. */
  field: string;
  kind: string;
  request: FuzzRequest;
  /** The valid request of a route that is not public, without valid credentials: must be 401. */
  expectUnauthenticated?: boolean;
  /** Why this request must be refused (a write without its session's CSRF token). */
  mustBeRefused?: string;
}

export interface Failure {
  rule: string;
  route: string;
  field: string;
  kind: string;
  /** The status of the answer; null for a failure of a route as a whole. */
  status: number | null;
  count: number;
  example: string;
}

type FailFunction = (
  rule: string,
  route: RouteModel,
  probe: Pick<Probe, 'field' | 'kind' | 'caller' | 'request'>,
  answer: Answer | undefined,
  detail?: string,
) => void;

/** A server and the routes to walk on it (the API, and the app that also serves the web app's files). */
export interface Target {
  baseUrl: string;
  routes: RouteModel[];
}

export interface WalkOptions {
  targets: Target[];
  db: Queryable;
  fingerprint: Fingerprinter;
  world: FuzzWorld;
  prng: Prng;
  /** Reads that may answer a caller of another organisation, by route URL, each with its reason. */
  foreignReadAllowlist: Record<string, string>;
  /** Malformed requests per route (the sample of its field × input combinations). */
  budget: number;
  /** Smaller budgets for routes that must not be hammered (a rate-limited sign-in). */
  routeBudgets: Record<string, number>;
  /** Other spellings of each route's path, per caller. */
  spellings: number;
  /** Text of files outside the web root (package.json, the server's source): never in an answer. */
  forbiddenContent: { file: string; text: string }[];
}

export interface WalkReport {
  routes: number;
  documented: number;
  requests: number;
  byClass: Record<string, number>;
  failures: Failure[];
}

/** Credentials that are not: each must get the same 401 as none at all. */
const forgedCredentials: Caller[] = [
  { name: 'a forged session cookie', kind: 'anonymous', headers: { cookie: 'kith_session=forged-session-token' } },
  { name: 'an unknown API token', kind: 'anonymous', headers: { authorization: 'Bearer kith_forged_token' } },
  { name: 'an Authorization header without a token', kind: 'anonymous', headers: { authorization: 'Bearer' } },
  {
    name: 'Basic credentials',
    kind: 'anonymous',
    headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  },
];

const statusClass = (status: number) => (status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`);
const isSuccess = (status: number) => status >= 200 && status < 300;

/** Bytes as readable text: printable ASCII as is, the rest as \xNN, cut at `limit`. */
export function printable(value: Buffer | string | null | undefined, limit = 200): string {
  if (value === null || value === undefined) return '(none)';
  const buffer = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  let out = '';
  for (const byte of buffer.subarray(0, limit))
    out += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  return buffer.length > limit ? `${out}… (${buffer.length} bytes)` : out;
}

export async function walkRoutes(options: WalkOptions): Promise<WalkReport> {
  const { world, fingerprint } = options;
  const failures = new Map<string, Failure>();
  const byClass: Record<string, number> = {};
  let requests = 0;
  let counter = 0;
  const unique = () => {
    counter += 1;
    let n = counter;
    let letters = '';
    do {
      letters = String.fromCharCode(97 + (n % 26)) + letters;
      n = Math.floor(n / 26);
    } while (n > 0);
    return letters;
  };
  const hints = fieldHints(world, unique);

  /** Records a failure; `answer` is undefined for a failure of the route as a whole. */
  const fail: FailFunction = (rule, route, probe, answer, detail = '') => {
    // A route that answers without credentials does so however it is asked: one line per route.
    const anyWay = rule.endsWith('without credentials');
    const field = anyWay ? 'credentials or path' : probe.field;
    const kind = anyWay ? 'any' : probe.kind;
    const status = answer ? answer.status : null;
    const key = [rule, route.key, field, kind, status].join('|');
    const known = failures.get(key);
    if (known) {
      known.count += 1;
      return;
    }
    const { request } = probe;
    const example = [
      `${request.method} ${printable(request.path, 300)} by ${probe.caller.name}${request.csrf && request.csrf !== 'send' ? ` (CSRF token: ${request.csrf})` : ''}`,
      request.body !== undefined
        ? `  body (${request.contentType === undefined ? 'application/json' : (request.contentType ?? 'no content type')}): ${printable(request.body)}`
        : '',
      answer ? `  → ${answer.status || answer.error} ${printable(answer.body, 300)}` : '',
      detail ? `  ${detail}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    failures.set(key, { rule, route: route.key, field, kind, status, count: 1, example });
  };

  const allowlisted = (route: RouteModel) => Object.hasOwn(options.foreignReadAllowlist, route.url);
  const targetsForeign = (request: FuzzRequest) => {
    const body = request.body?.toString('utf8') ?? '';
    return [...world.foreignIds].some((id) => request.path.includes(id) || body.includes(id));
  };
  /** Where an answer shows one of B's records: the marker and the text around it, or undefined. */
  const foreignShown = (answer: Answer) => {
    const marker = world.foreignMarkers.find((candidate) => answer.body.includes(candidate.text));
    if (!marker) return undefined;
    const at = answer.body.indexOf(marker.text);
    return `it shows ${marker.label}: …${printable(answer.body.slice(Math.max(0, at - 120), at + marker.text.length + 40), 400)}…`;
  };

  const walkRoute = async (baseUrl: string, route: RouteModel) => {
    const prng = options.prng.fork(route.key);
    const source: ValueSource = { prng, unique, hint: (name) => hints[name]?.() };
    const write = isWrite(route.method);

    // ----- the route's valid request, and the pieces every variation is made of -----
    const params: Record<string, string> = {};
    for (const name of route.pathParams) {
      const sample = pathSample(world, route, name);
      if (sample === undefined) throw new Error(`${route.key}: no sample for path parameter ${name} (see missingSamples)`);
      params[name] = name === '*' ? sample : encodeURIComponent(sample);
    }
    const segmentsWith = (values: Record<string, string>): PathSegment[] =>
      route.url
        .split('/')
        .slice(1)
        .map((segment) => {
          if (segment === '*') return { text: values['*'] ?? '', isStatic: false };
          const param = /^:([A-Za-z0-9_]+)/.exec(segment)?.[1];
          return param ? { text: values[param] ?? '', isStatic: false } : { text: segment, isStatic: true };
        });
    const pathWith = (values: Record<string, string>) =>
      `/${segmentsWith(values)
        .map((segment) => segment.text)
        .join('/')}`;
    const requiredQuery = route.query.filter((field) => field.required);
    const queryWithout = (name?: string) =>
      requiredQuery
        .filter((field) => field.name !== name)
        .flatMap((field) => queryParts(field.name, validValue(field.name, field.schema, source)));
    const target = (path: string, parts: string[]) => (parts.length ? `${path}?${parts.join('&')}` : path);
    const bodyFields = route.body ?? [];
    const properties = Object.fromEntries(bodyFields.map((field) => [field.name, field.schema]));
    const requiredBody = bodyFields.filter((field) => field.required).map((field) => field.name);
    const baseBody = () => validObject(properties, requiredBody, source);
    const fullBody = () => validObject(properties, requiredBody, source, true);
    const jsonBuffer = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
    /** The valid request, with optional replacements. */
    const request = (
      changes: Partial<FuzzRequest> & { params?: Record<string, string>; query?: string[]; body?: Buffer | null } = {},
    ): FuzzRequest => ({
      method: route.method,
      path: target(changes.path ?? pathWith(changes.params ?? params), changes.query ?? queryWithout()),
      body: changes.body !== undefined ? changes.body : write && route.body ? jsonBuffer(baseBody()) : undefined,
      contentType: changes.contentType,
      csrf: changes.csrf,
    });
    const spellingsOf = (count: number) => {
      const all = pathSpellings(segmentsWith(params));
      const [first, ...rest] = all;
      return [first!, ...prng.shuffle(rest).slice(0, Math.max(count - 1, 0))];
    };

    // ----- the probes -----
    const probes: Probe[] = [];
    const head = route.method === 'HEAD';
    const spellings = head ? 2 : options.spellings;

    // Anonymous: no credentials, forged credentials, and the path spelt other ways.
    probes.push({
      perspective: 'anonymous',
      caller: anonymous,
      field: 'credentials',
      kind: 'none',
      request: request(),
      expectUnauthenticated: !route.public,
    });
    if (!route.public) {
      for (const forged of forgedCredentials) {
        probes.push({
          perspective: 'anonymous',
          caller: forged,
          field: 'credentials',
          kind: forged.name,
          request: request(),
          expectUnauthenticated: true,
        });
      }
    }
    for (const spelling of spellingsOf(spellings)) {
      probes.push({
        perspective: 'anonymous',
        caller: anonymous,
        field: 'path',
        kind: spelling.kind,
        request: request({ path: spelling.path }),
      });
    }

    // Foreign: A's callers, with B's ids.
    if (!route.public) {
      for (const caller of [world.callers.staffA, world.callers.adminA, world.callers.adminAToken]) {
        probes.push({ perspective: 'foreign', caller, field: '(request)', kind: 'valid', request: request() });
        if (write && bodyFields.length)
          probes.push({
            perspective: 'foreign',
            caller,
            field: '(request)',
            kind: 'valid-every-field',
            request: request({ body: jsonBuffer(fullBody()) }),
          });
      }
    }

    // Owner: the valid request, each field valid alone, CSRF, spellings; then the sample.
    const owner = () =>
      route.public ? anonymous : prng.next() < 0.25 ? world.callers.networkAdminToken : world.callers.networkAdmin;
    const own = (field: string, kind: string, req: FuzzRequest): Probe => ({
      perspective: 'owner',
      caller: owner(),
      field,
      kind,
      request: req,
    });
    probes.push(own('(request)', 'valid', request()));
    if (!head) {
      if (bodyFields.length) probes.push(own('(request)', 'valid-every-field', request({ body: jsonBuffer(fullBody()) })));
      for (const field of route.query)
        probes.push(
          own(
            `query.${field.name}`,
            'valid',
            request({
              query: [...queryWithout(field.name), ...queryParts(field.name, validValue(field.name, field.schema, source))],
            }),
          ),
        );
      if (write && !route.public) {
        for (const csrf of ['omit', 'forge'] as const) {
          probes.push({
            perspective: 'owner',
            caller: world.callers.networkAdmin,
            field: 'csrf',
            kind: csrf === 'omit' ? 'no-csrf-token' : 'forged-csrf-token',
            request: request({ csrf }),
            mustBeRefused: 'a session write without its CSRF token was accepted',
          });
        }
      }
      if (!route.public)
        for (const spelling of spellingsOf(3)) probes.push(own('path', spelling.kind, request({ path: spelling.path })));

      // The malformed sample: one lane per field (and for the body and query as a whole); the
      // lanes are taken in turns, the first value of each, then the second…, up to the budget.
      const lanes: { field: string; probes: (() => FuzzRequest & { kind: string })[] }[] = [];
      for (const name of route.pathParams) {
        const sample = pathSample(world, route, name)!;
        const payloads = pathParamPayloads(name, route.pathSchemas[name], sample, prng);
        lanes.push({
          field: `path.${name}`,
          probes: payloads.map((payload) => () => ({
            ...request({ params: { ...params, [name]: payload.path! } }),
            kind: payload.kind,
          })),
        });
      }
      for (const field of route.query) {
        const payloads = fieldPayloads(field, prng);
        lanes.push({
          field: `query.${field.name}`,
          probes: payloads.map((payload) => () => ({
            ...request({
              query: [
                ...queryWithout(field.name),
                ...payload.query!.map((value) => `${encodeURIComponent(field.name)}=${value}`),
              ],
            }),
            kind: payload.kind,
          })),
        });
      }
      for (const field of bodyFields) {
        const payloads = fieldPayloads(field, prng);
        lanes.push({
          field: `body.${field.name}`,
          probes: payloads.map((payload) => () => ({
            ...request({ body: bodyWith(baseBody(), field, payload.json!) }),
            kind: payload.kind,
          })),
        });
      }
      if (write) {
        const stringField = bodyFields.find((field) => shapeOf(field.schema).types.has('string'))?.name;
        lanes.push({
          field: 'body',
          probes: bodyPayloads(baseBody(), stringField).map((payload) => () => ({
            ...request({ body: payload.body, contentType: payload.contentType }),
            kind: payload.kind,
          })),
        });
      }
      lanes.push({
        field: 'query',
        probes: prng
          .shuffle(queryPayloads())
          .map((payload) => () => ({ ...request({ query: [...queryWithout(), ...payload.parts] }), kind: payload.kind })),
      });

      const budget = options.routeBudgets[route.key] ?? options.budget;
      let taken = 0;
      for (let round = 0; taken < budget && lanes.some((lane) => lane.probes.length > round); round++) {
        for (const lane of lanes) {
          const make = lane.probes[round];
          if (!make || taken >= budget) continue;
          const { kind, ...req } = make();
          probes.push(own(lane.field, kind, req));
          taken += 1;
        }
      }
    }

    // ----- sending, and the checks -----
    let baseline: Fingerprint = await fingerprint.take();
    const before = baseline;
    for (const probe of probes) {
      let caller = probe.caller;
      if (sessionEndingRoutes.has(route.key) && caller.kind === 'session') {
        caller = await world.freshSession(caller);
        baseline = await fingerprint.take();
      }
      const answer = await send(baseUrl, probe.request, caller);
      requests += 1;
      byClass[statusClass(answer.status)] = (byClass[statusClass(answer.status)] ?? 0) + 1;
      const shown = { ...probe, caller };

      if (answer.status >= 500) fail('5xx', route, shown, answer);
      if (answer.status === 0) fail('no answer', route, shown, answer, `the connection failed: ${answer.error}`);
      const leaked = isSuccess(answer.status)
        ? options.forbiddenContent.find((content) => answer.body.includes(content.text))
        : undefined;
      if (leaked) fail('a file outside the web root served', route, shown, answer, `the answer holds ${leaked.file}`);
      if (probe.perspective === 'anonymous' && !route.public) {
        if (isSuccess(answer.status)) fail('2xx without credentials', route, shown, answer);
        else if (probe.expectUnauthenticated && answer.status !== 401 && answer.status < 500)
          fail('not 401 without credentials', route, shown, answer);
      }
      if (probe.mustBeRefused && answer.status > 0 && answer.status < 400) fail(probe.mustBeRefused, route, shown, answer);
      if (probe.perspective === 'foreign') {
        if (write && targetsForeign(probe.request) && answer.status > 0 && answer.status < 400)
          fail("another organisation's record changed", route, shown, answer);
        if (!write && isSuccess(answer.status) && !allowlisted(route)) {
          const shownText = foreignShown(answer);
          if (targetsForeign(probe.request) || shownText) {
            fail(
              "another organisation's data shown",
              route,
              shown,
              answer,
              `${shownText ?? "it answered a request for B's record"}; if this read is meant for the whole network, add the route to the allowlist of the test, with its reason`,
            );
          }
        }
      }
      if (write) {
        const after = await fingerprint.take();
        if (answer.status >= 400 || answer.status === 0) {
          const changed = changedTables(baseline, after);
          if (changed.length)
            fail('state changed after a refused request', route, shown, answer, `changed: ${changed.join(', ')}`);
        }
        baseline = after;
      }
    }
    if (!write) {
      const changed = changedTables(before, await fingerprint.take());
      if (changed.length) {
        // Reads are checked as one batch; to name the request that wrote, send them again one by one.
        let culprit: { probe: Probe; answer: Answer; changed: string[] } | undefined;
        for (const probe of probes) {
          const start = await fingerprint.take();
          const answer = await send(baseUrl, probe.request, probe.caller);
          const now = changedTables(start, await fingerprint.take());
          if (now.length) {
            culprit = { probe, answer, changed: now };
            break;
          }
        }
        if (culprit) fail('a read changed state', route, culprit.probe, culprit.answer, `changed: ${culprit.changed.join(', ')}`);
        else
          fail(
            'a read changed state',
            route,
            { ...probes[0]!, field: '(route)', kind: 'any' },
            undefined,
            `changed: ${changed.join(', ')} (no single request did it again)`,
          );
      }
    } else {
      await checkCallers(options, baseUrl, route, fail);
    }
  };

  for (const { baseUrl, routes } of options.targets) for (const route of routes) await walkRoute(baseUrl, route);
  const routes = options.targets.flatMap((target) => target.routes);
  return {
    routes: routes.length,
    documented: routes.filter((route) => route.documented).length,
    requests,
    byClass,
    failures: [...failures.values()],
  };
}

/** The valid body with one field replaced by a raw JSON value. */
function bodyWith(base: Record<string, unknown>, field: Field, value: string | Buffer): Buffer {
  const entries = Object.entries(base)
    .filter(([name]) => name !== field.name)
    .map(([name, entry]) => `${JSON.stringify(name)}:${JSON.stringify(entry)},`);
  return Buffer.concat([
    Buffer.from(`{${entries.join('')}${JSON.stringify(field.name)}:`, 'utf8'),
    typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
    Buffer.from('}'),
  ]);
}

/**
 * After a write route, every caller must still be signed in: a route that ends a session it was
 * not meant to (or that disabled a caller) would silently turn the rest of the walk anonymous.
 */
async function checkCallers(options: WalkOptions, baseUrl: string, route: RouteModel, fail: FailFunction) {
  const callers = options.world.callers;
  for (const [name, caller] of Object.entries(callers) as [keyof typeof callers, Caller][]) {
    const request: FuzzRequest = { method: 'GET', path: '/api/me' };
    const answer = await send(baseUrl, request, caller);
    if (answer.status === 200) continue;
    fail(
      'a caller lost its credentials',
      route,
      { field: '(route)', kind: 'any', caller, request },
      answer,
      `list the route in sessionEndingRoutes (test/support/fuzz/world.ts) if it ends the session by design`,
    );
    callers[name] = await options.world.freshSession(caller);
  }
}
