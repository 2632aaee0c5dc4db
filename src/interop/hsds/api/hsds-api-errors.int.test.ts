// Bad input to the public HSDS API: absurd page sizes, negative radii, unknown or repeated
// parameters and huge query strings are 400 problem+json naming the field (or the server's own
// 414/431 for URLs past its limit), never a 5xx and never a slow query.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/harness';
import { Client } from '../../../../test/support/http-client';
import { seedTestDirectory, type TestDirectory } from '../../../../test/support/directory-factories';

describeEachEngine('HSDS read API, bad input', (ctx) => {
  let dir: TestDirectory;
  let http: Client;
  beforeAll(async () => {
    dir = await seedTestDirectory(ctx().db);
    http = new Client(ctx().baseUrl);
  });

  async function expectFieldError(path: string, field: string): Promise<void> {
    const answer = await http.get(path);
    expect(answer.status, `${path} → ${JSON.stringify(answer.body)}`).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  }

  it('refuses out-of-bounds paging', async () => {
    await expectFieldError('/hsds/services?per_page=1000000000', 'query.per_page');
    await expectFieldError('/hsds/services?per_page=0', 'query.per_page');
    await expectFieldError('/hsds/services?per_page=2.5', 'query.per_page');
    await expectFieldError('/hsds/organizations?page=0', 'query.page');
    await expectFieldError('/hsds/taxonomies?page=100001', 'query.page');
    await expectFieldError('/hsds/taxonomy_terms?page=abc', 'query.page');
    await expectFieldError('/hsds/services?page=1&page=2', 'query.page');
    await expectFieldError('/hsds/services?format=xml', 'query.format');
    // The largest page of the largest page size is fine (and empty).
    expect((await http.get('/hsds/services?page=100000&per_page=500')).body).toMatchObject({ empty: true, total_items: 3 });
  });

  it('refuses bad filters', async () => {
    await expectFieldError('/hsds/service_at_locations?postcode=21201&proximity=-5', 'query.proximity');
    await expectFieldError('/hsds/service_at_locations?postcode=21201&proximity=600000', 'query.proximity');
    await expectFieldError('/hsds/service_at_locations?postcode=21201&proximity=far', 'query.proximity');
    await expectFieldError('/hsds/service_at_locations?proximity=100', 'query.proximity');
    await expectFieldError('/hsds/services?taxonomy_term_id=food', 'query.taxonomy_term_id');
    await expectFieldError('/hsds/services?organization_id=1', 'query.organization_id');
    await expectFieldError('/hsds/services?modified_after=yesterday', 'query.modified_after');
    await expectFieldError('/hsds/services?modified_after=2024-02-30', 'query.modified_after');
    await expectFieldError('/hsds/services?full=yes', 'query.full');
    await expectFieldError('/hsds/services?minimal=true&full=true', 'query.minimal');
    await expectFieldError('/hsds/taxonomy_terms?top_only=1', 'query.top_only');
    await expectFieldError(`/hsds/services?search=${'a'.repeat(201)}`, 'query.search');
    // Any hex UUID is an HSDS id, RFC version digit or not.
    expect((await http.get('/hsds/services?taxonomy_term_id=0123abcd-0123-0123-0123-0123456789ab')).status).toBe(200);
  });

  it('refuses parameters the path does not list', async () => {
    await expectFieldError('/hsds/services?limit=10', 'query.limit');
    await expectFieldError('/hsds/organizations?taxonomy_id=' + dir.taxonomyId, 'query.taxonomy_id');
    await expectFieldError('/hsds/taxonomies?full=true', 'query.full');
    await expectFieldError(`/hsds/services/${dir.services.pantry}?full=true`, 'query.full');
    await expectFieldError('/hsds/?page=1', 'query.page');
    expect((await http.get(`/hsds/organizations/${dir.organizationId}?full_service=true`)).status).toBe(200);
  });

  it('answers a 10 KB query string with a 4xx, and a far longer URL too', async () => {
    await expectFieldError(`/hsds/services?search=${'x'.repeat(10_240)}`, 'query.search');
    await expectFieldError(`/hsds/services?${'junk=1&'.repeat(1_500)}`, 'query.junk');
    const huge = await http.get(`/hsds/services?search=${'x'.repeat(70_000)}`);
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
  });

  it('answers unknown paths under /hsds with 404 problem+json, signed in or not', async () => {
    const missing = await http.get('/hsds/locations');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await http.get('/hsds/services/' + 'a'.repeat(300))).status).toBe(404);
  });

  it('serves public directory data only', async () => {
    // Eastside has joined Kith: its staff member updated the pantry's capacity. None of that
    // (the user, the network organisation, who updated what) may reach the public API.
    const { db } = ctx();
    const [network] = await db.query<{ id: string }>(
      "INSERT INTO organizations (name, kind) VALUES ('Eastside Network Org', 'community_organization') RETURNING id",
    );
    const [user] = await db.query<{ id: string }>(
      "INSERT INTO users (organization_id, email, display_name, roles) VALUES ($1, 'dana.staff@eastside.example', 'Dana Staffer', '{partner_staff}') RETURNING id",
      [network!.id],
    );
    await db.query('UPDATE directory_service_intake SET capacity_updated_by = $1 WHERE service_id = $2', [
      user!.id,
      dir.services.pantry,
    ]);
    await db.query('INSERT INTO directory_organization_link (hsds_organization_id, organization_id) VALUES ($1, $2)', [
      dir.organizationId,
      network!.id,
    ]);
    const bodies = await Promise.all(
      ['/hsds/services?full=true', '/hsds/organizations?full_service=true', '/hsds/service_at_locations?full=true'].map(
        async (path) => JSON.stringify((await http.get(path)).body),
      ),
    );
    for (const body of bodies) {
      for (const secret of ['dana.staff@eastside.example', 'Dana Staffer', user!.id, network!.id, 'Eastside Network Org']) {
        expect(body).not.toContain(secret);
      }
      for (const kithField of [
        'capacity_updated_by',
        'accepting_referrals',
        'referral_email',
        'waitlist_length',
        'capacity_note',
      ]) {
        expect(body).not.toContain(kithField);
      }
    }
  });
});
