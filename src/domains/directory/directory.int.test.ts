// Finding partners: search by words with typos, near a ZIP code, by need, open hours, language and
// capacity; the hours as data; the CSV for spreadsheets; and partner staff keeping their service's
// room up to date. Each test reads the same small directory, built here with the factories.
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, signedIn } from '../../../test/support/http-client';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { buildNeedTerm, buildPlacedService, buildService, indexDirectory } from '../../../test/support/directory-factories';
import { linkDirectoryOrganization } from './link-directory-organization';

const millbrook = { latitude: 40.2, longitude: -76.8, postalCode: '17401', city: 'Millbrook' };
const weekdays = { byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' };

describeEachEngine('the directory', (ctx) => {
  let coordinator: Client;
  let partner: Client;
  let food: string;
  let grocery: string;
  let distant: string;
  let housing: string;
  let formula: string;
  const ids = (answer: { body: { items: { serviceId: string }[] } }) => answer.body.items.map((item) => item.serviceId);
  const sorted = (values: string[]) => [...values].sort();

  beforeAll(async () => {
    const { db } = ctx();
    const coordinatorOrganization = await buildOrganization(db);
    const coordinatorUser = await buildUser(db, { organizationId: coordinatorOrganization.id, roles: ['care_coordinator'] });
    coordinator = await signedIn(ctx().baseUrl, coordinatorUser.email, coordinatorUser.password);
    const partnerOrganization = await buildOrganization(db, { name: 'Riverside Partners' });
    const partnerUser = await buildUser(db, { organizationId: partnerOrganization.id, roles: ['partner_staff'] });
    partner = await signedIn(ctx().baseUrl, partnerUser.email, partnerUser.password);

    const foodTerm = await buildNeedTerm(db, { name: 'Food', needDomain: 'food-insecurity' });
    const housingTerm = await buildNeedTerm(db, { name: 'Housing help', needDomain: 'housing-instability' });
    const pantry = await buildPlacedService(db, {
      name: 'Riverside Food Pantry',
      organizationName: 'Riverside Community Kitchen',
      place: millbrook,
      termIds: [foodTerm],
      languages: ['en', 'es'],
      hours: [weekdays, { description: 'Closed on public holidays' }],
      intake: { capacityStatus: 'available', openSlots: 4, howToRefer: ['kith', 'phone'], referralPhone: '555-0150' },
    });
    food = pantry.serviceId;
    // About 15 km north-east, Saturday mornings, no room.
    grocery = (
      await buildPlacedService(db, {
        name: 'Northside Grocery Help',
        place: { latitude: 40.32, longitude: -76.71, postalCode: '17411' },
        termIds: [foodTerm],
        languages: ['en'],
        hours: [{ byday: 'SA', opensAt: '09:00', closesAt: '12:00' }],
        intake: { capacityStatus: 'no_capacity', acceptingReferrals: false },
      })
    ).serviceId;
    // About 145 km north: outside every radius below.
    distant = (
      await buildPlacedService(db, {
        name: 'Lakeside Food Bank',
        place: { latitude: 41.5, longitude: -76.8, postalCode: '18801' },
        termIds: [foodTerm],
        languages: ['es'],
        hours: [{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '12:00' }],
        intake: { capacityStatus: 'waitlist', waitlistLength: 9 },
      })
    ).serviceId;
    housing = (
      await buildPlacedService(db, {
        name: 'Family Housing Desk',
        description: 'Housing help for families with children.',
        place: { ...millbrook, latitude: 40.21 },
        termIds: [housingTerm],
        languages: ['vi'],
        hours: [{ description: 'By appointment: call first.' }],
      })
    ).serviceId;
    // A directory whose names would run as formulas in a spreadsheet.
    formula = await buildService(db, { name: '=1+1 Food Corner', termIds: [foodTerm] });
    await buildService(db, { name: 'Not listed any more', status: 'defunct', termIds: [foodTerm] });
    await linkDirectoryOrganization(
      { db, actor: 'system' },
      { hsdsOrganizationId: pantry.organizationId, organizationId: partnerOrganization.id },
    );
    await indexDirectory(db);
  });

  it('finds a food pantry near a ZIP code even when the words are misspelt', async () => {
    const answer = await coordinator.get('/api/directory/search?q=fod&near=17401&radiusKm=50');
    expect(answer.status).toBe(200);
    expect(answer.body.correction).toEqual({ searchedFor: 'food', typed: 'fod' });
    expect(answer.body.origin).toMatchObject({ label: '17401' });
    // Nearest first, the one 145 km away left out.
    expect(ids(answer)).toEqual([food, grocery]);
    expect(answer.body.items[1].distanceKm).toBeGreaterThan(10);
    expect(answer.body.items[1].distanceKm).toBeLessThan(20);

    const housingAnswer = await coordinator.get('/api/directory/search?q=housng');
    expect(housingAnswer.body.correction).toEqual({ searchedFor: 'housing', typed: 'housng' });
    expect(ids(housingAnswer)).toEqual([housing]);
  });

  it('reads a ZIP+4 as its ZIP code', async () => {
    const answer = await coordinator.get('/api/directory/search?near=17401-0042&radiusKm=5');
    expect(answer.body.origin).toMatchObject({ label: '17401-0042' });
    expect(sorted(ids(answer))).toEqual(sorted([food, housing]));
  });

  it('filters by need, language, open hours and room', async () => {
    expect(sorted(ids(await coordinator.get('/api/directory/search?need=food-insecurity&limit=100')))).toEqual(
      sorted([food, grocery, distant, formula]),
    );
    expect(sorted(ids(await coordinator.get('/api/directory/search?language=es&limit=100')))).toEqual(sorted([food, distant]));
    // Sunday 03:00 in the network's time zone: nobody keeps those hours.
    const night = await coordinator.get(`/api/directory/search?openAt=${encodeURIComponent('2026-11-29T03:00:00-05:00')}`);
    expect(night.body.items).toEqual([]);
    // Wednesday 13:00: the pantry (weekdays 9–5), not the food bank (mornings) nor Saturday's grocery help.
    const weekday = await coordinator.get(
      `/api/directory/search?openAt=${encodeURIComponent('2026-11-25T13:00:00-05:00')}&limit=100`,
    );
    expect(ids(weekday)).toEqual([food]);
    expect(weekday.body.items[0].openNow).toBe(true);
    expect(ids(await coordinator.get('/api/directory/search?hasCapacity=true&limit=100'))).toEqual([food]);
    expect(sorted(ids(await coordinator.get('/api/directory/search?acceptingReferrals=true&need=food-insecurity')))).toEqual(
      sorted([food, distant, formula]),
    );
  });

  it('sends opening hours as data, the same on a result and on the service page', async () => {
    const expected = [
      { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00', description: null, notes: null },
      { days: null, opens: null, closes: null, description: 'Closed on public holidays', notes: null },
    ];
    const result = (await coordinator.get('/api/directory/search?q=pantry')).body.items;
    expect(result.map((item: { serviceId: string }) => item.serviceId)).toEqual([food]);
    expect(result[0].hours).toEqual(expected);
    const page = await coordinator.get(`/api/directory/services/${food}`);
    expect(page.body.locations).toHaveLength(1);
    expect(page.body.locations[0].hours).toEqual(expected);
    const appointment = await coordinator.get(`/api/directory/services/${housing}`);
    expect(appointment.body.locations[0].hours).toEqual([
      { days: null, opens: null, closes: null, description: 'By appointment: call first.', notes: null },
    ]);
  });

  it('lets the staff of the organisation update its room, and shows it in the next search', async () => {
    const detail = await partner.get(`/api/directory/services/${food}`);
    expect(detail.body.canUpdateCapacity).toBe(true);
    const update = await partner.patch(`/api/directory/services/${food}/intake`, {
      capacityStatus: 'waitlist',
      waitlistLength: 12,
    });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({
      capacityStatus: 'waitlist',
      waitlistLength: 12,
      capacityUpdatedBy: expect.stringMatching(/^Test User/),
    });
    const search = await coordinator.get('/api/directory/search?near=17401&need=food-insecurity&radiusKm=100&limit=100');
    const found = search.body.items.find((item: { serviceId: string }) => item.serviceId === food);
    expect(found.capacity).toMatchObject({ status: 'waitlist', waitlistLength: 12 });
    const history = await coordinator.get(`/api/directory/services/${food}`);
    expect(history.body.capacityHistory[0]).toMatchObject({ capacityStatus: 'waitlist', waitlistLength: 12 });
    const audited = await ctx().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'directory_service.update_intake' AND outcome = 'success' AND record_id = $1`,
      [food],
    );
    expect(audited).toHaveLength(1);
    // Back as it was, for the other tests of this file, whatever their order.
    await partner.patch(`/api/directory/services/${food}/intake`, {
      capacityStatus: 'available',
      waitlistLength: null,
      openSlots: 4,
    });
  });

  it("refuses others an update of a service's room, as 404", async () => {
    // The pantry is kept by Riverside Partners: to anyone else it is a record of another organisation.
    const detail = await coordinator.get(`/api/directory/services/${food}`);
    expect(detail.body.canUpdateCapacity).toBe(false);
    expect((await coordinator.patch(`/api/directory/services/${food}/intake`, { capacityStatus: 'available' })).status).toBe(404);
    const outsiderOrganization = await buildOrganization(ctx().db);
    const outsider = await buildUser(ctx().db, { organizationId: outsiderOrganization.id, roles: ['admin'] });
    const client = await signedIn(ctx().baseUrl, outsider.email, outsider.password);
    expect((await client.patch(`/api/directory/services/${food}/intake`, { acceptingReferrals: false })).status).toBe(404);
    const denied = await ctx().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'directory_service.update_intake' AND outcome = 'denied' AND record_id = $1`,
      [food],
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
      ['cursor=bm9wZQ', 'query.cursor'],
    ];
    for (const [query, field] of cases) {
      const answer = await coordinator.get(`/api/directory/search?${query}`);
      expect(answer.status, query).toBe(400);
      expect(
        answer.body.errors.map((error: { field: string }) => error.field),
        query,
      ).toContain(field);
    }
    const badIntake = await partner.patch(`/api/directory/services/${food}/intake`, { openSlots: -1 });
    expect(badIntake.status).toBe(400);
    expect(badIntake.body.errors[0].field).toBe('openSlots');
  });

  it('exports a search as CSV in words a spreadsheet user reads, with formulas made text', async () => {
    const answer = await coordinator.request('GET', '/api/directory/search.csv?need=food-insecurity&near=17401&radiusKm=30');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parse(String(answer.body), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.Service)).toEqual(['Riverside Food Pantry', 'Northside Grocery Help']);
    expect(rows[0]).toMatchObject({
      Organization: 'Riverside Community Kitchen',
      Languages: 'English; Spanish',
      'Taking referrals': 'Yes',
      Room: 'Room available',
      'How to refer': 'Kith; Phone',
      'Referral phone': '555-0150',
      Needs: 'Food',
    });
    expect(rows[0]!['Room updated']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows[1]).toMatchObject({ Room: 'No room', 'Taking referrals': 'No' });

    const everywhere = await coordinator.request('GET', '/api/directory/search.csv?q=corner');
    const [corner] = parse(String(everywhere.body), { columns: true }) as Record<string, string>[];
    // A cell beginning with = is written with a leading apostrophe: the spreadsheet shows it, never runs it.
    expect(corner).toMatchObject({ Service: "'=1+1 Food Corner", Room: 'Not known', 'Open now': 'Not known' });
  });

  it('is for signed-in users only', async () => {
    expect((await new Client(ctx().baseUrl).get('/api/directory/search?q=food')).status).toBe(401);
    expect((await new Client(ctx().baseUrl).get('/api/directory/search.csv?q=food')).status).toBe(401);
  });
});
