// Merging two records of one person, through HTTP on both engines: the possible duplicates a
// record's page offers; a merge that takes the chosen fields from the duplicate and moves
// everything attached to it (identifiers, enrolments, primary care, care team, consents,
// screenings and needs, combining an open need of the same domain with both histories); the
// duplicate's row kept and its address answering with the record it lives on as (API and FHIR);
// the merge on the kept record's timeline and in the audit log; and every refusal (another
// organisation, a partner with a consent, bad input naming the field) changing nothing.
import { expect, it } from 'vitest';
import { addCareTeamMember } from './add-care-team-member';
import { enrolPerson } from './enrol-person';
import { setPrimaryCare } from './set-primary-care';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';
import { buildConsent, buildPeopleWorld, buildPerson, buildProgram } from '../../../test/support/people-factories';
import { buildNeed, buildQuestionnaire } from '../../../test/support/screening-factories';
import { buildContact } from '../../../test/support/outreach-factories';
import { fhirSchemaAvailable, schemaErrors } from '../../interop/fhir/fhir-validator';

const system = (db: Parameters<typeof buildPerson>[0]) => ({ db, actor: 'system' as const });

/** Everything a merge could change, as one text: a refused merge must leave it as it was. */
const snapshot = async (db: { query: <T>(sql: string) => Promise<T[]> }) =>
  (
    await db.query<{ counts: string }>(
      `SELECT concat_ws(',',
              (SELECT count(*) FILTER (WHERE merged_into IS NOT NULL) FROM people), (SELECT sum(version) FROM people),
              (SELECT count(*) FROM person_merges),
              (SELECT string_agg(person_id::text, '' ORDER BY id) FROM person_identifiers),
              (SELECT string_agg(person_id::text || coalesce(disenrolled_on::text, ''), '' ORDER BY id) FROM person_enrolments),
              (SELECT string_agg(person_id::text, '' ORDER BY id) FROM person_consents),
              (SELECT string_agg(person_id::text, '' ORDER BY id) FROM person_care_team),
              (SELECT string_agg(person_id::text, '' ORDER BY person_id) FROM person_primary_care),
              (SELECT string_agg(person_id::text, '' ORDER BY id) FROM screening_responses),
              (SELECT string_agg(person_id::text || severity, '' ORDER BY id) FROM screening_needs),
              (SELECT string_agg(need_id::text, '' ORDER BY id) FROM screening_need_changes)) AS counts`,
    )
  )[0]!.counts;

interface NeedAnswer {
  id: string;
  needDomain: string;
  severity: string;
  status: string;
}

