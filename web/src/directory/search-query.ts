// A directory search lives in the page address (/directory?q=food&near=12345&need=…), so it can be
// shared, bookmarked, and undone with the back button. The address uses the API's own names.
import { searchParamsOf, type DirectoryQuery } from '../api/directory';

export const radiusChoicesKm = [2, 5, 10, 25, 50, 100] as const;
/** The server's distance when a place is given and no distance is. */
export const defaultRadiusKm = 10;

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
