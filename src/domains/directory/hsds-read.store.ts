// The SQL behind the public HSDS read API and the HSDS export: which records a list request
// matches (each list is one FROM with its filters ANDed, as the HSDS spec requires), counted once
// and paged in id order by offset or by keyset; and the stored rows of any HSDS object by a
// column, which interop's assembler nests into HSDS JSON.
import type { Db, Queryable } from '../../platform/db/database';
import { hsdsModel, type HsdsObjectName } from './hsds-model';

/** What a list matches; built only here, so that no SQL text crosses the directory's face. */
export interface HsdsFilter {
  readonly from: string;
  readonly id: string;
  readonly where: readonly string[];
  readonly params: readonly unknown[];
}

/** The filters the HSDS API offers on services and services at locations. */
export interface HsdsRecordFilters {
  /** Words, each of which must appear in one of the record's texts (case-insensitive). */
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** ISO 8601 instant; compared with service.last_modified where that is a timestamp. */
  modifiedAfter?: string;
}

function filter(from: string, id: string) {
  const where: string[] = [];
  const params: unknown[] = [];
  return { from, id, where, params, param: (value: unknown) => `$${params.push(value)}` };
}
type Building = ReturnType<typeof filter>;

/** `search` as words, each of which must appear in one of `columns` (ILIKE, so case-insensitive). */
function searchWords(f: Building, search: string | undefined, columns: string[]): void {
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

function recordFilters(f: Building, filters: HsdsRecordFilters, linkIds: string): void {
  if (filters.taxonomyTermId) {
    f.where.push(
      `EXISTS (SELECT 1 FROM hsds_attribute a WHERE a.link_id IN (${linkIds}) AND a.taxonomy_term_id = ${f.param(filters.taxonomyTermId)})`,
    );
  }
  if (filters.taxonomyId) {
    f.where.push(
      `EXISTS (SELECT 1 FROM hsds_attribute a JOIN hsds_taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_id IN (${linkIds}) AND t.taxonomy_id = ${f.param(filters.taxonomyId)})`,
    );
  }
  if (filters.organizationId) f.where.push(`s.organization_id = ${f.param(filters.organizationId)}`);
  if (filters.modifiedAfter) {
    f.where.push(
      `(CASE WHEN s.last_modified ~* ${castableTimestamp} THEN s.last_modified::timestamptz END) >= ${f.param(filters.modifiedAfter)}::timestamptz`,
    );
  }
}

export function hsdsServicesFilter(filters: HsdsRecordFilters): HsdsFilter {
  const f = filter('hsds_service s LEFT JOIN hsds_organization o ON o.id = s.organization_id', 's.id');
  searchWords(f, filters.search, ['s.name', 's.alternate_name', 's.description', 'o.name', 'o.description']);
  recordFilters(f, filters, 's.id');
  return f;
}

export function hsdsOrganizationsFilter(filters: { search?: string }): HsdsFilter {
  const f = filter('hsds_organization o', 'o.id');
  searchWords(f, filters.search, ['o.name', 'o.alternate_name', 'o.description']);
  return f;
}

/**
 * The centroid of a postal code (keyed by directory_postal_code_key, so ZIP+4 is its ZIP code):
 * from the search index's centroids, else from the directory's own addresses.
 */
async function postcodeCentroid(q: Queryable, postcode: string): Promise<{ latitude: number; longitude: number } | undefined> {
  const rows = await q.query<{ latitude: number | null; longitude: number | null }>(
    `SELECT latitude, longitude FROM directory_postal_code WHERE postal_code = directory_postal_code_key($1)
     UNION ALL
     SELECT avg(l.latitude), avg(l.longitude) FROM hsds_address ad JOIN hsds_location l ON l.id = ad.location_id
      WHERE directory_postal_code_key(ad.postal_code) = directory_postal_code_key($1)
        AND l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180`,
    [postcode],
  );
  const found = rows.find((row) => row.latitude !== null && row.longitude !== null);
  return found ? { latitude: found.latitude!, longitude: found.longitude! } : undefined;
}

export async function hsdsServiceAtLocationsFilter(
  q: Queryable,
  filters: HsdsRecordFilters & { postcode?: string; proximityMetres?: number },
): Promise<HsdsFilter> {
  const f = filter(
    'hsds_service_at_location sl LEFT JOIN hsds_service s ON s.id = sl.service_id LEFT JOIN hsds_location l ON l.id = sl.location_id LEFT JOIN hsds_organization o ON o.id = s.organization_id',
    'sl.id',
  );
  searchWords(f, filters.search, ['s.name', 's.description', 'o.name', 'o.description', 'l.name', 'sl.description']);
  // A term on the service or on this service-at-location itself.
  recordFilters(f, filters, 'sl.id, sl.service_id');
  if (filters.postcode !== undefined && filters.proximityMetres === undefined) {
    // Without a radius: the place's address has this postcode, or the service says it serves it.
    const postcode = `directory_postal_code_key(${f.param(filters.postcode)})`;
    f.where.push(
      `(EXISTS (SELECT 1 FROM hsds_address ad WHERE ad.location_id = sl.location_id AND directory_postal_code_key(ad.postal_code) = ${postcode})
        OR EXISTS (SELECT 1 FROM hsds_service_area sa WHERE sa.service_id = sl.service_id AND directory_postal_code_key(sa.name) = ${postcode}))`,
    );
  } else if (filters.postcode !== undefined && filters.proximityMetres !== undefined) {
    const centroid = await postcodeCentroid(q, filters.postcode);
    if (!centroid) f.where.push('false');
    else {
      const center = `ll_to_earth(${f.param(centroid.latitude)}, ${f.param(centroid.longitude)})`;
      const radius = f.param(filters.proximityMetres);
      f.where.push(
        `l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180`,
        `earth_box(${center}, ${radius}) @> ll_to_earth(l.latitude, l.longitude)`,
        `earth_distance(${center}, ll_to_earth(l.latitude, l.longitude)) <= ${radius}`,
      );
    }
  }
  return f;
}

export function hsdsTaxonomiesFilter(filters: { search?: string }): HsdsFilter {
  const f = filter('hsds_taxonomy x', 'x.id');
  searchWords(f, filters.search, ['x.name', 'x.description']);
  return f;
}

export function hsdsTaxonomyTermsFilter(filters: {
  search?: string;
  taxonomyId?: string;
  topOnly?: boolean;
  parentId?: string;
}): HsdsFilter {
  const f = filter('hsds_taxonomy_term t', 't.id');
  searchWords(f, filters.search, ['t.name', 't.description', 't.code']);
  if (filters.taxonomyId) f.where.push(`t.taxonomy_id = ${f.param(filters.taxonomyId)}`);
  if (filters.topOnly) f.where.push('t.parent_id IS NULL');
  if (filters.parentId) f.where.push(`t.parent_id = ${f.param(filters.parentId)}`);
  return f;
}

/** Every record of `object`, or (with `id`) the one with that id. */
export function hsdsRecordsFilter(object: HsdsObjectName, id?: string): HsdsFilter {
  const f = filter(`${hsdsModel[object].table} r`, 'r.id');
  if (id !== undefined) f.where.push(`r.id = ${f.param(id)}::uuid`);
  return f;
}

const whereOf = (f: HsdsFilter, extra: string[] = []) => {
  const all = [...f.where, ...extra];
  return all.length ? `WHERE ${all.join(' AND ')}` : '';
};

export async function countHsdsMatches(q: Queryable, f: HsdsFilter): Promise<number> {
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${f.from} ${whereOf(f)}`, f.params);
  return rows[0]!.n;
}

/** One page of matching ids in id order, by offset (pages) or after an id (streams and exports). */
export async function hsdsMatchIds(
  q: Queryable,
  f: HsdsFilter,
  page: { limit: number; offset?: number; after?: string },
): Promise<string[]> {
  const params = [...f.params];
  // Keyset pages over the primary key: every page is an index range scan, however deep.
  const extra = page.after === undefined ? [] : [`${f.id} > $${params.push(page.after)}::uuid`];
  const limit = `$${params.push(page.limit)}`;
  const offset = `$${params.push(page.offset ?? 0)}`;
  const rows = await q.query<{ id: string }>(
    `SELECT ${f.id} AS id FROM ${f.from} ${whereOf(f, extra)} ORDER BY ${f.id} LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return rows.map((row) => row.id);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The stored rows of `object` whose `column` is one of `ids`, in id order: every HSDS field, by its name. */
export async function hsdsRowsWhere(
  q: Queryable,
  object: HsdsObjectName,
  column: string,
  ids: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (ids.length === 0) return [];
  const model = hsdsModel[object];
  if (!(column in model.fields)) throw new Error(`${object} has no column ${column}`);
  const columns = Object.keys(model.fields).map(quoted).join(', ');
  return q.query(`SELECT ${columns} FROM ${quoted(model.table)} WHERE ${quoted(column)} = ANY($1::uuid[]) ORDER BY id`, [ids]);
}

/**
 * Runs `work` on one read-only snapshot of the directory: an export cannot see a service that
 * points at an organisation an import removed halfway through.
 */
export async function inHsdsSnapshot<T>(db: Db, work: (q: Queryable) => Promise<T>): Promise<T> {
  return db.tx(async (q) => {
    await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(q);
  });
}
