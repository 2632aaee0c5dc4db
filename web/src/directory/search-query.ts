// A directory search lives in the page address (/directory?q=food&near=12345&need=…), so it can be
// shared, bookmarked, and undone with the back button. The address uses the API's own names.
import { searchParamsOf, type DirectoryQuery } from '../api/directory';
import type { DistanceUnit } from '../api/types';
import { KM_PER_MILE } from './format';

/** The server's distance when a place is given and no distance is. */
export const defaultRadiusKm = 10;

/** The distances offered, in km, as round numbers of the network's unit (the API counts in km). */
export function radiusChoicesKm(unit: DistanceUnit): number[] {
  return unit === 'mi' ? [1, 2, 5, 10, 25, 50, 100].map((miles) => miles * KM_PER_MILE) : [2, 5, 10, 25, 50, 100];
}

/** The distance a search near a place uses when none is chosen: 10 km, or 5 miles. */
export function defaultRadiusKmOf(unit: DistanceUnit): number {
  return unit === 'mi' ? 5 * KM_PER_MILE : defaultRadiusKm;
}

/**
 * The search as sent: where the network counts in miles, a search near a place without a chosen
 * distance asks for the default in miles (the server's own default is 10 km).
 */
export function requestQueryOf(query: DirectoryQuery, unit: DistanceUnit): DirectoryQuery {
  const hasPlace = query.near !== undefined || query.lat !== undefined;
  if (unit === 'km' || !hasPlace || query.radiusKm !== undefined) return query;
  return { ...query, radiusKm: defaultRadiusKmOf(unit) };
}

/** The smallest offered distance that reaches `km` (or the largest a search may ask, 200 km). */
export function radiusReaching(km: number, unit: DistanceUnit): number {
  return radiusChoicesKm(unit).find((choice) => choice >= km) ?? 200;
}

function numberOf(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function queryFromParams(params: URLSearchParams): DirectoryQuery {
  const query: DirectoryQuery = {};
  const text = (key: string) => params.get(key)?.trim() || undefined;
  query.q = text('q');
  const needs = params.getAll('need').filter(Boolean);
  if (needs.length > 0) query.need = [...new Set(needs)];
  query.near = text('near');
  query.lat = numberOf(params.get('lat'));
  query.lon = numberOf(params.get('lon'));
  query.radiusKm = numberOf(params.get('radiusKm'));
  query.openNow = params.get('openNow') === 'true' || undefined;
  query.language = text('language');
  query.acceptingReferrals = params.get('acceptingReferrals') === 'true' || undefined;
  query.hasCapacity = params.get('hasCapacity') === 'true' || undefined;
  query.serviceArea = text('serviceArea');
  query.verbatim = params.get('verbatim') === 'true' || undefined;
  // Keys with no value are left out, so equal searches have equal cache keys.
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as DirectoryQuery;
}

export function paramsFromQuery(query: DirectoryQuery): URLSearchParams {
  return searchParamsOf(query);
}
