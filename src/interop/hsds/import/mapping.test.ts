// Mapping older HSDS shapes onto HSDS 3.0, without a database. Stories: a county publishes its
// directory as HSDS 1.1 CSV with integer ids and separate physical/postal address tables; a 211
// publishes 2.0 CSV whose datapackage.json claims the wrong version; an API hands out a page of
// services with everything nested. Each must come out as the same HSDS 3 records, with UUIDs
// minted the same way every time and every link pointing at the right record.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSource } from './detect';
import { IdMinter } from './ids';
import { readHsdsSource } from './index';
import type { Draft } from './records';
import { hsdsExamples as examples, standardsAvailable } from './standards-kit';

const fixtures = path.join(import.meta.dirname, 'fixtures');

async function read(name: string, dataset = 'test') {
  const { format, cx } = await readHsdsSource(path.join(fixtures, name), dataset);
  const records = (type: Parameters<typeof cx.out.of>[0]) => [...cx.out.of(type).values()];
  const one = (type: Parameters<typeof cx.out.of>[0], sourceId: string): Draft => {
    const found = records(type).find((draft) => draft.source?.id === sourceId || draft.id === sourceId);
    if (!found) throw new Error(`no ${type} ${sourceId}`);
    return found;
  };
  return { format, cx, records, one, id: (type: string, sourceId: string) => cx.ids.id(type, sourceId) };
}

describe('detecting the format', () => {
  it('reads the version from files and columns, not from version strings', () => {
    expect(detectSource(path.join(fixtures, 'hsds-1.1'))).toMatchObject({ kind: 'tabular', flavour: 'hsds1' });
    // Its datapackage.json says "1.1", and names orgs.csv as the organization table.
    const two = detectSource(path.join(fixtures, 'hsds-2.0'));
    expect(two).toMatchObject({ kind: 'tabular', flavour: 'hsds2' });
    expect(two.kind === 'tabular' && two.tables.has('organizations')).toBe(true);
    expect(detectSource(path.join(fixtures, 'bad/rejections'))).toMatchObject({ kind: 'tabular', flavour: 'hsds3' });
    expect(detectSource(path.join(fixtures, 'services-page.json'))).toEqual({
      kind: 'json',
      files: [path.join(fixtures, 'services-page.json')],
    });
  });

  it('refuses a folder with nothing HSDS in it', () => {
    expect(() => detectSource(path.join(fixtures, 'bad/not-hsds'))).toThrow(/no HSDS data found/);
    expect(() => detectSource(path.join(fixtures, 'nowhere'))).toThrow(/does not exist/);
  });
});

describe('ids', () => {
  it('mints the same UUID for the same data set, type and id; another data set gets another', () => {
    const a = new IdMinter('county');
    expect(a.id('service', '12')).toBe(new IdMinter('county').id('service', '12'));
    expect(a.id('service', '12')).not.toBe(new IdMinter('city').id('service', '12'));
    expect(a.id('physical_address', '1')).not.toBe(a.id('postal_address', '1'));
    expect(a.id('service', 'AC148810-D857-441C-9679-408F346DE14B')).toBe('ac148810-d857-441c-9679-408f346de14b');
    expect(a.describe(a.id('service', '12'))).toBe('12');
  });
});

describe('HSDS 1.1 tabular', () => {
  it('makes addresses typed by their source table, and location types from them', async () => {
    const { records, one, id } = await read('hsds-1.1');
    expect(records('address').map((draft) => [draft.fields.address_type, draft.fields.location_id])).toEqual([
      ['physical', id('location', '1')],
      ['postal', id('location', '2')],
    ]);
    // address_3 is appended to address_2; "us" becomes an ISO code.
    expect(one('address', '1').fields).toMatchObject({ address_2: 'Unit 3 — Rear entrance', country: 'US' });
    expect(one('location', '1').fields.location_type).toBe('physical');
    expect(one('location', '2').fields.location_type).toBe('postal');
    expect(one('location', '3').fields.location_type).toBe('virtual');
  });

  it('renames 1.1 fields and links services to their location without a service_at_location table', async () => {
    const { records, one, id } = await read('hsds-1.1');
    expect(one('organization', '1').fields).toMatchObject({ website: 'https://eastside.example', year_incorporated: '1998' });
    expect(one('organization', '1').fields.description).toBe('Feeds the east side.\nVolunteers welcome.');
    expect(one('organization', '2').fields.alternate_name).toBeUndefined(); // "NULL" is missing
    expect(one('program', '10').fields.description).toBe('Weekend Meals');
    expect(one('service', '100').fields).toMatchObject({ accreditations: 'Feeding America member', fees_description: 'Free' });
    expect(one('service', '101').fields.eligibility_description).toBe('adult, family');
    expect(records('service_at_location').map((draft) => [draft.fields.service_id, draft.fields.location_id])).toContainEqual([
      id('service', '100'),
      id('location', '1'),
    ]);
  });

  it('turns taxonomy rows into terms keyed by code, with parents and a taxonomy for the vocabulary', async () => {
    const { records, one, id } = await read('hsds-1.1');
    expect(one('taxonomy_term', 'T2').fields).toMatchObject({
      code: 'T2',
      name: 'Food Pantry',
      description: 'Food Pantry',
      parent_id: id('taxonomy_term', 'T1'),
    });
    expect(records('taxonomy').map((draft) => draft.fields.name)).toEqual(['Open Eligibility']);
    const attributes = records('attribute').map((draft) => draft.fields);
    expect(attributes).toContainEqual(
      expect.objectContaining({
        link_entity: 'service',
        link_id: id('service', '100'),
        taxonomy_term_id: id('taxonomy_term', 'T2'),
      }),
    );
    expect(attributes).toContainEqual(
      expect.objectContaining({
        link_id: id('service', '101'),
        taxonomy_term_id: id('taxonomy_term', 'T3'),
        value: 'Legal*Housing',
      }),
    );
    expect(attributes).toContainEqual(
      expect.objectContaining({ link_id: id('service', '101'), link_type: 'payment_accepted', value: 'cash' }),
    );
  });

  it('turns schedules, phone languages and the old language column into 3.0 rows', async () => {
    const { records, id } = await read('hsds-1.1');
    const schedules = records('schedule').map((draft) => draft.fields);
    expect(schedules).toContainEqual(
      expect.objectContaining({
        service_id: id('service', '100'),
        freq: 'WEEKLY',
        byday: 'MO',
        opens_at: '09:00',
        closes_at: '17:00',
      }),
    );
    expect(schedules).toContainEqual(
      expect.objectContaining({ service_id: id('service', '101'), description: 'Tuesday: by appointment' }),
    );
    expect(schedules).toContainEqual(
      expect.objectContaining({ valid_from: '2024-12-25', description: 'Closed 2024-12-25 to 2024-12-26' }),
    );
    const languages = records('language').map((draft) => draft.fields);
    expect(languages).toContainEqual(expect.objectContaining({ phone_id: id('phone', '1'), code: 'es', name: 'Spanish' }));
    expect(languages).toContainEqual(expect.objectContaining({ phone_id: id('phone', '1'), code: 'fr' }));
    expect(languages).toContainEqual(expect.objectContaining({ service_id: id('service', '101'), code: 'vi' }));
    expect(languages).toContainEqual(expect.objectContaining({ location_id: id('location', '1'), name: 'Spanish', code: 'es' }));
  });
});

