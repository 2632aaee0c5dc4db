// Directory search: words (stemmed full text, with misspelt words replaced by the nearest word
// the directory knows), need domains, taxonomy terms, distance from a point or a known ZIP code or
// address, open at a time, language, intake and capacity, and service area — all on one table.
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { SearchQuery, SearchResult } from './directory.schema';

export interface SearchOptions {
  /** The network's time zone, for "open now" (schedules are local times). */
  timeZone: string;
  now?: Date;
}

interface Origin {
  latitude: number;
  longitude: number;
  label: string;
}

const DEFAULT_RADIUS_KM = 10;
const TEXT_ONLY_CANDIDATES = 1_000;
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Minutes since Monday 00:00 in the given time zone (the unit of directory_search_entry.open_minutes). */
export function minuteOfWeek(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
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

/** Replaces words the directory does not know by their nearest known word. */
async function correctWords(q: Queryable, words: string[]): Promise<{ words: string[]; corrected: boolean }> {
  const candidates = words.filter((word) => word.length >= 3 && !/^\d+$/.test(word));
  if (candidates.length === 0) return { words, corrected: false };
  const rows = await q.query<{ word: string; known: boolean; nearest: string | null }>(
    `SELECT w AS word,
            EXISTS (SELECT 1 FROM directory_lexicon WHERE word = w) AS known,
            (SELECT word FROM directory_lexicon WHERE word % w ORDER BY word <-> w, entries DESC LIMIT 1) AS nearest
       FROM unnest($1::text[]) AS w`,
    [candidates],
  );
  const replacement = new Map(rows.filter((row) => !row.known && row.nearest).map((row) => [row.word, row.nearest!]));
  return { words: words.map((word) => replacement.get(word) ?? word), corrected: replacement.size > 0 };
}

async function resolveOrigin(q: Queryable, query: SearchQuery): Promise<Origin | null> {
  if (query.lat !== undefined && query.lon !== undefined) {
    return { latitude: query.lat, longitude: query.lon, label: `${query.lat}, ${query.lon}` };
  }
  if (!query.near) return null;
  const near = query.near.trim();
  const code = /^\d{5}(-?\d{4})?$/.test(near) ? near.slice(0, 5) : near.toUpperCase().replaceAll(' ', '');
  const postal = await q.query<{ latitude: number; longitude: number }>(
    'SELECT latitude, longitude FROM directory_postal_code WHERE postal_code = $1',
    [code],
  );
  if (postal[0]) return { ...postal[0], label: near };
  const address = await q.query<{ latitude: number; longitude: number; address: string }>(
    `SELECT latitude, longitude, address FROM directory_search_entry
      WHERE point IS NOT NULL AND address ILIKE '%' || $1 || '%' ORDER BY address LIMIT 1`,
    [near.replace(/[%_\\]/g, '')],
  );
  if (address[0]) return { latitude: address[0].latitude, longitude: address[0].longitude, label: address[0].address };
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

export async function searchDirectory(q: Queryable, query: SearchQuery, options: SearchOptions) {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where: string[] = [`e.status <> 'defunct'`];
  const offset = decodeOffset(query.cursor);

  const words = query.q ? queryWords(query.q) : [];
  const correction = words.length ? await correctWords(q, words) : { words, corrected: false };
  let rank = '0';
  if (correction.words.length) {
    const text = correction.words.map((word, index) => (index === correction.words.length - 1 ? `${word}:*` : word)).join(' & ');
    const tsquery = `to_tsquery('english', ${param(text)})`;
    where.push(`e.document @@ ${tsquery}`);
    rank = `ts_rank_cd(e.document, ${tsquery}, 32)`;
  }

  const origin = await resolveOrigin(q, query);
  let distance = 'NULL::double precision';
  let nearest = '';
  if (origin) {
    const point = `ll_to_earth(${param(origin.latitude)}, ${param(origin.longitude)})`;
    const radius = param((query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000);
    distance = `earth_distance(${point}, e.point)`;
    // The straight-line distance through the earth (cube's <->) grows with the distance along its
    // surface, so "nearest first" can walk the GiST index instead of sorting every row in range
    // (only when it is the whole ORDER BY: a tie-breaker after it turns the walk back into a sort).
    nearest = `e.point <-> ${point}`;
    where.push(`earth_box(${point}, ${radius}) @> e.point`, `earth_distance(${point}, e.point) <= ${radius}`);
  }

  if (query.need?.length) where.push(`e.need_domains && ${param(query.need)}::text[]`);
  if (query.taxonomyTermId?.length) where.push(`e.taxonomy_term_ids && ${param(query.taxonomyTermId)}::uuid[]`);
  if (query.language) where.push(`e.languages @> ARRAY[${param(query.language)}::text]`);
  if (query.acceptingReferrals) where.push('e.accepting_referrals');
  if (query.hasCapacity) where.push(`e.capacity_status = 'available'`);
  if (query.serviceArea) where.push(`e.service_areas @> ARRAY[${param(query.serviceArea)}::text]`);
  const instant = query.openAt ? new Date(query.openAt) : (options.now ?? new Date());
  const minute = param(minuteOfWeek(instant, options.timeZone));
  if (query.openNow || query.openAt) where.push(`e.open_minutes @> ${minute}::integer`);

  // Relevance, discounted by distance when both are known; otherwise whichever is known.
  const order = origin
    ? correction.words.length
      ? `${rank} / (1 + ${distance} / 10000) DESC`
      : `${nearest} ASC`
    : correction.words.length
      ? `${rank} DESC`
      : 'e.service_name ASC';
  // Words alone can match a large part of a big directory; ranking every match would cost a row
  // read each. Without a place to narrow them, the best of the first TEXT_ONLY_CANDIDATES matches
  // are shown (a place, a need or a second word narrows the search and lifts the cap).
  const capped = !origin && correction.words.length > 0;

  // The page is chosen on the index table alone; intake and need-domain names are joined to the
  // page's rows only (joining them before the LIMIT would read every candidate's intake).
  const candidates = capped
    ? `(SELECT * FROM directory_search_entry e WHERE ${where.join(' AND ')} LIMIT ${TEXT_ONLY_CANDIDATES}) e`
    : 'directory_search_entry e';
  const rows = await q.query<EntryRow>(
    `SELECT page.*,
            (SELECT json_agg(json_build_object('code', nd.code, 'name', nd.name) ORDER BY nd.position)
               FROM need_domain nd WHERE nd.code = ANY (page.domain_codes)) AS need_domains,
            i.how_to_refer, i.referral_email, i.referral_phone, i.referral_fax, i.capacity_status, i.open_slots,
            i.waitlist_length, i.days_to_first_contact, i.capacity_note, i.capacity_updated_at
       FROM (SELECT ranked.*, row_number() OVER () AS position FROM (SELECT e.entry_id, e.service_id, e.service_name, e.organization_id, e.organization_name, e.location_name,
                    e.summary, e.address, e.postal_code, ${distance} AS distance_m,
                    CASE WHEN e.open_minutes IS NULL THEN NULL ELSE e.open_minutes @> ${minute}::integer END AS open_now,
                    e.hours_text, e.languages, e.accepting_referrals, e.need_domains AS domain_codes
               FROM ${candidates}
              WHERE ${capped ? 'true' : where.join(' AND ')}
              ORDER BY ${order}${origin && !correction.words.length ? '' : ', e.entry_id'}
              LIMIT ${param(query.limit + 1)} OFFSET ${param(offset)}) ranked) page
       LEFT JOIN directory_service_intake i ON i.service_id = page.service_id
      ORDER BY page.position`,
    values,
  );
  const items = rows.slice(0, query.limit).map(presentEntry);
  return {
    items,
    nextCursor: rows.length > query.limit ? Buffer.from(String(offset + query.limit)).toString('base64url') : null,
    origin,
    correctedQuery: correction.corrected ? correction.words.join(' ') : null,
  };
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
    referralContact: { email: row.referral_email, phone: row.referral_phone, fax: row.referral_fax },
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
