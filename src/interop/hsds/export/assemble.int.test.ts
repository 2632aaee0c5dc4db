// The assembler on both engines: every shape Kith publishes validates against the official HSDS
// 3.0.1 schemas, nests what GUIDE.md §2 says it nests, carries no nulls, and costs a fixed number
// of queries per batch however many records the batch holds.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import type { Queryable } from '../../../platform/db/database';
import {
  fullOrganizations,
  fullServiceAtLocations,
  fullServices,
  minimalServices,
  organizationListItems,
  serviceAtLocationListItems,
  serviceListItems,
  taxonomies,
  taxonomyTermItems,
} from './assemble';
import type { HsdsJson } from './hsds-values';
import { HsdsValidator, hsdsSchemasAvailable } from './hsds-validator';
import { seedTestDirectory, type TestDirectory } from '../../../../test/support/directory-factories';

const schemasHere = hsdsSchemasAvailable();
const validator = new HsdsValidator();
const fullShape = { organization: 'full', serviceAtLocations: true, capacity: true } as const;

/** Every path in `value` that holds null: HSDS JSON may hold none. */
function nullPaths(value: unknown, at = '$'): string[] {
  if (value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullPaths(item, `${at}[${index}]`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([key, item]) => nullPaths(item, `${at}.${key}`));
  return [];
}

describeEachEngine('HSDS assembler', (ctx) => {
  let dir: TestDirectory;
  beforeAll(async () => {
    dir = await seedTestDirectory(ctx().db);
  });

  // Story: a partner system asks for the food pantry and gets everything HSDS nests under a
  // service, in one document that the official schema accepts.
  it('assembles a full service with every nested object, valid against compiled/service.json', async () => {
    const [service] = await fullServices(ctx().db, [dir.services.pantry], fullShape);
    if (schemasHere) expect(validator.errors('service', service)).toEqual([]);
    expect(nullPaths(service)).toEqual([]);
    const s = service as any;
    expect(s.name).toBe('Eastside Food Pantry');
    expect(s.phones[0].languages[0]).toMatchObject({ name: 'Spanish', code: 'es' });
    expect(s.phones[0].service_id).toBeUndefined(); // its place in service.phones[] says it
    expect(s.schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'MO,WE,FR' });
    expect(s.service_areas[0].name).toBe('Baltimore City');
    expect(s.languages[0].code).toBe('en');
    expect(s.funding[0].source).toBe('Food bank partnership');
    expect(s.cost_options[0]).toMatchObject({ amount: 0, currency: 'USD' });
    expect(s.required_documents[0].document).toBe('Proof of address');
    expect(s.contacts[0].phones[0].number).toBe('555-0111');
    expect(s.contacts[0].email).toBeUndefined(); // "not-an-email" breaks format: email, so it is left out
    expect(s.program).toMatchObject({ id: dir.programId, name: 'Hunger Relief' });
    expect(s.attributes[0].taxonomy_term).toMatchObject({ id: dir.terms.pantry, name: 'Food Pantry' });
    expect(s.attributes[0].taxonomy_term.taxonomy_detail).toMatchObject({ id: dir.taxonomyId });
    // organization{}: full, without services[]
    expect(s.organization.website).toBe('http://www.eastside.example'); // published without a scheme
    expect(s.organization.description).toBe(''); // required, missing in the data
    expect(s.organization.services).toBeUndefined();
    expect(s.organization.organization_identifiers[0].identifier).toBe('12-3456789');
    expect(s.organization.phones[0].languages[0].code).toBe('es');
    expect(s.organization.contacts[0].phones[0].extension).toBe(12);
    expect(s.organization.locations.map((l: any) => l.name).sort()).toEqual(['Eastside Center', 'Eastside Online']);
    expect(s.organization.programs[0].name).toBe('Hunger Relief');
    // service_at_locations[]: each with contacts, phones, schedules, a full location{}, attributes
    const atCenter = s.service_at_locations.find((sl: any) => sl.id === dir.serviceAtLocations.pantryAtCenter);
    expect(s.service_at_locations).toHaveLength(2);
    expect(atCenter.contacts[0].name).toBe('Pantry volunteer lead');
    expect(atCenter.phones[0].number).toBe('555-0120');
    expect(atCenter.schedules[0].byday).toBe('MO');
    expect(atCenter.attributes[0].value).toBe('Use the side door');
    expect(atCenter.location.addresses[0]).toMatchObject({ address_1: '100 Main St', state_province: '', country: 'US' });
    expect(atCenter.location.accessibility[0].description).toBe('Step-free entrance');
    expect(atCenter.location.languages[0].code).toBe('en');
    expect(atCenter.location.phones[0].number).toBe('555-0102');
    expect(atCenter.location.contacts[0].name).toBe('Site manager');
    expect(atCenter.location.schedules[0].wkst).toBe('MO'); // stored as "mo"
    // Kith's capacity, as HSDS 3.1 capacities[]
    expect(s.capacities).toEqual([
      expect.objectContaining({
        available: 3,
        unit: expect.objectContaining({ name: 'Slot' }),
        updated: '2025-02-01T12:00:00.000Z',
      }),
    ]);
    if (schemasHere) expect(validator.errors('service_capacity', s.capacities[0])).toEqual([]);
  });

  it('repairs what it can and leaves out what breaks a format', async () => {
    const [shelter, legal] = await fullServices(ctx().db, [dir.services.shelter, dir.services.legal], fullShape);
    expect(shelter!.status).toBe('temporarily closed'); // stored as "Temporarily Closed"
    expect(legal!.last_modified).toBeUndefined(); // "last spring" is no date-time
    expect((shelter!.attributes as HsdsJson[]).map((a) => a.value ?? null)).toContain('meals for residents');
    expect(shelter!.capacities).toBeUndefined();
    if (schemasHere) for (const service of [shelter, legal]) expect(validator.errors('service', service)).toEqual([]);
  });

  it.skipIf(!schemasHere)('gives every other shape valid against its official schema', async () => {
    const { db } = ctx();
    const serviceIds = Object.values(dir.services);
    const salIds = Object.values(dir.serviceAtLocations);
    const orgIds = [dir.organizationId, dir.otherOrganizationId];
    const termIds = Object.values(dir.terms);
    const check = (name: Parameters<HsdsValidator['errors']>[0], items: HsdsJson[], count: number) => {
      expect(items).toHaveLength(count);
      for (const item of items) {
        expect(validator.errors(name, item)).toEqual([]);
        expect(nullPaths(item)).toEqual([]);
      }
    };
    check('service_list', await serviceListItems(db, serviceIds), 3);
    check('organization', await fullOrganizations(db, orgIds, { services: 'stubs' }), 2);
    check('organization', await fullOrganizations(db, orgIds, { services: 'full' }), 2);
    check('organization', await fullOrganizations(db, orgIds, { services: 'none' }), 2);
    check('organization_list', await organizationListItems(db, orgIds), 2);
    // Upstream declares /service_at_locations/{id} as compiled/service.json, an erratum (fixed in
    // PR #574): a service_at_location has no name or status. We validate it against
    // compiled/service_at_location.json, which is what it is.
    check('service_at_location', await fullServiceAtLocations(db, salIds), 4);
    check('service_at_location_list', await serviceAtLocationListItems(db, salIds), 4);
    check('taxonomy', await taxonomies(db, [dir.taxonomyId]), 1);
    check('taxonomy_term', await taxonomyTermItems(db, termIds), 3);
  });

  it('nests the expected children in organization and service_at_location shapes', async () => {
    const { db } = ctx();
    const [organization] = (await fullOrganizations(db, [dir.organizationId], { services: 'stubs' })) as any[];
    expect(organization.services.map((s: any) => s.name).sort()).toEqual(['Eastside Family Shelter', 'Eastside Food Pantry']);
    expect(organization.services[0].phones).toBeUndefined(); // stubs: scalars only
    const [withFull] = (await fullOrganizations(db, [dir.organizationId], { services: 'full' })) as any[];
    expect(withFull.services.find((s: any) => s.id === dir.services.pantry).service_at_locations).toHaveLength(2);
    const [sal] = (await fullServiceAtLocations(db, [dir.serviceAtLocations.pantryAtCenter])) as any[];
    expect(sal.service).toMatchObject({
      id: dir.services.pantry,
      organization: { id: dir.organizationId },
      program: { id: dir.programId },
    });
    expect(sal.service.service_at_locations).toBeUndefined();
    expect(sal.location.addresses).toHaveLength(1);
    const [listed] = (await serviceAtLocationListItems(db, [dir.serviceAtLocations.legalAtCenter])) as any[];
    expect(listed.service.organization.name).toBe('Westside Legal Aid');
    expect(listed.location.addresses).toBeUndefined();
    const [term] = (await taxonomyTermItems(db, [dir.terms.pantry])) as any[];
    expect(term).toMatchObject({ parent_id: dir.terms.food, taxonomy_detail: { name: 'Kith Test Needs' } });
    expect(await minimalServices(db, [dir.services.pantry, dir.services.legal])).toEqual([
      { id: dir.services.pantry, last_modified: '2024-03-01T10:00:00.000Z' },
      { id: dir.services.legal },
    ]);
  });

  // Story: exporting 500,000 services must not cost a query per service.
  it('costs the same number of queries for one service as for three', async () => {
    const counting = (): Queryable & { count: number } => {
      const wrapper = {
        count: 0,
        query: (text: string, values?: readonly unknown[]) => (wrapper.count++, ctx().db.query(text, values)),
      };
      return wrapper as Queryable & { count: number };
    };
    const one = counting();
    await fullServices(one, [dir.services.pantry], fullShape);
    const three = counting();
    await fullServices(three, Object.values(dir.services), fullShape);
    expect(three.count).toBe(one.count);
    expect(one.count).toBeLessThan(60);
  });
});
