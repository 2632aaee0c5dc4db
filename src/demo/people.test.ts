// The demo's contacts come out the same from the same seed (each the same time before the seeding),
// and differ with another seed.
import { expect, it } from 'vitest';
import { generateDemoContacts, generateDemoPeople, type DemoPeopleIds } from './people';

const ids: DemoPeopleIds = {
  programId: 'program',
  practiceIds: ['practice'],
  coordinators: [
    { userId: 'coordinator-1', displayName: 'Cora' },
    { userId: 'coordinator-2', displayName: 'Dev' },
  ],
  hostId: 'host',
  partner: { organizationId: 'partner', userId: 'partner-user', displayName: 'Pat' },
  communityIds: ['community'],
  towns: [{ name: 'Town', postalCode: '19000', latitude: null, longitude: null }],
};

const contactsOf = (seed: number, now: Date) => {
  const people = generateDemoPeople(seed, ids, 100).map((input, index) => ({ personId: `person-${index}`, input }));
  return generateDemoContacts(seed, people, 'host', now);
};

it('gives most demo people a few contacts by their lead coordinator, the same from the same seed', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const contacts = contactsOf(42, now);
  expect(contacts).toEqual(contactsOf(42, now));
  expect(contacts).not.toEqual(contactsOf(43, now));
  expect(new Set(contacts.map((contact) => contact.personId)).size).toBeGreaterThan(50);
  expect(
    contacts.every((contact) => contact.contactedAt < now && now.getTime() - contact.contactedAt.getTime() <= 90 * 86_400_000),
  ).toBe(true);
  expect(new Set(contacts.map((contact) => contact.recordedBy))).toEqual(new Set(['coordinator-1', 'coordinator-2']));
  expect(contacts.some((contact) => contact.reached) && contacts.some((contact) => !contact.reached)).toBe(true);
  // Seeded a day later, every contact is a day later: the same time before the seeding.
  const later = contactsOf(42, new Date(now.getTime() + 86_400_000));
  expect(later.map((contact, index) => contact.contactedAt.getTime() - contacts[index]!.contactedAt.getTime())).toEqual(
    contacts.map(() => 86_400_000),
  );
});
