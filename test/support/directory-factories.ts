// Directory factories: each test builds the services, places and hours it needs, written through
// the directory's own store (upsertHsdsRecords, importIntakes), never relying on the demo seed.
// Small builders (buildDirectoryOrganization, buildLocation, buildService, buildSchedule …), a
// placed service with everything a search shows, a generated sample of a few towns for searches
// that need many services, and a small hand-made directory that touches every HSDS object the
// exporter nests (with some untidy values an import leaves, such as a website without a scheme).
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../src/platform/db/database';
import {
  addNeedDomainTermRules,
  hsdsModel,
  importIntakes,
  rebuildSearchEntries,
  upsertHsdsRecords,
  type HsdsObjectName,
  type IntakeImport,
} from '../../src/domains/directory';
import { createRandom } from '../../src/demo/random';

/** One HSDS record written through the directory's upsert; returns its id. */
export async function insertHsds(q: Queryable, object: HsdsObjectName, values: Record<string, unknown>): Promise<string> {
  const row = { id: randomUUID(), ...values };
  for (const field of Object.keys(row))
    if (!(field in hsdsModel[object].fields)) throw new Error(`${object} has no field ${field}`);
  await upsertHsdsRecords(q, { [object]: [row] });
  return row.id as string;
}

const unique = () => randomUUID().slice(0, 8);

export async function buildDirectoryOrganization(
  q: Queryable,
  values: { name?: string; description?: string } = {},
): Promise<string> {
  return insertHsds(q, 'organization', {
    name: values.name ?? `Directory organisation ${unique()}`,
    description: values.description ?? 'A test organisation.',
  });
}

export interface Place {
  latitude: number;
  longitude: number;
  postalCode: string;
  city?: string;
  street?: string;
}

/** A physical location with its street address. */
export async function buildLocation(
  q: Queryable,
  values: { organizationId?: string; name?: string; place: Place },
): Promise<string> {
  const { place } = values;
  const locationId = await insertHsds(q, 'location', {
    location_type: 'physical',
    organization_id: values.organizationId,
    name: values.name ?? `Place ${unique()}`,
    latitude: place.latitude,
    longitude: place.longitude,
  });
  await insertHsds(q, 'address', {
    location_id: locationId,
    address_1: place.street ?? '1 Main St',
    city: place.city ?? 'Testville',
    state_province: 'PA',
    postal_code: place.postalCode,
    country: 'US',
    address_type: 'physical',
  });
  return locationId;
}

/** A taxonomy term that a rule files under a need domain (e.g. 'food-insecurity'). */
export async function buildNeedTerm(q: Queryable, values: { name: string; needDomain?: string }): Promise<string> {
  const taxonomyId = await insertHsds(q, 'taxonomy', { name: `Test needs ${unique()}`, description: 'Needs, for tests' });
  const termId = await insertHsds(q, 'taxonomy_term', { taxonomy_id: taxonomyId, name: values.name, description: values.name });
  if (values.needDomain) await addNeedDomainTermRules(q, [{ taxonomyTermId: termId, needDomain: values.needDomain }]);
  return termId;
}

export async function buildService(
  q: Queryable,
  values: {
    organizationId?: string;
    name?: string;
    description?: string;
    status?: string;
    languages?: string[];
    termIds?: string[];
  },
): Promise<string> {
  const serviceId = await insertHsds(q, 'service', {
    organization_id: values.organizationId,
    name: values.name ?? `Service ${unique()}`,
    description: values.description ?? 'A test service.',
    status: values.status ?? 'active',
  });
  for (const code of values.languages ?? []) await insertHsds(q, 'language', { service_id: serviceId, code });
  for (const termId of values.termIds ?? []) {
    await insertHsds(q, 'attribute', { link_id: serviceId, link_entity: 'service', taxonomy_term_id: termId });
  }
  return serviceId;
}

export async function buildServiceAtLocation(q: Queryable, values: { serviceId: string; locationId: string }): Promise<string> {
  return insertHsds(q, 'service_at_location', { service_id: values.serviceId, location_id: values.locationId });
}

