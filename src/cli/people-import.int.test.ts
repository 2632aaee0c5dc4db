// `kith import people` run as a child process on each engine: a dry run that writes nothing, then
// the import with a per-row report file, and broken quoting refused naming the line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kithTargets, runKith } from '../../test/support/run-kith';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-people-import-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const fixture = (name: string) => path.join(import.meta.dirname, '../interop/people-csv/fixtures', name);
const targets = await kithTargets(scratch);

describe.each(targets)('kith import people on $engine', ({ skip, open }) => {
  it.skipIf(skip)(
    'dry-runs, imports with a report, and refuses broken quoting',
    async () => {
      const target = await open();
      const run = (...args: string[]) => runKith(args, target.env);
      try {
        expect((await run('org', 'add', '--name', 'Valley Health', '--kind', 'health_system', '--host')).code).toBe(0);
        expect((await run('program', 'add', '--name', 'Enhanced care', '--criteria', 'Four admissions a year')).code).toBe(0);

        const dry = await run('import', 'people', fixture('high-utilisation.csv'), '--program', 'Enhanced care', '--dry-run');
        expect(dry.stderr).toBe('');
        expect(dry.code).toBe(0);
        expect(dry.stdout).toContain(
          'Would import 12 rows into Enhanced care: 6 created, 0 updated, 0 unchanged, 4 rejected, 2 skipped.',
        );
        expect(dry.stdout).toContain('line 6: rejected: birthDate: must not be in the future');
        expect(dry.stdout).toContain('Dry run: nothing was written.');

        const reportFile = path.join(scratch, `report-${Date.now()}.json`);
        const done = await run(
          'import',
          'people',
          fixture('high-utilisation.csv'),
          '--program',
          'Enhanced care',
          '--report',
          reportFile,
        );
        expect(done.code).toBe(0);
        // Not a terminal: plain progress lines, no bar.
        expect(done.stdout).toContain('People import: 12/12 rows');
        expect(done.stdout).toContain('Imported 12 rows into Enhanced care: 6 created');
        const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { rows: { line: number; outcome: string }[] };
        expect(report.rows.filter((row) => row.outcome === 'created').map((row) => row.line)).toEqual([2, 3, 4, 5, 10, 11]);

        // Again: the six are matched by MRN and unchanged.
        const again = await run('import', 'people', fixture('high-utilisation.csv'), '--program', 'Enhanced care', '--dry-run');
        expect(again.stdout).toContain('0 created, 0 updated, 6 unchanged, 4 rejected');

        const broken = await run('import', 'people', fixture('broken-quoting.csv'), '--program', 'Enhanced care');
        expect(broken.code).toBe(2);
        expect(broken.stderr).toContain('broken-quoting.csv:3: the file cannot be read as CSV');
      } finally {
        await target.done();
      }
    },
    180_000,
  );
});
