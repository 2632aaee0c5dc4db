// The demo county's service directory, in HSDS 3 shape: each community organisation with a place
// (coordinates, street address, ZIP code), its services with hours, languages and a need-domain
// term, and Kith's intake data (how to refer, room). Pure and deterministic from the seed.
import type { HsdsRecords, HsdsRow } from '../domains/directory';
import { uuidV5 } from '../platform/ids';
import type { DemoNetwork, NeedDomain } from './generate';
import { createRandom } from './random';

/** Where each demo need domain sits among the directory's need domains. */
export const needDomainCodes: Record<NeedDomain, string> = {
  housing: 'housing-instability',
  food: 'food-insecurity',
  transportation: 'transportation-insecurity',
  utilities: 'utility-insecurity',
  safety: 'intimate-partner-violence',
  behavioral_health: 'behavioral-health',
  legal: 'legal-help',
  faith_based: 'spiritual-support',
  caregiver_support: 'caregiver-support',
  employment: 'employment-status',
};

const termNames: Record<NeedDomain, string> = {
  housing: 'Housing help',
  food: 'Food',
  transportation: 'Rides and transportation',
  utilities: 'Utility bills',
  safety: 'Safety from violence',
  behavioral_health: 'Mental health and recovery',
  legal: 'Legal help',
  faith_based: 'Faith communities',
  caregiver_support: 'Caregiver support',
  employment: 'Jobs and training',
};

export interface DemoIntake {
  serviceId: string;
  acceptingReferrals: boolean;
  howToRefer: ('kith' | 'email' | 'phone' | 'fax' | 'walk_in')[];
  referralPhone: string;
  capacityStatus: 'available' | 'no_capacity' | 'waitlist' | 'assessment_required';
  openSlots: number | null;
  waitlistLength: number | null;
  daysToFirstContact: number;
  /** How many days before the seeding the capacity was last said (the seed has no clock). */
  capacityAgeDays: number;
}

export interface DemoDirectory {
  records: HsdsRecords;
  /** Directory organisation id → network organisation key, for the links. */
  links: { hsdsOrganizationId: string; organizationKey: string }[];
  /** Need-domain term id → need-domain code, for the mapping rules. */
  termRules: { taxonomyTermId: string; needDomain: string }[];
  intakes: DemoIntake[];
  /** Each service, with the network organisation that offers it and the need domain it serves (what a referral needs). */
  services: { serviceId: string; name: string; organizationKey: string; needDomain: string; acceptingReferrals: boolean }[];
  /** The ZIP code of each town. */
  towns: { name: string; postalCode: string; latitude: number; longitude: number }[];
}

/** Street names of the fictional county, shared with the directory bench. */
export const streets = [
  'Main St',
  'Oak Ave',
  'Mill Rd',
  'Church St',
  'River Rd',
  'Market St',
  'Park Ave',
  'Union St',
  'High St',
  'Elm St',
];
const hours: { byday: string; opens: string; closes: string }[] = [
  { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '17:00' },
  { byday: 'MO,WE,FR', opens: '10:00', closes: '14:00' },
  { byday: 'TU,TH', opens: '12:00', closes: '19:00' },
  { byday: 'MO,TU,WE,TH,FR,SA', opens: '08:00', closes: '20:00' },
  { byday: 'SA', opens: '09:00', closes: '12:00' },
];

