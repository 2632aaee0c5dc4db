// People through HTTP on both engines: the record made, read, changed and listed; bad input
// refused naming the field with nothing written; duplicates caught; and the privacy rule held
// route by route (holder, partner with and without consent, revocation, the SUD category, audit).
import { expect, it } from 'vitest';
import { buildProgram, buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';
import { buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';

const tableCounts = async (db: { query: <T>(sql: string) => Promise<T[]> }) =>
  (
    await db.query<{ counts: string }>(
      `SELECT concat_ws(',', (SELECT count(*) FROM people), (SELECT count(*) FROM person_identifiers),
              (SELECT count(*) FROM person_enrolments), (SELECT count(*) FROM person_consents),
              (SELECT count(*) FROM person_care_team), (SELECT count(*) FROM person_primary_care),
              (SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL) FROM person_consents),
              (SELECT max(version) FROM people)) AS counts`,
    )
  )[0]!.counts;

describeEachEngine('people', (ctx) => {
  it('lets a coordinator enrol a new person, read, change and find them, each read audited', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const program = await buildProgram(db, world.host.id);
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

    const created = await client.post('/api/people', {
      givenName: '  Marisol ',
      familyName: 'Quintanilla',
      usedName: 'Mari',
      birthDate: '1958-11-03',
      preferredLanguage: 'es-MX',
      interpreterNeeded: true,
      phone: '410 555 0199',
      postalCode: '21201',
      whatMatters: 'Seeing my grandchildren on Sundays.',
      identifiers: [{ kind: 'mrn', value: ' QX-20931 ', issuer: 'Host' }],
      enrolment: { programId: program.id, reason: 'Four admissions this year' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const person = created.body.person;
    expect(person).toMatchObject({ givenName: 'Marisol', familyName: 'Quintanilla', access: { basis: 'holder' } });
    expect(person.demographics).toMatchObject({ birthDate: '1958-11-03', preferredLanguage: 'es-MX', interpreterNeeded: true });
    expect(person.contact.location).toMatchObject({ placedBy: 'postal_code' });
    expect(person.contact.location.latitude).toBeCloseTo(39.29, 1);
    expect(created.body.identifiers).toEqual([expect.objectContaining({ kind: 'mrn', value: 'QX-20931' })]);
    expect(created.body.enrolments).toEqual([expect.objectContaining({ programId: program.id, disenrolledOn: null })]);

    const read = await client.get(`/api/people/${person.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    const stale = await client.request('PATCH', `/api/people/${person.id}`, { pronouns: 'she/her' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(409);
    const changed = await client.request(
      'PATCH',
      `/api/people/${person.id}`,
      { pronouns: 'she/her', postalCode: '' },
      { 'if-match': '"1"' },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.person.version).toBe(2);
    expect(changed.body.person.demographics.pronouns).toBe('she/her');
    expect(changed.body.person.contact.location).toBeNull();

    // Typo-tolerant name search, MRN, date of birth in two spellings; the program filter.
    for (const q of ['Quintanila', 'quintanilla marisol', 'QX-20931', '1958-11-03', '11/03/1958']) {
      const found = await client.get(`/api/people?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(
        found.body.items.map((item: { id: string }) => item.id),
        q,
      ).toContain(person.id);
    }
    const inProgram = await client.get(`/api/people?programId=${program.id}`);
    expect(inProgram.body.items.map((item: { id: string }) => item.id)).toEqual([person.id]);

    const audited = await db.query<{ action: string; person_id: string | null; details: Record<string, unknown> }>(
      `SELECT action, person_id, details FROM audit_log WHERE actor_user_id = $1 AND outcome = 'success' AND action LIKE 'person.%' ORDER BY id`,
      [world.coordinator.id],
    );
    expect(audited.map((row) => row.action)).toEqual([
      'person.create',
      'person.read',
      'person.update',
      ...Array(5).fill('person.list'),
      'person.list',
    ]);
    expect(audited[1]!.person_id).toBe(person.id);
    // Field names and counts only: never a name, a date of birth or an identifier.
    const details = JSON.stringify(audited.map((row) => row.details));
    for (const personal of ['Marisol', 'Quintanilla', '1958', 'QX-20931', 'grandchildren'])
      expect(details).not.toContain(personal);
    expect(audited[2]!.details).toMatchObject({ fields: expect.arrayContaining(['pronouns', 'postalCode']) });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const before = await tableCounts(db);
    const base = { givenName: 'Ann', familyName: 'Lee', birthDate: '1970-01-01' };
    const cases: [string, unknown, string][] = [
      ['/api/people', { ...base, birthDate: '2999-01-01' }, 'birthDate'],
      ['/api/people', { ...base, birthDate: '1970-02-30' }, 'birthDate'],
      ['/api/people', { ...base, birthDate: '1850-06-01' }, 'birthDate'],
      ['/api/people', { ...base, identifiers: [{ kind: 'mrn', value: 'has space' }] }, 'identifiers.0.value'],
      ['/api/people', { ...base, identifiers: [{ kind: 'mrn', value: 'x'.repeat(65) }] }, 'identifiers.0.value'],
      ['/api/people', { ...base, identifiers: [{ kind: 'mrn', value: 'ab\u0001c' }] }, 'identifiers.0.value'],
      ['/api/people', { ...base, identifiers: [{ kind: 'passport', value: 'A1' }] }, 'identifiers.0.kind'],
      ['/api/people', { ...base, givenName: '' }, 'givenName'],
      ['/api/people', { ...base, preferredLanguage: 'english please' }, 'preferredLanguage'],
      [
        `/api/people/${person.id}/consents`,
        {
          granteeOrganizationId: world.pantry.id,
          purpose: 'care_coordination',
          categories: ['contact'],
          startsOn: '2026-06-01',
          endsOn: '2026-05-01',
          method: 'signed_form',
        },
        'endsOn',
      ],
      [
        `/api/people/${person.id}/consents`,
        {
          granteeOrganizationId: world.pantry.id,
          purpose: 'care_coordination',
          categories: ['contact'],
          startsOn: '2026-06-01',
          method: 'verbal',
        },
        'witnessName',
      ],
      [
        `/api/people/${person.id}/consents`,
        {
          granteeOrganizationId: world.pantry.id,
          purpose: 'care_coordination',
          categories: [],
          startsOn: '2026-06-01',
          method: 'signed_form',
        },
        'categories',
      ],
    ];
    for (const [path, body, field] of cases) {
      const answer = await client.post(path, body);
      expect(answer.status, `${field}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect(await tableCounts(db)).toBe(before);
  });

  it('catches a possible duplicate (same birth date and a similar name, or the same MRN) until confirmed', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const existing = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: {
        givenName: 'Jonathan',
        familyName: 'Okonkwo',
        birthDate: '1949-07-21',
        identifiers: [{ kind: 'mrn', value: 'DUP-1' }],
      },
    });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const similar = await client.post('/api/people', { givenName: 'Jonathon', familyName: 'Okonkwo', birthDate: '1949-07-21' });
    expect(similar.status).toBe(409);
    expect(similar.body.candidateIds).toEqual([existing.id]);
    expect(JSON.stringify(similar.body)).not.toContain('Okonkwo');
    const sameMrn = await client.post('/api/people', {
      givenName: 'Someone',
      familyName: 'Else',
      birthDate: '1990-01-01',
      identifiers: [{ kind: 'mrn', value: 'DUP-1' }],
    });
    expect(sameMrn.status).toBe(409);
    expect(sameMrn.body.candidateIds).toEqual([existing.id]);
    const otherDay = await client.post('/api/people', { givenName: 'Jonathan', familyName: 'Okonkwo', birthDate: '1950-07-21' });
    expect(otherDay.status).toBe(201);
    const confirmed = await client.post('/api/people', {
      givenName: 'Jonathon',
      familyName: 'Okonkwo',
      birthDate: '1949-07-21',
      confirmNotDuplicate: true,
    });
    expect(confirmed.status).toBe(201);
  });

  it('shows a partner only what a live care-coordination consent names, and nothing without one', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const program = await buildProgram(db, world.host.id);
    const person = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { familyName: 'Abernathy', enrolment: { programId: program.id } },
    });
    const hidden = await buildPerson(db, { holderOrganizationId: world.host.id, body: { familyName: 'Abernathy' } });
    const pantry = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
    const hostPartner = await signedIn(baseUrl, world.hostPartnerStaff.email, world.hostPartnerStaff.password);
    const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

    const invisibleTo = async (client: typeof pantry, id: string) => {
      const givenName = id === person.id ? person.given_name : hidden.given_name;
      expect((await client.get(`/api/people/${id}`)).status).toBe(404);
      const listed = await client.get('/api/people?q=Abernathy');
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
      const csv = await client.get('/api/people.csv?q=Abernathy');
      expect(csv.status).toBe(200);
      expect(String(csv.body)).toContain('Family name');
      expect(String(csv.body)).not.toContain(givenName);
    };

    // No consent: nobody outside the holder, and not the holder's partner staff either.
    await invisibleTo(pantry, person.id);
    await invisibleTo(hostPartner, person.id);
    // Across organisations, being on the care team grants nothing by itself; nor does a referral or case-conference consent.
    await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'referral',
      categories: ['contact', 'demographics'],
    });
    await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'case_conference',
      categories: ['contact'],
    });
    const member = await holder.post(`/api/people/${person.id}/care-team`, {
      organizationId: world.pantry.id,
      userId: world.pantryStaff.id,
      displayName: 'Pantry case manager',
      role: 'cbo_case_manager',
    });
    expect(member.status).toBe(201);
    await invisibleTo(pantry, person.id);
    // A consent that has not begun, or has ended, grants nothing.
    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, startsOn: '2999-01-01' });
    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, startsOn: '2020-01-01', endsOn: '2020-12-31' });
    await invisibleTo(pantry, person.id);

    // A live care-coordination consent for contact details: names, contact, the fact of the consent.
    const consent = await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
    const seen = await pantry.get(`/api/people/${person.id}`);
    expect(seen.status).toBe(200);
    // (On the care team as a community organisation's case manager: contact details are among what that role needs.)
    expect(seen.body.person.access).toEqual({ basis: 'consent', categories: ['contact'], careTeamRoles: ['cbo_case_manager'] });
    expect(seen.body.person.familyName).toBe('Abernathy');
    expect(seen.body.person.contact).toMatchObject({ phone: '410-555-0100', postalCode: '21201' });
    expect(seen.body.person.demographics).toBeNull();
    expect(seen.body.person.whatMatters).toBeNull();
    expect(seen.body.identifiers).toEqual([]);
    expect(seen.body.enrolments).toEqual([]);
    expect(seen.body.careTeam).toEqual([]);
    expect(seen.body.consents.map((c: { granteeOrganizationId: string }) => c.granteeOrganizationId)).toEqual(
      Array(seen.body.consents.length).fill(world.pantry.id),
    );
    expect(JSON.stringify(seen.body)).not.toContain('1961-04-09');
    expect(JSON.stringify(seen.body)).not.toContain('MRN-');
    const listed = await pantry.get('/api/people?q=Abernathy');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([person.id]);
    // A date of birth or an MRN the partner may not see finds nobody.
    expect((await pantry.get('/api/people?q=1961-04-09')).body.items).toEqual([]);
    const csv = String((await pantry.get('/api/people.csv?q=Abernathy')).body);
    expect(csv).toContain('Abernathy');
    expect(csv).not.toContain('1961-04-09');
    // The partner's writes are refused as 404, and nothing changes.
    const before = await tableCounts(db);
    expect((await pantry.patch(`/api/people/${person.id}`, { pronouns: 'they/them' })).status).toBe(404);
    expect((await pantry.post(`/api/people/${person.id}/consents/${consent.id}/revoke`, {})).status).toBe(404);
    expect(await tableCounts(db)).toBe(before);
    // Another organisation still sees nothing; the hidden person stays hidden from the pantry.
    await invisibleTo(other, person.id);
    await invisibleTo(pantry, hidden.id);

    // 'sud' is never shown unless a consent names it.
    expect(seen.body.person.access.categories).not.toContain('sud');
    await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      categories: ['demographics', 'needs', 'care_plan'],
    });
    // The care-team role narrows what the consent names: a case manager has no need of the care plan.
    const narrowed = await pantry.get(`/api/people/${person.id}`);
    expect(narrowed.body.person.access.categories).toEqual(['contact', 'demographics', 'needs']);
    expect(narrowed.body.enrolments).toEqual([]);
    // Off the care team, the consent alone decides.
    const memberId = (member.body.careTeam as { id: string; userId: string | null }[]).find(
      (m) => m.userId === world.pantryStaff.id,
    )!.id;
    expect((await holder.post(`/api/people/${person.id}/care-team/${memberId}/end`, {})).status).toBe(200);
    const more = await pantry.get(`/api/people/${person.id}`);
    expect(more.body.person.access.categories).toEqual(['contact', 'demographics', 'needs', 'care_plan']);
    expect(more.body.person.access.careTeamRoles).toEqual([]);
    expect(more.body.person.demographics.birthDate).toBe('1961-04-09');
    expect(more.body.enrolments).toHaveLength(1);
    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['sud'] });
    expect((await pantry.get(`/api/people/${person.id}`)).body.person.access.categories).toContain('sud');

    // Revoking every care-coordination consent: the next request is a 404.
    const all = (await holder.get(`/api/people/${person.id}`)).body.consents as {
      id: string;
      purpose: string;
      revokedAt: string | null;
    }[];
    for (const live of all.filter((c) => c.purpose === 'care_coordination' && !c.revokedAt)) {
      const revoked = await holder.post(`/api/people/${person.id}/consents/${live.id}/revoke`, {
        reason: 'Asked to stop sharing',
      });
      expect(revoked.status).toBe(200);
    }
    await invisibleTo(pantry, person.id);

    // The refusals are audited, hidden from the pantry's own admins.
    const denied = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE actor_user_id = $1 AND outcome = 'denied' AND record_id = $2 AND hidden_from_actor_organization`,
      [world.pantryStaff.id, person.id],
    );
    expect(denied[0]!.n).toBeGreaterThan(0);
  });

  it('writes the audit row of a read in the same transaction as the read', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    // The audit log refuses nothing on insert; make it refuse this actor's person.read, and the read must fail with it.
    const trigger = `audit_refuses_${world.coordinator.id.slice(0, 8)}`;
    await db.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'person.read' AND NEW.actor_user_id = '${world.coordinator.id}' THEN RAISE EXCEPTION 'no audit today'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    try {
      const answer = await client.get(`/api/people/${person.id}`);
      expect(answer.status).toBe(500);
      expect(JSON.stringify(answer.body)).not.toContain(person.family_name);
    } finally {
      await db.query(`DROP TRIGGER ${trigger} ON audit_log`);
      await db.query(`DROP FUNCTION ${trigger}()`);
    }
    expect((await client.get(`/api/people/${person.id}`)).status).toBe(200);
  });

  it('keeps programs to their organisation: staff list them, admins and program managers add them', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const manager = await buildUser(db, { organizationId: world.host.id, roles: ['program_manager'] });
    const managerClient = await signedIn(baseUrl, manager.email, manager.password);
    const created = await managerClient.post('/api/care-programs', {
      name: 'Complex care',
      entryCriteria: 'Three ED visits in six months',
    });
    expect(created.status).toBe(201);
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    expect((await coordinator.post('/api/care-programs', { name: 'Mine' })).status).toBe(403);
    expect((await coordinator.get('/api/care-programs')).body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
    const pantryAdmin = await signedIn(baseUrl, world.pantryAdmin.email, world.pantryAdmin.password);
    expect((await pantryAdmin.get('/api/care-programs')).body.items.map((p: { id: string }) => p.id)).not.toContain(
      created.body.id,
    );
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    // Another organisation's program cannot be used to enrol.
    const foreignProgram = await buildProgram(db, world.pantry.id);
    const refused = await coordinator.post(`/api/people/${person.id}/enrolments`, { programId: foreignProgram.id });
    expect(refused.status).toBe(400);
    const enrolled = await coordinator.post(`/api/people/${person.id}/enrolments`, {
      programId: created.body.id,
      reason: 'Referred by ED',
    });
    expect(enrolled.status).toBe(201);
    expect((await coordinator.post(`/api/people/${person.id}/enrolments`, { programId: created.body.id })).status).toBe(409);
    const enrolment = enrolled.body.enrolments[0];
    const ended = await coordinator.post(`/api/people/${person.id}/enrolments/${enrolment.id}/end`, { reason: 'Moved away' });
    expect(ended.status).toBe(200);
    expect(ended.body.enrolments[0].disenrolledOn).not.toBeNull();
    const pcp = await coordinator.request('PUT', `/api/people/${person.id}/primary-care`, {
      practiceOrganizationId: world.other.id,
      clinicianName: 'Dr. Ramos',
      relationship: 'refers_only',
    });
    expect(pcp.status).toBe(200);
    expect(pcp.body.primaryCare).toMatchObject({ practiceName: expect.any(String), relationship: 'refers_only' });
  });
});
