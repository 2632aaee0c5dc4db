// What a search looks for: a word the directory or the network knows is never "corrected" (an
// organisation's name of several words; the host's name, which holds a shorter word of the
// directory), a typo is corrected with what was typed kept for "search instead", and verbatim
// searches what was typed; organisations are found by name, directory organisations and the
// network's members alike; and "spanish" filters by Spanish instead of being matched as text.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { buildDirectoryOrganization, buildPlacedService, indexDirectory } from '../../../test/support/directory-factories';
import { linkDirectoryOrganization } from './link-directory-organization';

const millbrook = { latitude: 40.2, longitude: -76.8, postalCode: '17401', city: 'Millbrook' };

interface Answer {
  items: { serviceId: string; serviceName: string }[];
  correction: { searchedFor: string; typed: string } | null;
  languageFromWords: string | null;
  organizations: { name: string; directoryOrganizationId: string | null; networkOrganizationId: string | null }[];
}

describeEachEngine('what a search looks for', (ctx) => {
  let coordinator: Client;
  let host: string;
  let healthDepartment: string;
  let bluebird: string;
  let riverbendMember: string;
  let riverbendDirectory: string;
  let rentHelp: string;
  let spanishPantry: string;
  let englishPantry: string;
  const search = async (query: Record<string, string>) => {
    const answer = await coordinator.get(`/api/directory/search?${new URLSearchParams(query)}`);
    expect(answer.status).toBe(200);
    return answer.body as Answer;
  };
  const names = (answer: Answer) => answer.items.map((item) => item.serviceName).sort();

  beforeAll(async () => {
    const { db } = ctx();
    // The network: its host, a county agency and a health centre that have no directory record,
    // and a partner linked to its directory organisation.
    host = (await buildOrganization(db, { name: 'Keystone Health System', kind: 'health_system', isHost: true })).id;
    healthDepartment = (await buildOrganization(db, { name: 'Heronhollow County Health Department', kind: 'public_agency' })).id;
    bluebird = (await buildOrganization(db, { name: 'Bluebird Community Health Center', kind: 'primary_care_practice' })).id;
    riverbendMember = (await buildOrganization(db, { name: 'Riverbend Partners' })).id;
    const user = await buildUser(db, { organizationId: host, roles: ['care_coordinator'] });
    coordinator = await signedIn(ctx().baseUrl, user.email, user.password);

    // The directory: words two edits from those names ("keystown", "apartment"; "keystone" and
    // "department" nowhere), a rent desk, and two food pantries, one of them in Spanish.
    await buildPlacedService(db, { name: 'Stone Bridge Tutoring', description: 'Homework help after school.', place: millbrook });
    await buildPlacedService(db, { name: 'Keystown Community Garden', description: 'Plots to grow food.', place: millbrook });
    await buildPlacedService(db, { name: 'Apartment Search Desk', description: 'Finding an apartment.', place: millbrook });
    rentHelp = (
      await buildPlacedService(db, { name: 'Rent Help Desk', description: 'Back rent and deposits.', place: millbrook })
    ).serviceId;
    spanishPantry = (await buildPlacedService(db, { name: 'Northside Food Pantry', place: millbrook, languages: ['en', 'es'] }))
      .serviceId;
    englishPantry = (await buildPlacedService(db, { name: 'Eastside Food Pantry', place: millbrook, languages: ['en'] }))
      .serviceId;
    riverbendDirectory = await buildDirectoryOrganization(db, { name: 'Riverbend Family Services' });
    await linkDirectoryOrganization(
      { db, actor: 'system' },
      { hsdsOrganizationId: riverbendDirectory, organizationId: riverbendMember },
    );
    // A directory organisation without a service yet.
    await buildDirectoryOrganization(db, { name: 'Harborview Legal Clinic' });
    await indexDirectory(db);
  });

  it("searches a network member's name of several words as typed, and lists the member", async () => {
    const answer = await search({ q: 'Heronhollow County Health Department' });
    expect(answer.correction).toBeNull();
    expect(answer.organizations[0]).toEqual({
      name: 'Heronhollow County Health Department',
      directoryOrganizationId: null,
      networkOrganizationId: healthDepartment,
    });
    // No service is named so; "department" was not turned into "apartment".
    expect(answer.items).toEqual([]);
  });

  it("never turns the host's name into a shorter word of the directory", async () => {
    const answer = await search({ q: 'Keystone' });
    expect(answer.correction).toBeNull();
    expect(answer.organizations.map((organization) => organization.networkOrganizationId)).toEqual([host]);
    expect(names(answer)).toEqual([]);
  });

  it('corrects a swapped pair of letters, and says what was typed', async () => {
    const answer = await search({ q: 'rent hlep' });
    expect(answer.correction).toEqual({ searchedFor: 'rent help', typed: 'rent hlep' });
    expect(answer.items.map((item) => item.serviceId)).toEqual([rentHelp]);

    const pantries = await search({ q: 'food pnatry' });
    expect(pantries.correction).toEqual({ searchedFor: 'food pantry', typed: 'food pnatry' });
    expect(names(pantries)).toEqual(['Eastside Food Pantry', 'Northside Food Pantry']);
  });

  it('searches exactly what was typed when asked', async () => {
    const answer = await search({ q: 'rent hlep', verbatim: 'true' });
    expect(answer.correction).toBeNull();
    expect(answer.items).toEqual([]);
  });

  it('finds a member without a directory record, and a directory organisation, by name', async () => {
    const member = await search({ q: 'bluebird' });
    expect(member.organizations).toEqual([
      { name: 'Bluebird Community Health Center', directoryOrganizationId: null, networkOrganizationId: bluebird },
    ]);
    // Even one with no service in the index yet.
    const clinic = await search({ q: 'harborview legal clinic' });
    expect(clinic.correction).toBeNull();
    expect(clinic.organizations.map((organization) => organization.name)).toEqual(['Harborview Legal Clinic']);
  });

  it('lists a member linked to its directory organisation once, as that organisation', async () => {
    const answer = await search({ q: 'riverbend' });
    expect(answer.organizations).toEqual([
      { name: 'Riverbend Family Services', directoryOrganizationId: riverbendDirectory, networkOrganizationId: riverbendMember },
    ]);
  });

  it('corrects a typo in an organisation name to the organisation', async () => {
    const answer = await search({ q: 'blubird' });
    expect(answer.correction).toEqual({ searchedFor: 'bluebird', typed: 'blubird' });
    expect(answer.organizations.map((organization) => organization.networkOrganizationId)).toEqual([bluebird]);
  });

  it('filters by a language named in the words instead of matching the name as text', async () => {
    const answer = await search({ q: 'spanish food pantry' });
    expect(answer.languageFromWords).toBe('es');
    expect(answer.correction).toEqual({ searchedFor: 'food pantry', typed: 'spanish food pantry' });
    expect(answer.items.map((item) => item.serviceId)).toEqual([spanishPantry]);

    const inSpanish = await search({ q: 'food pantry en español' });
    expect(inSpanish.languageFromWords).toBe('es');
    expect(inSpanish.items.map((item) => item.serviceId)).toEqual([spanishPantry]);

    // As typed, "spanish" is a word no pantry holds.
    const verbatim = await search({ q: 'spanish food pantry', verbatim: 'true' });
    expect(verbatim.languageFromWords).toBeNull();
    expect(verbatim.items).toEqual([]);
    // Without the language's name, both pantries.
    const both = await search({ q: 'food pantry' });
    expect(both.items.map((item) => item.serviceId).sort()).toEqual([spanishPantry, englishPantry].sort());
  });
});
