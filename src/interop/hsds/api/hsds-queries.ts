// Which records an HSDS list request matches: each list is one FROM with its filters ANDed (the
// spec requires AND), counted once and paged by offset in id order; ndjson walks it by keyset.
import type { Queryable } from '../../../platform/db/database';
import type { OrganizationsQuery, ServiceAtLocationsQuery, ServicesQuery, TaxonomiesQuery, TaxonomyTermsQuery } from './hsds.schema';

export interface Filter {
  from: string;
  id: string;
  where: string[];
  params: unknown[];
}

function filter(from: string, id: string): Filter & { param: (value: unknown) => string } {
  const params: unknown[] = [];
  return {
    from,
    id,
    where: [],
    params,
    param: (value) => `$${params.push(value)}`,
  };
}

/** `search` as words, each of which must appear in one of `columns` (ILIKE, so case-insensitive). */
function searchWords(f: ReturnType<typeof filter>, search: string | undefined, columns: string[]): void {
  const words = (search ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  for (const word of words) {
    const pattern = f.param(`%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    f.where.push(`(${columns.map((column) => `${column} ILIKE ${pattern}`).join(' OR ')})`);
  }
}

/**
 * An ISO stamp stored as text is compared only when it certainly casts: a stored value that does
 * not (free text from an import) simply does not match, instead of failing the whole query.
 */
const castableTimestamp = (() => {
  const year = '[1-9][0-9]{3}';
  const monthDay = '((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))';
  const leapYear = '([1-9][0-9](0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00)';
  const time = '([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?(Z|[+-][01][0-9](:?[0-5][0-9])?)?)?';
  return `'^(${year}-${monthDay}|${leapYear}-02-29)${time}$'`;
})();

function recordFilters(
  f: ReturnType<typeof filter>,
  query: Pick<ServicesQuery, 'taxonomy_term_id' | 'taxonomy_id' | 'organization_id' | 'modified_after'>,
  linkIds: string,
): void {
  if (query.taxonomy_term_id) {
    f.where.push(`EXISTS (SELECT 1 FROM hsds_attribute a WHERE a.link_id IN (${linkIds}) AND a.taxonomy_term_id = ${f.param(query.taxonomy_term_id)})`);
  }
  if (query.taxonomy_id) {
    f.where.push(
      `EXISTS (SELECT 1 FROM hsds_attribute a JOIN hsds_taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_id IN (${linkIds}) AND t.taxonomy_id = ${f.param(query.taxonomy_id)})`,
    );
  }
  if (query.organization_id) f.where.push(`s.organization_id = ${f.param(query.organization_id)}`);
  if (query.modified_after) {
    f.where.push(
      `(CASE WHEN s.last_modified ~* ${castableTimestamp} THEN s.last_modified::timestamptz END) >= ${f.param(query.modified_after)}::timestamptz`,
    );
  }
}

export function servicesFilter(query: ServicesQuery): Filter {
  const f = filter('hsds_service s LEFT JOIN hsds_organization o ON o.id = s.organization_id', 's.id');
  searchWords(f, query.search, ['s.name', 's.alternate_name', 's.description', 'o.name', 'o.description']);
  recordFilters(f, query, 's.id');
  return f;
}

export function organizationsFilter(query: OrganizationsQuery): Filter {
  const f = filter('hsds_organization o', 'o.id');
  searchWords(f, query.search, ['o.name', 'o.alternate_name', 'o.description']);
  return f;
}

const normalizedPostcode = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** The centroid of a postcode: from the search index's table, else from the directory's own addresses. */
async function postcodeCentroid(q: Queryable, postcode: string): Promise<{ latitude: number; longitude: number } | undefined> {
  const rows = await q.query<{ latitude: number | null; longitude: number | null }>(
    `SELECT latitude, longitude FROM directory_postal_code WHERE upper(replace(postal_code, ' ', '')) = $1
     UNION ALL
     SELECT avg(l.latitude), avg(l.longitude) FROM hsds_address ad JOIN hsds_location l ON l.id = ad.location_id
      WHERE upper(replace(ad.postal_code, ' ', '')) = $1 AND l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180`,
    [normalizedPostcode(postcode)],
  );
  const found = rows.find((row) => row.latitude !== null && row.longitude !== null);
  return found ? { latitude: found.latitude!, longitude: found.longitude! } : undefined;
}

export async function serviceAtLocationsFilter(q: Queryable, query: ServiceAtLocationsQuery): Promise<Filter> {
  const f = filter(
    'hsds_service_at_location sl LEFT JOIN hsds_service s ON s.id = sl.service_id LEFT JOIN hsds_location l ON l.id = sl.location_id LEFT JOIN hsds_organization o ON o.id = s.organization_id',
    'sl.id',
  );
  searchWords(f, query.search, ['s.name', 's.description', 'o.name', 'o.description', 'l.name', 'sl.description']);
  // A term on the service or on this service-at-location itself.
  recordFilters(f, query, 'sl.id, sl.service_id');
  if (query.postcode !== undefined && query.proximity === undefined) {
    // Without a radius: the place's address has this postcode, or the service says it serves it.
    const postcode = f.param(normalizedPostcode(query.postcode));
    f.where.push(
      `(EXISTS (SELECT 1 FROM hsds_address ad WHERE ad.location_id = sl.location_id AND upper(replace(ad.postal_code, ' ', '')) = ${postcode})
        OR EXISTS (SELECT 1 FROM hsds_service_area sa WHERE sa.service_id = sl.service_id AND upper(replace(sa.name, ' ', '')) = ${postcode}))`,
    );
  } else if (query.postcode !== undefined && query.proximity !== undefined) {
    const centroid = await postcodeCentroid(q, query.postcode);
    if (!centroid) f.where.push('false');
    else {
      const center = `ll_to_earth(${f.param(centroid.latitude)}, ${f.param(centroid.longitude)})`;
      const radius = f.param(query.proximity);
      f.where.push(
        `l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180`,
        `earth_box(${center}, ${radius}) @> ll_to_earth(l.latitude, l.longitude)`,
        `earth_distance(${center}, ll_to_earth(l.latitude, l.longitude)) <= ${radius}`,
      );
    }
  }
  return f;
}

export function taxonomiesFilter(query: TaxonomiesQuery): Filter {
  const f = filter('hsds_taxonomy x', 'x.id');
  searchWords(f, query.search, ['x.name', 'x.description']);
  return f;
}

export function taxonomyTermsFilter(query: TaxonomyTermsQuery): Filter {
  const f = filter('hsds_taxonomy_term t', 't.id');
  searchWords(f, query.search, ['t.name', 't.description', 't.code']);
  if (query.taxonomy_id) f.where.push(`t.taxonomy_id = ${f.param(query.taxonomy_id)}`);
  if (query.top_only) f.where.push('t.parent_id IS NULL');
  if (query.parent_id) f.where.push(`t.parent_id = ${f.param(query.parent_id)}`);
  return f;
}

const whereOf = (f: Filter, extra: string[] = []) => {
  const all = [...f.where, ...extra];
  return all.length ? `WHERE ${all.join(' AND ')}` : '';
};

export async function countOf(q: Queryable, f: Filter): Promise<number> {
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${f.from} ${whereOf(f)}`, f.params);
  return rows[0]!.n;
}

/** One page of matching ids in id order, by offset (pages) or after an id (streams). */
export async function idsOf(q: Queryable, f: Filter, page: { limit: number; offset?: number; after?: string }): Promise<string[]> {
  const params = [...f.params];
  const extra = page.after === undefined ? [] : [`${f.id} > $${params.push(page.after)}::uuid`];
  const limit = `$${params.push(page.limit)}`;
  const offset = `$${params.push(page.offset ?? 0)}`;
  const rows = await q.query<{ id: string }>(
    `SELECT ${f.id} AS id FROM ${f.from} ${whereOf(f, extra)} ORDER BY ${f.id} LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return rows.map((row) => row.id);
}
