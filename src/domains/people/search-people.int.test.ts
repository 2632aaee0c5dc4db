// The searchPeople use case (what a FHIR Patient search calls), on both engines: by name (a word
// of the name, not a fragment inside one), by date of birth and by identifier; a partner finds only
// the people a live care-coordination consent shows them, and never by a date of birth or an MRN
// unless that consent names demographics; paging by cursor; one audit row per page that names the
// filters used but none of their values.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { actorOfUser } from '../../../test/support/factories';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';
import { revokeConsent } from './revoke-consent';
import { searchPeople } from './search-people';

describeEachEngine('searchPeople', (ctx) => {
  it('finds the holder’s people by a word of the name, a date of birth or an identifier, page by page', async () => {
    const { db } = ctx();
    const world = await buildPeopleWorld(db);
    const family = `Quimby${Date.now().toString(36)}`;
    const mrn = `SRCH-${Date.now()}`;
    const ada = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { givenName: 'Ada', familyName: family, birthDate: '1950-02-03', identifiers: [{ kind: 'mrn', value: mrn }] },
    });
    const bea = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { givenName: 'Bea', familyName: family, birthDate: '1950-02-04' },
    });
    const context = { db, actor: actorOfUser(world.coordinator, { isHost: true }) };

    const byName = await searchPeople(context, { search: { name: family, limit: 10 } });
    expect(byName.items.map((item) => item.row.id)).toEqual([ada.id, bea.id]);
    expect(byName.items[0]!.identifiers.map((identifier) => identifier.value)).toContain(mrn);
    // A fragment from inside a word is not a name the user typed.
    expect((await searchPeople(context, { search: { name: family.slice(2), limit: 10 } })).items).toEqual([]);

    const byBirth = await searchPeople(context, { search: { birthDate: '1950-02-04', name: family, limit: 10 } });
    expect(byBirth.items.map((item) => item.row.id)).toEqual([bea.id]);
    const byMrn = await searchPeople(context, { search: { identifier: { value: mrn, kind: 'mrn' }, limit: 10 } });
    expect(byMrn.items.map((item) => item.row.id)).toEqual([ada.id]);
    expect(
      (await searchPeople(context, { search: { identifier: { value: mrn, kind: 'payer_member_id' }, limit: 10 } })).items,
    ).toEqual([]);

    const first = await searchPeople(context, { search: { name: family, limit: 1 } });
    expect(first.items.map((item) => item.row.id)).toEqual([ada.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await searchPeople(context, { search: { name: family, limit: 1, cursor: first.nextCursor! } });
    expect(second.items.map((item) => item.row.id)).toEqual([bea.id]);
    expect(second.nextCursor).toBeNull();

    const audits = await db.query<{ details: { count: number; filter: Record<string, unknown> } }>(
      `SELECT details FROM audit_log WHERE action = 'person.search' AND actor_user_id = $1 ORDER BY id`,
      [world.coordinator.id],
    );
    expect(audits).toHaveLength(7);
    expect(audits[0]!.details).toMatchObject({
      count: 2,
      filter: { name: true, birthDate: false, identifier: null, page: 'first' },
    });
    expect(audits[3]!.details.filter).toMatchObject({ identifier: 'mrn' });
    // The values searched for (a name, a date of birth, an MRN) are never written to the log.
    const logged = JSON.stringify(audits);
    for (const value of [family, '1950-02-04', mrn]) expect(logged).not.toContain(value);
  });

  it('shows a partner only consented people, by date of birth or MRN only with demographics, and nobody after revocation', async () => {
    const { db } = ctx();
    const world = await buildPeopleWorld(db);
    const family = `Ruiz${Date.now().toString(36)}`;
    const mrn = `PRT-${Date.now()}`;
    const shared = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { givenName: 'Cora', familyName: family, birthDate: '1944-05-06', identifiers: [{ kind: 'mrn', value: mrn }] },
    });
    await buildPerson(db, { holderOrganizationId: world.host.id, body: { givenName: 'Dina', familyName: family } });
    const pantry = { db, actor: actorOfUser(world.pantryStaff) };
    const other = { db, actor: actorOfUser(world.otherStaff) };

    // No consent: nobody, by any filter.
    expect((await searchPeople(pantry, { search: { name: family, limit: 10 } })).items).toEqual([]);
    expect((await searchPeople(pantry, { search: { identifier: { value: mrn }, limit: 10 } })).items).toEqual([]);

    // A consent for contact only: found by name, not by date of birth or MRN, and no identifiers shown.
    const contactOnly = await buildConsent(db, shared.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
    const byName = await searchPeople(pantry, { search: { name: family, limit: 10 } });
    expect(byName.items.map((item) => item.row.id)).toEqual([shared.id]);
    expect(byName.items[0]!.access).toEqual({ basis: 'consent', categories: ['contact'], careTeamRoles: [] });
    expect(byName.items[0]!.identifiers).toEqual([]);
    expect((await searchPeople(pantry, { search: { birthDate: '1944-05-06', limit: 10 } })).items).toEqual([]);
    expect((await searchPeople(pantry, { search: { identifier: { value: mrn }, limit: 10 } })).items).toEqual([]);

    // With demographics: found by MRN too, identifiers shown. Another organisation still sees nobody.
    await buildConsent(db, shared.id, { granteeOrganizationId: world.pantry.id, categories: ['demographics'] });
    const byMrn = await searchPeople(pantry, { search: { identifier: { value: mrn }, limit: 10 } });
    expect(byMrn.items.map((item) => item.row.id)).toEqual([shared.id]);
    expect(byMrn.items[0]!.access.categories).toEqual(['contact', 'demographics']);
    expect(byMrn.items[0]!.identifiers.map((identifier) => identifier.value)).toEqual([mrn]);
    expect((await searchPeople(other, { search: { name: family, limit: 10 } })).items).toEqual([]);

    // Revoking both consents: gone at the next search.
    const all = await db.query<{ id: string }>('SELECT id FROM person_consents WHERE person_id = $1', [shared.id]);
    expect(all.map((row) => row.id)).toContain(contactOnly.id);
    for (const consent of all)
      await revokeConsent(
        { db, actor: actorOfUser(world.coordinator, { isHost: true }) },
        { personId: shared.id, consentId: consent.id, body: { reason: 'The person withdrew it.' } },
      );
    expect((await searchPeople(pantry, { search: { name: family, limit: 10 } })).items).toEqual([]);
  });
});
