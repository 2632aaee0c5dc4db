// Directory search: words (stemmed full text, with misspelt words replaced by the nearest word
// the directory knows), need domains, taxonomy terms, distance from a point or a known ZIP code or
// address, open at a time, language, intake and capacity, and service area — all on one table.
import type { Db, Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { SearchQuery, SearchResult } from './directory.schema';

export interface SearchOptions {
  /** The network's time zone, for "open now" (schedules are local times). */
  timeZone: string;
  now?: Date;
  /** Tests compare both plans; otherwise the facet counts choose. */
  plan?: SearchPlan;
}

interface Origin {
  latitude: number;
  longitude: number;
  label: string;
}

const DEFAULT_RADIUS_KM = 10;
/** The blocks of the week that directory_hour_tokens (in the migrations) writes as 'h:' facets. */
const HOUR_BLOCK_MINUTES = 180;
const TEXT_ONLY_CANDIDATES = 1_000;
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const weekdayClocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since Monday 00:00 in the given time zone (the unit of directory_search_entry.open_minutes). */
export function minuteOfWeek(instant: Date, timeZone: string): number {
  // Building a formatter costs more than the rest of a search's own work; one per time zone.
  let clock = weekdayClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    weekdayClocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '0';
  return weekdays.indexOf(part('weekday')) * 1440 + Number(part('hour')) * 60 + Number(part('minute'));
}

/** Lower-case words of a query, accents removed; only letters and digits survive (no query syntax). */
export function queryWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .slice(0, 12);
}

interface Correction {
  words: string[];
  corrected: boolean;
  /** The last word is not a whole word the directory knows: it is matched as a beginning ("pant" → pantry). */
  lastIsPrefix: boolean;
}

/** Replaces words the directory does not know by their nearest known word. */
async function correctWords(q: Queryable, words: string[]): Promise<Correction> {
  const candidates = words.filter((word) => word.length >= 3 && !/^\d+$/.test(word));
  if (candidates.length === 0) return { words, corrected: false, lastIsPrefix: false };
  const rows = await q.query<{
    word: string;
    known: boolean;
    nearest: string | null;
  }>(
    // A word is known when the text index holds every stem of it (a stop word has none).
    `SELECT w AS word, known,
            CASE WHEN NOT known THEN (SELECT word FROM directory_lexicon WHERE word % w ORDER BY word <-> w, entries DESC LIMIT 1) END AS nearest
       FROM unnest($1::text[]) AS w,
            LATERAL (SELECT NOT EXISTS (
              SELECT 1 FROM unnest(tsvector_to_array(to_tsvector('english', w))) AS lexeme
               WHERE NOT EXISTS (SELECT 1 FROM directory_search_facet WHERE token = 'w:' || lexeme))) AS k (known)`,
    [candidates],
  );
  const replacement = new Map(rows.filter((row) => !row.known && row.nearest).map((row) => [row.word, row.nearest!]));
  const last = words[words.length - 1]!;
  const lastRow = rows.find((row) => row.word === last);
  return {
    words: words.map((word) => replacement.get(word) ?? word),
    corrected: replacement.size > 0,
    // A known or corrected word is whole; matching it as a prefix too ("care" → career) would
    // read many more index entries for results nobody asked for.
    lastIsPrefix: lastRow !== undefined && !lastRow.known && !lastRow.nearest,
  };
}

async function resolveOrigin(q: Queryable, query: SearchQuery): Promise<Origin | null> {
  if (query.lat !== undefined && query.lon !== undefined) {
    return {
      latitude: query.lat,
      longitude: query.lon,
      label: `${query.lat}, ${query.lon}`,
    };
  }
  if (!query.near) return null;
  const near = query.near.trim();
  const code = /^\d{5}(-?\d{4})?$/.test(near) ? near.slice(0, 5) : near.toUpperCase().replaceAll(' ', '');
  const postal = await q.query<{ latitude: number; longitude: number }>(
    'SELECT latitude, longitude FROM directory_postal_code WHERE postal_code = $1',
    [code],
  );
  if (postal[0]) return { ...postal[0], label: near };
  const address = await q.query<{
    latitude: number;
    longitude: number;
    address: string;
  }>(
    `SELECT latitude, longitude, address FROM directory_search_entry
      WHERE point IS NOT NULL AND address ILIKE '%' || $1 || '%' ORDER BY address LIMIT 1`,
    [near.replace(/[%_\\]/g, '')],
  );
  if (address[0])
    return {
      latitude: address[0].latitude,
      longitude: address[0].longitude,
      label: address[0].address,
    };
  throw AppError.field('query.near', 'is not a ZIP code or address the directory knows');
}