export function generateDemoDirectory(network: DemoNetwork, seed: number): DemoDirectory {
  const random = createRandom(seed ^ 0x5eed);
  const id = (name: string) => uuidV5(`demo:${seed}:${name}`);
  // A compact county: towns within about 25 km of its centre.
  const centre = { latitude: 40.05 + random.int(0, 40) / 100, longitude: -76.9 + random.int(0, 60) / 100 };
  const towns = network.towns.map((name, index) => ({
    name,
    postalCode: String(17_301 + index * 12 + random.int(0, 9)),
    latitude: round(centre.latitude + (random.next() - 0.5) * 0.4),
    longitude: round(centre.longitude + (random.next() - 0.5) * 0.5),
  }));

  const taxonomyId = id('taxonomy');
  const records: Required<
    Pick<
      HsdsRecords,
      | 'taxonomy'
      | 'taxonomy_term'
      | 'organization'
      | 'phone'
      | 'location'
      | 'address'
      | 'service'
      | 'service_at_location'
      | 'schedule'
      | 'language'
      | 'attribute'
    >
  > = {
    taxonomy: [{ id: taxonomyId, name: 'Kith demo needs', description: 'Need categories of the demo county directory.' }],
    taxonomy_term: [],
    organization: [],
    phone: [],
    location: [],
    address: [],
    service: [],
    service_at_location: [],
    schedule: [],
    language: [],
    attribute: [],
  };
  const termIds = new Map<NeedDomain, string>();
  for (const [domain, name] of Object.entries(termNames) as [NeedDomain, string][]) {
    const termId = id(`term:${domain}`);
    termIds.set(domain, termId);
    records.taxonomy_term.push({ id: termId, taxonomy_id: taxonomyId, code: needDomainCodes[domain], name, description: name });
  }

  const links: DemoDirectory['links'] = [];
  const intakes: DemoIntake[] = [];
  const services: DemoDirectory['services'] = [];
  for (const organization of network.organizations.filter((candidate) => candidate.services.length > 0)) {
    const organizationId = id(`organization:${organization.key}`);
    links.push({ hsdsOrganizationId: organizationId, organizationKey: organization.key });
    records.organization.push({
      id: organizationId,
      name: organization.name,
      description: organization.description,
      website: organization.website,
    });
    records.phone.push({
      id: id(`phone:${organization.key}`),
      organization_id: organizationId,
      number: organization.phone,
      type: 'voice',
    });
    const town = towns.find((candidate) => organization.name.includes(candidate.name)) ?? random.pick(towns);
    const locationId = id(`location:${organization.key}`);
    records.location.push({
      id: locationId,
      organization_id: organizationId,
      location_type: 'physical',
      name: organization.name,
      latitude: round(town.latitude + (random.next() - 0.5) * 0.04),
      longitude: round(town.longitude + (random.next() - 0.5) * 0.05),
    });
    records.address.push({
      id: id(`address:${organization.key}`),
      location_id: locationId,
      address_1: `${random.int(10, 990)} ${random.pick(streets)}`,
      city: town.name,
      state_province: 'PA',
      postal_code: town.postalCode,
      country: 'US',
      address_type: 'physical',
    });
    organization.services.forEach((service, index) => {
      const serviceId = id(`service:${organization.key}:${index}`);
      records.service.push({
        id: serviceId,
        organization_id: organizationId,
        name: service.name,
        description: service.description,
        eligibility_description: service.eligibility,
        status: 'active',
      });
      const serviceAtLocationId = id(`service_at_location:${organization.key}:${index}`);
      records.service_at_location.push({ id: serviceAtLocationId, service_id: serviceId, location_id: locationId });
      if (random.chance(0.85)) {
        const { byday, opens, closes } = random.pick(hours);
        records.schedule.push({
          id: id(`schedule:${serviceAtLocationId}`),
          service_at_location_id: serviceAtLocationId,
          freq: 'WEEKLY',
          byday,
          opens_at: opens,
          closes_at: closes,
        });
      } else {
        records.schedule.push({
          id: id(`schedule:${serviceAtLocationId}`),
          service_at_location_id: serviceAtLocationId,
          description: 'By appointment: call first.',
        });
      }
      for (const code of service.languages) {
        records.language.push({
          id: id(`language:${serviceId}:${code}`),
          service_id: serviceId,
          code,
          name: languageNames[code] ?? code,
        });
      }
      records.attribute.push({
        id: id(`attribute:${serviceId}`),
        link_id: serviceId,
        link_entity: 'service',
        link_type: 'need',
        taxonomy_term_id: termIds.get(service.needDomain)!,
      } satisfies HsdsRow);
      const status = random.pick([
        'available',
        'available',
        'available',
        'waitlist',
        'no_capacity',
        'assessment_required',
      ] as const);
      intakes.push({
        serviceId,
        acceptingReferrals: status !== 'no_capacity' || random.chance(0.5),
        howToRefer: random.chance(0.7) ? ['kith', 'phone'] : ['phone', 'walk_in'],
        referralPhone: organization.phone,
        capacityStatus: status,
        openSlots: status === 'available' ? random.int(1, 25) : null,
        waitlistLength: status === 'waitlist' ? random.int(3, 40) : null,
        daysToFirstContact: random.int(1, 10),
        capacityAgeDays: random.int(0, 20),
      });
      services.push({
        serviceId,
        name: service.name,
        organizationKey: organization.key,
        needDomain: needDomainCodes[service.needDomain],
        acceptingReferrals: intakes.at(-1)!.acceptingReferrals,
      });
    });
  }
  const termRules = [...termIds].map(([domain, taxonomyTermId]) => ({ taxonomyTermId, needDomain: needDomainCodes[domain] }));
  return { records, links, termRules, intakes, services, towns };
}

const languageNames: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  vi: 'Vietnamese',
  zh: 'Chinese',
  ar: 'Arabic',
  fr: 'French',
  ru: 'Russian',
  ht: 'Haitian Creole',
  ko: 'Korean',
  pt: 'Portuguese',
};

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
