// The filters of a search, and the facet tokens they match in directory_search_entry.facets (the
// index rebuild writes the same tokens: see search-index.store.ts): a group is "any of these
// tokens", and an entry must match every group.
import { HOUR_BLOCK_MINUTES } from './opening-hours';

export interface EntryFilters {
  need?: string[];
  taxonomyTermId?: string[];
  /** Any of these languages (a code or a name, lower case). */
  language?: string[];
  acceptingReferrals?: boolean;
  hasCapacity?: boolean;
  serviceArea?: string;
  /** Only entries open at this minute of the week (see minuteOfWeek). */
  openAtMinute?: number;
}

export function facetGroupsOf(filters: EntryFilters): string[][] {
  const groups: string[][] = [];
  if (filters.need?.length) groups.push(filters.need.map((code) => `n:${code}`));
  if (filters.taxonomyTermId?.length) groups.push(filters.taxonomyTermId.map((id) => `t:${id}`));
  if (filters.language?.length) groups.push(filters.language.map((value) => `l:${value}`));
  if (filters.acceptingReferrals) groups.push(['r']);
  if (filters.hasCapacity) groups.push(['c:available']);
  if (filters.serviceArea) groups.push([`a:${filters.serviceArea}`]);
  if (filters.openAtMinute !== undefined) groups.push([`h:${Math.floor(filters.openAtMinute / HOUR_BLOCK_MINUTES)}`]);
  return groups;
}
