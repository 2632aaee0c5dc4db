// After a scoped rebuild (a few services changed), the search's statistics are updated by
// difference: the facet counts and postal-code centroids then say what counting the whole
// directory again would say, and a word new to the directory is offered as a correction. On both
// engines; the sample directory is small, so a full count is exact and can be compared.
import { expect, it } from 'vitest';
import type { Database } from '../../platform/db/database';
import { describeEachEngine } from '../../../test/support/harness';
import { buildSampleDirectory } from '../../../test/support/directory-factories';
import { upsertHsdsRecords } from './hsds.store';
import { rebuildSearchEntries } from './search-index';

async function statistics(db: Database) {
  const facets = await db.query<{ token: string; entries: number }>(
    'SELECT token, entries FROM directory_search_facet ORDER BY token',
  );
  const postalCodes = await db.query<{ postal_code: string; latitude: number; longitude: number; locations: number }>(
    'SELECT postal_code, round(latitude::numeric, 9)::float8 AS latitude, round(longitude::numeric, 9)::float8 AS longitude, locations FROM directory_postal_code ORDER BY postal_code',
  );
  return { facets, postalCodes };
}

describeEachEngine('search statistics after a scoped rebuild', (ctx) => {
  it('match a full recount, and know the new words', async () => {
    const { db } = ctx();
    const sample = await buildSampleDirectory(db, { seed: 11, perTown: 10 });
    const changed = sample.services.slice(0, 3);
    // Three services get new names; one of them also moves to another town's postal code.
    const [row] = await db.query<{ location_id: string }>(
      'SELECT location_id::text FROM hsds_service_at_location WHERE service_id = $1',
      [changed[0]!.serviceId],
    );
    await db.tx(async (q) => {
      await upsertHsdsRecords(q, {
        service: changed.map((service, index) => ({
          id: service.serviceId,
          organization_id: service.organizationId,
          name: `Quillwort Laundry ${index}`,
          description: 'Washing machines and dryers, free on Sundays.',
          status: 'active',
        })),
      });
      const [address] = await q.query<{ id: string }>('SELECT id::text FROM hsds_address WHERE location_id = $1', [
        row!.location_id,
      ]);
      await upsertHsdsRecords(q, {
        address: [
          {
            id: address!.id,
            location_id: row!.location_id,
            address_1: '9 Elm St',
            city: 'Elsewhere',
            state_province: 'PA',
            postal_code: '17999',
            country: 'US',
            address_type: 'physical',
          },
        ],
      });
      await rebuildSearchEntries(q, { serviceIds: changed.map((service) => service.serviceId), statistics: true });
    });
    const scoped = await statistics(db);
    expect(scoped.facets.find((facet) => facet.token === 'w:quillwort')?.entries).toBe(3);
    expect(scoped.postalCodes.find((code) => code.postal_code === '17999')?.locations).toBe(1);
    const [lexicon] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM directory_lexicon WHERE word = 'quillwort'`);
    expect(lexicon?.n).toBe(1);

    await db.tx((q) => rebuildSearchEntries(q));
    expect(scoped).toEqual(await statistics(db));
  });
});
