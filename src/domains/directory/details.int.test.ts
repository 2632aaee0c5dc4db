// A partner corrects its own directory records: a service's description and how to apply, its
// organisation's web site. The pages and the search show the new text at once, each edit says what
// the source said, a value put back to the source's is no longer an edit, bad input changes
// nothing, and another organisation's staff cannot change a thing.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { buildDirectoryOrganization, buildPlacedService, indexDirectory } from '../../../test/support/directory-factories';
import { linkDirectoryOrganization } from './link-directory-organization';

describeEachEngine("a partner's details of its own services", (ctx) => {
  let partner: Client;
  let outsider: Client;
  let kitchen: string;
  let pantry: string;

  beforeAll(async () => {
    const { db, baseUrl } = ctx();
    const partnerOrganization = await buildOrganization(db, { name: 'Northfield Neighbours' });
    const staff = await buildUser(db, { organizationId: partnerOrganization.id, roles: ['partner_staff'] });
    partner = await signedIn(baseUrl, staff.email, staff.password);
    const otherOrganization = await buildOrganization(db);
    const other = await buildUser(db, { organizationId: otherOrganization.id, roles: ['admin'] });
    outsider = await signedIn(baseUrl, other.email, other.password);

    kitchen = await buildDirectoryOrganization(db, { name: 'Northfield Community Kitchen' });
    const place = { latitude: 40.1, longitude: -76.5, postalCode: '17601' };
    pantry = (
      await buildPlacedService(db, {
        name: 'Northfield Pantry',
        organizationId: kitchen,
        place,
        description: 'Groceries on Tuesdays.',
      })
    ).serviceId;
    await linkDirectoryOrganization(
      { db, actor: 'system' },
      { hsdsOrganizationId: kitchen, organizationId: partnerOrganization.id },
    );
    await indexDirectory(db);
  });

  it("changes a service's details, says what the source said, and the search finds the new words", async () => {
    const before = await partner.get(`/api/directory/services/${pantry}`);
    expect(before.body).toMatchObject({ canEditDetails: true, localEdits: [] });

    const answer = await partner.patch(`/api/directory/services/${pantry}/details`, {
      description: 'Groceries on Tuesdays and Saturdays; baby formula too.',
      applicationProcess: 'Walk in with any ID.',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      description: 'Groceries on Tuesdays and Saturdays; baby formula too.',
      applicationProcess: 'Walk in with any ID.',
    });
    expect(answer.body.localEdits).toEqual([
      expect.objectContaining({ field: 'applicationProcess', sourceValue: null, sourceChangedSinceEdit: false }),
      expect.objectContaining({ field: 'description', sourceValue: 'Groceries on Tuesdays.', sourceChangedSinceEdit: false }),
    ]);

    const found = await partner.get('/api/directory/search?q=formula');
    expect(found.body.items.map((item: { serviceId: string }) => item.serviceId)).toContain(pantry);

    // The audit row names the fields, never their text.
    const audited = await ctx().db.query<{ details: { fields: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'directory_service.edit_details' AND record_id = $1`,
      [pantry],
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toEqual({ fields: ['description', 'applicationProcess'] });
  });

  it("is no longer an edit once the value is the source's again", async () => {
    const answer = await partner.patch(`/api/directory/services/${pantry}/details`, { applicationProcess: null });
    expect(answer.status).toBe(200);
    expect(answer.body.applicationProcess).toBeNull();
    expect(answer.body.localEdits.map((edit: { field: string }) => edit.field)).toEqual(['description']);
  });

  it("changes its organisation's web site and email, shown on the partner's home", async () => {
    const answer = await partner.patch(`/api/directory/organizations/${kitchen}/details`, {
      website: 'https://northfield-kitchen.example',
      email: null,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ website: 'https://northfield-kitchen.example', canEditDetails: true });
    const home = await partner.get('/api/directory/kept-organizations');
    expect(home.body.items[0]).toMatchObject({ website: 'https://northfield-kitchen.example', canEditDetails: true });
    expect(home.body.items[0].localEdits).toEqual([expect.objectContaining({ field: 'website' })]);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const script = await partner.patch(`/api/directory/organizations/${kitchen}/details`, { website: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect(script.body.errors.map((error: { field: string }) => error.field)).toEqual(['website']);
    const email = await partner.patch(`/api/directory/services/${pantry}/details`, { email: 'not an address' });
    expect(email.status).toBe(400);
    expect(email.body.errors[0].field).toBe('email');
    const name = await partner.patch(`/api/directory/services/${pantry}/details`, { name: 'Renamed' });
    expect(name.status).toBe(400);
    const long = await partner.patch(`/api/directory/services/${pantry}/details`, { fees: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('fees');
    const unknown = await partner.patch('/api/directory/services/00000000-0000-4000-8000-000000000000/details', { fees: 'Free' });
    expect(unknown.status).toBe(404);

    const service = await partner.get(`/api/directory/services/${pantry}`);
    expect(service.body).toMatchObject({ name: 'Northfield Pantry', email: null, fees: null });
    const organization = await partner.get(`/api/directory/organizations/${kitchen}`);
    expect(organization.body.website).toBe('https://northfield-kitchen.example');
  });

  it("refuses another organisation's staff as 404 and changes nothing", async () => {
    const service = await outsider.patch(`/api/directory/services/${pantry}/details`, { description: 'Closed for good.' });
    expect(service.status).toBe(404);
    const organization = await outsider.patch(`/api/directory/organizations/${kitchen}/details`, {
      website: 'https://spam.example',
    });
    expect(organization.status).toBe(404);
    const page = await outsider.get(`/api/directory/services/${pantry}`);
    expect(page.body).toMatchObject({
      description: 'Groceries on Tuesdays and Saturdays; baby formula too.',
      canEditDetails: false,
    });
    expect(page.body.organization.website).toBe('https://northfield-kitchen.example');
    const denied = await ctx().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'directory_record.edit_details' AND outcome = 'denied' AND record_id = ANY ($1::text[])`,
      [[pantry, kitchen]],
    );
    expect(denied).toHaveLength(2);
  });
});
