// The demo population: a few hundred people the host's enhanced care program serves, made from
// the seed (the same seed, the same people), with MRNs, enrolments, primary care physicians, care
// teams and consents, some of them to the community organisation of the published partner login.
// Pure: the ids it needs are handed in, and nothing is read or written here.
import type { DemoPersonInput } from '../domains/people';
import type { DemoContactInput, OutreachMethod } from '../domains/outreach';
import { createRandom } from './random';
import * as words from './words';

export interface DemoPeopleIds {
  programId: string;
  practiceIds: string[];
  /** Coordinators of the host, who lead the care teams. */
  coordinators: { userId: string; displayName: string }[];
  hostId: string;
  /** The community organisation of the partner login, which holds consents. */
  partner: { organizationId: string; userId: string; displayName: string };
  /** Other community organisations some people have consented to. */
  communityIds: string[];
  towns: { name: string; postalCode: string; latitude: number | null; longitude: number | null }[];
}

const whatMatters = [
  'Staying in my own home.',
  'Being well enough to look after my grandchildren.',
  'Getting back to work.',
  'Not going back to the hospital.',
  'Walking to church on Sundays.',
  'Keeping my dog.',
  'Cooking for my family again.',
  'Having a place of my own.',
] as const;
const reasons = [
  'Three or more emergency visits in six months',
  'Two admissions in a year with a chronic condition',
  'Referred by the hospitalist team',
  'High-cost claims and unmet social needs',
] as const;
const clinicians = [
  'Dr. Ana Ruiz',
  'Dr. Sam Patel',
  'Dr. Grace Lin',
  'Dr. Omar Haddad',
  'Dr. Jo Becker',
  'Dr. Lee Morgan',
] as const;

const day = (year: number, month: number, dayOfMonth: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;

export function generateDemoPeople(seed: number, ids: DemoPeopleIds, count = 300): DemoPersonInput[] {
  const random = createRandom(seed ^ 0x5eed_9e0b);
  const people: DemoPersonInput[] = [];
  for (let index = 0; index < count; index++) {
    const female = random.chance(0.55);
    const givenName = random.pick(words.firstNames);
    const familyName = random.pick(words.lastNames);
    const town = random.pick(ids.towns);
    const language = random.chance(0.75) ? 'en' : random.pick(words.otherLanguages);
    const coordinator = random.pick(ids.coordinators);
    const enrolledOn = day(2025 + random.int(0, 1), random.int(1, 12), random.int(1, 28));
    const careTeam: DemoPersonInput['careTeam'] = [
      {
        organizationId: ids.hostId,
        userId: coordinator.userId,
        displayName: coordinator.displayName,
        role: 'lead_coordinator',
        startedOn: enrolledOn,
      },
    ];
    const consents: DemoPersonInput['consents'] = [];
    if (random.chance(0.25)) {
      careTeam.push({
        organizationId: ids.partner.organizationId,
        userId: ids.partner.userId,
        displayName: ids.partner.displayName,
        role: 'cbo_case_manager',
        startedOn: enrolledOn,
      });
      const verbal = random.chance(0.3);
      consents.push({
        granteeOrganizationId: ids.partner.organizationId,
        purpose: 'care_coordination',
        categories: random.chance(0.5) ? ['contact', 'needs'] : ['contact', 'demographics', 'needs'],
        startsOn: enrolledOn,
        method: verbal ? 'verbal' : 'signed_form',
        witnessName: verbal ? coordinator.displayName : null,
      });
    }
    if (ids.communityIds.length > 0 && random.chance(0.15)) {
      consents.push({
        granteeOrganizationId: random.pick(ids.communityIds),
        purpose: 'referral',
        categories: ['contact'],
        startsOn: enrolledOn,
        method: 'signed_form',
        witnessName: null,
      });
    }
    people.push({
      givenName,
      familyName,
      usedName: random.chance(0.1) ? givenName.slice(0, 3) : null,
      birthDate: day(random.int(1938, 2004), random.int(1, 12), random.int(1, 28)),
      sex: female ? 'Female' : 'Male',
      sexCode: female ? 'female' : 'male',
      pronouns: random.chance(0.6) ? (female ? 'she/her' : 'he/him') : null,
      preferredLanguage: language,
      interpreterNeeded: language !== 'en' && random.chance(0.6),
      phone: `${random.pick(words.areaCodes)}-555-${String(random.int(100, 9999)).padStart(4, '0')}`,
      email: random.chance(0.5) ? `${givenName}.${familyName}${index}@example.org`.toLowerCase() : null,
      contactMethod: random.pick(['phone', 'text', 'email'] as const),
      contactTimes: random.chance(0.5) ? random.pick(['Mornings', 'After 5 pm', 'Weekdays at lunch'] as const) : null,
      addressLine: `${random.int(1, 999)} ${random.pick(words.streetNames)} Street`,
      city: town.name,
      state: 'PA',
      postalCode: town.postalCode,
      latitude: town.latitude,
      longitude: town.longitude,
      whatMatters: random.pick(whatMatters),
      mrn: `DEMO-${String(100000 + index)}`,
      enrolment: random.chance(0.9) ? { programId: ids.programId, enrolledOn, reason: random.pick(reasons) } : null,
      primaryCare:
        ids.practiceIds.length > 0 && random.chance(0.85)
          ? {
              practiceOrganizationId: random.pick(ids.practiceIds),
              clinicianName: random.pick(clinicians),
              relationship: random.chance(0.7) ? 'ongoing_care' : 'refers_only',
            }
          : null,
      careTeam,
      consents,
    });
  }
  return people;
}

const contactNotes = [
  'Left a voicemail.',
  'Talked about the next clinic appointment.',
  'Brought a food box; the fridge was nearly empty.',
  'Asked about the rent letter; will call the landlord with them.',
  'Reminded them about the bus pass renewal.',
  'Checked the medicines together.',
  'No answer at the door; left a card.',
  'They are feeling better and want a call next week.',
] as const;
const contactMethods: readonly OutreachMethod[] = [
  'phone',
  'phone',
  'phone',
  'text_message',
  'text_message',
  'home_visit',
  'clinic_visit',
  'video',
  'email',
  'letter',
];

/**
 * A few contacts for most of the demo people, made by their lead coordinator over the 90 days
 * before `now`: the same seed gives the same contacts, each the same time before the seeding, so
 * a fresh demo always has people reached this week, this month, longer ago and never.
 */
export function generateDemoContacts(
  seed: number,
  people: { personId: string; input: DemoPersonInput }[],
  hostId: string,
  now: Date,
): DemoContactInput[] {
  const random = createRandom(seed ^ 0x0c0a_7ac7);
  const contacts: DemoContactInput[] = [];
  for (const { personId, input } of people) {
    const lead = input.careTeam.find((member) => member.role === 'lead_coordinator' && member.userId);
    if (!lead?.userId || !random.chance(0.7)) continue;
    const count = random.int(1, 4);
    for (let index = 0; index < count; index++) {
      // Minutes before now: up to 90 days, at least an hour.
      const minutesAgo = random.int(60, 90 * 24 * 60);
      const reached = random.chance(0.65);
      contacts.push({
        personId,
        contactedAt: new Date(now.getTime() - minutesAgo * 60_000),
        method: random.pick(contactMethods),
        reached,
        note: random.chance(0.6) ? random.pick(contactNotes) : null,
        recordedBy: lead.userId,
        recordedByOrganizationId: hostId,
      });
    }
  }
  return contacts;
}