interface EntryRow {
  entry_id: string;
  service_id: string;
  service_name: string;
  organization_id: string | null;
  organization_name: string | null;
  location_name: string | null;
  summary: string;
  address: string | null;
  postal_code: string | null;
  distance_m: number | null;
  open_now: boolean | null;
  hours_text: string | null;
  need_domains: { code: string; name: string }[] | null;
  languages: string[];
  accepting_referrals: boolean;
  how_to_refer: SearchResult['howToRefer'] | null;
  referral_email: string | null;
  referral_phone: string | null;
  referral_fax: string | null;
  capacity_status: NonNullable<SearchResult['capacity']>['status'] | null;
  open_slots: number | null;
  waitlist_length: number | null;
  days_to_first_contact: number | null;
  capacity_note: string | null;
  capacity_updated_at: Date | null;
}

/**
 * How a search reads the index. With a place, it either walks outwards from the place through the
 * spatial index, testing each entry, until the page is full ("walk": cheap when matches are dense
 * near the place), or reads the entries that pass every filter from the facet and text indexes and
 * sorts them by distance ("filter": cheap when matches are few). The facet counts say which.
 */
export type SearchPlan = 'walk' | 'filter';

export async function searchDirectory(db: Db, query: SearchQuery, options: SearchOptions) {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  // Exact conditions, tested on every entry read; facet groups (any token of a group, every group)
  // narrow the entries read to begin with when the plan filters.
  const where: string[] = [`e.status <> 'defunct'`];
  const facetGroups: string[][] = [];
  const offset = decodeOffset(query.cursor);

  const words = query.q ? queryWords(query.q) : [];
  const correction = words.length ? await correctWords(db, words) : { words, corrected: false, lastIsPrefix: false };
  let rank = '0';
  let textCondition: string | null = null;
  // weight '' for anywhere in the entry, 'A' for the service's own name (see search-index.ts).
  const tsqueryText = (weight: '' | 'A') =>
    correction.words
      .map((word, index) => {
        const prefix = index === correction.words.length - 1 && correction.lastIsPrefix;
        return prefix ? `${word}:*${weight}` : weight ? `${word}:${weight}` : word;
      })
      .join(' & ');
  let tsquery = '';
  if (correction.words.length) {
    tsquery = `to_tsquery('english', ${param(tsqueryText(''))})`;
    textCondition = `e.document @@ ${tsquery}`;
    rank = `ts_rank_cd(e.document, ${tsquery}, 32)`;
  }

  if (query.need?.length) {
    where.push(`e.need_domains && ${param(query.need)}::text[]`);
    facetGroups.push(query.need.map((code) => `n:${code}`));
  }
  if (query.taxonomyTermId?.length) {
    where.push(`e.taxonomy_term_ids && ${param(query.taxonomyTermId)}::uuid[]`);
    facetGroups.push(query.taxonomyTermId.map((id) => `t:${id}`));
  }
  if (query.language) {
    where.push(`e.languages @> ARRAY[${param(query.language)}::text]`);
    facetGroups.push([`l:${query.language}`]);
  }
  if (query.acceptingReferrals) {
    where.push('e.accepting_referrals');
    facetGroups.push(['r']);
  }
  if (query.hasCapacity) {
    where.push(`e.capacity_status = 'available'`);
    facetGroups.push(['c:available']);
  }
  if (query.serviceArea) {
    where.push(`e.service_areas @> ARRAY[${param(query.serviceArea)}::text]`);
    facetGroups.push([`a:${query.serviceArea}`]);
  }
  const instant = query.openAt ? new Date(query.openAt) : (options.now ?? new Date());
  const minuteNow = minuteOfWeek(instant, options.timeZone);
  const minute = param(minuteNow);
  if (query.openNow || query.openAt) {
    where.push(`e.open_minutes @> ${minute}::integer`);
    facetGroups.push([`h:${Math.floor(minuteNow / HOUR_BLOCK_MINUTES)}`]);
  }

  const origin = await resolveOrigin(db, query);
  const radiusMetres = (query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000;
  const cells = origin ? coveringCells(origin, radiusMetres) : [];
  // The filter needs cells to narrow by place; a circle they cannot cover is walked.
  const coverable = cells !== null;
  let distance = 'NULL::double precision';
  let point = '';
  if (origin) {
    point = `ll_to_earth(${param(origin.latitude)}, ${param(origin.longitude)})`;
    distance = `earth_distance(${point}, e.point)`;
    where.push(`${distance} <= ${param(radiusMetres)}`);
  }

  const plan: SearchPlan = !origin
    ? 'filter'
    : (options.plan ??
      (!coverable
        ? 'walk'
        : await choosePlan(db, {
            groups: facetGroups,
            cells,
            words: textCondition ? correction.words : [],
            lastIsPrefix: correction.lastIsPrefix,
            wanted: offset + query.limit + 1,
          })));

  if (plan === 'walk') {
    // The box is the spatial index's condition; the walk visits entries nearest first, so the
    // other conditions stay exact tests on each entry and the walk stops when the page is full.
    where.push(`earth_box(${point}, ${param(radiusMetres)}) @> e.point`);
    if (textCondition) where.push(textCondition);
  } else {
    if (textCondition) where.push(textCondition);
    for (const group of facetGroups) where.push(`e.facets && ${param(group)}::text[]`);
    if (cells?.length) where.push(`e.facets && ${param(cells)}::text[]`);
  }

  // With a place, nearest first (the walk's own order; the filter sorts by the exact distance).
  // Without one, by relevance to the words, or by name.
  const order = origin
    ? plan === 'walk'
      ? `e.point <-> ${point}`
      : `${distance}, e.entry_id`
    : correction.words.length
      ? `${rank} DESC, e.entry_id`
      : 'e.service_name, e.entry_id';
  // Words alone can match a large part of a big directory; ranking every match would cost a row
  // read each. Without a place to narrow them, TEXT_ONLY_CANDIDATES matches are ranked: services
  // whose own name holds every word first (the ones ranking would put on top; found through the
  // index on the names' words), then other matches, told apart by the name's weight in the entry's
  // text (a need or another word narrows the matches first; a place lifts the cap).
  const capped = !origin && textCondition !== null;
  const filter = where.join(' AND ');
  // The entry's text holds its service's name, so a name holding the words stands in for the text.
  const byName = () =>
    where.map((condition) => (condition === textCondition ? `to_tsvector('english', e.service_name) @@ ${tsquery}` : condition));
  const candidates = capped
    ? `(SELECT * FROM ((SELECT * FROM directory_search_entry e
                         WHERE ${byName().join(' AND ')} LIMIT ${TEXT_ONLY_CANDIDATES})
                       UNION ALL
                       (SELECT * FROM directory_search_entry e
                         WHERE ${filter} AND NOT e.document @@ to_tsquery('english', ${param(tsqueryText('A'))}) LIMIT ${TEXT_ONLY_CANDIDATES})) matches
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
                    e.address, e.postal_code, ${distance} AS distance_m,
                    CASE WHEN e.open_minutes IS NULL THEN NULL ELSE e.open_minutes @> ${minute}::integer END AS open_now,
                    e.hours_text, e.languages, e.accepting_referrals, e.need_domains AS domain_codes
               FROM ${candidates}
              WHERE ${capped ? 'true' : filter}
              ORDER BY ${order}
              LIMIT ${param(query.limit + 1)} OFFSET ${param(offset)}) ranked) page
       LEFT JOIN directory_service_intake i ON i.service_id = page.service_id
       LEFT JOIN hsds_service sv ON sv.id = page.service_id
      ORDER BY page.position`;
  // PostgreSQL cannot estimate how many entries a box holds (the cube type guesses a constant), so
  // left to itself it would read the whole box through a bitmap; a walk is told not to.
  const rows =
    plan === 'walk'
      ? await db.tx(async (q) => {
          await q.query('SET LOCAL enable_bitmapscan = off');
          return q.query<EntryRow>(sql, values);
        })
      : await db.query<EntryRow>(sql, values);
  const items = rows.slice(0, query.limit).map(presentEntry);
  return {
    items,
    nextCursor: rows.length > query.limit ? Buffer.from(String(offset + query.limit)).toString('base64url') : null,
    origin,
    correctedQuery: correction.corrected ? correction.words.join(' ') : null,
    plan,
  };
}

const CELL_LEVELS = 9;
const MAX_COVERING_CELLS = 36;

/**
 * The grid cells (see directory_cell_tokens) that cover a circle: of the finest level that needs
 * at most MAX_COVERING_CELLS of them. Null when the circle reaches a pole or crosses the 180th
 * meridian, where the grid's rows and columns do not run on (such a search walks).
 */
export function coveringCells(origin: { latitude: number; longitude: number }, radiusMetres: number): string[] | null {
  const latitudeSpan = radiusMetres / 111_195;
  const longitudeSpan = latitudeSpan / Math.max(0.01, Math.cos((origin.latitude * Math.PI) / 180));
  if (Math.abs(origin.latitude) + latitudeSpan >= 90 || Math.abs(origin.longitude) + longitudeSpan >= 180) return null;
  for (let level = 0; level < CELL_LEVELS; level++) {
    const size = 0.005 * 2 ** level;
    const row = (latitude: number) => Math.floor((latitude + 90) / size);
    const column = (longitude: number) => Math.floor((longitude + 180) / size);
    const rows = [row(origin.latitude - latitudeSpan), row(origin.latitude + latitudeSpan)] as const;
    const columns = [column(origin.longitude - longitudeSpan), column(origin.longitude + longitudeSpan)] as const;
    const count = (rows[1] - rows[0] + 1) * (columns[1] - columns[0] + 1);
    if (count > MAX_COVERING_CELLS && level < CELL_LEVELS - 1) continue;
    const cells: string[] = [];
    for (let r = rows[0]; r <= rows[1]; r++) for (let c = columns[0]; c <= columns[1]; c++) cells.push(`g${level}:${r}:${c}`);
    return cells;
  }
  return [];
}

interface PlanInputs {
  groups: string[][];
  cells: string[];
  words: string[];
  lastIsPrefix: boolean;
  /** Entries the page needs: offset + limit + 1. */
  wanted: number;
}

// Rough costs in microseconds, measured on the benchmark's directory: reading one posting of a GIN
// index, reading and testing one entry found through a bitmap, and one entry of a walk.
const COST_POSTING = 0.15;
const COST_FILTERED_ENTRY = 4;
const COST_WALKED_ENTRY = 5;

/**
 * Chooses between walking outwards from the place and filtering through the indexes, from the
 * facet counts: the entries of the covering cells, each filter's share of the directory (taken as
 * independent), and the share of the rarest word (the last word counted as a prefix).
 */
async function choosePlan(db: Queryable, inputs: PlanInputs): Promise<SearchPlan> {
  const tokens = [...inputs.groups.flat(), ...inputs.cells, '*'];
  const [stats] = await db.query<{
    counts: Record<string, number> | null;
    words: number[] | null;
  }>(
    `SELECT (SELECT json_object_agg(token, entries) FROM directory_search_facet WHERE token = ANY ($1::text[])) AS counts,
            ARRAY(SELECT COALESCE((SELECT entries FROM directory_search_facet WHERE token = 'w:' || lexeme), 0)
                       + CASE WHEN $3 AND w.position = cardinality($2::text[])
                              THEN COALESCE((SELECT sum(entries) FROM directory_search_facet
                                              WHERE token > 'w:' || lexeme AND token < 'w:' || lexeme || U&'\\FFFF'), 0) ELSE 0 END
                    FROM unnest($2::text[]) WITH ORDINALITY AS w (word, position),
                         LATERAL unnest(tsvector_to_array(to_tsvector('english', w.word))) AS lexeme) AS words`,
    [tokens, inputs.words, inputs.lastIsPrefix],
  );
  const count = (token: string) => Number(stats?.counts?.[token] ?? 0);
  const total = count('*');
  if (total === 0) return 'filter';
  const wordCounts = (stats?.words ?? []).map(Number);
  const inCells = inputs.cells.reduce((sum, cell) => sum + count(cell), 0);
  let expected = inCells;
  let postings = inCells + wordCounts.reduce((sum, entries) => sum + entries, 0);
  for (const group of inputs.groups) {
    const entries = group.reduce((sum, token) => sum + count(token), 0);
    postings += entries;
    expected *= Math.min(1, entries / total);
  }
  if (wordCounts.length) expected *= Math.min(1, Math.min(...wordCounts) / total);
  const filterCost = postings * COST_POSTING + expected * COST_FILTERED_ENTRY;
  const walkCost = Math.min(inCells, (inputs.wanted * inCells) / Math.max(expected, 1)) * COST_WALKED_ENTRY;
  return walkCost < filterCost ? 'walk' : 'filter';
}

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) {
    throw AppError.field('query.cursor', 'is not a cursor this search gave out');
  }
  return offset;
}

function presentEntry(row: EntryRow): SearchResult {
  return {
    entryId: row.entry_id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    locationName: row.location_name,
    summary: row.summary,
    address: row.address,
    postalCode: row.postal_code,
    distanceKm: row.distance_m === null ? null : Math.round(row.distance_m / 100) / 10,
    openNow: row.open_now,
    hoursText: row.hours_text,
    needDomains: row.need_domains ?? [],
    // The index holds codes and names (either may be searched); people are shown the codes.
    languages: languageCodes(row.languages),
    acceptingReferrals: row.accepting_referrals,
    howToRefer: row.how_to_refer ?? [],
    referralContact: {
      email: row.referral_email,
      phone: row.referral_phone,
      fax: row.referral_fax,
    },
    capacity: row.capacity_status
      ? {
          status: row.capacity_status,
          openSlots: row.open_slots,
          waitlistLength: row.waitlist_length,
          daysToFirstContact: row.days_to_first_contact,
          updatedAt: row.capacity_updated_at?.toISOString() ?? null,
          note: row.capacity_note,
        }
      : null,
  };
}

function languageCodes(values: string[]): string[] {
  const codes = values.filter((value) => /^[a-z]{2,3}$/.test(value));
  return codes.length > 0 ? codes : values;
}
