// The embedded database keeps its data across restarts, and one folder serves one process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { migrate } from './migrate';
import { openEmbeddedDatabase } from './open';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-open-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

it('keeps what was written when Kith restarts on the same folder', async () => {
  const dataDir = path.join(scratch, 'nested', 'data');
  const first = await openEmbeddedDatabase({ dataDir });
  await migrate(first);
  await first.query(`INSERT INTO organizations (name, kind) VALUES ('Harbor Shelter', 'community_organization')`);
  await first.close();

  const second = await openEmbeddedDatabase({ dataDir });
  expect(await migrate(second)).toEqual([]);
  const rows = await second.query<{ name: string }>('SELECT name FROM organizations');
  expect(rows).toEqual([{ name: 'Harbor Shelter' }]);

  // A second process on the same folder would corrupt it: it is refused while the first runs.
  fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
  await expect(openEmbeddedDatabase({ dataDir })).rejects.toThrow(/Another Kith process/);
  fs.writeFileSync(`${dataDir}.lock`, String(process.pid));
  await second.close();
});