describe('HSDS 2.0 tabular', () => {
  it('re-points 2.0 attributes: addresses keep their table, eligibility points at its service', async () => {
    const { records, id } = await read('hsds-2.0');
    const attributes = records('attribute').map((draft) => draft.fields);
    expect(attributes).toContainEqual(expect.objectContaining({ link_entity: 'address', link_id: id('physical_address', '1') }));
    expect(attributes).toContainEqual(
      expect.objectContaining({ link_entity: 'service', link_type: 'eligibility', link_id: id('service', 'svc-shelter') }),
    );
    expect(records('taxonomy_term').find((d) => d.source?.id === 'term-shelter')?.fields).toMatchObject({
      name: 'Shelter',
      parent_id: id('taxonomy_term', 'term-housing'),
    });
  });

  it('maps DAILY to all weekdays and keeps YEARLY in notes', async () => {
    const { one } = await read('hsds-2.0');
    expect(one('schedule', 'sch-2').fields).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR,SA,SU',
      description: 'Open around the clock',
    });
    expect(one('schedule', 'sch-3').fields).toMatchObject({ notes: 'Repeats yearly (no HSDS 3.0 equivalent).' });
    expect(one('schedule', 'sch-1').fields.wkst).toBeUndefined();
  });
});

describe('HSDS 3.x JSON', () => {
  it('flattens a page of services, copying parent ids into link columns and minting ids for non-UUIDs', async () => {
    const { format, one, id } = await read('services-page.json');
    expect(format).toBe('HSDS 3.x JSON: an API page of 2 services');
    expect(one('service', 'svc-pantry').fields.organization_id).toBe(id('organization', 'org-harbor'));
    expect(one('phone', 'ph-1').fields.service_id).toBe(id('service', 'svc-pantry'));
    expect(one('language', 'lang-1').fields.phone_id).toBe(id('phone', 'ph-1'));
    expect(one('address', 'addr-1').fields.location_id).toBe(id('location', 'loc-harbor'));
    expect(one('service_at_location', 'sal-1').fields).toMatchObject({
      service_id: id('service', 'svc-pantry'),
      location_id: id('location', 'loc-harbor'),
    });
    // A nested attribute belongs to where it sits, whatever placeholder it carries.
    expect(one('attribute', 'att-1').fields).toMatchObject({
      link_entity: 'service',
      link_id: id('service', 'svc-pantry'),
      taxonomy_term_id: id('taxonomy_term', 'term-food'),
    });
    expect(one('taxonomy_term', 'term-food').fields.taxonomy_id).toBe(id('taxonomy', 'tax-local'));
  });

  it.skipIf(!standardsAvailable(examples, 'Official HSDS example'))('recognises what each official example is', async () => {
    const kinds: Record<string, string> = {
      'service_full.json': 'a single service',
      'organization_list.json': 'an API page of 1 organization',
      'service_at_location_list.json': 'an API page of 1 service_at_location',
      'taxonomy_term.json': 'a single taxonomy_term',
      'taxonomy.json': 'a single taxonomy',
      'location.json': 'a single location',
    };
    for (const [file, shape] of Object.entries(kinds)) {
      const { format } = await readHsdsSource(path.join(examples, file), 'examples');
      expect(format).toBe(`HSDS 3.x JSON: ${shape}`);
    }
  });
});