/** Weekly hours (byday 'MO,WE', opens and closes 'HH:MM'), or words only ({ description }). */
export type TestHours = { byday?: string; opensAt: string; closesAt: string; description?: string } | { description: string };

export async function buildSchedule(
  q: Queryable,
  values: { serviceAtLocationId?: string; serviceId?: string; locationId?: string; hours: TestHours },
): Promise<string> {
  const { hours } = values;
  const timed = 'opensAt' in hours;
  return insertHsds(q, 'schedule', {
    service_at_location_id: values.serviceAtLocationId,
    service_id: values.serviceId,
    location_id: values.locationId,
    freq: timed ? 'WEEKLY' : undefined,
    byday: timed ? hours.byday : undefined,
    opens_at: timed ? hours.opensAt : undefined,
    closes_at: timed ? hours.closesAt : undefined,
    description: hours.description,
  });
}

export async function buildIntake(
  q: Queryable,
  serviceId: string,
  intake: Partial<Omit<IntakeImport, 'serviceId'>>,
): Promise<void> {
  await importIntakes(q, [{ serviceId, acceptingReferrals: true, howToRefer: ['kith'], ...intake }]);
}

export interface PlacedService {
  serviceId: string;
  organizationId: string;
  locationId: string;
  serviceAtLocationId: string;
}

/** A service at a place, with its organisation, need, languages, hours and room: what a search shows. */
export async function buildPlacedService(
  q: Queryable,
  values: {
    name: string;
    description?: string;
    organizationId?: string;
    organizationName?: string;
    place: Place;
    locationName?: string;
    termIds?: string[];
    languages?: string[];
    hours?: TestHours[];
    intake?: Partial<Omit<IntakeImport, 'serviceId'>>;
  },
): Promise<PlacedService> {
  const organizationId = values.organizationId ?? (await buildDirectoryOrganization(q, { name: values.organizationName }));
  const locationId = await buildLocation(q, {
    organizationId,
    name: values.locationName ?? `${values.name} office`,
    place: values.place,
  });
  const serviceId = await buildService(q, {
    organizationId,
    name: values.name,
    description: values.description,
    languages: values.languages,
    termIds: values.termIds,
  });
  const serviceAtLocationId = await buildServiceAtLocation(q, { serviceId, locationId });
  for (const hours of values.hours ?? []) await buildSchedule(q, { serviceAtLocationId, hours });
  if (values.intake) await buildIntake(q, serviceId, values.intake);
  return { serviceId, organizationId, locationId, serviceAtLocationId };
}

/** Rebuilds the whole search index, as an import does once its records are written. */
export async function indexDirectory(db: Db): Promise<void> {
  await db.tx((q) => rebuildSearchEntries(q));
}

