// Round trip: a directory imported, exported as HSDS 3 JSON, and imported into an empty database
// holds the same records, field for field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { hsdsModel, hsdsObjectNames } from '../../domains/directory';
import type { Db } from '../../platform/db/database';
import { describeEachEngine } from '../../../test/support/harness';
import { openTestDatabase } from '../../../test/support/engines';
import { exportHsds } from './export/export-hsds';
import { importHsds } from './import';
import { baltimoreSample, standardsAvailable } from './import/standards-kit';

async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const object of hsdsObjectNames) {
    tables[object] = await db.query(`SELECT * FROM ${hsdsModel[object].table} ORDER BY id`);
  }
  return tables;
}

describeEachEngine('an HSDS round trip', (ctx) => {
  const roundTrip = async (source: string) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-round-trip-'));
    const second = await openTestDatabase(ctx().engine);
    try {
      // First a publisher's directory comes in; then Kith exports it as HSDS 3 JSON…
      const first = await openTestDatabase(ctx().engine);
      let before: Record<string, unknown[]>;
      try {
        await importHsds(first, source);
        before = await snapshot(first);
        await exportHsds(first, { folder, ndjson: false });
      } finally {
        await first.close();
      }
      // …and another Kith imports that export: the same records, the same ids, the same values.
      const report = await importHsds(second, folder);
      expect(report.rejections).toEqual([]);
      const after = await snapshot(second);
      for (const object of hsdsObjectNames) expect(after[object], object).toEqual(before[object]);
      return before;
    } finally {
      await second.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  };

  it('keeps every record of an HSDS 1.1 tabular directory', async () => {
    const tables = await roundTrip(path.join(import.meta.dirname, 'import/fixtures/hsds-1.1'));
    expect(tables.service!.length).toBeGreaterThan(0);
  });

  it.skipIf(!standardsAvailable(baltimoreSample, 'The real Baltimore directory'))(
    'keeps every record of a real published directory',
    async () => {
      const tables = await roundTrip(baltimoreSample);
      expect(tables.service).toHaveLength(1876);
    },
    180_000,
  );
});
