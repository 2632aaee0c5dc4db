// Generates the demo network of a fictional county from a seed. Pure: no I/O, no clock, no
// Math.random, so the same seed gives the same network on every run and every machine (the seed
// is printed at start-up, and a bug seen in one demo can be replayed from it).
import type { OrganizationKind, UnitKind } from '../domains/identity';
import type { Role } from '../platform/auth/actor';
import { communityCatalog, needDomains, type CommunityProfile, type NeedDomain, type ServiceTemplate } from './community';
import {
  coalitionProfiles,
  ENHANCED_CARE_TEAM,
  hostProfiles,
  hostUnits,
  payerProfiles,
  practiceProfiles,
  publicAgencyProfiles,
  type NamedProfile,
} from './institutions';
import { createRandom, type Random } from './random';
import * as words from './words';

export { needDomains, type NeedDomain } from './community';

/**
 * A service a community organisation offers. Not stored yet: the service directory (HSDS) of a
 * later issue loads them; the generator makes them now so that the demo network stays one piece.
 */
export interface DemoService {
  name: string;
  needDomain: NeedDomain;
  description: string;
  /** Language codes (ISO 639-1), English first. */
  languages: string[];
  eligibility: string;
}

export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  description: string;
}

export interface DemoOrganization {
  /** A stable slug of the name: unique in the network, and the domain of its staff's emails. */
  key: string;
  name: string;
  kind: OrganizationKind;
  isHost: boolean;
  description: string;
  website: string;
  phone: string;
  units: DemoUnit[];
  /** Empty except for community organisations; see DemoService. */
  services: DemoService[];
}

export interface DemoUser {
  email: string;
  displayName: string;
  organizationKey: string;
  roles: Role[];
  unitKeys: string[];
}

export interface DemoNetwork {
  county: string;
  towns: string[];
  organizations: DemoOrganization[];
  users: DemoUser[];
}

/** The published logins, one per role, in the order they are printed. */
export const demoLogins: readonly { role: Role; email: string }[] = [
  { role: 'admin', email: 'admin@kith.demo' },
  { role: 'program_manager', email: 'manager@kith.demo' },
  { role: 'care_coordinator', email: 'coordinator@kith.demo' },
  { role: 'partner_staff', email: 'partner@kith.demo' },
  { role: 'leader', email: 'leader@kith.demo' },
];

type Vars = Record<'town' | 'county' | 'hope' | 'saint' | 'street' | 'surname' | 'surname2', string>;

export function generateDemoNetwork(seed: number): DemoNetwork {
  const random = createRandom(seed);
  const countyBase = random.pick(words.countyStarts) + random.pick(words.countyEnds);
  const towns = makeTowns(random, countyBase, random.int(6, 8));
  const areaCode = random.pick(words.areaCodes);
  // 555-0100 to 555-0199 are the numbers set aside for fiction; each organisation gets its own.
  const phoneSuffixes = random.shuffle(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')));
  const takenNames = new Set<string>();
  const organizations: DemoOrganization[] = [];

  const drawVars = (): Vars => {
    const [surname, surname2] = random.sample(words.lastNames, 2) as [string, string];
    return {
      town: random.pick(towns),
      county: countyBase,
      hope: random.pick(words.hopeWords),
      saint: random.pick(words.saintNames),
      street: random.pick(words.streetNames),
      surname,
      surname2,
    };
  };
  const addOrganization = (
    kind: OrganizationKind,
    profile: NamedProfile | CommunityProfile,
    extra: { isHost?: boolean; units?: DemoUnit[]; services?: (vars: Vars) => DemoService[] } = {},
  ): DemoOrganization => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const vars = drawVars();
      const name = fill(random.pick(profile.names), vars);
      const key = slugify(name);
      // The key must be unique too: it is the email domain of the organisation's staff.
      if (takenNames.has(name.toLowerCase()) || organizations.some((org) => org.key === key)) continue;
      takenNames.add(name.toLowerCase());
      const organization: DemoOrganization = {
        key,
        name,
        kind,
        isHost: extra.isHost ?? false,
        description: fill(profile.description, vars),
        website: `https://${key}.example.org`,
        phone: `(${areaCode}) 555-01${phoneSuffixes[organizations.length]!}`,
        units: extra.units ?? [],
        services: extra.services?.(vars) ?? [],
      };
      organizations.push(organization);
      return organization;
    }
    throw new Error(`the demo generator ran out of names for a ${kind}`);
  };

  const host = addOrganization('health_system', random.pick(hostProfiles), {
    isHost: true,
    units: hostUnits.map((unit) => ({ ...unit })),
  });
  const practices = random
    .sample(practiceProfiles, random.int(3, practiceProfiles.length))
    .map((profile) => addOrganization('primary_care_practice', profile));
  const coalition = addOrganization('coalition_backbone', random.pick(coalitionProfiles));
  const agency = addOrganization('public_agency', random.pick(publicAgencyProfiles));
  const payer = addOrganization('payer', random.pick(payerProfiles));

  // Three per domain, so every domain has partners to choose from, and a few more at random.
  const slots = needDomains.flatMap((domain) => [domain, domain, domain]);
  for (let extra = random.int(2, 6); extra > 0; extra--) slots.push(random.pick(needDomains));
  slots.sort((a, b) => needDomains.indexOf(a) - needDomains.indexOf(b));
  // Each domain's first profile is its flagship (the food pantry, the shelter): every county has one.
  const profileOrder = new Map(
    needDomains.map((domain) => {
      const [flagship, ...others] = communityCatalog[domain].profiles;
      return [domain, [flagship!, ...random.shuffle(others)]];
    }),
  );
  const seenPerDomain = new Map<NeedDomain, number>();
  const communityByDomain = new Map<NeedDomain, DemoOrganization[]>();
  for (const domain of slots) {
    const index = seenPerDomain.get(domain) ?? 0;
    seenPerDomain.set(domain, index + 1);
    const profiles = profileOrder.get(domain)!;
    const profile = profiles[index % profiles.length]!;
    const cbo = addOrganization('community_organization', profile, {
      services: (vars) => makeServices(random, domain, profile, vars),
    });
    communityByDomain.set(domain, [...(communityByDomain.get(domain) ?? []), cbo]);
  }

  const users = makeUsers(random, { host, practices, coalition, agency, payer, communityByDomain });
  return { county: `${countyBase} County`, towns, organizations, users };
}

