// Minimum necessary by role, through HTTP on both engines: a host department's partner staff see a
// person only while on the care team, and only what their care-team role needs (no contact details
// for a specialist, in the API and in FHIR); a partner organisation's member sees the consent's
// categories narrowed by their role, and nothing without a consent; the holder's staff on the team
// are narrowed by their role unless they coordinate; leaders see no contact details nor the care
// plan; every read's audit row names the basis, the role and the categories shown.
import { expect, it } from 'vitest';
import { revokeConsent } from './revoke-consent';
import { buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildConsent, buildPeopleWorld, buildPerson, buildProgram } from '../../../test/support/people-factories';
import { buildGoal, buildNeed } from '../../../test/support/screening-factories';

type Db = { query: <T>(sql: string, values?: unknown[]) => Promise<T[]> };

/** The person is nowhere for this client: the page, the list, a search, the CSV, a FHIR read and search. */
async function expectInvisible(client: Client, person: { id: string; family_name: string; given_name: string }, stage: string) {
  expect((await client.get(`/api/people/${person.id}`)).status, `${stage}: the page`).toBe(404);
  const listed = await client.get('/api/people');
  expect(listed.status).toBe(200);
  expect(
    listed.body.items.map((item: { id: string }) => item.id),
    `${stage}: the list`,
  ).not.toContain(person.id);
  const searched = await client.get(`/api/people?q=${encodeURIComponent(person.family_name)}`);
  expect(searched.body.items, `${stage}: a search`).toEqual([]);
  const csv = await client.get(`/api/people.csv?q=${encodeURIComponent(person.family_name)}`);
  expect(csv.status).toBe(200);
  expect(String(csv.body)).toContain('Family name');
  expect(String(csv.body), `${stage}: the CSV`).not.toContain(person.given_name);
  expect((await client.get(`/fhir/R4/Patient/${person.id}`)).status, `${stage}: FHIR read`).toBe(404);
  const bundle = await client.get(`/fhir/R4/Patient?name=${encodeURIComponent(person.family_name)}`);
  expect(bundle.status).toBe(200);
  expect(bundle.body.entry ?? [], `${stage}: FHIR search`).toEqual([]);
}

