// A partner's edit of its own record stands through the directory's imports: a re-import of the
// same data leaves it alone; when the source changes the record, the edited field keeps the
// partner's text, the other fields take the source's, and the report names the field the source
// now disagrees with; once the source says what the partner said, the edit has done its work.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import { readService, updateServiceDetails } from '../../../domains/directory/index';
import { importHsds } from './index';
import { formatReport } from './report';

const fixtures = path.join(import.meta.dirname, 'fixtures');

describeEachEngine('partner edits through imports', (ctx) => {
  it('keeps the edit over the source, reports the disagreement, and lets it go once the source agrees', async () => {
    const { db } = ctx();
    const folder = await mkdtemp(path.join(tmpdir(), 'kith-edited-'));
    try {
      await cp(path.join(fixtures, 'hsds-1.1'), folder, { recursive: true });
      const options = { dataset: 'edited-county' };
      await importHsds(db, folder, options);
      const [pantry] = await db.query<{ id: string }>(
        `SELECT s.id FROM hsds_service s JOIN directory_source_record r ON r.id = s.id AND r.dataset = 'edited-county'
          WHERE s.name = 'Food Pantry'`,
      );
      const system = { db, actor: 'system' as const };
      const edited = 'Groceries on Mondays and Thursdays. Bring a bag.';
      await updateServiceDetails(system, { serviceId: pantry!.id, body: { description: edited } });

      // The same data again: nothing of the record is rewritten, the edit is as it was.
      const again = await importHsds(db, folder, options);
      expect(again.keptEdits).toEqual([]);
      expect((await readService(system, { serviceId: pantry!.id })).service.description).toBe(edited);

      // The publisher changes the pantry's description and its fees.
      const services = path.join(folder, 'services.csv');
      const source = await readFile(services, 'utf8');
      await writeFile(
        services,
        source
          .replace('"Groceries every week.\nBring a bag."', 'Groceries every Friday.')
          .replace(',Walk in,,Free,', ',Walk in,,Two dollars,'),
      );
      const changed = await importHsds(db, folder, options);
      expect(changed.keptEdits).toEqual([
        expect.objectContaining({
          recordId: pantry!.id,
          recordName: 'Food Pantry',
          field: 'description',
          sourceValue: 'Groceries every Friday.',
        }),
      ]);
      expect(formatReport(changed)).toContain("1 field(s) a partner changed in Kith kept over the source's value");
      const after = await readService(system, { serviceId: pantry!.id });
      expect(after.service.description).toBe(edited);
      expect(after.service.fees_description).toBe('Two dollars');
      expect(after.service.local_edits).toEqual([
        expect.objectContaining({ field: 'description', source_value: 'Groceries every Friday.', source_changed: true }),
      ]);

      // The source now says what the partner said: the edit is gone, the text stays.
      await writeFile(services, (await readFile(services, 'utf8')).replace('Groceries every Friday.', edited));
      const agreed = await importHsds(db, folder, options);
      expect(agreed.keptEdits).toEqual([]);
      const settled = await readService(system, { serviceId: pantry!.id });
      expect(settled.service.description).toBe(edited);
      expect(settled.service.local_edits).toBeNull();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
