// `kith export hsds <folder>` on both engines: an administrator publishes the directory as HSDS
// 3.0.1 JSON files, and every object in them validates against the official schemas.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import { createServerTestDatabase, serverUnavailableReason } from '../../../../test/support/engines';
import { runKith } from '../../../../test/support/run-kith';
import { openDatabase } from '../../../platform/db/open';
import { migrate } from '../../../platform/db/migrate';
import { exportHsds, summaryLine } from './export-hsds';
import type { HsdsJson } from './hsds-values';
import { HsdsValidator, hsdsSchemasAvailable, type HsdsSchemaName } from './hsds-validator';
import { seedTestDirectory, type TestDirectory } from '../../../../test/support/directory-factories';

const schemasHere = hsdsSchemasAvailable();
const validator = new HsdsValidator();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-hsds-export-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const schemaOfFile: Record<string, HsdsSchemaName> = {
  services: 'service',
  organizations: 'organization',
  taxonomies: 'taxonomy',
  taxonomy_terms: 'taxonomy_term',
};

/** Reads an exported file and checks its layout: a JSON array with one object per line, or ndjson. */
function readExport(folder: string, name: string, ndjson = false): HsdsJson[] {
  const text = fs.readFileSync(path.join(folder, `${name}.${ndjson ? 'ndjson' : 'json'}`), 'utf8');
  if (ndjson)
    return text.trim()
      ? text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as HsdsJson)
      : [];
  const items = JSON.parse(text) as HsdsJson[];
  const lines = text.trim().split('\n');
  expect(lines.length).toBe(items.length === 0 ? 1 : items.length + 2);
  return items;
}

function expectValidFiles(folder: string, ndjson = false): Record<string, HsdsJson[]> {
  const files = Object.fromEntries(Object.keys(schemaOfFile).map((name) => [name, readExport(folder, name, ndjson)]));
  // Every file holds records, so the checks below check something.
  expect(Object.keys(files).filter((name) => files[name]!.length === 0)).toEqual([]);
  for (const [name, items] of Object.entries(files)) {
    for (const item of items) {
      expect(JSON.stringify(item)).not.toMatch(/:null[,}\]]/); // HSDS allows no nulls
      if (schemasHere) expect(validator.errors(schemaOfFile[name]!, item)).toEqual([]);
    }
  }
  expect(fs.readdirSync(folder).filter((file) => file.endsWith('.partial'))).toEqual([]);
  return files;
}

describeEachEngine('HSDS export', (ctx) => {
  let dir: TestDirectory;
  beforeAll(async () => {
    dir = await seedTestDirectory(ctx().db);
  });

  it('writes taxonomies, terms, organizations and services that validate', async () => {
    const folder = path.join(scratch, `${ctx().engine}-json`, 'nested');
    const progress: number[] = [];
    const summary = await exportHsds(ctx().db, { folder, pageSize: 2, onProgress: (done, total) => progress.push(done / total) });
    expect(summary.counts).toEqual({ taxonomies: 1, taxonomy_terms: 3, organizations: 2, services: 3 });
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(summaryLine(summary, folder)).toMatch(
      /^Exported 3 services, 2 organizations, 1 taxonomies and 3 taxonomy terms as HSDS 3\.0\.1 JSON to .+ in \d+\.\d s\.$/,
    );

    const files = expectValidFiles(folder);
    const pantry = files.services!.find((service) => service.id === dir.services.pantry) as any;
    expect(pantry.service_at_locations).toHaveLength(2);
    expect(pantry.service_at_locations[0].location.addresses ?? pantry.service_at_locations[1].location.addresses).toHaveLength(
      1,
    );
    expect(pantry.organization).toEqual(expect.objectContaining({ id: dir.organizationId, name: 'Eastside Community Action' }));
    expect(pantry.organization.locations).toBeUndefined(); // organizations.json holds those
    expect(pantry.capacities[0].available).toBe(3);
    const eastside = files.organizations!.find((organization) => organization.id === dir.organizationId) as any;
    expect(eastside.locations).toHaveLength(2);
    expect(eastside.services).toBeUndefined(); // services.json holds those, linked by organization_id
    expect(files.taxonomy_terms!.map((term) => term.name).sort()).toEqual(['Food', 'Food Pantry', 'Housing']);
  });

  it('writes ndjson when asked, the same objects one per line', async () => {
    const folder = path.join(scratch, `${ctx().engine}-ndjson`);
    await exportHsds(ctx().db, { folder, ndjson: true });
    const files = expectValidFiles(folder, true);
    expect(files.services!.map((service) => service.id).sort()).toEqual(Object.values(dir.services).sort());
  });
});

const serverDown = Boolean(await serverUnavailableReason()) && process.env.CI !== 'true';

describe('the kith export hsds command', () => {
  const targets = [
    {
      engine: 'pglite',
      prepare: async () => {
        const dataDir = path.join(scratch, 'cli-data');
        const db = await openDatabase({ KITH_DATA_DIR: dataDir });
        return { db, env: { KITH_DATA_DIR: dataDir }, done: async () => {} };
      },
    },
    {
      engine: 'postgres',
      prepare: async () => {
        const created = await createServerTestDatabase();
        const db = await openDatabase({ DATABASE_URL: created.url, KITH_DATA_DIR: 'unused' });
        return { db, env: { DATABASE_URL: created.url }, done: created.drop };
      },
    },
  ];

  it.each(targets)('exports a seeded directory on $engine, with a summary line', async ({ engine, prepare }) => {
    if (engine === 'postgres' && serverDown) return;
    const target = await prepare();
    try {
      await migrate(target.db);
      await seedTestDirectory(target.db);
      await target.db.close();
      const folder = path.join(scratch, `cli-${engine}`);
      const run = await runKith(['export', 'hsds', folder], target.env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Exported 3 services, 2 organizations, 1 taxonomies and 3 taxonomy terms as HSDS 3\.0\.1 JSON/);
      expectValidFiles(folder);

      // A folder that cannot be made is a clear error, not a stack trace.
      const blocked = path.join(scratch, `blocked-${engine}`);
      fs.writeFileSync(blocked, 'a file, not a folder');
      const refused = await runKith(['export', 'hsds', blocked], target.env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/folder: cannot be made or written/);
    } finally {
      await target.done();
    }
  });
});
