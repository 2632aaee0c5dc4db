// A large, realistic directory for benchmarks: services of many kinds in one region, with
// organisations, locations, addresses, hours, languages and need-domain terms. Deterministic:
// the same count gives the same records.
import type { HsdsRecords, HsdsRow } from '../src/domains/directory';
import { uuidV5 } from '../src/platform/ids';
import { streets } from '../src/demo/directory';
import { createRandom } from '../src/demo/random';

const kinds: { domain: string; term: string; names: string[]; words: string[] }[] = [
  {
    domain: 'food-insecurity',
    term: 'Food',
    names: ['Food Pantry', 'Community Kitchen', 'Meal Delivery', 'Grocery Program', 'Senior Meals', 'Mobile Market'],
    words: ['groceries', 'fresh produce', 'hot meals', 'canned goods', 'nutrition'],
  },
  {
    domain: 'housing-instability',
    term: 'Housing',
    names: ['Rent Assistance', 'Eviction Prevention', 'Housing Counseling', 'Home Ownership Help'],
    words: ['rent', 'landlord', 'lease', 'deposit', 'housing'],
  },
  {
    domain: 'homelessness',
    term: 'Shelter',
    names: ['Emergency Shelter', 'Family Shelter', 'Street Outreach', 'Day Center'],
    words: ['beds', 'showers', 'overnight', 'outreach', 'shelter'],
  },
  {
    domain: 'transportation-insecurity',
    term: 'Transportation',
    names: ['Medical Rides', 'Bus Passes', 'Volunteer Drivers', 'Paratransit'],
    words: ['rides', 'appointments', 'bus', 'van', 'transportation'],
  },
  {
    domain: 'utility-insecurity',
    term: 'Utilities',
    names: ['Energy Assistance', 'Water Bill Help', 'Heating Fund', 'Weatherization'],
    words: ['electric', 'gas', 'heating', 'shutoff', 'utility'],
  },
  {
    domain: 'employment-status',
    term: 'Employment',
    names: ['Job Training', 'Career Center', 'Resume Workshop', 'Work Readiness'],
    words: ['jobs', 'interview', 'training', 'career', 'employment'],
  },
  {
    domain: 'behavioral-health',
    term: 'Mental Health',
    names: ['Counseling Center', 'Crisis Line', 'Recovery Support', 'Peer Support Group'],
    words: ['counseling', 'therapy', 'recovery', 'crisis', 'support'],
  },
  {
    domain: 'legal-help',
    term: 'Legal Services',
    names: ['Legal Aid Clinic', 'Tenant Rights Help', 'Immigration Legal Help', 'Benefits Appeals'],
    words: ['lawyer', 'court', 'rights', 'appeal', 'legal'],
  },
  {
    domain: 'caregiver-support',
    term: 'Caregiver Support',
    names: ['Respite Care', 'Caregiver Circle', 'Adult Day Program'],
    words: ['caregiver', 'respite', 'family', 'dementia', 'support'],
  },
  {
    domain: 'intimate-partner-violence',
    term: 'Domestic Violence',
    names: ['Safe House', 'Hotline', 'Survivor Advocacy'],
    words: ['safety', 'advocate', 'confidential', 'survivor', 'violence'],
  },
];
const towns = [
  'Ashford',
  'Brookvale',
  'Cedar Point',
  'Dunmore',
  'Eastwick',
  'Fairhaven',
  'Glenwood',
  'Harrow',
  'Ivy Hill',
  'Juniper',
  'Kingsley',
  'Lakemont',
  'Maple Ridge',
  'Northgate',
  'Oakdale',
  'Pinecrest',
  'Quarry Hill',
  'Riverton',
  'Stonebridge',
  'Thornbury',
];
const orgWords = [
  'Hope',
  'Unity',
  'Harvest',
  'Bridge',
  'Beacon',
  'Neighbors',
  'Open Door',
  'Good Shepherd',
  'Grace',
  'Lighthouse',
  'Cornerstone',
  'Common Ground',
];
const orgKinds = ['Community Services', 'Alliance', 'Center', 'Network', 'Mission', 'Partnership', 'Outreach', 'Coalition'];
const languages = ['en', 'es', 'vi', 'zh', 'ar', 'fr', 'ru', 'ht'];
const hours = [
  ['MO,TU,WE,TH,FR', '09:00', '17:00'],
  ['MO,WE,FR', '10:00', '14:00'],
  ['TU,TH', '12:00', '19:00'],
  ['MO,TU,WE,TH,FR,SA', '08:00', '20:00'],
  ['SA,SU', '09:00', '13:00'],
] as const;

export const benchRegion = { latitude: 39.95, longitude: -75.16, spanDegrees: 0.8 };

