// The generated row types are the schema's: regenerate them after a migration (`npm run db:types`).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { renderTableTypes, tableTypesFile, valuesOfCheck } from './table-types';

describeEachEngine('the generated row types', (ctx) => {
  it('match the migrated schema', async () => {
    const fresh = await renderTableTypes(ctx().db);
    expect(fs.readFileSync(tableTypesFile, 'utf8'), 'the schema changed: run `npm run db:types` and commit the file').toBe(fresh);
  });
});

describe('reading a CHECK', () => {
  it('reads the values a CHECK allows as a union', () => {
    expect(valuesOfCheck("CHECK ((kind = ANY (ARRAY['department'::text, 'it''s'::text])))")).toEqual({
      column: 'kind',
      values: ['department', "it's"],
    });
    expect(valuesOfCheck("CHECK ((how_to_refer <@ ARRAY['kith'::text, 'email'::text]))")).toEqual({
      column: 'how_to_refer',
      values: ['kith', 'email'],
    });
    expect(valuesOfCheck('CHECK ((length(name) >= 1))')).toBeUndefined();
  });
});
