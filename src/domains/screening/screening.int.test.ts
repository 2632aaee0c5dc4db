// Screening and needs through HTTP on both engines: a screening scored into needs, a second one
// updating rather than duplicating them, status changes kept in the history, bad input refused
// naming the field with nothing written, the scoring rules edited by the host only, and the
// privacy rule: needs only under a consent naming 'needs', 'sud' only under one naming 'sud'.
import { expect, it } from 'vitest';
import { addCareTeamMember, revokeConsent } from '../people';
import { buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';
import { buildNeed, buildQuestionnaire, testQuestionnaire, testRules } from '../../../test/support/screening-factories';
import { importQuestionnaire } from './import-questionnaire';

const counts = async (db: { query: <T>(sql: string) => Promise<T[]> }) =>
  (
    await db.query<{ counts: string }>(
      `SELECT concat_ws(',', (SELECT count(*) FROM screening_responses), (SELECT count(*) FROM screening_needs),
              (SELECT count(*) FROM screening_need_changes), (SELECT count(*) FROM screening_rules),
              (SELECT max(updated_at)::text FROM screening_needs)) AS counts`,
    )
  )[0]!.counts;

interface NeedAnswer {
  id: string;
  needDomain: string;
  status: string;
  severity: string;
  sensitive: string | null;
}

describeEachEngine('screening and needs', (ctx) => {
  it('scores a screening into needs, updates them on the next screening, and keeps the history of every change', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const questionnaire = await buildQuestionnaire(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

    const read = await client.get(`/api/questionnaires/${questionnaire.id}`);
    expect(read.status).toBe(200);
    expect(read.body.questionnaire.languages).toEqual(['en', 'es']);
    expect(read.body.questions.find((question: { linkId: string }) => question.linkId === 'food').text).toEqual({
      en: 'Did food run out?',
      es: '¿Se acabó la comida?',
    });
    expect(read.body.rules).toHaveLength(testRules.length);

    const first = await client.post(`/api/people/${person.id}/screenings`, {
      questionnaireId: questionnaire.id,
      language: 'es',
      answers: [
        { linkId: 'food', answers: [{ code: 'often' }] },
        { linkId: 'housing', answers: [{ code: 'no' }] },
        { linkId: 'transport', answers: [{ value: true }] },
        { linkId: 'notes', answers: [{ value: 'Tiene un perro.' }] },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.needs.map((need: NeedAnswer) => [need.needDomain, need.severity, need.status]).sort()).toEqual([
      ['food-insecurity', 'high', 'identified'],
      ['transportation-insecurity', 'low', 'identified'],
    ]);
    expect(first.body.created).toHaveLength(2);
    expect(first.body.screening).toMatchObject({ language: 'es', questionnaireVersion: '1' });

    // A second screening: transport again (now with housing), food no more. Transport is updated, not duplicated.
    const second = await client.post(`/api/people/${person.id}/screenings`, {
      questionnaireId: questionnaire.id,
      answers: [
        { linkId: 'food', answers: [{ code: 'never' }] },
        { linkId: 'housing', answers: [{ code: 'yes' }] },
        { linkId: 'transport', answers: [{ value: true }] },
      ],
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.created).toHaveLength(1);
    expect(second.body.updated).toHaveLength(1);
    const needs = await client.get(`/api/people/${person.id}/needs`);
    expect(needs.status).toBe(200);
    expect(needs.body.items.map((need: NeedAnswer) => need.needDomain).sort()).toEqual([
      'food-insecurity',
      'housing-instability',
      'transportation-insecurity',
    ]);

    // One step: out of scope (a partner must meet it); then met, which closes it with a date.
    const food = needs.body.items.find((need: NeedAnswer) => need.needDomain === 'food-insecurity');
    const outOfScope = await client.patch(`/api/people/${person.id}/needs/${food.id}`, { status: 'out_of_scope', priority: 1 });
    expect(outOfScope.status, JSON.stringify(outOfScope.body)).toBe(200);
    expect(outOfScope.body).toMatchObject({ status: 'out_of_scope', priority: 1, open: true, resolvedOn: null });
    const met = await client.patch(`/api/people/${person.id}/needs/${food.id}`, {
      status: 'met',
      addressedByOrganizationId: world.pantry.id,
    });
    expect(met.body).toMatchObject({ status: 'met', open: false, addressedByOrganizationId: world.pantry.id });
    expect(met.body.resolvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const history = await client.get(`/api/people/${person.id}/needs/history?needId=${food.id}`);
    expect(history.status).toBe(200);
    expect(
      history.body.items.map((change: { field: string; from: string | null; to: string | null }) => [
        change.field,
        change.from,
        change.to,
      ]),
    ).toEqual([
      ['addressed_by', null, world.pantry.id],
      ['status', 'out_of_scope', 'met'],
      ['priority', null, '1'],
      ['status', 'identified', 'out_of_scope'],
      ['created', null, 'identified'],
    ]);
    expect(history.body.items[0].changedBy).toMatch(/^Test User /);

    // A new food screening after the need was met opens a new one: the met one stays as it was.
    const third = await client.post(`/api/people/${person.id}/screenings`, {
      questionnaireId: questionnaire.id,
      answers: [{ linkId: 'food', answers: [{ code: 'often' }] }],
    });
    expect(third.body.created).toHaveLength(1);
    const all = await client.get(`/api/people/${person.id}/needs`);
    expect(
      all.body.items
        .filter((need: NeedAnswer) => need.needDomain === 'food-insecurity')
        .map((need: NeedAnswer) => need.status)
        .sort(),
    ).toEqual(['identified', 'met']);
    const screenings = await client.get(`/api/people/${person.id}/screenings`);
    expect(screenings.body.items).toHaveLength(3);

    // Audited with the person's id, and no answers or need domains in the details.
    const audited = await db.query<{ action: string; person_id: string; details: unknown }>(
      `SELECT action, person_id, details FROM audit_log WHERE actor_user_id = $1 AND (action LIKE 'need.%' OR action LIKE 'screening.%') ORDER BY id`,
      [world.coordinator.id],
    );
    expect(audited.map((row) => row.action)).toEqual([
      'screening.create',
      'screening.create',
      'need.list',
      'need.update',
      'need.update',
      'need.read_history',
      'screening.create',
      'need.list',
      'screening.list',
    ]);
    expect(new Set(audited.map((row) => row.person_id))).toEqual(new Set([person.id]));
    const details = JSON.stringify(audited.map((row) => row.details));
    for (const secret of ['food-insecurity', 'perro', 'often', 'out_of_scope']) expect(details).not.toContain(secret);
  });

  it('refuses bad answers and bad needs naming the field, and writes nothing', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const questionnaire = await buildQuestionnaire(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const need = await buildNeed(db, person.id);
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const before = await counts(db);
    const screening = (answers: unknown, extra: Record<string, unknown> = {}) => ({
      questionnaireId: questionnaire.id,
      answers,
      ...extra,
    });
    const cases: [string, string, unknown, string][] = [
      [
        'POST',
        `/api/people/${person.id}/screenings`,
        screening([{ linkId: 'nope', answers: [{ code: 'x' }] }]),
        'answers.0.linkId',
      ],
      [
        'POST',
        `/api/people/${person.id}/screenings`,
        screening([{ linkId: 'food', answers: [{ code: 'sometimes' }] }]),
        'answers.0.answers.0.code',
      ],
      [
        'POST',
        `/api/people/${person.id}/screenings`,
        screening([{ linkId: 'transport', answers: [{ value: 'yes' }] }]),
        'answers.0.answers.0.value',
      ],
      ['POST', `/api/people/${person.id}/screenings`, screening([], { language: 'fr' }), 'language'],
      ['POST', `/api/people/${person.id}/screenings`, screening([], { questionnaireId: world.host.id }), 'questionnaireId'],
      ['POST', `/api/people/${person.id}/needs`, { needDomain: 'moonbeams' }, 'needDomain'],
      ['POST', `/api/people/${person.id}/needs`, { needDomain: 'food-insecurity' }, 'needDomain'],
      ['POST', `/api/people/${person.id}/needs`, { needDomain: 'stress', severity: 'extreme' }, 'severity'],
      ['PATCH', `/api/people/${person.id}/needs/${need.id}`, { status: 'solved' }, 'status'],
      ['PATCH', `/api/people/${person.id}/needs/${need.id}`, { priority: 0 }, 'priority'],
      [
        'PATCH',
        `/api/people/${person.id}/needs/${need.id}`,
        { addressedByOrganizationId: person.id },
        'addressedByOrganizationId',
      ],
      [
        'PUT',
        `/api/questionnaires/${questionnaire.id}/rules`,
        { rules: [{ linkId: 'food', answer: 'often', needDomain: 'x' }] },
        'rules.0.needDomain',
      ],
    ];
    const hostAdmin = await buildUser(db, { organizationId: world.host.id, roles: ['admin'] });
    const admin = await signedIn(baseUrl, hostAdmin.email, hostAdmin.password);
    for (const [method, url, body, field] of cases) {
      const answer = await (method === 'PUT' ? admin : client).request(method, url, body);
      expect([400, 409], `${method} ${url} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toContain(answer.status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(answer.body), `${method} ${url}`).toContain(field);
    }
    expect(await counts(db)).toBe(before);
  });

  it('shows needs to a partner only under a live consent naming needs, and substance-use needs only under one naming sud', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const questionnaire = await buildQuestionnaire(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const screened = await coordinator.post(`/api/people/${person.id}/screenings`, {
      questionnaireId: questionnaire.id,
      answers: [
        { linkId: 'food', answers: [{ code: 'often' }] },
        { linkId: 'drinking', answers: [{ code: 'yes' }] },
      ],
    });
    expect(screened.status, JSON.stringify(screened.body)).toBe(201);
    expect(screened.body.needs.map((need: NeedAnswer) => [need.needDomain, need.sensitive]).sort()).toEqual([
      ['behavioral-health', 'sud'],
      ['food-insecurity', null],
    ]);
    const food = screened.body.needs.find((need: NeedAnswer) => need.needDomain === 'food-insecurity') as NeedAnswer;
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
    const reads = [
      `/api/people/${person.id}/needs`,
      `/api/people/${person.id}/needs/history`,
      `/api/people/${person.id}/screenings`,
    ];
    const writes: [string, string, unknown][] = [
      ['POST', `/api/people/${person.id}/needs`, { needDomain: 'stress' }],
      ['PATCH', `/api/people/${person.id}/needs/${food.id}`, { status: 'declined' }],
      ['POST', `/api/people/${person.id}/screenings`, { questionnaireId: questionnaire.id, answers: [] }],
    ];
    const before = await counts(db);
    const refused = async (who: typeof partner, stage: string) => {
      for (const url of reads) {
        const answer = await who.get(url);
        expect(answer.status, `${stage}: GET ${url}`).toBe(404);
        expect(JSON.stringify(answer.body)).not.toContain('food-insecurity');
      }
      for (const [method, url, body] of writes)
        expect((await who.request(method, url, body)).status, `${stage}: ${method} ${url}`).toBe(404);
      expect(await counts(db)).toBe(before);
    };

    await refused(other, 'another organisation');
    await refused(partner, 'no consent');
    // A consent for contact only: the person is visible, their needs are not.
    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
    expect((await partner.get(`/api/people/${person.id}`)).status).toBe(200);
    await refused(partner, 'contact consent');

    const consent = await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      categories: ['contact', 'needs'],
    });
    const seen = await partner.get(`/api/people/${person.id}/needs`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((need: NeedAnswer) => need.needDomain)).toEqual(['food-insecurity']);
    const screenings = await partner.get(`/api/people/${person.id}/screenings`);
    expect(screenings.body.items[0].answers.map((item: { linkId: string }) => item.linkId)).toEqual(['food']);
    // Partners read; they do not write the host's record.
    for (const [method, url, body] of writes)
      expect((await partner.request(method, url, body)).status, `${method} ${url}`).toBe(404);
    expect(await counts(db)).toBe(before);

    const withSud = await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['needs', 'sud'] });
    const all = await partner.get(`/api/people/${person.id}/needs`);
    expect(all.body.items.map((need: NeedAnswer) => need.needDomain).sort()).toEqual(['behavioral-health', 'food-insecurity']);

    for (const id of [consent.id, withSud.id])
      await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: id, body: {} });
    await refused(partner, 'after revocation');
  });

  it('lets the host’s admins change the scoring rules, and nobody else', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const questionnaire = await buildQuestionnaire(db);
    const hostAdmin = await buildUser(db, { organizationId: world.host.id, roles: ['program_manager'] });
    const rules = { rules: [{ linkId: 'housing', answer: 'yes', needDomain: 'homelessness', severity: 'urgent' }] };
    const before = await counts(db);
    for (const user of [world.pantryAdmin, world.coordinator]) {
      const client = await signedIn(baseUrl, user.email, user.password);
      expect((await client.request('PUT', `/api/questionnaires/${questionnaire.id}/rules`, rules)).status).toBe(403);
    }
    expect(await counts(db)).toBe(before);
    const admin = await signedIn(baseUrl, hostAdmin.email, hostAdmin.password);
    const changed = await admin.request('PUT', `/api/questionnaires/${questionnaire.id}/rules`, rules);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.items).toEqual([
      expect.objectContaining({ linkId: 'housing', needDomain: 'homelessness', severity: 'urgent' }),
    ]);

    // A new version starts from these rules; the screenings of version 1 keep their answers.
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const answered = await coordinator.post(`/api/people/${person.id}/screenings`, {
      questionnaireId: questionnaire.id,
      answers: [{ linkId: 'housing', answers: [{ code: 'yes' }] }],
    });
    expect(answered.body.needs.map((need: NeedAnswer) => [need.needDomain, need.severity])).toEqual([['homelessness', 'urgent']]);
    const resource = testQuestionnaire({ url: questionnaire.url, version: '2' });
    const second = await importQuestionnaire({ db, actor: 'system' }, { resource });
    expect(second).toMatchObject({ outcome: 'created', ruleCount: 1 });
    const changedText = { ...testQuestionnaire({ url: questionnaire.url, version: '1' }), title: 'Changed' };
    await expect(importQuestionnaire({ db, actor: 'system' }, { resource: changedText })).rejects.toThrow(/new version/);
    const listed = await coordinator.get('/api/questionnaires');
    expect(
      listed.body.items
        .filter((item: { url: string }) => item.url === questionnaire.url)
        .map((item: { version: string }) => item.version),
    ).toEqual(['2']);
    const old = await coordinator.get(`/api/people/${person.id}/screenings`);
    expect(old.body.items[0]).toMatchObject({ questionnaireId: questionnaire.id, questionnaireVersion: '1' });
  });

  it('filters the population list by need domain and status, only where the viewer sees needs', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const hungry = await buildPerson(db, { holderOrganizationId: world.host.id });
    const housed = await buildPerson(db, { holderOrganizationId: world.host.id });
    await buildNeed(db, hungry.id, { needDomain: 'food-insecurity' });
    await buildNeed(db, housed.id, { needDomain: 'housing-instability', status: 'met' });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    // The host is shared by the tests of this file: only these two people are looked for.
    const mine = new Set([hungry.id, housed.id]);
    const ids = async (who: typeof client, query: string) =>
      ((await who.get(`/api/people?limit=100&${query}`)).body.items as { id: string }[])
        .map((item) => item.id)
        .filter((id) => mine.has(id))
        .sort();
    expect(await ids(client, 'needDomain=food-insecurity')).toEqual([hungry.id]);
    expect(await ids(client, 'needDomain=housing-instability')).toEqual([]);
    expect(await ids(client, 'needDomain=housing-instability&needStatus=met')).toEqual([housed.id]);
    expect(await ids(client, 'needStatus=open')).toEqual([hungry.id]);
    expect((await client.get('/api/people?needStatus=solved')).status).toBe(400);

    // A partner who sees the person by a contact-only consent does not find them by their needs.
    await buildConsent(db, hungry.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    expect(await ids(partner, '')).toEqual([hungry.id]);
    expect(await ids(partner, 'needDomain=food-insecurity')).toEqual([]);
    await buildConsent(db, hungry.id, { granteeOrganizationId: world.pantry.id, categories: ['needs'] });
    expect(await ids(partner, 'needDomain=food-insecurity')).toEqual([hungry.id]);
  });

  it('lists my people with the most urgent open need first, with their open needs where the viewer sees needs', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const [urgent, low, none] = [
      await buildPerson(db, { holderOrganizationId: world.host.id }),
      await buildPerson(db, { holderOrganizationId: world.host.id }),
      await buildPerson(db, { holderOrganizationId: world.host.id }),
    ];
    // Changed last, so it would come first without its needs.
    for (const person of [urgent!, low!, none!].reverse()) {
      await addCareTeamMember(
        { db, actor: 'system' },
        {
          personId: person.id,
          body: { organizationId: world.host.id, userId: world.coordinator.id, displayName: 'Coordinator', role: 'coordinator' },
        },
      );
    }
    await buildNeed(db, urgent!.id, { needDomain: 'homelessness', severity: 'urgent' });
    await buildNeed(db, urgent!.id, { needDomain: 'food-insecurity', severity: 'medium' });
    await buildNeed(db, low!.id, { needDomain: 'stress', severity: 'low' });
    await buildNeed(db, none!.id, { needDomain: 'stress', severity: 'urgent', status: 'met' });
    await buildNeed(db, none!.id, { needDomain: 'behavioral-health', severity: 'urgent', status: 'met', sensitive: 'sud' });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const mine = await client.get('/api/people/mine?limit=3');
    expect(mine.status).toBe(200);
    expect(
      mine.body.items.map((item: { person: { id: string }; onMyTeam: boolean; openNeeds: unknown[] }) => [
        item.person.id,
        item.onMyTeam,
        item.openNeeds,
      ]),
    ).toEqual([
      [
        urgent!.id,
        true,
        [
          { needDomain: 'homelessness', severity: 'urgent' },
          { needDomain: 'food-insecurity', severity: 'medium' },
        ],
      ],
      [low!.id, true, [{ needDomain: 'stress', severity: 'low' }]],
      [none!.id, true, []],
    ]);

    // A partner who sees the person by a contact-only consent sees no needs of theirs.
    await buildConsent(db, urgent!.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const theirs = await partner.get('/api/people/mine');
    expect(
      theirs.body.items.map((item: { person: { id: string }; openNeeds: unknown[] }) => [item.person.id, item.openNeeds]),
    ).toEqual([[urgent!.id, []]]);
  });
});
