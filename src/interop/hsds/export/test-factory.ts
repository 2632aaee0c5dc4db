// Directory data for tests, written straight into the hsds_* tables: a small, hand-made directory
// that touches every HSDS object the exporter nests (and some untidy values an import leaves, such
// as a website without a scheme or an address without a state), plus a bulk generator for timing.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/database';
import { hsdsModel, type HsdsObjectName } from '../../../domains/directory/index';

export async function insertHsds(q: Queryable, object: HsdsObjectName, values: Record<string, unknown>): Promise<string> {
  const model = hsdsModel[object];
  const row = { id: randomUUID(), ...values };
  const columns = Object.keys(row);
  for (const column of columns) if (!(column in model.fields)) throw new Error(`${object} has no field ${column}`);
  await q.query(
    `INSERT INTO ${model.table} (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
    Object.values(row),
  );
  return row.id as string;
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

  const taxonomyId = await add('taxonomy', { name: 'Kith Test Needs', description: 'Needs, for tests', uri: 'https://taxonomy.example/needs', version: '1' });
  const food = await add('taxonomy_term', { code: 'F', name: 'Food', description: 'Food help', taxonomy_id: taxonomyId, taxonomy: 'Kith Test Needs' });
  const pantry = await add('taxonomy_term', { code: 'F-1', name: 'Food Pantry', description: 'Groceries to take home', parent_id: food, taxonomy_id: taxonomyId, language: 'en' });
  const housing = await add('taxonomy_term', { code: 'H', name: 'Housing', description: '', taxonomy_id: taxonomyId });

  // A website without a scheme and no description: both are common in imported data.
  const organizationId = await add('organization', { name: 'Eastside Community Action', alternate_name: 'ECA', email: 'info@eastside.example', website: 'www.eastside.example', year_incorporated: 1987, legal_status: 'Nonprofit' });
  const otherOrganizationId = await add('organization', { name: 'Westside Legal Aid', description: 'Free civil legal help', uri: 'https://opencorporates.example/us/123' });
  await add('organization_identifier', { organization_id: organizationId, identifier_scheme: 'US-EIN', identifier_type: 'EIN', identifier: '12-3456789' });
  await add('funding', { organization_id: organizationId, source: 'County community grant' });
  const orgContact = await add('contact', { organization_id: organizationId, name: 'Front desk', title: 'Reception', email: 'desk@eastside.example' });
  await add('phone', { contact_id: orgContact, number: '555-0100', extension: 12, type: 'voice' });
  const orgPhone = await add('phone', { organization_id: organizationId, number: '555-0101', type: 'voice', description: 'Main line' });
  await add('language', { phone_id: orgPhone, name: 'Spanish', code: 'es' });
  const programId = await add('program', { organization_id: organizationId, name: 'Hunger Relief', description: 'Everything food' });

  const center = await add('location', { location_type: 'physical', organization_id: organizationId, name: 'Eastside Center', latitude: 39.29, longitude: -76.61, transportation: 'Bus 12' });
  // An address missing its state: HSDS requires it, so it goes out as "".
  await add('address', { location_id: center, address_1: '100 Main St', city: 'Baltimore', postal_code: '21201', country: 'US', address_type: 'physical' });
  await add('accessibility', { location_id: center, description: 'Step-free entrance', url: 'https://eastside.example/access' });
  await add('language', { location_id: center, name: 'English', code: 'en' });
  await add('phone', { location_id: center, number: '555-0102' });
  await add('contact', { location_id: center, name: 'Site manager' });
  await add('schedule', { location_id: center, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00', wkst: 'mo' });
  const online = await add('location', { location_type: 'virtual', organization_id: organizationId, name: 'Eastside Online', url: 'https://eastside.example/online' });

  const pantryService = await add('service', {
    organization_id: organizationId, program_id: programId, name: 'Eastside Food Pantry', description: 'Free groceries every weekday',
    status: 'active', url: 'https://eastside.example/pantry', email: 'pantry@eastside.example', minimum_age: 18,
    fees_description: 'Free', eligibility_description: 'County residents', last_modified: '2024-03-01T10:00:00.000Z', assured_date: '2024-01-15',
  });
  await add('phone', { service_id: pantryService, number: '555-0110', type: 'voice' }).then((phone) => add('language', { phone_id: phone, name: 'Spanish', code: 'es' }));
  await add('schedule', { service_id: pantryService, freq: 'WEEKLY', byday: 'MO,WE,FR', opens_at: '10:00', closes_at: '14:00', description: 'Mon, Wed, Fri 10-2' });
  await add('service_area', { service_id: pantryService, name: 'Baltimore City', extent_type: 'text' });
  await add('language', { service_id: pantryService, name: 'English', code: 'en' });
  await add('funding', { service_id: pantryService, source: 'Food bank partnership' });
  await add('cost_option', { service_id: pantryService, option: 'Everyone', amount: 0, currency: 'USD', amount_description: 'free' });
  await add('required_document', { service_id: pantryService, document: 'Proof of address' });
  const pantryContact = await add('contact', { service_id: pantryService, name: 'Pantry coordinator', email: 'not-an-email' });
  await add('phone', { contact_id: pantryContact, number: '555-0111' });
  await add('attribute', { link_id: pantryService, link_entity: 'service', taxonomy_term_id: pantry, link_type: 'service_type' });

  const shelterService = await add('service', { organization_id: organizationId, name: 'Eastside Family Shelter', description: 'Emergency shelter for families', status: 'Temporarily Closed', last_modified: '2025-01-10T08:30:00.000Z' });
  await add('attribute', { link_id: shelterService, link_entity: 'service', taxonomy_term_id: housing });
  await add('attribute', { link_id: shelterService, link_entity: 'service', taxonomy_term_id: food, value: 'meals for residents' });

  const legalService = await add('service', { organization_id: otherOrganizationId, name: 'Tenant Legal Clinic', description: 'Help with eviction and housing court', status: 'active', last_modified: 'last spring' });
  await add('attribute', { link_id: legalService, link_entity: 'service', taxonomy_term_id: housing });

  const pantryAtCenter = await add('service_at_location', { service_id: pantryService, location_id: center, description: 'Pantry at the center' });
  await add('contact', { service_at_location_id: pantryAtCenter, name: 'Pantry volunteer lead' });
  await add('phone', { service_at_location_id: pantryAtCenter, number: '555-0120' });
  await add('schedule', { service_at_location_id: pantryAtCenter, freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '12:00' });
  await add('attribute', { link_id: pantryAtCenter, link_entity: 'service_at_location', link_type: 'note', value: 'Use the side door' });
  const shelterAtCenter = await add('service_at_location', { service_id: shelterService, location_id: center });
  const pantryOnline = await add('service_at_location', { service_id: pantryService, location_id: online });
  const legalAtCenter = await add('service_at_location', { service_id: legalService, location_id: center });

  await q.query(
    `INSERT INTO directory_service_intake (service_id, accepting_referrals, capacity_status, open_slots, capacity_updated_at)
     VALUES ($1, true, 'available', 3, '2025-02-01T12:00:00Z')`,
    [pantryService],
  );

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

/**
 * `count` services spread over count/10 organizations, each at its own location with an address,
 * a phone and a schedule, and tagged with one term: for timing the export, not for assertions.
 */
export async function seedBulkDirectory(q: Queryable, count: number): Promise<void> {
  const taxonomyId = await insertHsds(q, 'taxonomy', { name: 'Bulk', description: 'Generated' });
  const termId = await insertHsds(q, 'taxonomy_term', { name: 'Generated term', description: 'Generated', taxonomy_id: taxonomyId });
  const id = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;
  await q.query(`INSERT INTO hsds_organization (id, name, description) SELECT ${id('o', 'n')}, 'Organization ' || n, 'Generated' FROM generate_series(1, greatest($1::int / 10, 1)) n`, [count]);
  await q.query(`INSERT INTO hsds_service (id, organization_id, name, description, status, last_modified)
    SELECT ${id('s', 'n')}, ${id('o', '(n % greatest($1::int / 10, 1) + 1)')}, 'Service ' || n, 'A generated service number ' || n, 'active', '2024-01-01T00:00:00.000Z'
    FROM generate_series(1, $1::int) n`, [count]);
  await q.query(`INSERT INTO hsds_location (id, location_type, name, latitude, longitude, organization_id)
    SELECT ${id('l', 'n')}, 'physical', 'Place ' || n, 39 + n / 1e6, -76 - n / 1e6, ${id('o', '(n % greatest($1::int / 10, 1) + 1)')} FROM generate_series(1, $1::int) n`, [count]);
  await q.query(`INSERT INTO hsds_address (id, location_id, address_1, city, state_province, postal_code, country, address_type)
    SELECT ${id('a', 'n')}, ${id('l', 'n')}, n || ' Main St', 'Baltimore', 'MD', '21201', 'US', 'physical' FROM generate_series(1, $1::int) n`, [count]);
  await q.query(`INSERT INTO hsds_service_at_location (id, service_id, location_id) SELECT ${id('sl', 'n')}, ${id('s', 'n')}, ${id('l', 'n')} FROM generate_series(1, $1::int) n`, [count]);
  await q.query(`INSERT INTO hsds_phone (id, service_id, number) SELECT ${id('p', 'n')}, ${id('s', 'n')}, '555-' || n FROM generate_series(1, $1::int) n`, [count]);
  await q.query(`INSERT INTO hsds_schedule (id, service_id, freq, byday, opens_at, closes_at) SELECT ${id('h', 'n')}, ${id('s', 'n')}, 'WEEKLY', 'MO,TU', '09:00', '17:00' FROM generate_series(1, $1::int) n`, [count]);
  await q.query(`INSERT INTO hsds_attribute (id, link_id, link_entity, taxonomy_term_id) SELECT ${id('t', 'n')}, ${id('s', 'n')}, 'service', $2::uuid FROM generate_series(1, $1::int) n`, [count, termId]);
}
