// Kith to Kith: a network mirrors a neighbouring Kith's directory through its HSDS 3 API, on both
// engines. Stories: the nightly sync reads the feed page by page; the next night nothing changed
// and nothing is written; then one service is renamed and its new words find it; a service the
// neighbour dropped is retired (and only that one); a feed without full pages, behind a key and
// briefly overloaded, is read service by service; and a feed that cannot be read stops the import
// in one line with nothing written.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../../app';
import { searchDirectory, SearchQuery, upsertHsdsRecords, type HsdsRecords } from '../../../domains/directory/index';
import type { Database } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import { openTestDatabase } from '../../../../test/support/engines';
import { describeEachEngine } from '../../../../test/support/harness';
import { importHsds, type ImportOptions } from './index';

/** A neighbour's small directory: `count` services of Juniper Mutual Aid, each at its own place. */
function neighbourDirectory(count: number): { records: HsdsRecords; serviceIds: string[] } {
  const organizationId = randomUUID();
  const records: HsdsRecords = {
    organization: [{ id: organizationId, name: 'Juniper Mutual Aid', description: 'Neighbours helping neighbours.' }],
    location: [],
    address: [],
    service: [],
    service_at_location: [],
  };
  const serviceIds: string[] = [];
  for (let index = 1; index <= count; index++) {
    const locationId = randomUUID();
    const serviceId = randomUUID();
    serviceIds.push(serviceId);
    records.location!.push({
      id: locationId,
      organization_id: organizationId,
      location_type: 'physical',
      name: `Juniper hall ${index}`,
      latitude: 40.1 + index / 100,
      longitude: -75.2,
    });
    records.address!.push({
      id: randomUUID(),
      location_id: locationId,
      address_1: `${index} Elm St`,
      city: 'Juniper',
      state_province: 'PA',
      postal_code: '19020',
      country: 'US',
      address_type: 'physical',
    });
    records.service!.push({
      id: serviceId,
      organization_id: organizationId,
      name: `Juniper Pantry ${index}`,
      description: 'Groceries for families, every week.',
      status: 'active',
    });
    records.service_at_location!.push({ id: randomUUID(), service_id: serviceId, location_id: locationId });
  }
  return { records, serviceIds };
}

/** The same directory without one service (and its place at its location). */
function without(records: HsdsRecords, serviceId: string): HsdsRecords {
  return {
    ...records,
    service: records.service!.filter((service) => service.id !== serviceId),
    service_at_location: records.service_at_location!.filter((place) => place.service_id !== serviceId),
  };
}

interface Kith {
  db: Database;
  app: FastifyInstance;
  hsds: string;
}

