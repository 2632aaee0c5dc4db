// "Nothing within 10 km" is a dead end unless the page can say how far the nearest match is: the
// search tells, with the same words and filters, whichever way it reads the index; and each result
// says where it is, for the map.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { buildNeedTerm, buildPlacedService, indexDirectory } from '../../../test/support/directory-factories';
import { searchDirectory } from './search-directory';

describeEachEngine('the nearest match beyond the radius', (ctx) => {
  let coordinator: Client;
  let pantry: string;

  beforeAll(async () => {
    const { db } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id, roles: ['care_coordinator'] });
    coordinator = await signedIn(ctx().baseUrl, user.email, user.password);
    const foodTerm = await buildNeedTerm(db, { name: 'Food', needDomain: 'food-insecurity' });
    const housingTerm = await buildNeedTerm(db, { name: 'Housing help', needDomain: 'housing-instability' });
    // The ZIP code's only place is a housing desk; the food pantry is about 10.9 km north of it.
    await buildPlacedService(db, {
      name: 'Elmwood Housing Desk',
      place: { latitude: 40.2, longitude: -76.8, postalCode: '17501', city: 'Elmwood' },
      termIds: [housingTerm],
    });
    pantry = (
      await buildPlacedService(db, {
        name: 'Hilltop Food Pantry',
        place: { latitude: 40.298, longitude: -76.8, postalCode: '17520', city: 'Hilltop' },
        termIds: [foodTerm],
      })
    ).serviceId;
    await indexDirectory(db);
  });

  it('says how far the nearest food is when none is within 10 km of the ZIP code', async () => {
    const answer = await coordinator.get('/api/directory/search?q=food&near=17501&radiusKm=10');
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([]);
    expect(answer.body.nearest.distanceMetres).toBeGreaterThan(10_800);
    expect(answer.body.nearest.distanceMetres).toBeLessThan(11_000);
    // The same through a need instead of words.
    const byNeed = await coordinator.get('/api/directory/search?need=food-insecurity&near=17501&radiusKm=10');
    expect(byNeed.body.nearest.distanceMetres).toBe(answer.body.nearest.distanceMetres);
  });

  it('finds it once the radius is widened, with where it is for the map', async () => {
    const answer = await coordinator.get('/api/directory/search?q=food&near=17501&radiusKm=12');
    expect(answer.body.items.map((item: { serviceId: string }) => item.serviceId)).toEqual([pantry]);
    expect(answer.body.nearest).toBeNull();
    expect(answer.body.items[0]).toMatchObject({ latitude: 40.298, longitude: -76.8 });
  });

  it('says nothing when no match is within 200 km either, or when the search has no place', async () => {
    const answer = await coordinator.get('/api/directory/search?q=food&near=17501&radiusKm=10&language=fr');
    expect(answer.body.items).toEqual([]);
    expect(answer.body.nearest).toBeNull();
    const nowhere = await coordinator.get('/api/directory/search?q=food&language=fr');
    expect(nowhere.body.items).toEqual([]);
    expect(nowhere.body.nearest).toBeNull();
  });

  it('gives the same nearest whether the index is walked or filtered', async () => {
    const context = { db: ctx().db, actor: 'system' as const };
    const query = { q: 'food', near: '17501', radiusKm: 5, limit: 20 };
    const [walked, filtered] = await Promise.all(
      (['walk', 'filter'] as const).map((plan) => searchDirectory(context, { query, timeZone: 'America/New_York', plan })),
    );
    expect(walked!.nearest).not.toBeNull();
    expect(walked!.nearest).toEqual(filtered!.nearest);
  });
});
