// The real Baltimore directory (BCHD CHARMcare, an iCarol export in the Ohana CSV layout), on both
// engines. Story: an admin imports a real public directory; every organization, location and
// service of the source is there afterwards, hours that were only ever written as prose are still
// readable, and running the same import again changes nothing.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import type { Database } from '../../../platform/db/database';
import { importHsds, type ImportReport } from './index';
import { baltimoreSample, standardsAvailable } from './standards-kit';

const count = async (db: Database, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const ids = async (db: Database, table: string) =>
  (await db.query<{ id: string }>(`SELECT id::text AS id FROM ${table} ORDER BY id`)).map((row) => row.id);

if (!standardsAvailable(baltimoreSample, 'Baltimore sample-data')) {
  describe.skip('the real Baltimore sample', () => it('is absent', () => {}));
} else {
  describeEachEngine('importing the real Baltimore sample', (ctx) => {
    let first: ImportReport;

    it('detects the Ohana layout and imports every organization, location and service of the source', async () => {
      const { db } = ctx();
      first = await importHsds(db, baltimoreSample);
      expect(first.format).toMatch(/^Ohana API CSV/);
      expect(first.dataset).toBe('baltimore-bchd-charmcare-icarol-2019');
      expect(await count(db, 'hsds_organization')).toBe(748);
      expect(await count(db, 'hsds_location')).toBe(1482);
      expect(await count(db, 'hsds_service')).toBe(1876);
      // One service has no location; every other one is at its location.
      expect(await count(db, 'hsds_service_at_location')).toBe(1875);
      expect(first.counts.service).toMatchObject({ inserted: 1876, rejected: 0 });
      // 517 category terms, and the services' categories as attributes.
      expect(await count(db, 'hsds_taxonomy_term')).toBe(517);
      expect(await count(db, 'directory_search_entry')).toBe(1876);
    });

    it('names the source rows it could not take: mail addresses of locations the export does not have', async () => {
      const dangling = first.rejections.filter((rejection) => /location_id \d+ points at no location/.test(rejection.reason));
      expect(dangling.length).toBeGreaterThan(0);
      expect(dangling.every((rejection) => rejection.path.startsWith('mail_addresses.csv:'))).toBe(true);
      expect(first.rejections.every((rejection) => rejection.object === 'address')).toBe(true);
    });

    it('keeps free-text hours as text, and reads the ones that can be read', async () => {
      const { db } = ctx();
      const [clinic] = await db.query<{ id: string; description: string }>(
        `SELECT id, description FROM hsds_service WHERE description LIKE '%HOURS: Will see clients Mon-Tues%'`,
      );
      expect(clinic?.description).toContain('HOURS: Will see clients Mon-Tues,8:30AM-5PM and Thurs and Fri by appointment only.');
      const hours = await db.query<{ description: string; opens_at: string | null }>(
        'SELECT description, opens_at FROM hsds_schedule WHERE service_id = $1',
        [clinic?.id],
      );
      expect(hours).toEqual([
        { description: 'Will see clients Mon-Tues,8:30AM-5PM and Thurs and Fri by appointment only.', opens_at: null },
      ]);
      const readable = await db.query<{ byday: string; opens_at: string; closes_at: string }>(
        `SELECT byday, opens_at, closes_at FROM hsds_schedule WHERE description = 'Mon&Thur,8:30AM-9PM; Tues&Wed,8:30AM-5PM; Fri,8:30AM-3PM' AND service_id IS NOT NULL ORDER BY byday`,
      );
      expect(readable).toContainEqual({ byday: 'MO,TH', opens_at: '08:30', closes_at: '21:00' });
      // Location languages written as prose become language rows, the prose kept beside them.
      const [spanish] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM hsds_language WHERE code = 'es' AND location_id IS NOT NULL`,
      );
      expect(spanish?.n).toBeGreaterThan(200);
    });

    it('changes nothing when the same directory is imported again', async () => {
      const { db } = ctx();
      const before = {
        services: await ids(db, 'hsds_service'),
        locations: await ids(db, 'hsds_location'),
        phones: await count(db, 'hsds_phone'),
      };
      const again = await importHsds(db, baltimoreSample);
      expect(Object.values(again.counts).reduce((sum, c) => sum + c.inserted + c.updated, 0)).toBe(0);
      expect(again.counts.service).toMatchObject({ unchanged: 1876 });
      expect(again.rejections.length).toBe(first.rejections.length);
      expect({
        services: await ids(db, 'hsds_service'),
        locations: await ids(db, 'hsds_location'),
        phones: await count(db, 'hsds_phone'),
      }).toEqual(before);
      expect(await count(db, 'hsds_organization')).toBe(748);
    });
  });
}
