// A first import sets the HSDS tables' indexes and foreign keys aside and restores them at the
// end: the database must come out with the same indexes and constraints, and a row pointing at
// nothing must still be refused, with nothing written.
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { uuidV5 } from '../../platform/ids';
import { withBulkLoad } from './bulk-load.store';
import { hsdsModel } from './hsds-model';
import { upsertHsdsRecords } from './hsds.store';

const id = (name: string) => uuidV5(`bulk-load-test:${name}`);

describeEachEngine('a first load into an empty directory', (ctx) => {
  beforeEach(async () => {
    await ctx().db.query(
      `TRUNCATE ${Object.values(hsdsModel)
        .map((model) => model.table)
        .join(', ')} CASCADE`,
    );
  });

  const schemaShape = () =>
    ctx().db.query<{ kind: string; name: string; definition: string }>(
      `SELECT 'index' AS kind, indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename LIKE 'hsds\\_%'
       UNION ALL
       SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text LIKE 'hsds\\_%'
       ORDER BY 1, 2`,
    );

  it('refuses a service of an organisation that does not exist, and leaves the tables as they were', async () => {
    const before = await schemaShape();
    expect(before.filter((row) => row.kind === 'constraint' && row.definition.startsWith('FOREIGN KEY')).length).toBeGreaterThan(
      10,
    );
    await expect(
      ctx().db.tx((q) =>
        withBulkLoad(q, (intoEmpty) =>
          upsertHsdsRecords(
            q,
            {
              organization: [{ id: id('org'), name: 'Riverside Pantry', description: 'Food for the east side.' }],
              service: [{ id: id('orphan'), organization_id: id('missing org'), name: 'Orphan service', status: 'active' }],
            },
            undefined,
            { intoEmpty },
          ),
        ),
      ),
    ).rejects.toThrow(/foreign key/);
    expect(await ctx().db.query('SELECT id FROM hsds_organization UNION ALL SELECT id FROM hsds_service')).toHaveLength(0);
    expect(await schemaShape()).toEqual(before);
  });

  it('writes a whole directory and restores every index and foreign key', async () => {
    const before = await schemaShape();
    await ctx().db.tx((q) =>
      withBulkLoad(q, (intoEmpty) =>
        upsertHsdsRecords(
          q,
          {
            organization: [{ id: id('org'), name: 'Riverside Pantry', description: 'Food for the east side.' }],
            service: [{ id: id('pantry'), organization_id: id('org'), name: 'Saturday pantry', status: 'active' }],
            location: [{ id: id('hall'), organization_id: id('org'), location_type: 'physical', name: 'Church hall' }],
            service_at_location: [{ id: id('sal'), service_id: id('pantry'), location_id: id('hall') }],
          },
          undefined,
          { intoEmpty },
        ),
      ),
    );
    expect(await schemaShape()).toEqual(before);
    expect(await ctx().db.query('SELECT id FROM hsds_service_at_location')).toHaveLength(1);
    // The restored keys hold for later writes too.
    await expect(
      ctx().db.tx((q) =>
        upsertHsdsRecords(q, {
          service_at_location: [{ id: id('sal 2'), service_id: id('pantry'), location_id: id('nowhere') }],
        }),
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('copies every value exactly: tabs, line breaks, backslashes, other scripts, empty text, nulls and numbers', async () => {
    const awkward = {
      id: id('awkward'),
      name: 'Tab\there, new\nline, carriage\rreturn, back\\slash \\N and "quotes"',
      alternate_name: '',
      description: 'Comedor — 食物银行 — مخزن طعام ✓',
      email: null,
      year_incorporated: 1987,
    };
    const counts = await ctx().db.tx((q) =>
      withBulkLoad(q, (intoEmpty) =>
        upsertHsdsRecords(q, { organization: [awkward, { id: id('plain'), name: 'Plain', description: 'Plain.' }] }, undefined, {
          intoEmpty,
        }),
      ),
    );
    expect(counts.organization).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const [row] = await ctx().db.query<Record<string, unknown>>(
      'SELECT name, alternate_name, description, email, year_incorporated, website FROM hsds_organization WHERE id = $1',
      [awkward.id],
    );
    expect(row).toEqual({ ...awkward, id: undefined, website: null, year_incorporated: 1987 });
    // Importing the same rows again, now into a directory that has them, changes nothing.
    const again = await ctx().db.tx((q) =>
      withBulkLoad(q, (intoEmpty) => upsertHsdsRecords(q, { organization: [awkward] }, undefined, { intoEmpty })),
    );
    expect(again.organization).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('refuses a first load that holds one id twice, and writes nothing', async () => {
    const organization = { id: id('twice'), name: 'Twice', description: 'Listed twice.' };
    await expect(
      ctx().db.tx((q) =>
        withBulkLoad(q, (intoEmpty) =>
          upsertHsdsRecords(q, { organization: [organization, organization] }, undefined, { intoEmpty }),
        ),
      ),
    ).rejects.toThrow(/duplicate key|affect row a second time/);
    expect(await ctx().db.query('SELECT id FROM hsds_organization')).toHaveLength(0);
    // The connection is usable afterwards.
    expect(await ctx().db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
