// A full rebuild of the search index (after an import) fills a new table beside the one searches
// read, and swaps it in at the end: searches on other connections keep answering meanwhile. Only
// the PostgreSQL server has other connections; the embedded engine serves one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database';
import { buildSampleDirectory } from '../../../test/support/directory-factories';
import { openTestDatabase, serverUnavailableReason } from '../../../test/support/engines';
import { SearchQuery } from './directory.schema';
import { searchDirectory } from './search-directory';
import { rebuildSearchEntries } from './search-index';

const reason = await serverUnavailableReason();
if (reason && process.env.CI !== 'true') console.warn(`Search-index concurrency test skipped: no PostgreSQL server (${reason}).`);

describe.skipIf(Boolean(reason) && process.env.CI !== 'true')('rebuilding the search index [postgres]', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    await buildSampleDirectory(db, { seed: 5 });
  });
  afterAll(async () => db?.close());

  it('keeps answering searches while the whole index is rebuilt, then shows the new one', async () => {
    const query = SearchQuery.parse({ need: 'food-insecurity', limit: '100' });
    const search = async () =>
      (await searchDirectory({ db, actor: 'system' }, { query, timeZone: 'America/New_York' })).entries.map((entry) => ({
        serviceId: entry.service_id,
        serviceName: entry.service_name,
      }));
    const before = await search();
    expect(before.length).toBeGreaterThan(0);

    // A third session holds the schedules, so the rebuild stops part-way, its new table half built.
    const holder = await db.pool.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE hsds_schedule IN ACCESS EXCLUSIVE MODE');
    let rebuilt = false;
    const rebuilding = db.tx(async (q) => {
      await q.query(`UPDATE hsds_service SET name = name || ' (renamed)' WHERE id = $1`, [before[0]!.serviceId]);
      await rebuildSearchEntries(q);
      rebuilt = true;
    });
    try {
      await waitFor(async () => {
        const waiting = await db.query(`SELECT 1 FROM pg_locks WHERE relation = 'hsds_schedule'::regclass AND NOT granted`);
        return waiting.length > 0;
      });
      const during = await Promise.race([search(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
      expect(during, 'the search waited for the rebuild').not.toBeNull();
      expect(during).toEqual(before);
      expect(rebuilt).toBe(false);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    await rebuilding;
    const after = await search();
    expect(after.map((item) => item.serviceName)).toContain(`${before[0]!.serviceName} (renamed)`);
    expect(after).toHaveLength(before.length);
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the rebuild never reached the held table');
}