const lastRead = async (db: Db, userId: string, personId: string) =>
  (
    await db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE actor_user_id = $1 AND action = 'person.read' AND person_id = $2 AND outcome = 'success'
        ORDER BY id DESC LIMIT 1`,
      [userId, personId],
    )
  )[0]?.details;

/** Adds a member as the holder's coordinator does, and answers the member's id. */
async function addMember(
  coordinator: Client,
  personId: string,
  member: { organizationId: string; userId: string; role: string; startedOn?: string },
): Promise<string> {
  const added = await coordinator.post(`/api/people/${personId}/care-team`, { displayName: 'Member', ...member });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const rows = added.body.careTeam as { id: string; userId: string | null; role: string; endedOn: string | null }[];
  return rows.find((row) => row.userId === member.userId && row.role === member.role && row.endedOn === null)!.id;
}

describeEachEngine('minimum necessary by role', (ctx) => {
  it('shows a host department’s partner staff a person only while on the care team, and only what the role needs', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id, body: { familyName: 'Cardenas' } });
    await buildNeed(db, person.id);
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    // Staff of the host's cardiology department: partner staff of the host, who see none of its people by that role.
    const cardiology = await signedIn(baseUrl, world.hostPartnerStaff.email, world.hostPartnerStaff.password);

    await expectInvisible(cardiology, person, 'not on the care team');
    // A membership that begins tomorrow grants nothing yet.
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await addMember(coordinator, person.id, {
      organizationId: world.host.id,
      userId: world.hostPartnerStaff.id,
      role: 'specialist',
      startedOn: tomorrow,
    });
    await expectInvisible(cardiology, person, 'on the care team from tomorrow');

    const memberId = await addMember(coordinator, person.id, {
      organizationId: world.host.id,
      userId: world.hostPartnerStaff.id,
      role: 'specialist',
    });
    const page = await cardiology.get(`/api/people/${person.id}`);
    expect(page.status).toBe(200);
    expect(page.body.person.access).toEqual({
      basis: 'care_team',
      categories: ['demographics', 'needs', 'care_plan'],
      careTeamRoles: ['specialist'],
    });
    expect(page.body.person.contact).toBeNull();
    expect(page.body.person.demographics.birthDate).toBe('1961-04-09');
    const text = JSON.stringify(page.body);
    for (const contact of ['410-555-0100', person.email!, '12 Elm Street', '21201']) expect(text).not.toContain(contact);
    // The care plan is a specialist's: the care team is listed.
    expect(page.body.careTeam.length).toBeGreaterThan(0);
    // Needs are visible; the holder's other consents are not theirs to see.
    const needs = await cardiology.get(`/api/people/${person.id}/needs`);
    expect(needs.status).toBe(200);
    expect(needs.body.items.map((need: { needDomain: string }) => need.needDomain)).toEqual(['food-insecurity']);
    // Writes stay the holder's staff's.
    expect((await cardiology.patch(`/api/people/${person.id}`, { pronouns: 'they/them' })).status).toBe(403);

    // The list, a search and the CSV find them, without contact details.
    const listed = await cardiology.get('/api/people');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([person.id]);
    expect(listed.body.items[0].contact).toBeNull();
    const csv = String((await cardiology.get('/api/people.csv')).body);
    expect(csv).toContain('Cardenas');
    expect(csv).toContain('(as a member of the care team: Specialist)');
    expect(csv).not.toContain('410-555-0100');
    expect((await cardiology.get('/api/people?careTeamUserId=me')).body.items.map((item: { id: string }) => item.id)).toEqual([
      person.id,
    ]);

    // FHIR: the Patient, with no telecom or address, marked redacted; found by a search too.
    const patient = await cardiology.get(`/fhir/R4/Patient/${person.id}`);
    expect(patient.status).toBe(200);
    expect(patient.body.telecom).toBeUndefined();
    expect(patient.body.address).toBeUndefined();
    expect(patient.body.birthDate).toBe('1961-04-09');
    expect(patient.body.meta.security).toEqual([expect.objectContaining({ code: 'REDACTED' })]);
    const bundle = await cardiology.get(`/fhir/R4/Patient?name=Cardenas`);
    expect(bundle.body.entry.map((entry: { resource: { id: string } }) => entry.resource.id)).toEqual([person.id]);
    expect(bundle.body.entry[0].resource.telecom).toBeUndefined();
    expect(bundle.body.entry[0].resource.address).toBeUndefined();

    // The read's audit row names why, in which role, and what was shown.
    expect(await lastRead(db, world.hostPartnerStaff.id, person.id)).toEqual({
      basis: 'care_team',
      careTeamRoles: ['specialist'],
      categories: ['demographics', 'needs', 'care_plan'],
    });
    const needsRead = await db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE actor_user_id = $1 AND action = 'need.list' AND person_id = $2`,
      [world.hostPartnerStaff.id, person.id],
    );
    expect(needsRead.map((row) => row.details)).toEqual([
      expect.objectContaining({ basis: 'care_team', careTeamRoles: ['specialist'] }),
    ]);

    // Leaving the care team: gone at the very next request.
    expect((await coordinator.post(`/api/people/${person.id}/care-team/${memberId}/end`, {})).status).toBe(200);
    await expectInvisible(cardiology, person, 'after the membership ended');
    expect((await cardiology.get(`/api/people/${person.id}/needs`)).status).toBe(404);
  });

  it('narrows a partner’s consent by their care-team role, and shows nothing without a consent', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const program = await buildProgram(db, world.host.id);
    const person = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { familyName: 'Okafor', enrolment: { programId: program.id } },
    });
    await buildNeed(db, person.id);
    const goal = await buildGoal(db, person.id);
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const pcp = await coordinator.request('PUT', `/api/people/${person.id}/primary-care`, {
      practiceOrganizationId: world.other.id,
      clinicianName: 'Dr. Ramos',
      relationship: 'ongoing_care',
    });
    expect(pcp.status).toBe(200);
    const pantry = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);

    // On the care team, without a consent: nothing.
    await addMember(coordinator, person.id, {
      organizationId: world.pantry.id,
      userId: world.pantryStaff.id,
      role: 'cbo_case_manager',
    });
    await expectInvisible(pantry, person, 'on the care team without a consent');

    // A consent for everything but SUD, read as a case manager: contact, demographics and needs; no care plan.
    const consent = await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      categories: ['contact', 'demographics', 'needs', 'care_plan'],
    });
    const page = await pantry.get(`/api/people/${person.id}`);
    expect(page.status).toBe(200);
    expect(page.body.person.access).toEqual({
      basis: 'consent',
      categories: ['contact', 'demographics', 'needs'],
      careTeamRoles: ['cbo_case_manager'],
    });
    expect(page.body.person.contact).toMatchObject({ phone: '410-555-0100', postalCode: '21201' });
    expect(page.body.person.whatMatters).toBeNull();
    expect(page.body.careTeam).toEqual([]);
    expect(page.body.primaryCare).toBeNull();
    expect(page.body.enrolments).toEqual([]);
    expect(JSON.stringify(page.body)).not.toContain('Dr. Ramos');
    expect((await pantry.get(`/api/people/${person.id}/needs`)).status).toBe(200);
    expect((await pantry.get(`/api/people/${person.id}/goals`)).status).toBe(404);
    expect((await pantry.get(`/api/people/${person.id}/contacts`)).status).toBe(404);
    expect((await pantry.get(`/fhir/R4/Goal/${goal.id}`)).status).toBe(404);
    const goals = await pantry.get(`/fhir/R4/Goal?patient=${person.id}`);
    expect(goals.status).toBe(200);
    expect(goals.body.entry ?? []).toEqual([]);
    const patient = await pantry.get(`/fhir/R4/Patient/${person.id}`);
    expect(patient.body.telecom).toEqual([
      expect.objectContaining({ system: 'phone', value: '410-555-0100' }),
      expect.anything(),
    ]);
    expect(await lastRead(db, world.pantryStaff.id, person.id)).toEqual({
      basis: 'consent',
      careTeamRoles: ['cbo_case_manager'],
      categories: ['contact', 'demographics', 'needs'],
    });

    // The consent revoked, still on the care team: nothing at the next request.
    await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: consent.id, body: {} });
    await expectInvisible(pantry, person, 'on the care team after the consent was revoked');
  });

  it('narrows the holder’s staff on the care team by their role, but never a coordinator', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const admin = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const nurse = await buildUser(db, { organizationId: world.host.id, roles: ['care_coordinator'] });
    const client = await signedIn(baseUrl, nurse.email, nurse.password);
    const every = ['contact', 'demographics', 'needs', 'care_plan', 'sud'];

    expect((await client.get(`/api/people/${person.id}`)).body.person.access).toEqual({
      basis: 'holder',
      categories: every,
      careTeamRoles: [],
    });
    // As a specialist: the role's categories, and SUD as the holder rule gives it.
    const specialist = await addMember(admin, person.id, { organizationId: world.host.id, userId: nurse.id, role: 'specialist' });
    const narrowed = await client.get(`/api/people/${person.id}`);
    expect(narrowed.body.person.access).toEqual({
      basis: 'holder',
      categories: ['demographics', 'needs', 'care_plan', 'sud'],
      careTeamRoles: ['specialist'],
    });
    expect(narrowed.body.person.contact).toBeNull();
    const listed = await client.get('/api/people');
    expect(listed.body.items.find((item: { id: string }) => item.id === person.id).contact).toBeNull();
    // Also the lead coordinator: everything again (a coordinator is never narrowed).
    await addMember(admin, person.id, { organizationId: world.host.id, userId: nurse.id, role: 'lead_coordinator' });
    expect((await client.get(`/api/people/${person.id}`)).body.person.access).toEqual({
      basis: 'holder',
      categories: every,
      careTeamRoles: ['lead_coordinator', 'specialist'],
    });
    expect(await lastRead(db, nurse.id, person.id)).toEqual({
      basis: 'holder',
      careTeamRoles: ['lead_coordinator', 'specialist'],
      categories: every,
    });
    // Off the team in both roles: the holder rule alone.
    expect((await admin.post(`/api/people/${person.id}/care-team/${specialist}/end`, {})).status).toBe(200);
    const team = (await admin.get(`/api/people/${person.id}`)).body.careTeam as {
      id: string;
      userId: string;
      endedOn: string | null;
    }[];
    for (const membership of team.filter((row) => row.userId === nurse.id && row.endedOn === null)) {
      expect((await admin.post(`/api/people/${person.id}/care-team/${membership.id}/end`, {})).status).toBe(200);
    }
    expect((await client.get(`/api/people/${person.id}`)).body.person.access).toEqual({
      basis: 'holder',
      categories: every,
      careTeamRoles: [],
    });
  });

  it('shows the holder’s leaders demographics and needs, never contact details nor the care plan', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const program = await buildProgram(db, world.host.id);
    const person = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { familyName: 'Lindqvist', enrolment: { programId: program.id } },
    });
    await buildNeed(db, person.id);
    const leaderUser = await buildUser(db, { organizationId: world.host.id, roles: ['leader'] });
    const leader = await signedIn(baseUrl, leaderUser.email, leaderUser.password);

    const page = await leader.get(`/api/people/${person.id}`);
    expect(page.status).toBe(200);
    expect(page.body.person.access).toEqual({ basis: 'holder', categories: ['demographics', 'needs'], careTeamRoles: [] });
    expect(page.body.person.contact).toBeNull();
    expect(page.body.person.whatMatters).toBeNull();
    expect(page.body.enrolments).toEqual([]);
    expect(page.body.person.demographics.birthDate).toBe('1961-04-09');
    const text = JSON.stringify(page.body);
    for (const contact of ['410-555-0100', person.email!, '12 Elm Street']) expect(text).not.toContain(contact);
    expect((await leader.get(`/api/people/${person.id}/needs`)).status).toBe(200);
    // The care plan is not theirs (their own organisation's record: refused as 403, not hidden).
    expect((await leader.get(`/api/people/${person.id}/goals`)).status).toBe(403);
    expect((await leader.get(`/api/people/${person.id}/contacts`)).status).toBe(403);
    const listed = await leader.get('/api/people?q=Lindqvist');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([person.id]);
    expect(listed.body.items[0].contact).toBeNull();
    // A program filter is the care plan's: it finds nobody for a leader.
    expect((await leader.get(`/api/people?programId=${program.id}`)).body.items).toEqual([]);
    const csv = String((await leader.get('/api/people.csv?q=Lindqvist')).body);
    expect(csv).toContain('Lindqvist');
    expect(csv).not.toContain('410-555-0100');
    const patient = await leader.get(`/fhir/R4/Patient/${person.id}`);
    expect(patient.body.telecom).toBeUndefined();
    expect(patient.body.address).toBeUndefined();
    expect(await lastRead(db, leaderUser.id, person.id)).toEqual({ basis: 'holder', categories: ['demographics', 'needs'] });
  });
});