const sampleKinds = [
  { need: 'food-insecurity', term: 'Food', names: ['Food Pantry', 'Community Meals', 'Grocery Help'] },
  { need: 'housing-instability', term: 'Housing help', names: ['Housing Help Desk', 'Rent Assistance', 'Family Shelter'] },
  { need: 'transportation-insecurity', term: 'Rides and transportation', names: ['Medical Rides', 'Bus Passes'] },
  { need: 'legal-help', term: 'Legal help', names: ['Legal Aid Clinic', 'Tenant Help Line'] },
] as const;
const sampleHours: TestHours[] = [
  { byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' },
  { byday: 'MO,WE,FR', opensAt: '10:00', closesAt: '14:00' },
  { byday: 'TU,TH', opensAt: '12:00', closesAt: '19:00' },
  { byday: 'SA', opensAt: '09:00', closesAt: '12:00' },
  { description: 'By appointment: call first.' },
];

export interface SampleService {
  serviceId: string;
  organizationId: string;
  name: string;
  need: string;
  languages: string[];
  town: { name: string; postalCode: string };
}

export interface SampleDirectory {
  towns: { name: string; postalCode: string; latitude: number; longitude: number }[];
  services: SampleService[];
  /** The need-domain term of each need code. */
  termIds: Record<string, string>;
}

/**
 * A generated directory of three towns about 15 km apart, `perTown` services in each (within a
 * few kilometres of its centre), of four needs, with mixed languages, hours and room; written in
 * one batch and indexed. The same seed gives the same directory (but new ids).
 */
export async function buildSampleDirectory(db: Db, options: { seed: number; perTown?: number }): Promise<SampleDirectory> {
  const random = createRandom(options.seed);
  const perTown = options.perTown ?? 30;
  const towns = ['Millbrook', 'Eastfield', 'Riverton'].map((name, index) => ({
    name,
    postalCode: String(17_401 + index * 10),
    latitude: 40.2 + index * 0.12,
    longitude: -76.8 + index * 0.09,
  }));
  const termIds: Record<string, string> = {};
  for (const kind of sampleKinds) termIds[kind.need] = await buildNeedTerm(db, { name: kind.term, needDomain: kind.need });

  const records = {
    organization: [],
    location: [],
    address: [],
    service: [],
    service_at_location: [],
    schedule: [],
    language: [],
    attribute: [],
  } as Record<
    'organization' | 'location' | 'address' | 'service' | 'service_at_location' | 'schedule' | 'language' | 'attribute',
    Record<string, unknown>[]
  >;
  const intakes: IntakeImport[] = [];
  const services: SampleService[] = [];
  for (const town of towns) {
    for (let index = 0; index < perTown; index++) {
      const kind = random.pick(sampleKinds);
      const name = `${town.name} ${random.pick(kind.names)} ${index + 1}`;
      const organizationId = randomUUID();
      const locationId = randomUUID();
      const serviceId = randomUUID();
      const serviceAtLocationId = randomUUID();
      records.organization.push({
        id: organizationId,
        name: `${name} Association`,
        description: `Helps people in ${town.name}.`,
      });
      records.location.push({
        id: locationId,
        organization_id: organizationId,
        location_type: 'physical',
        name,
        latitude: town.latitude + (random.next() - 0.5) * 0.06,
        longitude: town.longitude + (random.next() - 0.5) * 0.08,
      });
      records.address.push({
        id: randomUUID(),
        location_id: locationId,
        address_1: `${random.int(10, 990)} Main St`,
        city: town.name,
        state_province: 'PA',
        postal_code: town.postalCode,
        country: 'US',
        address_type: 'physical',
      });
      records.service.push({
        id: serviceId,
        organization_id: organizationId,
        name,
        description: `${kind.term} for people who need help in ${town.name}.`,
        status: 'active',
      });
      records.service_at_location.push({ id: serviceAtLocationId, service_id: serviceId, location_id: locationId });
      const hours = random.pick(sampleHours);
      records.schedule.push(
        'opensAt' in hours
          ? {
              id: randomUUID(),
              service_at_location_id: serviceAtLocationId,
              freq: 'WEEKLY',
              byday: hours.byday,
              opens_at: hours.opensAt,
              closes_at: hours.closesAt,
            }
          : { id: randomUUID(), service_at_location_id: serviceAtLocationId, description: hours.description },
      );
      const languages = ['en', ...(random.chance(0.5) ? ['es'] : []), ...(random.chance(0.2) ? ['vi'] : [])];
      for (const code of languages) records.language.push({ id: randomUUID(), service_id: serviceId, code });
      records.attribute.push({
        id: randomUUID(),
        link_id: serviceId,
        link_entity: 'service',
        taxonomy_term_id: termIds[kind.need],
      });
      const status = random.pick(['available', 'available', 'waitlist', 'no_capacity'] as const);
      intakes.push({
        serviceId,
        acceptingReferrals: status !== 'no_capacity',
        howToRefer: ['kith', 'phone'],
        capacityStatus: status,
        openSlots: status === 'available' ? random.int(1, 20) : null,
        capacityAgeDays: random.int(0, 10),
      });
      services.push({ serviceId, organizationId, name, need: kind.need, languages, town });
    }
  }
  await db.tx(async (q) => {
    await upsertHsdsRecords(q, records);
    await importIntakes(q, intakes);
    await rebuildSearchEntries(q);
  });
  return { towns, services, termIds };
}

export interface TestDirectory {
  taxonomyId: string;
  terms: { food: string; pantry: string; housing: string };
  organizationId: string;
  otherOrganizationId: string;
  programId: string;
  services: { pantry: string; shelter: string; legal: string };
  locations: { center: string; online: string };
  serviceAtLocations: { pantryAtCenter: string; shelterAtCenter: string; pantryOnline: string; legalAtCenter: string };
}

/**
 * Eastside Community Action (2 services: a food pantry, open at two places, and a temporarily
 * closed shelter) and Westside Legal Aid (1 service), tagged from a two-level taxonomy.
 */
export async function seedTestDirectory(q: Queryable): Promise<TestDirectory> {
  const add = (object: HsdsObjectName, values: Record<string, unknown>) => insertHsds(q, object, values);

  const taxonomyId = await add('taxonomy', {
    name: 'Kith Test Needs',
    description: 'Needs, for tests',
    uri: 'https://taxonomy.example/needs',
    version: '1',
  });
  const food = await add('taxonomy_term', {
    code: 'F',
    name: 'Food',
    description: 'Food help',
    taxonomy_id: taxonomyId,
    taxonomy: 'Kith Test Needs',
  });
  const pantry = await add('taxonomy_term', {
    code: 'F-1',
    name: 'Food Pantry',
    description: 'Groceries to take home',
    parent_id: food,
    taxonomy_id: taxonomyId,
    language: 'en',
  });
  const housing = await add('taxonomy_term', { code: 'H', name: 'Housing', description: '', taxonomy_id: taxonomyId });

  // A website without a scheme and no description: both are common in imported data.
  const organizationId = await add('organization', {
    name: 'Eastside Community Action',
    alternate_name: 'ECA',
    email: 'info@eastside.example',
    website: 'www.eastside.example',
    year_incorporated: 1987,
    legal_status: 'Nonprofit',
  });
  const otherOrganizationId = await add('organization', {
    name: 'Westside Legal Aid',
    description: 'Free civil legal help',
    uri: 'https://opencorporates.example/us/123',
  });
  await add('organization_identifier', {
    organization_id: organizationId,
    identifier_scheme: 'US-EIN',
    identifier_type: 'EIN',
    identifier: '12-3456789',
  });
  await add('funding', { organization_id: organizationId, source: 'County community grant' });
  const orgContact = await add('contact', {
    organization_id: organizationId,
    name: 'Front desk',
    title: 'Reception',
    email: 'desk@eastside.example',
  });
  await add('phone', { contact_id: orgContact, number: '555-0100', extension: 12, type: 'voice' });
  const orgPhone = await add('phone', {
    organization_id: organizationId,
    number: '555-0101',
    type: 'voice',
    description: 'Main line',
  });
  await add('language', { phone_id: orgPhone, name: 'Spanish', code: 'es' });
  const programId = await add('program', {
    organization_id: organizationId,
    name: 'Hunger Relief',
    description: 'Everything food',
  });

  const center = await add('location', {
    location_type: 'physical',
    organization_id: organizationId,
    name: 'Eastside Center',
    latitude: 39.29,
    longitude: -76.61,
    transportation: 'Bus 12',
  });
  // An address missing its state: HSDS requires it, so it goes out as "".
  await add('address', {
    location_id: center,
    address_1: '100 Main St',
    city: 'Baltimore',
    postal_code: '21201',
    country: 'US',
    address_type: 'physical',
  });
  await add('accessibility', { location_id: center, description: 'Step-free entrance', url: 'https://eastside.example/access' });
  await add('language', { location_id: center, name: 'English', code: 'en' });
  await add('phone', { location_id: center, number: '555-0102' });
  await add('contact', { location_id: center, name: 'Site manager' });
  await add('schedule', {
    location_id: center,
    freq: 'WEEKLY',
    byday: 'MO,TU,WE,TH,FR',
    opens_at: '09:00',
    closes_at: '17:00',
    wkst: 'mo',
  });
  const online = await add('location', {
    location_type: 'virtual',
    organization_id: organizationId,
    name: 'Eastside Online',
    url: 'https://eastside.example/online',
  });

  const pantryService = await add('service', {
    organization_id: organizationId,
    program_id: programId,
    name: 'Eastside Food Pantry',
    description: 'Free groceries every weekday',
    status: 'active',
    url: 'https://eastside.example/pantry',
    email: 'pantry@eastside.example',
    minimum_age: 18,
    fees_description: 'Free',
    eligibility_description: 'County residents',
    last_modified: '2024-03-01T10:00:00.000Z',
    assured_date: '2024-01-15',
  });
  await add('phone', { service_id: pantryService, number: '555-0110', type: 'voice' }).then((phone) =>
    add('language', { phone_id: phone, name: 'Spanish', code: 'es' }),
  );
  await add('schedule', {
    service_id: pantryService,
    freq: 'WEEKLY',
    byday: 'MO,WE,FR',
    opens_at: '10:00',
    closes_at: '14:00',
    description: 'Mon, Wed, Fri 10-2',
  });
  await add('service_area', { service_id: pantryService, name: 'Baltimore City', extent_type: 'text' });
  await add('language', { service_id: pantryService, name: 'English', code: 'en' });
  await add('funding', { service_id: pantryService, source: 'Food bank partnership' });
  await add('cost_option', {
    service_id: pantryService,
    option: 'Everyone',
    amount: 0,
    currency: 'USD',
    amount_description: 'free',
  });
  await add('required_document', { service_id: pantryService, document: 'Proof of address' });
  const pantryContact = await add('contact', { service_id: pantryService, name: 'Pantry coordinator', email: 'not-an-email' });
  await add('phone', { contact_id: pantryContact, number: '555-0111' });
  await add('attribute', { link_id: pantryService, link_entity: 'service', taxonomy_term_id: pantry, link_type: 'service_type' });

  const shelterService = await add('service', {
    organization_id: organizationId,
    name: 'Eastside Family Shelter',
    description: 'Emergency shelter for families',
    status: 'Temporarily Closed',
    last_modified: '2025-01-10T08:30:00.000Z',
  });
  await add('attribute', { link_id: shelterService, link_entity: 'service', taxonomy_term_id: housing });
  await add('attribute', {
    link_id: shelterService,
    link_entity: 'service',
    taxonomy_term_id: food,
    value: 'meals for residents',
  });

  const legalService = await add('service', {
    organization_id: otherOrganizationId,
    name: 'Tenant Legal Clinic',
    description: 'Help with eviction and housing court',
    status: 'active',
    last_modified: 'last spring',
  });
  await add('attribute', { link_id: legalService, link_entity: 'service', taxonomy_term_id: housing });

  const pantryAtCenter = await add('service_at_location', {
    service_id: pantryService,
    location_id: center,
    description: 'Pantry at the center',
  });
  await add('contact', { service_at_location_id: pantryAtCenter, name: 'Pantry volunteer lead' });
  await add('phone', { service_at_location_id: pantryAtCenter, number: '555-0120' });
  await add('schedule', {
    service_at_location_id: pantryAtCenter,
    freq: 'WEEKLY',
    byday: 'MO',
    opens_at: '10:00',
    closes_at: '12:00',
  });
  await add('attribute', {
    link_id: pantryAtCenter,
    link_entity: 'service_at_location',
    link_type: 'note',
    value: 'Use the side door',
  });
  const shelterAtCenter = await add('service_at_location', { service_id: shelterService, location_id: center });
  const pantryOnline = await add('service_at_location', { service_id: pantryService, location_id: online });
  const legalAtCenter = await add('service_at_location', { service_id: legalService, location_id: center });

  await buildIntake(q, pantryService, {
    capacityStatus: 'available',
    openSlots: 3,
    capacityUpdatedAt: '2025-02-01T12:00:00Z',
    howToRefer: [],
  });

  return {
    taxonomyId,
    terms: { food, pantry, housing },
    organizationId,
    otherOrganizationId,
    programId,
    services: { pantry: pantryService, shelter: shelterService, legal: legalService },
    locations: { center, online },
    serviceAtLocations: { pantryAtCenter, shelterAtCenter, pantryOnline, legalAtCenter },
  };
}