async function startKith(db: Database): Promise<Kith> {
  const app = await buildApp({ db, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { db, app, hsds: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hsds` };
}

const fast = { retries: 2, retryDelayMs: 5, timeoutMs: 10_000 };

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const [counts] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM hsds_service)::int AS services, (SELECT count(*) FROM hsds_location)::int AS locations,
            (SELECT count(*) FROM hsds_address)::int AS addresses, (SELECT count(*) FROM directory_search_entry)::int AS entries,
            (SELECT count(*) FROM directory_source_record)::int AS source_records`,
  );
  return counts!;
}

describeEachEngine('kith import hsds <url>', (ctx) => {
  // ctx() is the neighbour publishing its directory; the network's own Kith is `mirror`.
  let mirror: Database;
  let neighbour: { records: HsdsRecords; serviceIds: string[] };
  const find = async (words: string) =>
    (
      await searchDirectory(
        { db: mirror, actor: 'system' },
        { query: SearchQuery.parse({ q: words, limit: '100' }), timeZone: 'America/New_York' },
      )
    ).entries
      .map((entry) => entry.service_id)
      .sort();
  const sync = (url: string, options: ImportOptions = {}) =>
    importHsds(mirror, url, { dataset: 'juniper', ...options, feed: { perPage: 3, ...fast, ...options.feed } });

  beforeAll(async () => {
    neighbour = neighbourDirectory(7);
    await ctx().db.tx((q) => upsertHsdsRecords(q, neighbour.records));
    mirror = await openTestDatabase(ctx().engine);
  });
  afterAll(async () => {
    await mirror?.close();
  });

  it('mirrors the feed page by page, and a night with nothing changed writes nothing', async () => {
    const hsds = `${ctx().baseUrl}/hsds`;
    const pages: number[] = [];
    const first = await sync(hsds, { onProgress: ({ phase, done }) => void (phase === 'reading' && pages.push(done)) });
    expect(first.format).toBe('HSDS 3.0.1 API, full services in pages: 7 services');
    expect(first.rejections).toEqual([]);
    expect(first.counts.service).toEqual({ inserted: 7, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.counts.location?.inserted).toBe(7);
    // Seven services three a page: three pages.
    expect(Math.max(...pages)).toBe(3);
    const found = await find('juniper pantry');
    expect(found).toEqual([...neighbour.serviceIds].sort());

    const before = await rowCounts(mirror);
    const indexing: string[] = [];
    const again = await sync(`${hsds}/`, { onProgress: ({ phase }) => void (phase === 'indexing' && indexing.push(phase)) });
    expect(again.counts.service).toEqual({ inserted: 0, updated: 0, unchanged: 7, rejected: 0 });
    expect(Object.values(again.counts).every((count) => count.inserted === 0 && count.updated === 0)).toBe(true);
    expect(indexing).toEqual([]);
    expect(await rowCounts(mirror)).toEqual(before);
    expect(await find('juniper pantry')).toEqual(found);
    // Both syncs are on the audit log, naming the feed.
    const audited = await mirror.query<{ details: { source: string } }>(
      `SELECT details FROM audit_log WHERE action = 'directory.import' AND record_id = 'juniper' ORDER BY id`,
    );
    expect(audited.map((row) => row.details.source)).toEqual([hsds, hsds]);
  });

  it('finds a renamed service by its new words, and no longer by the old ones', async () => {
    const renamed = neighbour.records.service![2]!;
    await ctx().db.tx((q) =>
      upsertHsdsRecords(q, { service: [{ ...renamed, name: 'Juniper Laundromat 3', description: 'Free washing machines.' }] }),
    );
    expect(await find('laundromat')).toEqual([]);
    const report = await sync(`${ctx().baseUrl}/hsds`);
    expect(report.counts.service).toEqual({ inserted: 0, updated: 1, unchanged: 6, rejected: 0 });
    expect(await find('laundromat')).toEqual([renamed.id]);
    expect(await find('washing machines')).toEqual([renamed.id]);
    const pantries = await find('pantry');
    expect(pantries).toHaveLength(6);
    expect(pantries).not.toContain(renamed.id);
  });

  it('retires the one service the neighbour dropped, once the feed was read whole', async () => {
    // The neighbour's directory moves to a new Kith that no longer has the fifth service.
    const dropped = neighbour.serviceIds[4]!;
    const moved = await startKith(await openTestDatabase(ctx().engine));
    try {
      const current = without(neighbour.records, dropped);
      current.service = current.service!.map((service) =>
        service.id === neighbour.serviceIds[2]
          ? { ...service, name: 'Juniper Laundromat 3', description: 'Free washing machines.' }
          : service,
      );
      await moved.db.tx((q) => upsertHsdsRecords(q, current));
      const report = await sync(moved.hsds, { retireMissing: true });
      expect(report.retired).toEqual([{ id: dropped, name: 'Juniper Pantry 5' }]);
      expect(report.counts.service).toEqual({ inserted: 0, updated: 0, unchanged: 6, rejected: 0 });
      const [status] = await mirror.query<{ status: string }>('SELECT status FROM hsds_service WHERE id = $1', [dropped]);
      expect(status?.status).toBe('defunct');
      expect(await find('pantry')).toHaveLength(5);
      expect(await find('pantry')).not.toContain(dropped);
    } finally {
      await moved.app.close();
      await moved.db.close();
    }
    // The old feed still has it: it is read again (not skipped as unchanged) and comes back.
    const back = await sync(`${ctx().baseUrl}/hsds`, { retireMissing: true });
    expect(back.retired).toEqual([]);
    expect(back.counts.service?.updated).toBe(1);
    expect(await find('pantry')).toContain(dropped);
  });

  it('reads a feed without full pages service by service, with its key, through a moment of overload', async () => {
    // A gateway in front of the neighbour: it wants a key, ignores `full`, and is overloaded once.
    let overloaded = false;
    const asked: string[] = [];
    const gateway = http.createServer((request, response) => {
      if (request.headers['x-api-key'] !== 's3cret') {
        response.writeHead(401).end();
        return;
      }
      const url = new URL(request.url ?? '/', ctx().baseUrl);
      if (url.pathname === '/hsds/services' && !overloaded) {
        overloaded = true;
        response.writeHead(503, { 'retry-after': '0' }).end();
        return;
      }
      url.searchParams.delete('full');
      asked.push(url.pathname);
      fetch(url)
        .then(async (upstream) => {
          response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await upstream.arrayBuffer()));
        })
        .catch(() => response.writeHead(502).end());
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const feed = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/hsds`;
    const elsewhere = await openTestDatabase(ctx().engine);
    try {
      const refused = importHsds(elsewhere, feed, { feed: fast });
      await expect(refused).rejects.toThrow(AppError);
      await expect(refused).rejects.toThrow(/refused GET .*\/hsds\/ \(401\): does it need a key\?/);

      const report = await importHsds(elsewhere, feed, { feed: { ...fast, perPage: 3, header: 'X-Api-Key: s3cret' } });
      expect(overloaded).toBe(true);
      expect(report.format).toBe('HSDS 3.0.1 API, a list of services, then each by id: 7 services');
      expect(report.rejections).toEqual([]);
      expect(report.counts.service).toEqual({ inserted: 7, updated: 0, unchanged: 0, rejected: 0 });
      expect(asked.filter((path) => path.startsWith('/hsds/services/'))).toHaveLength(7);
      expect(report.dataset).toBe(feed.replace('http://', ''));
    } finally {
      await elsewhere.close();
      await new Promise((resolve) => gateway.close(resolve));
    }
  });

  it('stops in one line, writing nothing, when the feed is unreachable or not HSDS', async () => {
    const before = await rowCounts(mirror);
    // A port nobody listens on any more.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = sync(`http://127.0.0.1:${port}/hsds`);
    await expect(unreachable).rejects.toThrow(AppError);
    await expect(unreachable).rejects.toThrow(
      new RegExp(`^cannot read the HSDS feed: GET http://127.0.0.1:${port}/hsds/ failed: ECONNREFUSED \\(3 tries\\)$`),
    );
    // Kith's own API is no HSDS API.
    await expect(sync(`${ctx().baseUrl}/api`)).rejects.toThrow(
      /\/api is not an HSDS API: GET .*\/api\/services\?.* answered 404 Not Found$/,
    );
    await expect(sync('https://user:secret@example.invalid/hsds')).rejects.toThrow(/put credentials in --header/);
    expect(await rowCounts(mirror)).toEqual(before);
  });
});
