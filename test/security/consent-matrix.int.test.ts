// The consent matrix: every GET route that reads a person (a `:personId` in its path) and every
// list of people, walked by the staff of a partner organisation without a consent (404; absent),
// with a care-coordination consent (200; present), with a referral consent only (404; absent), and
// after the consent is revoked (404 at the very next request). The routes come from the app
// itself, so a person route added later is held to the same rule the day it is added.
import { expect, it } from 'vitest';
import { buildOrganization, buildUser } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { signedIn, type Client } from '../support/http-client';
import { buildConsent, buildPerson } from '../support/people-factories';
import { revokeConsent } from '../../src/domains/people';

/** Lists of people (no person id in the path): the person must be absent from each unless consented. */
const listRoutes = ['/api/people', '/api/people.csv', '/api/people/mine', '/fhir/R4/Patient'];
/** Person routes that show a category beyond contact: 404 under a consent that does not name it. */
const categoryOfRoute: Record<string, string> = {
  '/api/people/:personId/needs': 'needs',
  '/api/people/:personId/needs/history': 'needs',
  '/api/people/:personId/screenings': 'needs',
  '/api/people/:personId/contacts': 'care_plan',
};

describeEachEngine('the consent matrix', (ctx) => {
  it('lets a partner read a person by any route only through a live care-coordination consent', async () => {
    const { db, baseUrl, app } = ctx();
    const person = await buildPerson(db);
    const partner = await buildOrganization(db, { name: `Matrix partner ${person.id.slice(0, 8)}` });
    const staff = await buildUser(db, { organizationId: partner.id, roles: ['partner_staff'] });
    const client = await signedIn(baseUrl, staff.email, staff.password);

    const personRoutes = app.kithRoutes.filter((route) => route.method === 'GET' && route.url.includes(':personId'));
    expect(personRoutes.map((route) => route.url)).toContain('/api/people/:personId');
    for (const route of personRoutes) {
      const others = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]).filter((name) => name !== 'personId');
      expect(others, `${route.url}: give the consent matrix a sample for its other path parameters`).toEqual([]);
    }
    const lists = app.kithRoutes.filter((route) => route.method === 'GET' && listRoutes.includes(route.url));
    expect(lists.map((route) => route.url).sort()).toEqual([...listRoutes].sort());

    const expectAccess = async (who: Client, allowed: boolean, stage: string, categories: string[] = ['contact']) => {
      for (const route of personRoutes) {
        const answer = await who.get(route.url.replace(':personId', person.id));
        const category = categoryOfRoute[route.url];
        const routeAllowed = allowed && (category === undefined || categories.includes(category));
        expect(answer.status, `${stage}: GET ${route.url}`).toBe(routeAllowed ? 200 : 404);
        if (!allowed) expect(JSON.stringify(answer.body)).not.toContain(person.family_name);
      }
      for (const url of listRoutes) {
        const answer = await who.get(url);
        expect(answer.status, `${stage}: GET ${url}`).toBe(200);
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        if (allowed) expect(text, `${stage}: GET ${url}`).toContain(person.family_name);
        else expect(text, `${stage}: GET ${url}`).not.toContain(person.family_name);
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
  });
});
