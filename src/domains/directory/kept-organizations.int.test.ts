// A partner's home: the directory organisations its staff keep, their services and each one's room,
// updatable from there; another organisation's staff see none of it and cannot change it.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { buildDirectoryOrganization, buildPlacedService, indexDirectory } from '../../../test/support/directory-factories';
import { linkDirectoryOrganization } from './link-directory-organization';

describeEachEngine("a partner's own services", (ctx) => {
  let partner: Client;
  let outsider: Client;
  let pantry: string;
  let meals: string;

  beforeAll(async () => {
    const { db, baseUrl } = ctx();
    const partnerOrganization = await buildOrganization(db, { name: 'Eastgate Neighbours' });
    const staff = await buildUser(db, { organizationId: partnerOrganization.id, roles: ['partner_staff'] });
    partner = await signedIn(baseUrl, staff.email, staff.password);
    const otherOrganization = await buildOrganization(db);
    const other = await buildUser(db, { organizationId: otherOrganization.id, roles: ['admin'] });
    outsider = await signedIn(baseUrl, other.email, other.password);

    const kitchen = await buildDirectoryOrganization(db, { name: 'Eastgate Community Kitchen' });
    const place = { latitude: 40.1, longitude: -76.5, postalCode: '17601' };
    pantry = (
      await buildPlacedService(db, {
        name: 'Eastgate Pantry',
        organizationId: kitchen,
        place,
        intake: { capacityStatus: 'available', openSlots: 3 },
      })
    ).serviceId;
    meals = (await buildPlacedService(db, { name: 'Eastgate Hot Meals', organizationId: kitchen, place })).serviceId;
    // A service nobody links to Eastgate Neighbours.
    await buildPlacedService(db, { name: 'Westgate Pantry', place, intake: { capacityStatus: 'waitlist' } });
    await linkDirectoryOrganization(
      { db, actor: 'system' },
      { hsdsOrganizationId: kitchen, organizationId: partnerOrganization.id },
    );
    await indexDirectory(db);
  });

  it("lists the partner's directory organisation with its services and their room", async () => {
    const answer = await partner.get('/api/directory/kept-organizations');
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item: { name: string }) => item.name)).toEqual(['Eastgate Community Kitchen']);
    const services = answer.body.items[0].services;
    expect(services.map((service: { id: string }) => service.id)).toEqual([meals, pantry]);
    expect(services[1]).toMatchObject({ capacityStatus: 'available', openSlots: 3, canUpdateCapacity: true });
    expect(services[0]).toMatchObject({ capacityStatus: null, canUpdateCapacity: true });
  });

  it('updates a room from there, and the list shows it', async () => {
    const update = await partner.patch(`/api/directory/services/${meals}/intake`, { capacityStatus: 'no_capacity' });
    expect(update.status).toBe(200);
    const answer = await partner.get('/api/directory/kept-organizations');
    const service = answer.body.items[0].services.find((item: { id: string }) => item.id === meals);
    expect(service).toMatchObject({ capacityStatus: 'no_capacity' });
    expect(service.capacityUpdatedAt).toEqual(expect.any(String));
  });

  it("shows another organisation's staff none of it, and refuses them the update as 404", async () => {
    const answer = await outsider.get('/api/directory/kept-organizations');
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([]);
    const refused = await outsider.patch(`/api/directory/services/${pantry}/intake`, { capacityStatus: 'no_capacity' });
    expect(refused.status).toBe(404);
    const still = await partner.get('/api/directory/kept-organizations');
    const service = still.body.items[0].services.find((item: { id: string }) => item.id === pantry);
    expect(service).toMatchObject({ capacityStatus: 'available', openSlots: 3 });
    const denied = await ctx().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'directory_service.update_intake' AND outcome = 'denied' AND record_id = $1`,
      [pantry],
    );
    expect(denied).toHaveLength(1);
  });

  it('is for signed-in users only', async () => {
    expect((await fetch(`${ctx().baseUrl}/api/directory/kept-organizations`)).status).toBe(401);
  });
});
