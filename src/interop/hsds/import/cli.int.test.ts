// `kith import hsds` as an operator runs it. Story: she imports a folder and reads the report
// (format, counts, repairs per rule, rejected records); a broken file ends with a one-line error
// and exit code 2; she asks for every rejection and repair as JSON to send back to the publisher.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kithTargets, runKith } from '../../../../test/support/run-kith';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-import-cli-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const targets = await kithTargets(scratch);

describe.each(targets)('kith import hsds on $engine', ({ skip, open }) => {
  it.skipIf(skip)(
    'reports what it imported, refuses a broken file with exit code 2, and writes rejections as JSON',
    async () => {
      const target = await open();
      const run = (...args: string[]) => runKith(['import', 'hsds', ...args], target.env);
      try {
        const imported = await run(path.join(fixtures, 'hsds-2.0'), '--dataset', 'riverton');
        expect(imported.stderr).toBe('');
        expect(imported.code).toBe(0);
        expect(imported.stdout).toMatch(/format: {2}HSDS 2\.x tabular \(CSV\)/);
        expect(imported.stdout).toMatch(/dataset: riverton/);
        expect(imported.stdout).toMatch(/service\s+2\s+0\s+0\s+0/);
        expect(imported.stdout).toContain('No record was rejected.');

        const broken = await run(path.join(fixtures, 'bad/malformed.json'));
        expect(broken.code).toBe(2);
        expect(broken.stderr).toMatch(/^error: malformed\.json is not valid JSON at line 3/);

        const file = path.join(scratch, 'rejections.json');
        const partly = await run(path.join(fixtures, 'bad/rejections'), '--rejections', file);
        expect(partly.code).toBe(0);
        expect(partly.stdout).toContain('6 record(s) rejected:');
        expect(partly.stdout).toMatch(
          /services\.csv:3: service aaaaaaaa-0000-4000-8000-000000000002: missing required field "name"/,
        );
        expect(partly.stdout).toContain('1 repair(s): records imported with repairs, by rule:');
        expect(partly.stdout).toMatch(/organization-placeholder\s+1 {2}a record naming an organisation the source does not have/);
        const written = JSON.parse(fs.readFileSync(file, 'utf8')) as {
          rejections: { path: string; reason: string }[];
          repairs: { path: string; rule: string }[];
        };
        expect(written.rejections).toHaveLength(6);
        expect(written.repairs).toEqual([expect.objectContaining({ path: 'services.csv:4', rule: 'organization-placeholder' })]);
      } finally {
        await target.done();
      }
      // Three runs of the command, each a new Node process: on a loaded 2-core machine a minute is not enough.
    },
    180_000,
  );
});
