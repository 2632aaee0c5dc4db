// A first import sets the HSDS tables' indexes and foreign keys aside and restores them at the
// end: the database must come out with the same indexes and constraints, and a row pointing at
// nothing must still be refused, with nothing written.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { uuidV5 } from '../../platform/ids';
import { withBulkLoad } from './bulk-load';
import { upsertHsdsRecords } from './hsds-store';

const id = (name: string) => uuidV5(`bulk-load-test:${name}`);

describeEachEngine('a first load into an empty directory', (ctx) => {
  const schemaShape = () =>
    ctx().db.query<{ kind: string; name: string; definition: string }>(
      `SELECT 'index' AS kind, indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename LIKE 'hsds\\_%'
       UNION ALL
       SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text LIKE 'hsds\\_%'
       ORDER BY 1, 2`,
    );

  it('refuses a service of an organisation that does not exist, and leaves the tables as they were', async () => {
    const before = await schemaShape();
    expect(before.filter((row) => row.kind === 'constraint' && row.definition.startsWith('FOREIGN KEY')).length).toBeGreaterThan(10);
    await expect(
      ctx().db.tx((q) =>
        withBulkLoad(q, () =>
          upsertHsdsRecords(q, {
            organization: [{ id: id('org'), name: 'Riverside Pantry', description: 'Food for the east side.' }],
            service: [{ id: id('orphan'), organization_id: id('missing org'), name: 'Orphan service', status: 'active' }],
          }),
        ),
      ),
    ).rejects.toThrow(/foreign key/);
    expect(await ctx().db.query('SELECT id FROM hsds_organization UNION ALL SELECT id FROM hsds_service')).toHaveLength(0);
    expect(await schemaShape()).toEqual(before);
  });

  it('writes a whole directory and restores every index and foreign key', async () => {
    const before = await schemaShape();
    await ctx().db.tx((q) =>
      withBulkLoad(q, () =>
        upsertHsdsRecords(q, {
          organization: [{ id: id('org'), name: 'Riverside Pantry', description: 'Food for the east side.' }],
          service: [{ id: id('pantry'), organization_id: id('org'), name: 'Saturday pantry', status: 'active' }],
          location: [{ id: id('hall'), organization_id: id('org'), location_type: 'physical', name: 'Church hall' }],
          service_at_location: [{ id: id('sal'), service_id: id('pantry'), location_id: id('hall') }],
        }),
      ),
    );
    expect(await schemaShape()).toEqual(before);
    expect(await ctx().db.query('SELECT id FROM hsds_service_at_location')).toHaveLength(1);
    // The restored keys hold for later writes too.
    await expect(
      ctx().db.tx((q) => upsertHsdsRecords(q, { service_at_location: [{ id: id('sal 2'), service_id: id('pantry'), location_id: id('nowhere') }] })),
    ).rejects.toThrow(/foreign key/);
  });
});
