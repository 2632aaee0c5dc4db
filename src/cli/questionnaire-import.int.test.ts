// `kith import questionnaire <file>` run as a child process on each engine: the three standard
// screening tools load (AHC HRSN, PRAPARE, the Hunger Vital Sign) with their default scoring
// rules, the same file again changes nothing, and a file that is not a valid Questionnaire is
// refused with its path named and nothing written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kithTargets, repositoryRoot, runKith } from '../../test/support/run-kith';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-questionnaire-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const standards = process.env.KITH_STANDARDS_DIR ?? path.resolve(repositoryRoot, '../shared/standards');
const folder = path.join(standards, 'questionnaires');
const tools = [
  ['AHC HRSN', 'Questionnaire-SHINNYNYSHRSNQuestionnaire.ahc-hrsn-96777-8.json'],
  ['PRAPARE', 'Questionnaire-SDOHCC-QuestionnairePRAPARE.json'],
  ['Hunger Vital Sign', 'Questionnaire-SDOHCC-QuestionnaireHungerVitalSign.json'],
] as const;
const absent = !fs.existsSync(folder);
if (absent && process.env.CI === 'true') throw new Error(`CI=true but the standard questionnaires are not at ${folder}.`);
if (absent) console.warn(`Standard questionnaire tests skipped: ${folder} is absent.`);

const targets = await kithTargets(scratch);

describe.each(targets)('kith import questionnaire on $engine', ({ skip, open }) => {
  it.skipIf(skip || absent)(
    'loads the three standard tools with their scoring rules, and refuses a file that is not a valid Questionnaire, writing nothing',
    async () => {
      const target = await open();
      const run = (...args: string[]) => runKith(args, target.env);
      try {
        for (const [name, file] of tools) {
          const loaded = await run('import', 'questionnaire', path.join(folder, file));
          expect(loaded.stderr, name).toBe('');
          expect(loaded.code, name).toBe(0);
          expect(loaded.stdout, name).toMatch(/^Added .+ version \S+ \(\d+ questions, [1-9]\d* scoring rules, languages: en\)/);
        }
        const again = await run('import', 'questionnaire', path.join(folder, tools[2][1]));
        expect(again.stdout).toMatch(/^Already held /);

        // Not JSON; JSON but not a Questionnaire; a Questionnaire with an item lacking its linkId.
        const notJson = path.join(scratch, 'not-json.json');
        fs.writeFileSync(notJson, '{ "resourceType": "Questionnaire", ');
        const patient = path.join(scratch, 'patient.json');
        fs.writeFileSync(patient, JSON.stringify({ resourceType: 'Patient', id: 'x' }));
        const broken = path.join(scratch, 'broken.json');
        const resource = {
          resourceType: 'Questionnaire',
          url: 'https://example.org/Questionnaire/broken',
          version: '1',
          status: 'active',
          item: [
            { linkId: 'a', type: 'boolean', text: 'Fine?' },
            { type: 'choice', text: 'No linkId' },
          ],
        };
        fs.writeFileSync(broken, JSON.stringify(resource));
        for (const [file, words] of [
          [notJson, 'not JSON'],
          [patient, 'not a FHIR Questionnaire'],
          [broken, 'item[1].linkId'],
          [path.join(scratch, 'missing.json'), 'no such file'],
        ] as const) {
          const refused = await run('import', 'questionnaire', file);
          expect(refused.code, file).toBe(2);
          expect(refused.stderr, file).toContain(file);
          expect(refused.stderr, file).toContain(words);
        }
        // Nothing of the broken file was written: once mended, the same url and version is new.
        fs.writeFileSync(broken, JSON.stringify({ ...resource, item: [resource.item[0]] }));
        const mended = await run('import', 'questionnaire', broken);
        expect(mended.code).toBe(0);
        expect(mended.stdout).toMatch(/^Added .+ version 1 \(1 question, 0 scoring rules/);
      } finally {
        await target.done();
      }
    },
    240_000,
  );
});