export function townZip(index: number): string {
  return String(19_100 + index * 7);
}

export function townCentre(index: number) {
  const random = createRandom(1000 + index);
  return {
    latitude: benchRegion.latitude + (random.next() - 0.5) * benchRegion.spanDegrees,
    longitude: benchRegion.longitude + (random.next() - 0.5) * benchRegion.spanDegrees,
  };
}

/** Records for services [from, to) of the generated directory; call in chunks to bound memory. */
export function generateDirectoryChunk(from: number, to: number): HsdsRecords {
  const id = (name: string) => uuidV5(`bench:${name}`);
  const records: Required<
    Pick<
      HsdsRecords,
      | 'organization'
      | 'location'
      | 'address'
      | 'service'
      | 'service_at_location'
      | 'schedule'
      | 'language'
      | 'attribute'
      | 'taxonomy'
      | 'taxonomy_term'
    >
  > = {
    taxonomy: [],
    taxonomy_term: [],
    organization: [],
    location: [],
    address: [],
    service: [],
    service_at_location: [],
    schedule: [],
    language: [],
    attribute: [],
  };
  if (from === 0) {
    records.taxonomy.push({ id: id('taxonomy'), name: 'Bench needs', description: 'Generated need categories.' });
    for (const kind of kinds) {
      records.taxonomy_term.push({
        id: id(`term:${kind.domain}`),
        taxonomy_id: id('taxonomy'),
        code: kind.domain,
        name: kind.term,
        description: kind.term,
      });
    }
  }
  // Three services per organisation, each organisation at one location (written with the first of
  // the three: a chunk may start with services of an organisation an earlier chunk wrote).
  for (let index = from; index < to; index++) {
    const random = createRandom(index + 1);
    const organizationIndex = Math.floor(index / 3);
    const organizationRandom = createRandom(organizationIndex + 7_777_777);
    const townIndex = organizationRandom.int(0, towns.length - 1);
    const town = towns[townIndex]!;
    const organizationId = id(`organization:${organizationIndex}`);
    const locationId = id(`location:${organizationIndex}`);
    if (index % 3 === 0) {
      const name = `${town} ${organizationRandom.pick(orgWords)} ${organizationRandom.pick(orgKinds)} ${organizationIndex}`;
      records.organization.push({
        id: organizationId,
        name,
        description: `A community organisation serving ${town} and nearby towns.`,
      });
      const centre = townCentre(townIndex);
      records.location.push({
        id: locationId,
        organization_id: organizationId,
        location_type: 'physical',
        name,
        latitude: Math.round((centre.latitude + (organizationRandom.next() - 0.5) * 0.08) * 1e5) / 1e5,
        longitude: Math.round((centre.longitude + (organizationRandom.next() - 0.5) * 0.08) * 1e5) / 1e5,
      });
      records.address.push({
        id: id(`address:${organizationIndex}`),
        location_id: locationId,
        address_1: `${organizationRandom.int(1, 999)} ${organizationRandom.pick(streets)}`,
        city: town,
        state_province: 'PA',
        postal_code: townZip(townIndex),
        country: 'US',
        address_type: 'physical',
      });
    }
    const kind = random.pick(kinds);
    const serviceId = id(`service:${index}`);
    const [word1, word2] = random.sample(kind.words, 2);
    records.service.push({
      id: serviceId,
      organization_id: organizationId,
      name: `${town} ${random.pick(kind.names)}`,
      description: `Offers ${word1} and ${word2} for people in ${town}. Call ahead or walk in during open hours.`,
      status: random.chance(0.97) ? 'active' : 'inactive',
    } satisfies HsdsRow);
    const serviceAtLocationId = id(`sal:${index}`);
    records.service_at_location.push({ id: serviceAtLocationId, service_id: serviceId, location_id: locationId });
    const [byday, opens, closes] = random.pick(hours);
    records.schedule.push({
      id: id(`schedule:${index}`),
      service_at_location_id: serviceAtLocationId,
      freq: 'WEEKLY',
      byday,
      opens_at: opens,
      closes_at: closes,
    });
    records.attribute.push({
      id: id(`attribute:${index}`),
      link_id: serviceId,
      link_entity: 'service',
      taxonomy_term_id: id(`term:${kind.domain}`),
    });
    records.language.push({ id: id(`language:${index}:en`), service_id: serviceId, code: 'en' });
    if (random.chance(0.4)) {
      const other = random.pick(languages.slice(1));
      records.language.push({ id: id(`language:${index}:${other}`), service_id: serviceId, code: other });
    }
  }
  return records;
}

export const benchKinds = kinds;
export const benchTowns = towns;
