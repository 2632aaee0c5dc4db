// The consent matrix: every GET route that reads a person (a `:personId` in its path) and every
// list of people, walked by the staff of a partner organisation without a consent (404; absent),
// with a care-coordination consent (200; present), with a referral consent only (404; absent), and
// after the consent is revoked (404 at the very next request). The routes come from the app
// itself, so a person route added later is held to the same rule the day it is added. Records
// about a person read by their own ids (a FHIR QuestionnaireResponse, Observation or Condition)
// are walked the same way with a sample of each, and so are the FHIR searches of them; a FHIR
// read whose id this test does not know fails it until a sample (or a reason) is added here.
// Then the same routes for staff of a department of the holder, who see a person only while on
// their care team, with the categories of their care-team role (absent before and after).
//
// Referrals: the organisation a referral was sent to sees the person on the referral's routes, in
// exactly the categories of the consent it went under, and on no person route; after that
// consent is revoked, on none.
import { expect, it } from 'vitest';
import { buildOrganization, buildUser } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { signedIn, type Client } from '../support/http-client';
import { buildConsent, buildPerson } from '../support/people-factories';
import { buildPartnerService, buildReferral } from '../support/referral-factories';
import { buildGoal, buildQuestionnaire, buildScreening } from '../support/screening-factories';
import { addCareTeamMember, endCareTeamMember, revokeConsent } from '../../src/domains/people';

/** Lists of people (no person id in the path): the person must be absent from each unless consented. */
const listRoutes = ['/api/people', '/api/people.csv', '/api/people/mine', '/fhir/R4/Patient'];
/** Person routes that show a category beyond contact: 404 under a consent that does not name it. */
const categoryOfRoute: Record<string, string> = {
  '/api/people/:personId/needs': 'needs',
  '/api/people/:personId/needs/history': 'needs',
  '/api/people/:personId/screenings': 'needs',
  '/api/people/:personId/goals': 'care_plan',
  '/api/people/:personId/contacts': 'care_plan',
};
/** Person routes for the holder's staff alone (what a merge starts from): 404 to a partner under any consent. */
const holderOnlyRoutes = ['/api/people/:personId/duplicates'];
/** Path parameters of records about a person read by their own id: the category each belongs to. */
const categoryOfRecord: Record<string, string> = {
  screeningId: 'needs',
  observationId: 'needs',
  needId: 'needs',
  goalId: 'care_plan',
};
/** FHIR reads by an id that names no one person's record (or one tested elsewhere), with the reason. */
const notPersonRecords: Record<string, string> = {
  questionnaireId: 'a questionnaire is the network’s, not personal data',
  consentId: 'a consent is read by the organisation it names: src/interop/fhir/fhir.int.test.ts walks it through revocation',
};
/** FHIR searches of records about people: the person's records must be absent from each unless the category is consented. */
const searchesOfCategory: Record<string, string> = {
  '/fhir/R4/QuestionnaireResponse': 'needs',
  '/fhir/R4/Observation': 'needs',
  '/fhir/R4/Condition': 'needs',
  '/fhir/R4/Goal': 'care_plan',
};

/** The referrals' reads: a list of referrals, one referral, or a read that shows no person (why, for each). */
const referralReads: Record<string, 'list' | 'record' | string> = {
  '/api/referrals': 'list',
  '/api/referrals/:referralId': 'record',
  '/api/referrals/counts': 'counts by state name no one',
  '/api/referrals/settings': 'an organisation’s answer time names no one',
};