describeEachEngine('merging two records of one person', (ctx) => {
  it('moves everything to the record kept, keeps the history of both, and leads the duplicate to it', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const program = await buildProgram(db, world.host.id);
    const secondProgram = await buildProgram(db, world.host.id);
    const questionnaire = await buildQuestionnaire(db);
    const same = { givenName: 'Rosalind', familyName: 'Delgadillo', birthDate: '1952-03-14' };
    const kept = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { ...same, phone: null, email: null, enrolment: { programId: program.id } },
    });
    const duplicate = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { ...same, givenName: 'Rosalynd', phone: '410-555-0142', enrolment: { programId: program.id } },
    });
    const unrelated = await buildPerson(db, { holderOrganizationId: world.host.id, body: { familyName: 'Delgadillo' } });
    await enrolPerson(system(db), { personId: duplicate.id, body: { programId: secondProgram.id } });
    await setPrimaryCare(system(db), {
      personId: duplicate.id,
      body: { practiceOrganizationId: world.other.id, clinicianName: 'Dr. Ibarra', relationship: 'ongoing_care' },
    });
    await addCareTeamMember(system(db), {
      personId: duplicate.id,
      body: { organizationId: world.pantry.id, displayName: 'Pantry case manager', role: 'cbo_case_manager' },
    });
    const consent = await buildConsent(db, duplicate.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

    // Needs: the kept record has an open food need (changed once); the duplicate's screening finds
    // food (high) and housing.
    const keptFood = await buildNeed(db, kept.id, { needDomain: 'food-insecurity', severity: 'medium' });
    expect((await client.patch(`/api/people/${kept.id}/needs/${keptFood.id}`, { status: 'in_scope' })).status).toBe(200);
    const screened = await client.post(`/api/people/${duplicate.id}/screenings`, {
      questionnaireId: questionnaire.id,
      answers: [
        { linkId: 'food', answers: [{ code: 'often' }] },
        { linkId: 'housing', answers: [{ code: 'yes' }] },
      ],
    });
    expect(screened.status, JSON.stringify(screened.body)).toBe(201);
    // The duplicate's goal for its own food need: it follows the person, and the combined need.
    const duplicateFood = ((await client.get(`/api/people/${duplicate.id}/needs`)).body.items as NeedAnswer[]).find(
      (need) => need.needDomain === 'food-insecurity',
    )!;
    const goal = await client.post(`/api/people/${duplicate.id}/goals`, {
      description: 'Enough food for the week',
      needId: duplicateFood.id,
    });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    // …and a call to the duplicate: it follows the person too.
    const call = await buildContact(db, duplicate.id, { method: 'phone', reached: true });
    const historyOf = async (personId: string) =>
      (await client.get(`/api/people/${personId}/needs/history`)).body.items as {
        id: string;
        needDomain: string;
        field: string;
      }[];
    const historyBefore = [...(await historyOf(kept.id)), ...(await historyOf(duplicate.id))];
    expect(historyBefore.filter((change) => change.needDomain === 'food-insecurity').length).toBeGreaterThanOrEqual(3);

    // The kept record's page offers the duplicate (not itself, not someone born another day).
    const offered = await client.get(`/api/people/${kept.id}/duplicates`);
    expect(offered.status).toBe(200);
    expect(offered.body.items.map((person: { id: string }) => person.id)).toEqual([duplicate.id]);
    expect(offered.body.items.map((person: { id: string }) => person.id)).not.toContain(unrelated.id);

    const keptRead = await client.get(`/api/people/${kept.id}`);
    const duplicateRead = await client.get(`/api/people/${duplicate.id}`);
    const merged = await client.request(
      'POST',
      `/api/people/${kept.id}/merge`,
      {
        duplicateId: duplicate.id,
        fields: { phone: 'duplicate', givenName: 'survivor', email: 'duplicate' },
        survivorVersion: keptRead.body.person.version,
        duplicateVersion: duplicateRead.body.person.version,
      },
      { 'if-match': keptRead.headers.get('etag')! },
    );
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const record = merged.body;
    // The chosen fields from the duplicate, the rest the kept record's own.
    expect(record.person).toMatchObject({ id: kept.id, givenName: 'Rosalind', version: keptRead.body.person.version + 1 });
    expect(record.person.contact).toMatchObject({ phone: '410-555-0142', email: duplicate.email });
    // Everything attached to the duplicate is here.
    expect(record.identifiers.map((identifier: { value: string }) => identifier.value).sort()).toEqual(
      [...keptRead.body.identifiers, ...duplicateRead.body.identifiers].map((identifier) => identifier.value).sort(),
    );
    const enrolments = record.enrolments as { programId: string; disenrolledOn: string | null }[];
    expect(enrolments).toHaveLength(3);
    // Enrolled once at a time in a program: the duplicate's enrolment in the same program ended, with its history.
    expect(enrolments.filter((e) => e.programId === program.id && e.disenrolledOn === null)).toHaveLength(1);
    expect(enrolments.filter((e) => e.programId === program.id && e.disenrolledOn !== null)).toHaveLength(1);
    expect(enrolments.filter((e) => e.programId === secondProgram.id && e.disenrolledOn === null)).toHaveLength(1);
    expect(record.primaryCare).toMatchObject({ practiceOrganizationId: world.other.id, clinicianName: 'Dr. Ibarra' });
    expect(record.careTeam.map((member: { displayName: string }) => member.displayName)).toEqual(['Pantry case manager']);
    // The consent as given: the same grantee, categories and dates.
    expect(record.consents).toEqual([
      expect.objectContaining({ id: consent.id, granteeOrganizationId: world.pantry.id, categories: ['contact'], active: true }),
    ]);

    // Screenings and needs: one food need (the more severe, both histories), the housing need moved.
    const needs = (await client.get(`/api/people/${kept.id}/needs`)).body.items as NeedAnswer[];
    expect(needs.map((need) => need.needDomain).sort()).toEqual(['food-insecurity', 'housing-instability']);
    const food = needs.find((need) => need.needDomain === 'food-insecurity')!;
    expect(food).toMatchObject({ id: keptFood.id, severity: 'high', status: 'in_scope' });
    const historyAfter = await historyOf(kept.id);
    for (const change of historyBefore) expect(historyAfter.map((c) => c.id)).toContain(change.id);
    expect(historyAfter.filter((c) => c.needDomain === 'food-insecurity' && c.field === 'created')).toHaveLength(2);
    expect(historyAfter).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'severity', needDomain: 'food-insecurity' })]),
    );
    const contacts = (await client.get(`/api/people/${kept.id}/contacts`)).body.items as { id: string }[];
    expect(contacts.map((contact) => contact.id)).toEqual([call.id]);
    const goals = (await client.get(`/api/people/${kept.id}/goals`)).body.items as { description: string; needId: string }[];
    expect(goals).toEqual([expect.objectContaining({ description: 'Enough food for the week', needId: keptFood.id })]);
    const screenings = (await client.get(`/api/people/${kept.id}/screenings`)).body.items as { id: string }[];
    expect(screenings.map((screening) => screening.id)).toEqual([screened.body.screening.id]);

    // The duplicate's row stays, marked; its address names the record kept, in the API and in FHIR.
    const rows = await db.query<{ id: string; merged_into: string | null; given_name: string }>(
      'SELECT id, merged_into, given_name FROM people WHERE id = ANY ($1::uuid[])',
      [[kept.id, duplicate.id]],
    );
    expect(rows.find((row) => row.id === duplicate.id)).toMatchObject({ merged_into: kept.id, given_name: 'Rosalynd' });
    const gone = await client.get(`/api/people/${duplicate.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'not_found', mergedInto: kept.id });
    expect(JSON.stringify(gone.body)).not.toContain('Rosalynd');
    const patient = await client.get(`/fhir/R4/Patient/${duplicate.id}`);
    expect(patient.status).toBe(200);
    expect(patient.body).toEqual({
      resourceType: 'Patient',
      id: duplicate.id,
      active: false,
      link: [{ other: { reference: `Patient/${kept.id}` }, type: 'replaced-by' }],
    });
    if (fhirSchemaAvailable()) expect(schemaErrors(patient.body)).toEqual([]);
    // Lists and searches hold the kept record only; it has no possible duplicate left.
    const listed = await client.get('/api/people?q=Delgadillo');
    expect(listed.body.items.map((person: { id: string }) => person.id).sort()).toEqual([kept.id, unrelated.id].sort());
    expect((await client.get(`/api/people/${kept.id}/duplicates`)).body.items).toEqual([]);

    // The timeline of the kept record shows the merge: who, when, what came from where, what moved.
    const timeline = await client.get(`/api/people/${kept.id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.merges).toEqual([
      expect.objectContaining({
        survivorId: kept.id,
        duplicateId: duplicate.id,
        mergedBy: world.coordinator.id,
        mergedByName: expect.any(String),
        fieldsFromDuplicate: ['phone', 'email'],
        moved: {
          identifiers: 1,
          enrolments: 2,
          primaryCare: true,
          careTeam: 1,
          consents: 1,
          screenings: 1,
          needs: 1,
          needsCombined: 1,
          goals: 1,
          contacts: 1,
        },
      }),
    ]);

    // The pantry's consent followed the person: its staff see the kept record, without the merge's details.
    const pantry = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    expect((await pantry.get(`/api/people/${kept.id}`)).status).toBe(200);
    expect((await pantry.get(`/api/people/${duplicate.id}`)).body.mergedInto).toBe(kept.id);
    const pantryTimeline = await pantry.get(`/api/people/${kept.id}/timeline`);
    expect(pantryTimeline.status).toBe(200);
    expect(pantryTimeline.body.merges).toEqual([]);
    // Another organisation learns nothing from the duplicate's address.
    const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
    const refused = await other.get(`/api/people/${duplicate.id}`);
    expect(refused.status).toBe(404);
    expect(refused.body.mergedInto).toBeUndefined();
    expect((await other.get(`/fhir/R4/Patient/${duplicate.id}`)).status).toBe(404);

    // The merge record and the audit rows of both records, with ids, field names and counts only.
    const [merge] = await db.query<{ merged_by: string; fields_from_duplicate: string[]; moved: { consents: string[] } }>(
      'SELECT merged_by, fields_from_duplicate, moved FROM person_merges WHERE survivor_id = $1 AND duplicate_id = $2',
      [kept.id, duplicate.id],
    );
    expect(merge).toMatchObject({ merged_by: world.coordinator.id, fields_from_duplicate: ['phone', 'email'] });
    expect(merge!.moved.consents).toEqual([consent.id]);
    const audited = await db.query<{ action: string; person_id: string; details: Record<string, unknown> }>(
      `SELECT action, person_id, details FROM audit_log
        WHERE actor_user_id = $1 AND action IN ('person.merge', 'need.move') ORDER BY id`,
      [world.coordinator.id],
    );
    expect(audited.map((row) => [row.action, row.person_id])).toEqual([
      ['need.move', kept.id],
      ['person.merge', kept.id],
      ['person.merge', duplicate.id],
    ]);
    const details = JSON.stringify(audited.map((row) => row.details));
    for (const personal of ['Rosal', 'Delgadillo', '1952', '410-555', 'MRN-', 'Ibarra']) expect(details).not.toContain(personal);
  });

  it('refuses another organisation, a partner with a consent and bad input naming the field, changing nothing', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const same = { givenName: 'Tobias', familyName: 'Wexford', birthDate: '1947-10-02' };
    const kept = await buildPerson(db, { holderOrganizationId: world.host.id, body: same });
    const duplicate = await buildPerson(db, { holderOrganizationId: world.host.id, body: same });
    const elsewhere = await buildOrganization(db, { name: 'Elsewhere Clinic' });
    const foreign = await buildPerson(db, { holderOrganizationId: elsewhere.id, body: same });
    await buildConsent(db, kept.id, { granteeOrganizationId: world.pantry.id, categories: ['contact', 'demographics'] });
    await buildConsent(db, duplicate.id, { granteeOrganizationId: world.pantry.id, categories: ['contact', 'demographics'] });
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const leader = await buildUser(db, { organizationId: world.host.id, roles: ['leader'] });
    const body = (overrides: Record<string, unknown> = {}) => ({
      duplicateId: duplicate.id,
      survivorVersion: kept.version,
      duplicateVersion: duplicate.version,
      ...overrides,
    });
    const before = await snapshot(db);

    // Another organisation's user: 404 on every new route, nothing written, nothing said.
    const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
    for (const answer of [
      await other.post(`/api/people/${kept.id}/merge`, body()),
      await other.get(`/api/people/${kept.id}/duplicates`),
      await other.get(`/api/people/${kept.id}/timeline`),
    ]) {
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toContain('Wexford');
    }
    // A partner who sees both through a consent may not merge them, nor list duplicates; nor may
    // the holder's partner staff (who see nobody) or a leader (who only reads).
    const pantry = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const pantryAdmin = await signedIn(baseUrl, world.pantryAdmin.email, world.pantryAdmin.password);
    expect((await pantry.get(`/api/people/${kept.id}`)).status).toBe(200);
    for (const partner of [pantry, pantryAdmin]) {
      expect((await partner.post(`/api/people/${kept.id}/merge`, body())).status).toBe(404);
      expect((await partner.get(`/api/people/${kept.id}/duplicates`)).status).toBe(404);
    }
    const hostPartner = await signedIn(baseUrl, world.hostPartnerStaff.email, world.hostPartnerStaff.password);
    expect((await hostPartner.post(`/api/people/${kept.id}/merge`, body())).status).toBe(404);
    const leaderClient = await signedIn(baseUrl, leader.email, leader.password);
    expect((await leaderClient.post(`/api/people/${kept.id}/merge`, body())).status).toBe(403);
    expect(await snapshot(db)).toBe(before);

    // Bad input, each naming its field.
    const cases: [Record<string, unknown>, number, string, Record<string, string>?][] = [
      [body({ duplicateId: kept.id }), 400, 'duplicateId'],
      [body({ duplicateId: '00000000-0000-4000-8000-000000000000' }), 404, 'duplicateId'],
      [body({ duplicateId: foreign.id }), 404, 'duplicateId'],
      [body({ duplicateId: 'not-an-id' }), 400, 'duplicateId'],
      [body({ survivorVersion: kept.version + 5 }), 409, 'survivorVersion'],
      [body({ duplicateVersion: duplicate.version + 5 }), 409, 'duplicateVersion'],
      [body({ fields: { phone: 'both' } }), 400, 'fields.phone'],
      [body({ fields: { shoeSize: 'duplicate' } }), 400, 'fields.shoeSize'],
      [{ duplicateId: duplicate.id }, 400, 'survivorVersion'],
      [body(), 400, 'header.if-match', { 'if-match': 'yesterday' }],
      [body(), 400, 'survivorVersion', { 'if-match': `"${kept.version + 1}"` }],
    ];
    for (const [request, status, field, headers] of cases) {
      const answer = await coordinator.request('POST', `/api/people/${kept.id}/merge`, request, headers ?? {});
      expect(answer.status, `${field}: ${JSON.stringify(answer.body)}`).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(JSON.stringify(answer.body)).not.toContain('Wexford');
    }
    expect(await snapshot(db)).toBe(before);
    // The attempt on another holder's record is on the log as a refusal.
    const denied = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE actor_user_id = $1 AND outcome = 'denied' AND action = 'person.merge' AND record_id = $2`,
      [world.coordinator.id, foreign.id],
    );
    expect(denied[0]!.n).toBe(1);

    // Once merged, the duplicate cannot be merged again, nor be merged into, nor merge into itself.
    const done = await coordinator.post(`/api/people/${kept.id}/merge`, body());
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = await snapshot(db);
    const again = await coordinator.post(`/api/people/${kept.id}/merge`, body({ survivorVersion: kept.version + 1 }));
    expect(again.status).toBe(409);
    expect(again.body.errors.map((error: { field: string }) => error.field)).toEqual(['duplicateId']);
    const into = await coordinator.post(`/api/people/${duplicate.id}/merge`, {
      duplicateId: kept.id,
      survivorVersion: duplicate.version + 1,
      duplicateVersion: kept.version + 1,
    });
    expect(into.status).toBe(404);
    expect(await snapshot(db)).toBe(after);
  });
});