function makeTowns(random: Random, countyBase: string, count: number): string[] {
  const towns: string[] = [];
  while (towns.length < count) {
    const town = random.pick(words.townStarts) + random.pick(words.townEnds);
    if (town !== countyBase && !towns.includes(town)) towns.push(town);
  }
  return towns;
}

function makeServices(random: Random, domain: NeedDomain, profile: CommunityProfile, vars: Vars): DemoService[] {
  const languages = ['en'];
  const extraLanguages = random.pick([0, 0, 1, 1, 1, 2]);
  for (let i = 0; i < extraLanguages; i++) {
    const language = random.pick(words.otherLanguages);
    if (!languages.includes(language)) languages.push(language);
  }
  const [core, ...optional] = profile.services;
  const chosen: { template: ServiceTemplate; domain: NeedDomain }[] = [{ template: core!, domain }];
  for (const template of optional) if (random.chance(0.5)) chosen.push({ template, domain });
  // Many groups run one service outside their main field, like a food shelf at a job center.
  if (chosen.length < 3 && random.chance(0.4)) {
    const otherDomain = random.pick(needDomains.filter((candidate) => candidate !== domain));
    const template = random.pick(communityCatalog[otherDomain].sideServices);
    if (!chosen.some((entry) => entry.template.name === template.name)) chosen.push({ template, domain: otherDomain });
  }
  return chosen.map(({ template, domain: needDomain }) => ({
    name: template.name,
    needDomain,
    description: fill(template.description, vars),
    languages: [...languages],
    eligibility: fill(template.eligibility, vars),
  }));
}

interface UserPlaces {
  host: DemoOrganization;
  practices: DemoOrganization[];
  coalition: DemoOrganization;
  agency: DemoOrganization;
  payer: DemoOrganization;
  communityByDomain: Map<NeedDomain, DemoOrganization[]>;
}

function makeUsers(random: Random, places: UserPlaces): DemoUser[] {
  const people = random.shuffle(words.firstNames.flatMap((first) => words.lastNames.map((last) => [first, last] as const)));
  const usedFirst = new Set<string>();
  const usedLast = new Set<string>();
  // Distinct first and last names make "who is who" easy to follow in a demo.
  const nextPerson = (): readonly [string, string] => {
    const person = people.find(([first, last]) => !usedFirst.has(first) && !usedLast.has(last))!;
    usedFirst.add(person[0]);
    usedLast.add(person[1]);
    return person;
  };
  const users: DemoUser[] = [];
  const add = (
    organization: DemoOrganization,
    roles: Role[],
    options: { email?: string; unitKeys?: string[]; title?: string } = {},
  ) => {
    const [first, last] = nextPerson();
    users.push({
      email: options.email ?? `${first}.${last}@${organization.key}.example`.toLowerCase(),
      displayName: options.title ? `${first} ${last}, ${options.title}` : `${first} ${last}`,
      organizationKey: organization.key,
      roles,
      unitKeys: options.unitKeys ?? [],
    });
  };

  const food = places.communityByDomain.get('food')!;
  // The partner login works at a food pantry when the county has one: the pantry is the partner
  // a coordinator looks for most, so the demo's first story ("find a pantry near this ZIP") is theirs.
  const partnerHome = food.find((organization) => /pantry|food bank/i.test(organization.name)) ?? food[0]!;
  const loginOrganization: Record<Role, DemoOrganization> = {
    admin: places.host,
    program_manager: places.host,
    care_coordinator: places.host,
    partner_staff: partnerHome,
    leader: places.host,
  };
  for (const { role, email } of demoLogins) {
    const inTeam = role === 'program_manager' || role === 'care_coordinator';
    add(loginOrganization[role], [role], { email, unitKeys: inTeam ? [ENHANCED_CARE_TEAM] : [] });
  }

  add(places.host, ['care_coordinator'], { unitKeys: [ENHANCED_CARE_TEAM], title: 'RN' });
  add(places.host, ['care_coordinator'], { unitKeys: [ENHANCED_CARE_TEAM], title: 'CHW' });
  for (const unitKey of ['cardiology', 'asthma-nurse-specialist', 'home-visiting', 'hiv-care-management']) {
    add(places.host, ['partner_staff'], { unitKeys: [unitKey] });
  }
  const otherDomains = random.shuffle(needDomains.filter((domain) => domain !== 'food')).slice(0, 5);
  for (const domain of otherDomains) add(places.communityByDomain.get(domain)![0]!, ['partner_staff']);
  for (const practice of places.practices) add(practice, ['partner_staff']);
  add(places.coalition, ['admin']);
  add(places.agency, ['partner_staff']);
  add(places.payer, ['partner_staff']);
  return users;
}

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? vars[name as keyof Vars] : match));
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
