// The two ways a search near a place reads the index — walking outwards from the place, or
// filtering through the facet and text indexes — must find the same services in the same order;
// and the grid cells a search covers its circle with must hold every place inside the circle.
import { beforeAll, expect, it } from 'vitest';
import { buildSampleDirectory } from '../../../test/support/directory-factories';
import { describeEachEngine } from '../../../test/support/harness';
import { SearchQuery } from './directory.schema';
import { searchDirectory } from './search-directory';
import { coveringCells } from './search-place';
import type { SearchPlan } from './search-plan';

const timeZone = 'America/New_York';

describeEachEngine('search plans', (ctx) => {
  let postalCodes: string[];

  const system = () => ({ db: ctx().db, actor: 'system' as const });

  beforeAll(async () => {
    // Three towns of 30 services each: every search below has a town's services within reach.
    const sample = await buildSampleDirectory(ctx().db, { seed: 11 });
    postalCodes = sample.towns.map((town) => town.postalCode);
  });

  async function everyResult(query: Record<string, string>, plan: SearchPlan) {
    const found: { entryId: string; distanceKm: number | null }[] = [];
    let cursor: string | undefined;
    do {
      const answer = await searchDirectory(system(), {
        query: SearchQuery.parse({ ...query, limit: '7', ...(cursor ? { cursor } : {}) }),
        timeZone,
        plan,
        now: new Date('2026-11-25T15:00:00Z'),
      });
      expect(answer.plan).toBe(plan);
      found.push(
        ...answer.entries.map((entry) => ({
          entryId: entry.entry_id,
          distanceKm: entry.distance_m === null ? null : entry.distance_m / 1000,
        })),
      );
      cursor = answer.nextCursor ?? undefined;
    } while (cursor);
    return found;
  }

  it('finds the same services, nearest first, whichever way it reads the index', async () => {
    const queries: Record<string, string>[] = [];
    for (const near of postalCodes) {
      queries.push(
        { near, radiusKm: '30' },
        { near, radiusKm: '30', need: 'food-insecurity' },
        { near, radiusKm: '30', need: 'housing-instability', acceptingReferrals: 'true' },
        { near, radiusKm: '30', language: 'es' },
        { near, radiusKm: '30', openNow: 'true' },
        { near, radiusKm: '30', hasCapacity: 'true' },
        { near, radiusKm: '30', q: 'food' },
        { near, radiusKm: '5', q: 'help' },
      );
    }
    let nonEmpty = 0;
    for (const query of queries) {
      const walked = await everyResult(query, 'walk');
      const filtered = await everyResult(query, 'filter');
      expect(new Set(filtered.map((item) => item.entryId)), JSON.stringify(query)).toEqual(
        new Set(walked.map((item) => item.entryId)),
      );
      expect(filtered.length, JSON.stringify(query)).toBe(walked.length);
      for (const list of [walked, filtered]) {
        const distances = list.map((item) => item.distanceKm!);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        expect(distances.filter((distance) => distance > Number(query.radiusKm))).toEqual([]);
      }
      if (walked.length > 0) nonEmpty++;
    }
    // The comparison means something only if most searches find services.
    expect(nonEmpty).toBeGreaterThan(queries.length / 2);
  });

  it('walks a circle the grid cannot cover: across the 180th meridian, or round a pole', async () => {
    expect(coveringCells({ latitude: -17.7, longitude: 179.98 }, 10_000)).toBeNull();
    expect(coveringCells({ latitude: 89.95, longitude: 10 }, 10_000)).toBeNull();
    const near = { lat: '-17.7', lon: '179.98', radiusKm: '10', need: 'food-insecurity' };
    const answer = await searchDirectory(system(), { query: SearchQuery.parse(near), timeZone });
    expect(answer.plan).toBe('walk');
  });

  it('covers a circle with grid cells holding every place inside it', async () => {
    const origins = [
      { latitude: 39.95, longitude: -75.16 },
      { latitude: -33.87, longitude: 151.21 },
      { latitude: 64.15, longitude: -21.94 },
      { latitude: 0.001, longitude: 0.001 },
    ];
    for (const origin of origins) {
      for (const radiusMetres of [300, 2_000, 10_000, 50_000, 200_000]) {
        const cells = new Set(coveringCells(origin, radiusMetres) ?? []);
        expect(cells.size).toBeGreaterThan(0);
        // Places on the circle's edge, all round it, and its centre.
        const places = await ctx().db.query<{ cells: string[] }>(
          `SELECT directory_cell_tokens(
                    degrees(asin(sin(radians($1)) * cos(d) + cos(radians($1)) * sin(d) * cos(b))),
                    $2 + degrees(atan2(sin(b) * sin(d) * cos(radians($1)), cos(d) - sin(radians($1)) * sin(radians($1))))) AS cells
             FROM generate_series(0, 35) AS step, LATERAL (SELECT radians(step * 10) AS b, $3 / 6371008.8 * 0.999 AS d) AS edge
           UNION ALL SELECT directory_cell_tokens($1, $2)`,
          [origin.latitude, origin.longitude, radiusMetres],
        );
        expect(places).toHaveLength(37);
        expect(
          places.filter((place) => !place.cells.some((cell) => cells.has(cell))),
          `${JSON.stringify(origin)} ${radiusMetres} m`,
        ).toEqual([]);
      }
    }
  });
});