describeEachEngine('the consent matrix', (ctx) => {
  it('lets a partner read a person by any route only through a live care-coordination consent, a host department only through the care team', async () => {
    const { db, baseUrl, app } = ctx();
    const person = await buildPerson(db);
    const partner = await buildOrganization(db, { name: `Matrix partner ${person.id.slice(0, 8)}` });
    const staff = await buildUser(db, { organizationId: partner.id, roles: ['partner_staff'] });
    const client = await signedIn(baseUrl, staff.email, staff.password);

    const personRoutes = app.kithRoutes.filter((route) => route.method === 'GET' && route.url.includes(':personId'));
    expect(personRoutes.map((route) => route.url)).toContain('/api/people/:personId');
    expect(personRoutes.map((route) => route.url)).toEqual(expect.arrayContaining(holderOnlyRoutes));
    for (const route of personRoutes) {
      const others = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]).filter((name) => name !== 'personId');
      expect(others, `${route.url}: give the consent matrix a sample for its other path parameters`).toEqual([]);
    }
    const lists = app.kithRoutes.filter((route) => route.method === 'GET' && listRoutes.includes(route.url));
    expect(lists.map((route) => route.url).sort()).toEqual([...listRoutes].sort());

    // A screening (food "often": a need), read as a QuestionnaireResponse, its first answer as an Observation, the need as a Condition.
    const questionnaire = await buildQuestionnaire(db);
    const screening = await buildScreening(db, person.id, questionnaire.id);
    expect(screening.created).toHaveLength(1);
    // …and a goal for that need, read as a FHIR Goal (the care plan).
    const goal = await buildGoal(db, person.id, { needId: screening.created[0]! });
    const samples: Record<string, string> = {
      goalId: goal.id,
      screeningId: screening.screening.id,
      observationId: `${screening.screening.id}-1`,
      needId: screening.created[0]!,
    };
    const fhirReads = app.kithRoutes.filter(
      (route) => route.method === 'GET' && /^\/fhir\/R4\/[A-Za-z]+\/:[A-Za-z]+$/.test(route.url),
    );
    const unknownReads = fhirReads
      .map((route) => route.url.split(':')[1]!)
      .filter((param) => param !== 'personId' && !(param in categoryOfRecord) && !(param in notPersonRecords));
    expect(unknownReads, 'FHIR reads the consent matrix has no sample (or reason) for').toEqual([]);
    const recordRoutes = app.kithRoutes.filter((route) => {
      const params = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
      return route.method === 'GET' && params.length > 0 && params.every((param) => param in categoryOfRecord);
    });
    expect(recordRoutes.map((route) => route.url).sort()).toEqual(
      expect.arrayContaining([
        '/fhir/R4/Condition/:needId',
        '/fhir/R4/Goal/:goalId',
        '/fhir/R4/Observation/:observationId',
        '/fhir/R4/QuestionnaireResponse/:screeningId',
      ]),
    );
    for (const route of recordRoutes)
      expect(Object.keys(samples), route.url).toEqual(expect.arrayContaining([route.url.split(':')[1]!]));
    const searches = app.kithRoutes.filter((route) => route.method === 'GET' && route.url in searchesOfCategory);
    expect(searches.map((route) => route.url).sort()).toEqual(Object.keys(searchesOfCategory).sort());

    /** `refused`: how a route the categories do not open answers a caller who sees the person (404 across organisations, 403 within the holder). */
    const expectAccess = async (
      who: Client,
      allowed: boolean,
      stage: string,
      categories: string[] = ['contact'],
      refused: 403 | 404 = 404,
    ) => {
      for (const route of personRoutes) {
        const answer = await who.get(route.url.replace(':personId', person.id));
        const category = categoryOfRoute[route.url];
        const routeAllowed =
          allowed && !holderOnlyRoutes.includes(route.url) && (category === undefined || categories.includes(category));
        expect(answer.status, `${stage}: GET ${route.url}`).toBe(routeAllowed ? 200 : allowed ? refused : 404);
        if (!allowed) expect(JSON.stringify(answer.body)).not.toContain(person.family_name);
      }
      for (const url of listRoutes) {
        const answer = await who.get(url);
        expect(answer.status, `${stage}: GET ${url}`).toBe(200);
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        if (allowed) expect(text, `${stage}: GET ${url}`).toContain(person.family_name);
        else expect(text, `${stage}: GET ${url}`).not.toContain(person.family_name);
      }
      for (const route of recordRoutes) {
        const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_match, param: string) => samples[param]!);
        const answer = await who.get(url);
        const category = categoryOfRecord[route.url.split(':')[1]!]!;
        expect(answer.status, `${stage}: GET ${route.url}`).toBe(
          allowed && categories.includes(category) ? 200 : allowed ? refused : 404,
        );
        if (answer.status === 404) expect(JSON.stringify(answer.body)).not.toContain(person.id);
      }
      for (const route of searches) {
        const answer = await who.get(route.url);
        expect(answer.status, `${stage}: GET ${route.url}`).toBe(200);
        const subjects = (answer.body.entry as { resource: { subject: { reference: string } } }[]).map(
          (entry) => entry.resource.subject.reference,
        );
        if (allowed && categories.includes(searchesOfCategory[route.url]!))
          expect(subjects, `${stage}: GET ${route.url}`).toContain(`Patient/${person.id}`);
        else expect(subjects, `${stage}: GET ${route.url}`).toEqual([]);
      }
    };

    await expectAccess(client, false, 'without a consent');
    await buildConsent(db, person.id, { granteeOrganizationId: partner.id, purpose: 'referral', categories: ['contact'] });
    await expectAccess(client, false, 'with a referral consent only');
    const consent = await buildConsent(db, person.id, { granteeOrganizationId: partner.id, categories: ['contact'] });
    await expectAccess(client, true, 'with a care-coordination consent');
    const wider = await buildConsent(db, person.id, {
      granteeOrganizationId: partner.id,
      categories: ['contact', 'demographics', 'needs', 'care_plan'],
    });
    await expectAccess(client, true, 'with a consent naming every category but sud', [
      'contact',
      'demographics',
      'needs',
      'care_plan',
    ]);
    await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: wider.id, body: {} });
    await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: consent.id, body: {} });
    await expectAccess(client, false, 'after the consent was revoked');

    // Staff of a department of the holder (partner staff of the host) see the person only while on
    // the care team, and only what their care-team role needs; a refusal of what they see is theirs
    // to be told (403), of what they do not, a 404.
    const department = await buildUser(db, { organizationId: person.holder_organization_id, roles: ['partner_staff'] });
    const departmentClient = await signedIn(baseUrl, department.email, department.password);
    await expectAccess(departmentClient, false, 'host partner staff off the care team');
    const member = (role: 'specialist' | 'other') =>
      addCareTeamMember(
        { db, actor: 'system' },
        {
          personId: person.id,
          body: { organizationId: person.holder_organization_id, userId: department.id, displayName: 'Dept', role },
        },
      );
    const asOther = await member('other');
    await expectAccess(departmentClient, true, 'on the care team as other', ['demographics'], 403);
    const end = (memberId: string) => endCareTeamMember({ db, actor: 'system' }, { personId: person.id, memberId, body: {} });
    await end(asOther.careTeam.find((row) => row.user_id === department.id && row.ended_on === null)!.id);
    const asSpecialist = await member('specialist');
    await expectAccess(departmentClient, true, 'on the care team as a specialist', ['demographics', 'needs', 'care_plan'], 403);
    await end(asSpecialist.careTeam.find((row) => row.user_id === department.id && row.ended_on === null)!.id);
    await expectAccess(departmentClient, false, 'after the care-team membership ended');
  });

  it('lets the organisation a referral was sent to see the person on the referral alone, in the categories of its consent, until revoked', async () => {
    const { db, baseUrl, app } = ctx();
    const person = await buildPerson(db);
    const holder = person.holder_organization_id;
    const coordinator = await buildUser(db, { organizationId: holder, roles: ['care_coordinator'] });
    const partner = await buildOrganization(db, { name: `Matrix referral partner ${person.id.slice(0, 8)}` });
    const staff = await buildUser(db, { organizationId: partner.id, roles: ['partner_staff'] });
    const client = await signedIn(baseUrl, staff.email, staff.password);
    const service = await buildPartnerService(db, partner.id);

    const reads = app.kithRoutes.filter((route) => route.method === 'GET' && route.url.startsWith('/api/referrals'));
    expect(reads.map((route) => route.url).sort(), 'classify each referral read in referralReads').toEqual(
      Object.keys(referralReads).sort(),
    );
    const personRoutes = app.kithRoutes.filter((route) => route.method === 'GET' && route.url.includes(':personId'));
    expect(personRoutes.length).toBeGreaterThan(5);

    const consent = await buildConsent(db, person.id, {
      granteeOrganizationId: partner.id,
      purpose: 'referral',
      categories: ['contact'],
    });
    const referral = await buildReferral(db, coordinator, { personId: person.id, serviceId: service.serviceId });
    // A wider consent recorded after the referral was sent does not widen what the referral shows.
    await buildConsent(db, person.id, {
      granteeOrganizationId: partner.id,
      purpose: 'referral',
      categories: ['contact', 'demographics', 'needs', 'care_plan'],
    });

    const expectReferral = async (shown: boolean, stage: string) => {
      for (const route of reads) {
        const answer = await client.get(route.url.replace(':referralId', referral.row.id));
        const kind = referralReads[route.url]!;
        const text = JSON.stringify(answer.body);
        const label = `${stage}: GET ${route.url}`;
        if (kind === 'record') {
          expect(answer.status, label).toBe(200);
          if (shown) {
            expect(answer.body.person.access, label).toEqual({ basis: 'referral', categories: ['contact'], careTeamRoles: [] });
            expect(answer.body.person.demographics, label).toBeNull();
            expect(answer.body.person.contact.phone, label).toBe(person.phone);
          } else expect(answer.body.person, label).toBeNull();
        } else if (kind === 'list') {
          expect(answer.status, label).toBe(200);
          expect(text, label).toContain(referral.row.id);
        }
        if (shown && (kind === 'record' || kind === 'list')) expect(text, label).toContain(person.family_name);
        else {
          expect(text, label).not.toContain(person.family_name);
          expect(text, label).not.toContain(person.email!);
        }
      }
      // No person route opens to the referral: its consent is a referral's, not care coordination's.
      for (const route of personRoutes) {
        const answer = await client.get(route.url.replace(':personId', person.id));
        expect(answer.status, `${stage}: GET ${route.url}`).toBe(404);
      }
      for (const url of listRoutes) {
        const answer = await client.get(url);
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        expect(text, `${stage}: GET ${url}`).not.toContain(person.family_name);
      }
    };

    await expectReferral(true, 'under the referral’s consent');
    await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: consent.id, body: {} });
    await expectReferral(false, 'after the referral’s consent was revoked');
  });
});
