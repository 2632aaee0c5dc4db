// Directory search: words (stemmed full text, with misspelt words replaced by the nearest word
// the directory knows, and a language's name taken as the language filter), need domains, taxonomy
// terms, distance from a point or a known ZIP code or address, open at a time, language, intake
// and capacity, and service area — all on one table; and the organisations the words name.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { readOrganizationNames } from '../identity';
import { AppError } from '../../platform/http/app-error';
import type { SearchQuery } from './directory.schema';
import { minuteOfWeek } from './opening-hours';
import { facetGroupsOf, type EntryFilters } from './search-facets';
import { coveringCells, DEFAULT_RADIUS_KM, MAX_RADIUS_KM, resolveOrigin, type Origin } from './search-place';
import { choosePlan, type SearchPlan } from './search-plan';
import { findEntries, type EntryRow } from './search.store';
import { readLanguage } from './search-languages';
import { findOrganizations, type FoundOrganization } from './search-organizations';
import { correctWords, queryWords, tsqueryText, type Correction, type ExtraWords } from './search-words';

export interface DirectorySearch {
  entries: EntryRow[];
  nextCursor: string | null;
  origin: Origin | null;
  /** What was searched for, when it is not what was typed: words corrected, or a language's name taken as the filter. */
  correction: { searchedFor: string; typed: string } | null;
  /** The language the words named, applied as a filter (its code). */
  languageFromWords: string | null;
  /** The organisations the words name (on the first page only). */
  organizations: FoundOrganization[];
  /**
   * When nothing matches within the radius: how far the nearest match is (the same search out to
   * the largest radius a search may ask for), or null when there is none that near either.
   */
  nearest: { distanceMetres: number } | null;
  /** How the index was read (tests compare both). */
  plan: SearchPlan;
}

export async function searchDirectory(
  context: UseCaseContext,
  props: {
    query: SearchQuery;
    /** The network's time zone, for "open now" (schedules are local times). */
    timeZone: string;
    now?: Date;
    /** Tests compare both plans; otherwise the facet counts choose. */
    plan?: SearchPlan;
  },
): Promise<DirectorySearch> {
  await authorizeFor(context, 'directory.read', {}, 'directory');
  const { db } = context;
  const { query } = props;
  const offset = decodeOffset(query.cursor);
  const typedWords = query.q ? queryWords(query.q) : [];
  // A language's name filters by the language, unless a language is chosen already or the words
  // are to be searched as typed.
  const language = query.verbatim || query.language ? null : readLanguage(typedWords);
  const words = language ? language.rest : typedWords;
  const correction: Correction = words.length
    ? await correctWords(db, words, { extraWords: await networkWords(context), verbatim: query.verbatim })
    : { words, corrected: false, lastIsPrefix: false };
  const hasText = correction.words.length > 0;

  const minute = minuteOfWeek(query.openAt ? new Date(query.openAt) : (props.now ?? new Date()), props.timeZone);
  const filters: EntryFilters = {
    need: query.need,
    taxonomyTermId: query.taxonomyTermId,
    language: language ? language.values : query.language ? [query.language] : undefined,
    acceptingReferrals: query.acceptingReferrals,
    hasCapacity: query.hasCapacity,
    serviceArea: query.serviceArea,
    openAtMinute: query.openNow || query.openAt ? minute : undefined,
  };

  const origin = await resolveOrigin(db, query);
  const text = hasText ? { anywhere: tsqueryText(correction, ''), inName: tsqueryText(correction, 'A') } : null;
  // Reads one page of the search within a radius, through the plan the facet counts choose.
  const within = async (radiusMetres: number, page: { limit: number; offset: number }, fixedPlan?: SearchPlan) => {
    const cells = origin ? coveringCells(origin, radiusMetres) : [];
    // The filter needs cells to narrow by place; a circle they cannot cover is walked.
    const plan: SearchPlan = !origin
      ? 'filter'
      : (fixedPlan ??
        (cells === null
          ? 'walk'
          : await choosePlan(db, {
              groups: facetGroupsOf(filters),
              cells,
              words: hasText ? correction.words : [],
              lastIsPrefix: correction.lastIsPrefix,
              wanted: page.offset + page.limit + 1,
            })));
    const rows = await findEntries(db, {
      text,
      filters,
      minute,
      place: origin ? { latitude: origin.latitude, longitude: origin.longitude, radiusMetres, cells } : null,
      plan,
      ...page,
    });
    return { rows, plan };
  };

  const radiusMetres = (query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000;
  const [{ rows, plan }, organizations] = await Promise.all([
    within(radiusMetres, { limit: query.limit, offset }, props.plan),
    offset === 0
      ? findOrganizations(context, { words: correction.words, lastIsPrefix: correction.lastIsPrefix })
      : Promise.resolve([]),
  ]);
  // Nothing near: the nearest match farther out, found the same way as a page of one.
  let nearest: DirectorySearch['nearest'] = null;
  if (origin && rows.length === 0 && offset === 0 && radiusMetres < MAX_RADIUS_KM * 1000) {
    const farther = await within(MAX_RADIUS_KM * 1000, { limit: 1, offset: 0 }, props.plan);
    const distance = farther.rows[0]?.distance_m;
    if (distance !== undefined && distance !== null) nearest = { distanceMetres: Math.round(distance) };
  }
  return {
    entries: rows.slice(0, query.limit),
    nextCursor: rows.length > query.limit ? Buffer.from(String(offset + query.limit)).toString('base64url') : null,
    origin,
    correction: correction.corrected || language ? { searchedFor: correction.words.join(' '), typed: query.q!.trim() } : null,
    languageFromWords: language?.code ?? null,
    organizations,
    nearest,
    plan,
  };
}

/** The words of the network's organisations' names, each weighing as much as a word one service holds. */
async function networkWords(context: UseCaseContext): Promise<ExtraWords> {
  const names = await readOrganizationNames(context);
  return new Map(names.flatMap((name) => queryWords(name).map((word) => [word, 1] as const)));
}

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) {
    throw AppError.field('query.cursor', 'is not a cursor this search gave out');
  }
  return offset;
}
