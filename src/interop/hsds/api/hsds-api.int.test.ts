// The HSDS read API over real HTTP on both engines, without signing in: an outside directory tool
// pages through services, filters them (filters AND together), fetches one by id, and every body
// validates against the official HSDS 3.0.1 schemas.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import { Client } from '../../../../test/support/http-client';
import { buildOrganization, buildUser } from '../../../../test/support/factories';
import { createApiToken } from '../../../domains/identity';
import { HsdsValidator, hsdsSchemasAvailable, type HsdsSchemaName } from '../export/hsds-validator';
import { seedTestDirectory, type TestDirectory } from '../../../../test/support/directory-factories';

const schemasHere = hsdsSchemasAvailable();
const validator = new HsdsValidator();

function expectValid(name: HsdsSchemaName, items: unknown[]): void {
  expect(items.length, `${name} items to validate`).toBeGreaterThan(0);
  if (!schemasHere) return;
  for (const item of items) expect(validator.errors(name, item)).toEqual([]);
}

describeEachEngine('HSDS read API', (ctx) => {
  let dir: TestDirectory;
  let http: Client;
  const names = (page: { contents: { name?: string; id: string }[] }) => page.contents.map((item) => item.name).sort();
  beforeAll(async () => {
    dir = await seedTestDirectory(ctx().db);
    http = new Client(ctx().baseUrl); // never signs in
  });

  it('describes itself at /hsds/', async () => {
    const meta = await http.get('/hsds/');
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ version: '3.0.1', openapi_url: expect.stringMatching(/^https:\/\/.+openapi\.json$/) });
    expect((await http.get('/hsds')).body).toEqual(meta.body);
  });

  // Story: a tool pages through all services two at a time.
  it('pages services with the HSDS Page envelope', async () => {
    const first = await http.get('/hsds/services?per_page=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const second = await http.get('/hsds/services?per_page=2&page=2');
    expect(second.body).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
    });
    const ids = [...first.body.contents, ...second.body.contents].map((service: { id: string }) => service.id);
    expect(new Set(ids)).toEqual(new Set(Object.values(dir.services)));
    const beyond = await http.get('/hsds/services?per_page=2&page=7');
    expect(beyond.body).toMatchObject({ total_items: 3, page_number: 7, size: 0, last_page: true, empty: true, contents: [] });
    const defaults = await http.get('/hsds/services');
    expect(defaults.body).toMatchObject({ total_items: 3, total_pages: 1, size: 3, first_page: true, last_page: true });
    // List items: scalars with organization{} and program{}, and no child arrays.
    const pantry = defaults.body.contents.find((service: { id: string }) => service.id === dir.services.pantry);
    expect(pantry).toMatchObject({ organization: { name: 'Eastside Community Action' }, program: { name: 'Hunger Relief' } });
    expect(pantry.phones).toBeUndefined();
    expectValid('service_list', defaults.body.contents);
  });

  it('gives full and minimal services on request', async () => {
    const full = await http.get('/hsds/services?full=true');
    expect(full.body.contents.every((service: { organization?: unknown }) => service.organization)).toBe(true);
    expect(
      full.body.contents.find((service: { id: string }) => service.id === dir.services.pantry).service_at_locations,
    ).toHaveLength(2);
    expectValid('service', full.body.contents);
    const minimal = await http.get(`/hsds/services?minimal=true&organization_id=${dir.organizationId}`);
    expect(minimal.body.contents).toEqual(
      expect.arrayContaining([
        { id: dir.services.pantry, last_modified: '2024-03-01T10:00:00.000Z' },
        { id: dir.services.shelter, last_modified: '2025-01-10T08:30:00.000Z' },
      ]),
    );
  });

  // Story: a coordinator's tool narrows to housing services of one organization.
  it('filters services by term, taxonomy, organization, date and words, ANDed', async () => {
    const get = async (query: string) => (await http.get(`/hsds/services?${query}`)).body;
    expect(names(await get(`taxonomy_term_id=${dir.terms.housing}`))).toEqual(['Eastside Family Shelter', 'Tenant Legal Clinic']);
    expect(names(await get(`taxonomy_term_id=${dir.terms.housing}&organization_id=${dir.organizationId}`))).toEqual([
      'Eastside Family Shelter',
    ]);
    expect(names(await get(`taxonomy_term_id=${dir.terms.pantry}`))).toEqual(['Eastside Food Pantry']);
    expect((await get(`taxonomy_id=${dir.taxonomyId}`)).total_items).toBe(3);
    expect((await get(`organization_id=${dir.otherOrganizationId}`)).contents.map((s: { id: string }) => s.id)).toEqual([
      dir.services.legal,
    ]);
    // "last spring" is no date: that service never matches a date filter.
    expect(names(await get('modified_after=2024-06-01'))).toEqual(['Eastside Family Shelter']);
    expect(names(await get('modified_after=2024-03-01T10:00:00Z'))).toEqual(['Eastside Family Shelter', 'Eastside Food Pantry']);
    expect(names(await get('search=PANTRY'))).toEqual(['Eastside Food Pantry']);
    expect(names(await get('search=eastside%20shelter'))).toEqual(['Eastside Family Shelter']);
    expect(names(await get('search=free%20help'))).toEqual(['Tenant Legal Clinic']); // organization description
    expect((await get(`search=pantry&taxonomy_term_id=${dir.terms.housing}`)).empty).toBe(true);
    expect((await get('search=100%25_off')).total_items).toBe(0); // % and _ are literal
  });

  it('gives one full service by id, and 404 problem+json for an unknown one', async () => {
    const service = await http.get(`/hsds/services/${dir.services.pantry}`);
    expect(service.status).toBe(200);
    expect(service.body.organization.locations).toHaveLength(2);
    expect(service.body.capacities[0]).toEqual({
      id: expect.any(String),
      unit: { id: expect.any(String), name: 'Slot' },
      available: 3,
      updated: expect.any(String),
    });
    expectValid('service', [service.body]);
    for (const path of ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']) {
      const missing = await http.get(`/hsds/${path}/6f1c2d1e-0000-4000-8000-000000000000`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(missing.body).toMatchObject({ status: 404, code: 'not_found' });
      expect((await http.get(`/hsds/${path}/not-a-uuid`)).status).toBe(404);
    }
  });

  it('lists and fetches organizations, plain, full, and with full services', async () => {
    const list = await http.get('/hsds/organizations?search=eastside');
    expect(list.body).toMatchObject({ total_items: 1, contents: [{ id: dir.organizationId, description: '' }] });
    expect(list.body.contents[0].locations).toBeUndefined();
    expectValid('organization_list', list.body.contents);
    const full = await http.get('/hsds/organizations?full=true');
    expect(full.body.total_items).toBe(2);
    expectValid('organization', full.body.contents);
    const one = await http.get(`/hsds/organizations/${dir.organizationId}`);
    expect(one.body.services.map((s: { name: string }) => s.name).sort()).toEqual([
      'Eastside Family Shelter',
      'Eastside Food Pantry',
    ]);
    const withServices = await http.get(`/hsds/organizations/${dir.organizationId}?full_service=true`);
    expect(withServices.body.services.find((s: { id: string }) => s.id === dir.services.pantry).phones).toHaveLength(1);
    expectValid('organization', [one.body, withServices.body]);
  });

  it('lists services at locations, by postcode and by distance from it', async () => {
    const all = await http.get('/hsds/service_at_locations');
    expect(all.body.total_items).toBe(4);
    expect(all.body.contents[0].service.name).toEqual(expect.any(String));
    expectValid('service_at_location_list', all.body.contents);
    const atPostcode = await http.get('/hsds/service_at_locations?postcode=21201');
    expect(atPostcode.body.total_items).toBe(3); // the online place has no address
    // A ZIP+4 is its ZIP code, with or without the radius, as in Kith's own search.
    const zipPlusFour = await http.get('/hsds/service_at_locations?postcode=21201-1234');
    expect(zipPlusFour.body.contents.map((sl: { id: string }) => sl.id).sort()).toEqual(
      atPostcode.body.contents.map((sl: { id: string }) => sl.id).sort(),
    );
    const nearZipPlusFour = await http.get(`/hsds/service_at_locations?postcode=212011234&proximity=1000`);
    expect(nearZipPlusFour.body.total_items).toBe(3);
    const near = await http.get(`/hsds/service_at_locations?postcode=21201&proximity=1000&taxonomy_term_id=${dir.terms.housing}`);
    expect(near.body.contents.map((sl: { id: string }) => sl.id).sort()).toEqual(
      [dir.serviceAtLocations.shelterAtCenter, dir.serviceAtLocations.legalAtCenter].sort(),
    );
    expect((await http.get('/hsds/service_at_locations?postcode=99999&proximity=5000')).body.empty).toBe(true);
    const byOrg = await http.get(`/hsds/service_at_locations?organization_id=${dir.otherOrganizationId}&full=true`);
    expect(byOrg.body.contents.map((sl: { id: string }) => sl.id)).toEqual([dir.serviceAtLocations.legalAtCenter]);
    const one = await http.get(`/hsds/service_at_locations/${dir.serviceAtLocations.pantryAtCenter}`);
    expect(one.body).toMatchObject({
      id: dir.serviceAtLocations.pantryAtCenter,
      service: { name: 'Eastside Food Pantry' },
      location: { name: 'Eastside Center' },
    });
    // Upstream declares this body as compiled/service.json, an erratum (a service_at_location has
    // no name or status; fixed upstream in PR #574): it is checked as compiled/service_at_location.json.
    expectValid('service_at_location', [one.body, ...byOrg.body.contents]);
  });

  it('lists taxonomies and terms: top_only gives terms without a parent', async () => {
    const list = await http.get('/hsds/taxonomies');
    expect(list.body).toMatchObject({ total_items: 1, contents: [{ id: dir.taxonomyId, name: 'Kith Test Needs' }] });
    expectValid('taxonomy', list.body.contents);
    expect((await http.get(`/hsds/taxonomies/${dir.taxonomyId}`)).body.uri).toBe('https://taxonomy.example/needs');
    const top = await http.get(`/hsds/taxonomy_terms?top_only=true&taxonomy_id=${dir.taxonomyId}`);
    expect(names(top.body)).toEqual(['Food', 'Housing']);
    expectValid('taxonomy_term', top.body.contents);
    expect(names((await http.get(`/hsds/taxonomy_terms?parent_id=${dir.terms.food}`)).body)).toEqual(['Food Pantry']);
    expect(names((await http.get('/hsds/taxonomy_terms?search=pantry')).body)).toEqual(['Food Pantry']);
    const term = await http.get(`/hsds/taxonomy_terms/${dir.terms.pantry}`);
    expect(term.body).toMatchObject({ parent_id: dir.terms.food, taxonomy_detail: { id: dir.taxonomyId } });
    expectValid('taxonomy_term', [term.body]);
  });

  it('streams every match as ndjson when asked', async () => {
    const response = await fetch(`${ctx().baseUrl}/hsds/services?format=ndjson&organization_id=${dir.organizationId}`);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((service) => service.id).sort()).toEqual([dir.services.pantry, dir.services.shelter].sort());
    expectValid('service_list', lines);
  });

  it("pages a guest's ndjson, and streams the whole directory only to a caller with an API token", async () => {
    const guest = await fetch(`${ctx().baseUrl}/hsds/services?format=ndjson&per_page=1`);
    expect(guest.status).toBe(200);
    expect((await guest.text()).trim().split('\n')).toHaveLength(1);
    expect(guest.headers.get('link')).toBe('</hsds/services?format=ndjson&per_page=1&page=2>; rel="next"');
    const lastPage = await fetch(`${ctx().baseUrl}/hsds/services?format=ndjson&per_page=1&page=3`);
    expect((await lastPage.text()).trim().split('\n')).toHaveLength(1);
    expect(lastPage.headers.get('link')).toBeNull();
    // 50 at most, like a JSON page, when per_page is not given.
    expect((await (await fetch(`${ctx().baseUrl}/hsds/services?format=ndjson`)).text()).trim().split('\n')).toHaveLength(3);

    const { db } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const { token } = await createApiToken({ db, actor: 'system' }, { userId: user.id, name: 'directory mirror' });
    const whole = await fetch(`${ctx().baseUrl}/hsds/services?format=ndjson&per_page=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await whole.text()).trim().split('\n')).toHaveLength(3);
    expect(whole.headers.get('link')).toBeNull();
    const wrong = await fetch(`${ctx().baseUrl}/hsds/services?format=ndjson`, {
      headers: { authorization: 'Bearer kith_wrong' },
    });
    expect(wrong.status).toBe(401);
  });
});
