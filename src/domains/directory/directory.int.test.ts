// Finding partners: search by words with typos, near a ZIP code, by need, open hours, language and
// capacity; and partner staff keeping their service's room up to date.
import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../demo';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, signedIn } from '../../../test/support/http-client';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { DEMO_PASSWORD } from '../../platform/auth/passwords';

describeEachEngine('the directory', (ctx) => {
  let coordinator: Client;
  let partner: Client;
  let food: { serviceId: string; postalCode: string; organizationName: string };

  beforeAll(async () => {
    // The demo county: its community organisations and their services, with partner logins.
    await seedDemo(ctx().db, { seed: 7 });
    coordinator = await signedIn(ctx().baseUrl, 'coordinator@kith.demo', DEMO_PASSWORD);
    partner = await signedIn(ctx().baseUrl, 'partner@kith.demo', DEMO_PASSWORD);
    const me = await partner.get('/api/me');
    const foods = await coordinator.get('/api/directory/search?need=food-insecurity&limit=100');
    const own = foods.body.items.find((item: { organizationName: string }) => item.organizationName === me.body.organization.name);
    food = { serviceId: own.serviceId, postalCode: own.postalCode, organizationName: own.organizationName };
  });

  it('finds a food pantry near a ZIP code even when the words are misspelt', async () => {
    const answer = await coordinator.get(`/api/directory/search?q=${encodeURIComponent('fod')}&near=${food.postalCode}&radiusKm=50`);
    expect(answer.status).toBe(200);
    expect(answer.body.correctedQuery).toBe('food');
    expect(answer.body.origin).toMatchObject({ label: food.postalCode });
    expect(answer.body.items.length).toBeGreaterThan(0);
    const distances = answer.body.items.map((item: { distanceKm: number }) => item.distanceKm);
    for (const distance of distances) expect(distance).toBeLessThanOrEqual(50);
    expect(answer.body.items.map((item: { serviceId: string }) => item.serviceId)).toContain(food.serviceId);

    const housing = await coordinator.get('/api/directory/search?q=housng');
    expect(housing.body.correctedQuery).toBe('housing');
    expect(housing.body.items.length).toBeGreaterThan(0);
  });

  it('filters by need, language, open hours and room', async () => {
    const byNeed = await coordinator.get('/api/directory/search?need=food-insecurity&limit=100');
    for (const item of byNeed.body.items) {
      expect(item.needDomains.map((domain: { code: string }) => domain.code)).toContain('food-insecurity');
    }
    const spanish = await coordinator.get('/api/directory/search?language=es&limit=100');
    for (const item of spanish.body.items) expect(item.languages).toContain('es');
    // Sunday 03:00 in the network's time zone: no demo service keeps those hours.
    const night = await coordinator.get(`/api/directory/search?openAt=${encodeURIComponent('2026-11-29T03:00:00-05:00')}`);
    expect(night.body.items).toHaveLength(0);
    const weekday = await coordinator.get(`/api/directory/search?openAt=${encodeURIComponent('2026-11-25T13:00:00-05:00')}&limit=100`);
    expect(weekday.body.items.length).toBeGreaterThan(0);
    const withRoom = await coordinator.get('/api/directory/search?hasCapacity=true&limit=100');
    for (const item of withRoom.body.items) expect(item.capacity.status).toBe('available');
  });

  it('lets the staff of the organisation update its room, and shows it in the next search', async () => {
    const detail = await partner.get(`/api/directory/services/${food.serviceId}`);
    expect(detail.body.canUpdateCapacity).toBe(true);
    const update = await partner.patch(`/api/directory/services/${food.serviceId}/intake`, { capacityStatus: 'waitlist', waitlistLength: 12 });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ capacityStatus: 'waitlist', waitlistLength: 12 });
    const search = await coordinator.get(`/api/directory/search?near=${food.postalCode}&need=food-insecurity&radiusKm=100&limit=100`);
    const found = search.body.items.find((item: { serviceId: string }) => item.serviceId === food.serviceId);
    expect(found.capacity).toMatchObject({ status: 'waitlist', waitlistLength: 12 });
    const history = await coordinator.get(`/api/directory/services/${food.serviceId}`);
    expect(history.body.capacityHistory[0]).toMatchObject({ capacityStatus: 'waitlist', waitlistLength: 12 });
    const audited = await ctx().db.query(`SELECT 1 FROM audit_log WHERE action = 'directory_service.update_intake' AND record_id = $1`, [food.serviceId]);
    expect(audited).toHaveLength(1);
  });

  it("refuses others an update of a service's room, as 404", async () => {
    const detail = await coordinator.get(`/api/directory/services/${food.serviceId}`);
    expect(detail.body.canUpdateCapacity).toBe(false);
    expect((await coordinator.patch(`/api/directory/services/${food.serviceId}/intake`, { capacityStatus: 'available' })).status).toBe(404);
    const outsiderOrganization = await buildOrganization(ctx().db);
    const outsider = await buildUser(ctx().db, { organizationId: outsiderOrganization.id, roles: ['admin'] });
    const client = await signedIn(ctx().baseUrl, outsider.email, outsider.password);
    expect((await client.patch(`/api/directory/services/${food.serviceId}/intake`, { acceptingReferrals: false })).status).toBe(404);
    const denied = await ctx().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'directory_service.update_intake' AND outcome = 'denied' AND record_id = $1`,
      [food.serviceId],
    );
    expect(denied).toHaveLength(2);
  });

  it('answers absurd queries with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['limit=1000000000', 'query.limit'],
      ['radiusKm=-5&near=00000', 'query.radiusKm'],
      [`q=${'x'.repeat(10_000)}`, 'query.q'],
      ['lat=91&lon=0', 'query.lat'],
      ['lat=10', 'query.lon'],
      ['near=Atlantis', 'query.near'],
      ['openAt=tomorrow', 'query.openAt'],
      ['colour=blue', 'query.colour'],
    ];
    for (const [query, field] of cases) {
      const answer = await coordinator.get(`/api/directory/search?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors.map((error: { field: string }) => error.field), query).toContain(field);
    }
    const badIntake = await partner.patch(`/api/directory/services/${food.serviceId}/intake`, { openSlots: -1 });
    expect(badIntake.status).toBe(400);
    expect(badIntake.body.errors[0].field).toBe('openSlots');
  });

  it('exports a search as CSV for spreadsheets', async () => {
    const answer = await coordinator.request('GET', '/api/directory/search.csv?need=food-insecurity');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(answer.body).trim().split('\n');
    expect(lines[0]).toMatch(/^service,organization,address/);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('is for signed-in users only', async () => {
    expect((await new Client(ctx().baseUrl).get('/api/directory/search?q=food')).status).toBe(401);
  });
});
