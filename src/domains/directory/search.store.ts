// The SQL of a directory search: which words the index knows, where a place is, how many entries
// each facet holds, and the page of entries itself, all read from the search index tables.
import type { Db, Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { OpeningHours } from './directory.schema';
import { facetGroupsOf, type EntryFilters } from './search-facets';
import type { SearchPlan } from './search-plan';

/** Without a place, at most this many matches of the words are ranked (see findEntries). */
const TEXT_ONLY_CANDIDATES = 1_000;

/**
 * Which words the directory knows: every stem of the word is in the text index (a stop word has
 * none), or the word is in the lexicon (which also holds the words of organisations without
 * services yet, of places and of cities); and whether the last word begins longer words of the
 * lexicon (it is being typed).
 */
export async function knownWords(
  q: Queryable,
  words: string[],
  last: string | null,
): Promise<{ known: string[]; lastBeginsWords: boolean }> {
  const [row] = await q.query<{ known: string[] | null; last_begins_words: boolean | null }>(
    `SELECT ARRAY(SELECT w FROM unnest($1::text[]) AS w
                   WHERE EXISTS (SELECT 1 FROM directory_lexicon WHERE word = w)
                      OR NOT EXISTS (
                        SELECT 1 FROM unnest(tsvector_to_array(to_tsvector('english', w))) AS lexeme
                         WHERE NOT EXISTS (SELECT 1 FROM directory_search_facet WHERE token = 'w:' || lexeme))) AS known,
            EXISTS (SELECT 1 FROM directory_lexicon WHERE word LIKE $2 || '%' AND word <> $2) AS last_begins_words`,
    [words, last],
  );
  return { known: row?.known ?? [], lastBeginsWords: row?.last_begins_words ?? false };
}

/**
 * Words of the lexicon a misspelt word may stand for: the ones one edit away (looked up as they
 * are), and the most similar by trigrams (which find words two edits away in longer words).
 */
export async function correctionCandidates(
  q: Queryable,
  words: string[],
  oneEditAway: string[],
): Promise<{ word: string; entries: number }[]> {
  return q.query<{ word: string; entries: number }>(
    `SELECT word, entries FROM directory_lexicon WHERE word = ANY ($2::text[])
     UNION
     SELECT nearby.word, nearby.entries FROM unnest($1::text[]) AS w,
            LATERAL (SELECT word, entries FROM directory_lexicon WHERE word % w
                      ORDER BY word <-> w, entries DESC, word LIMIT 10) AS nearby`,
    [words, oneEditAway],
  );
}

/** The centroid of the directory's places with this postal code (keyed by directory_postal_code_key). */
export async function postalCodeCentroid(
  q: Queryable,
  code: string,
): Promise<{ latitude: number; longitude: number } | undefined> {
  const rows = await q.query<{ latitude: number; longitude: number }>(
    'SELECT latitude, longitude FROM directory_postal_code WHERE postal_code = directory_postal_code_key($1)',
    [code],
  );
  return rows[0];
}

/** Postal codes keyed the directory's one way (directory_postal_code_key): ZIP+4 as its ZIP code. */
export async function postalCodeKeys(q: Queryable, codes: readonly string[]): Promise<{ code: string; key: string | null }[]> {
  return q.query<{ code: string; key: string | null }>(
    'SELECT code, directory_postal_code_key(code) AS key FROM unnest($1::text[]) AS code',
    [codes],
  );
}

/** The first located entry whose address contains the text (wildcards in it are taken literally). */
export async function addressPoint(
  q: Queryable,
  text: string,
): Promise<{ latitude: number; longitude: number; address: string } | undefined> {
  const rows = await q.query<{ latitude: number; longitude: number; address: string }>(
    `SELECT latitude, longitude, address FROM directory_search_entry
      WHERE point IS NOT NULL AND address ILIKE '%' || $1 || '%' ORDER BY address LIMIT 1`,
    [text.replace(/[%_\\]/g, '')],
  );
  return rows[0];
}

/**
 * How many entries hold each token (and '*': all of them), and for each word how many entries its
 * stems are in; the last word's count includes every word it begins when it is a prefix.
 */
export async function facetCounts(
  q: Queryable,
  tokens: string[],
  words: string[],
  lastIsPrefix: boolean,
): Promise<{ counts: Record<string, number>; words: number[] }> {
  const [stats] = await q.query<{ counts: Record<string, number> | null; words: number[] | null }>(
    `SELECT (SELECT json_object_agg(token, entries) FROM directory_search_facet WHERE token = ANY ($1::text[])) AS counts,
            ARRAY(SELECT COALESCE((SELECT entries FROM directory_search_facet WHERE token = 'w:' || lexeme), 0)
                       + CASE WHEN $3 AND w.position = cardinality($2::text[])
                              THEN COALESCE((SELECT sum(entries) FROM directory_search_facet
                                              WHERE token > 'w:' || lexeme AND token < 'w:' || lexeme || U&'\\FFFF'), 0) ELSE 0 END
                    FROM unnest($2::text[]) WITH ORDINALITY AS w (word, position),
                         LATERAL unnest(tsvector_to_array(to_tsvector('english', w.word))) AS lexeme) AS words`,
    [tokens, words, lastIsPrefix],
  );
  return { counts: stats?.counts ?? {}, words: (stats?.words ?? []).map(Number) };
}

/** What to read from the index: the page of one search. */
export interface EntrySearch {
  /** The words as tsquery text: anywhere in the entry, and in the service's own name (weight A). */
  text: { anywhere: string; inName: string } | null;
  filters: EntryFilters;
  /** The minute of the week each entry is told open or closed at. */
  minute: number;
  place: { latitude: number; longitude: number; radiusMetres: number; cells: string[] | null } | null;
  plan: SearchPlan;
  limit: number;
  offset: number;
}

type Entry = TableRow<'directory_search_entry'>;
type Intake = TableRow<'directory_service_intake'>;

/** One result: the index entry's columns, its service's intake, and what the query computes. */
export interface EntryRow
  extends
    Pick<
      Entry,
      | 'entry_id'
      | 'service_id'
      | 'service_name'
      | 'organization_id'
      | 'organization_name'
      | 'location_name'
      | 'address'
      | 'postal_code'
      | 'latitude'
      | 'longitude'
      | 'languages'
      | 'accepting_referrals'
    >,
    Pick<
      Intake,
      | 'referral_email'
      | 'referral_phone'
      | 'referral_fax'
      | 'capacity_status'
      | 'open_slots'
      | 'waitlist_length'
      | 'days_to_first_contact'
      | 'capacity_note'
      | 'capacity_updated_at'
    > {
  summary: string;
  distance_m: number | null;
  open_now: boolean | null;
  hours: OpeningHours[] | null;
  need_domains: { code: string; name: string }[] | null;
  /** Null when the service has no intake row (the join is a LEFT JOIN). */
  how_to_refer: Intake['how_to_refer'] | null;
}

/** One page of entries (and one more, to tell whether another page follows). */
export async function findEntries(db: Db, search: EntrySearch): Promise<EntryRow[]> {
  const { filters, place, plan } = search;
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  // Exact conditions, tested on every entry read; facet groups (any token of a group, every group)
  // narrow the entries read to begin with when the plan filters.
  const where: string[] = [`e.status <> 'defunct'`];
  let rank = '0';
  let textCondition: string | null = null;
  let tsquery = '';
  if (search.text) {
    tsquery = `to_tsquery('english', ${param(search.text.anywhere)})`;
    textCondition = `e.document @@ ${tsquery}`;
    rank = `ts_rank_cd(e.document, ${tsquery}, 32)`;
  }
  if (filters.need?.length) where.push(`e.need_domains && ${param(filters.need)}::text[]`);
  if (filters.taxonomyTermId?.length) where.push(`e.taxonomy_term_ids && ${param(filters.taxonomyTermId)}::uuid[]`);
  if (filters.language?.length) where.push(`e.languages && ${param(filters.language)}::text[]`);
  if (filters.acceptingReferrals) where.push('e.accepting_referrals');
  if (filters.hasCapacity) where.push(`e.capacity_status = 'available'`);
  if (filters.serviceArea) where.push(`e.service_areas @> ARRAY[${param(filters.serviceArea)}::text]`);
  const minute = param(search.minute);
  if (filters.openAtMinute !== undefined) where.push(`e.open_minutes @> ${minute}::integer`);

  let distance = 'NULL::double precision';
  let point = '';
  if (place) {
    point = `ll_to_earth(${param(place.latitude)}, ${param(place.longitude)})`;
    distance = `earth_distance(${point}, e.point)`;
    where.push(`${distance} <= ${param(place.radiusMetres)}`);
  }
  if (plan === 'walk') {
    // The box is the spatial index's condition; the walk visits entries nearest first, so the
    // other conditions stay exact tests on each entry and the walk stops when the page is full.
    where.push(`earth_box(${point}, ${param(place!.radiusMetres)}) @> e.point`);
    if (textCondition) where.push(textCondition);
  } else {
    if (textCondition) where.push(textCondition);
    for (const group of facetGroupsOf(filters)) where.push(`e.facets && ${param(group)}::text[]`);
    if (place?.cells?.length) where.push(`e.facets && ${param(place.cells)}::text[]`);
  }

  // With a place, nearest first (the walk's own order; the filter sorts by the exact distance).
  // Without one, by relevance to the words, or by name.
  const order = place
    ? plan === 'walk'
      ? `e.point <-> ${point}`
      : `${distance}, e.entry_id`
    : search.text
      ? `${rank} DESC, e.entry_id`
      : 'e.service_name, e.entry_id';
  // Words alone can match a large part of a big directory; ranking every match would cost a row
  // read each. Without a place to narrow them, TEXT_ONLY_CANDIDATES matches are ranked: services
  // whose own name holds every word first (the ones ranking would put on top; found through the
  // index on the names' words), then other matches, told apart by the name's weight in the entry's
  // text (a need or another word narrows the matches first; a place lifts the cap).
  const capped = !place && textCondition !== null;
  const filter = where.join(' AND ');
  // The entry's text holds its service's name, so a name holding the words stands in for the text.
  const byName = () =>
    where.map((condition) => (condition === textCondition ? `to_tsvector('english', e.service_name) @@ ${tsquery}` : condition));
  const candidates = capped
    ? `(SELECT * FROM ((SELECT * FROM directory_search_entry e
                         WHERE ${byName().join(' AND ')} LIMIT ${TEXT_ONLY_CANDIDATES})
                       UNION ALL
                       (SELECT * FROM directory_search_entry e
                         WHERE ${filter} AND NOT e.document @@ to_tsquery('english', ${param(search.text!.inName)}) LIMIT ${TEXT_ONLY_CANDIDATES})) matches
         LIMIT ${TEXT_ONLY_CANDIDATES}) e`
    : 'directory_search_entry e';

  // The page is chosen on the index table alone; intake and need-domain names are joined to the
  // page's rows only (joining them before the LIMIT would read every candidate's intake).
  const sql = `SELECT page.*,
            (SELECT json_agg(json_build_object('code', nd.code, 'name', nd.name) ORDER BY nd.position)
               FROM need_domain nd WHERE nd.code = ANY (page.domain_codes)) AS need_domains,
            left(COALESCE(sv.description, ''), 400) AS summary, i.how_to_refer, i.referral_email, i.referral_phone, i.referral_fax, i.capacity_status, i.open_slots,
            i.waitlist_length, i.days_to_first_contact, i.capacity_note, i.capacity_updated_at
       FROM (SELECT ranked.*, row_number() OVER () AS position FROM (SELECT e.entry_id, e.service_id, e.service_name, e.organization_id, e.organization_name, e.location_name,
                    e.address, e.postal_code, e.latitude, e.longitude, ${distance} AS distance_m,
                    CASE WHEN e.open_minutes IS NULL THEN NULL ELSE e.open_minutes @> ${minute}::integer END AS open_now,
                    e.hours, e.languages, e.accepting_referrals, e.need_domains AS domain_codes
               FROM ${candidates}
              WHERE ${capped ? 'true' : filter}
              ORDER BY ${order}
              LIMIT ${param(search.limit + 1)} OFFSET ${param(search.offset)}) ranked) page
       LEFT JOIN directory_service_intake i ON i.service_id = page.service_id
       LEFT JOIN hsds_service sv ON sv.id = page.service_id
      ORDER BY page.position`;
  // PostgreSQL cannot estimate how many entries a box holds (the cube type guesses a constant), so
  // left to itself it would read the whole box through a bitmap; a walk is told not to.
  if (plan === 'walk') {
    return db.tx(async (q) => {
      await q.query('SET LOCAL enable_bitmapscan = off');
      return q.query<EntryRow>(sql, values);
    });
  }
  return db.query<EntryRow>(sql, values);
}

/** A directory organisation a search's words name, and the network organisation it is linked to. */
export interface NamedDirectoryOrganizationRow {
  id: string;
  name: string;
  network_organization_id: string | null;
}

/**
 * The directory organisations whose name holds every word of the tsquery text (through the index
 * on their names' words): a name that is the typed text itself first, then the shortest.
 */
export async function directoryOrganizationsNamed(
  q: Queryable,
  search: { tsquery: string; typed: string; limit: number },
): Promise<NamedDirectoryOrganizationRow[]> {
  return q.query<NamedDirectoryOrganizationRow>(
    `SELECT o.id, o.name, link.organization_id AS network_organization_id
       FROM hsds_organization o
       LEFT JOIN directory_organization_link link ON link.hsds_organization_id = o.id
      WHERE to_tsvector('english', o.name) @@ to_tsquery('english', $1)
      ORDER BY lower(o.name) = lower($2) DESC, length(o.name), lower(o.name), o.id
      LIMIT $3`,
    [search.tsquery, search.typed, search.limit],
  );
}

/** The directory organisation each of these network organisations is linked to (the first by name, if several). */
export async function directoryOrganizationsLinkedTo(
  q: Queryable,
  networkOrganizationIds: string[],
): Promise<Map<string, string>> {
  const rows = await q.query<{ organization_id: string; hsds_organization_id: string }>(
    `SELECT DISTINCT ON (link.organization_id) link.organization_id, link.hsds_organization_id
       FROM directory_organization_link link JOIN hsds_organization o ON o.id = link.hsds_organization_id
      WHERE link.organization_id = ANY ($1::uuid[])
      ORDER BY link.organization_id, lower(o.name), o.id`,
    [networkOrganizationIds],
  );
  return new Map(rows.map((row) => [row.organization_id, row.hsds_organization_id]));
}
