// Searching by words. Words without a place can match more entries than a search ranks one by
// one: the services whose own name holds the words must still come first, wherever they are in the
// table. And a misspelt word is corrected to any word a search would find, including the names of
// the categories services are filed under.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { uuidV5 } from '../../platform/ids';
import { SearchQuery } from './directory.schema';
import { presentSearchAnswer } from './directory.presenter';
import type { HsdsRecords } from './hsds.store';
import { upsertHsdsRecords } from './hsds.store';
import { searchDirectory } from './search-directory';
import { rebuildSearchEntries } from './search-index';

const timeZone = 'America/New_York';
const id = (name: string) => uuidV5(`ranking test:${name}`);

/** Many services that mention a food pantry only in passing, written before the few named for one. */
function directory(): HsdsRecords {
  const records: HsdsRecords = { organization: [], service: [] };
  records.organization!.push({ id: id('org'), name: 'Riverside Neighbours' });
  for (let index = 0; index < 1_300; index++) {
    records.service!.push({
      id: id(`mention:${index}`),
      organization_id: id('org'),
      name: `Neighbourhood Help ${index}`,
      description: 'Visits at home; can point people to the food pantry down the road.',
      status: 'active',
    });
  }
  // Filed under a category whose name is the only place the word "medicaid" appears.
  records.taxonomy = [{ id: id('taxonomy'), name: 'Local categories', description: 'Categories of this test.' }];
  records.taxonomy_term = [
    { id: id('term'), taxonomy_id: id('taxonomy'), code: 'enrol', name: 'Medicaid enrollment', description: '' },
  ];
  records.service!.push({
    id: id('desk'),
    organization_id: id('org'),
    name: 'Benefits desk',
    description: 'Walk in on weekdays.',
    status: 'active',
  });
  records.attribute = [{ id: id('filed'), link_id: id('desk'), link_entity: 'service', taxonomy_term_id: id('term') }];
  for (const name of ['Northside Food Pantry', 'Food Pantry at Grace Church', 'Harbor Food Pantry']) {
    records.service!.push({
      id: id(name),
      organization_id: id('org'),
      name,
      description: 'Groceries every week.',
      status: 'active',
    });
  }
  return records;
}

describeEachEngine('ranking words without a place', (ctx) => {
  const search = async (query: Record<string, string>) =>
    presentSearchAnswer(await searchDirectory({ db: ctx().db, actor: 'system' }, { query: SearchQuery.parse(query), timeZone }));
  beforeAll(async () => {
    await ctx().db.tx(async (q) => {
      await upsertHsdsRecords(q, directory());
      await rebuildSearchEntries(q);
    });
  });

  it('puts the services named for the words first, even past the first thousand matches', async () => {
    const answer = await search({ q: 'food pantry', limit: '5' });
    expect(
      answer.items
        .slice(0, 3)
        .map((item) => item.serviceName)
        .sort(),
    ).toEqual(['Food Pantry at Grace Church', 'Harbor Food Pantry', 'Northside Food Pantry']);
    // The rest of the page is still made of matches.
    expect(answer.items[3]!.serviceName).toMatch(/^Neighbourhood Help/);
  });

  it('corrects a misspelt word and still ranks by the name', async () => {
    const answer = await search({ q: 'fod pantyr', limit: '3' });
    expect(answer.correction?.searchedFor).toBe('food pantry');
    expect(answer.items.map((item) => item.serviceName).sort()).toEqual([
      'Food Pantry at Grace Church',
      'Harbor Food Pantry',
      'Northside Food Pantry',
    ]);
  });

  it("corrects a misspelt word that only a category's name holds", async () => {
    const answer = await search({ q: 'medicaiid' });
    expect(answer.correction?.searchedFor).toBe('medicaid');
    expect(answer.items.map((item) => item.serviceName)).toEqual(['Benefits desk']);
  });

  it('still pages through matches that are not in any name', async () => {
    const answer = await search({ q: 'visits road', limit: '20' });
    expect(answer.items).toHaveLength(20);
    expect(answer.nextCursor).not.toBeNull();
  });
});
