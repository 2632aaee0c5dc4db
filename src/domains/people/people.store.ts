// The SQL of the people domain's person records and identifiers (people, person_identifiers).
// Every read for a viewer carries the access filter of access.store.ts; reads without a viewer
// (`…ForWrite`, the duplicate check) serve use cases that have already asked the policy.
import type { Queryable } from '../../platform/db/database';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import type { TableRow } from '../../platform/db/tables.generated';
import type { Viewer } from './access';
import { needsFilter, providedNeedsFilter } from './needs-hooks';
import { lastReached, lastReachedAtSql, type LastReachedFilter } from './last-reached';
import { accessSql } from './access.store';
import type { IdentifierInput, IdentifierKind, PeopleSort } from './people.schema';

export type PersonRow = TableRow<'people'>;
/** A person as one viewer may see them: the row, and what the access rule gave that viewer. */
export type VisiblePersonRow = PersonRow & {
  access_basis: string;
  access_categories: string[];
  access_roles: string[];
  sort_key: string;
};
/** A person of the population list: with when they were last reached (null unless the viewer sees the care plan). */
export type ListedPersonRow = VisiblePersonRow & { last_reached_at: Date | null };
export type IdentifierRow = TableRow<'person_identifiers'>;

/** Lower case, without accents, words of letters and digits with one space between them. */
export function nameKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface PersonValues {
  givenName: string;
  familyName: string;
  usedName: string | null;
  birthDate: string;
  sex: string | null;
  sexCode: PersonRow['sex_code'];
  genderIdentity: string | null;
  genderIdentityCode: PersonRow['gender_identity_code'];
  pronouns: string | null;
  preferredLanguage: string | null;
  interpreterNeeded: boolean;
  phone: string | null;
  email: string | null;
  contactMethod: PersonRow['contact_method'];
  contactTimes: string | null;
  addressLine: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  placedBy: 'postal_code' | null;
  whatMatters: string | null;
}

const columns = [
  'given_name',
  'family_name',
  'used_name',
  'birth_date',
  'sex',
  'sex_code',
  'gender_identity',
  'gender_identity_code',
  'pronouns',
  'preferred_language',
  'interpreter_needed',
  'phone',
  'email',
  'contact_method',
  'contact_times',
  'address_line',
  'city',
  'state',
  'postal_code',
  'latitude',
  'longitude',
  'placed_by',
  'what_matters',
] as const;

const valuesOf = (v: PersonValues) => [
  v.givenName,
  v.familyName,
  v.usedName,
  v.birthDate,
  v.sex,
  v.sexCode,
  v.genderIdentity,
  v.genderIdentityCode,
  v.pronouns,
  v.preferredLanguage,
  v.interpreterNeeded,
  v.phone,
  v.email,
  v.contactMethod,
  v.contactTimes,
  v.addressLine,
  v.city,
  v.state,
  v.postalCode,
  v.latitude,
  v.longitude,
  v.placedBy,
  v.whatMatters,
];

export async function insertPerson(q: Queryable, holderOrganizationId: string, values: PersonValues): Promise<PersonRow> {
  const params = columns.map((_, index) => `$${index + 3}`).join(', ');
  const rows = await q.query<PersonRow>(
    `INSERT INTO people (holder_organization_id, name_key, ${columns.join(', ')}) VALUES ($1, $2, ${params}) RETURNING *`,
    [holderOrganizationId, nameKey(values.givenName, values.familyName), ...valuesOf(values)],
  );
  return rows[0]!;
}

export async function updatePersonRow(q: Queryable, id: string, values: PersonValues): Promise<PersonRow> {
  const sets = columns.map((column, index) => `${column} = $${index + 3}`).join(', ');
  const rows = await q.query<PersonRow>(
    `UPDATE people SET name_key = $2, ${sets}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
    [id, nameKey(values.givenName, values.familyName), ...valuesOf(values)],
  );
  return rows[0]!;
}

/** A person as it is, for a use case that has authorised a change by the holder (the row is locked). */
export async function findPersonForWrite(q: Queryable, id: string): Promise<PersonRow | undefined> {
  return (await q.query<PersonRow>('SELECT * FROM people WHERE id = $1 AND merged_into IS NULL FOR UPDATE', [id]))[0];
}

/** The person, if the viewer may see them, with what the viewer may see of them. */
export async function findVisiblePerson(q: Queryable, viewer: Viewer, id: string): Promise<VisiblePersonRow | undefined> {
  const access = accessSql(viewer, 2);
  const rows = await q.query<VisiblePersonRow>(
    `SELECT p.*, ${access.basis} AS access_basis, ${access.categories} AS access_categories, ${access.roles} AS access_roles, '' AS sort_key
       FROM people p
      WHERE p.id = $1 AND p.merged_into IS NULL AND ${access.visible}`,
    [id, ...access.values],
  );
  return rows[0];
}

/**
 * People's rows by id, merged records too, without any access filter: only for a use case that
 * has settled, under its own rule, what its viewer may see of them (shared-people.ts).
 */
export async function findPersonRowsByIds(q: Queryable, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return q.query<PersonRow>('SELECT * FROM people WHERE id = ANY ($1::uuid[])', [[...new Set(ids)]]);
}

/** The holder of a person, or undefined: for a policy check before a change. */
export async function findPersonHolder(q: Queryable, id: string): Promise<{ id: string; holder: string } | undefined> {
  const rows = await q.query<{ id: string; holder: string }>(
    'SELECT id, holder_organization_id AS holder FROM people WHERE id = $1 AND merged_into IS NULL',
    [id],
  );
  return rows[0];
}

export interface PeopleFilter {
  q?: string;
  /** A name search (FHIR `name`): a word of the name, or of the name the person uses, begins with it. */
  name?: string;
  /** Only people born on this day (seen only by viewers who see demographics). */
  birthDate?: string;
  /** Only people with this identifier (seen only by viewers who see demographics); kind and issuer narrow it. */
  identifier?: { value: string; kind?: IdentifierKind; issuer?: string };
  programId?: string;
  careTeamUserId?: string;
  /** People with a need of this domain (or any domain, when only statuses are given) in these statuses. */
  needs?: { needDomain: string | null; statuses: string[] };
  /** People by when they were last reached (seen only by viewers who see the care plan). */
  lastReached?: LastReachedFilter;
  sort: PeopleSort;
  limit: number;
  cursor?: string;
}

/** A typed date of birth: ISO, or US `MM/DD/YYYY`; undefined when the text is not one. */
export function typedBirthDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : us
      ? [Number(us[3]), Number(us[1]), Number(us[2])]
      : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year.toString().padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const sortKeys: Record<PeopleSort, { key: string; order: string; direction: '>' | '<' }> = {
  // Keys are text so that one cursor shape serves every sort.
  name: { key: `lower(p.family_name) || ' ' || lower(p.given_name)`, order: 'ASC', direction: '>' },
  birth_date: { key: `p.birth_date::text`, order: 'ASC', direction: '>' },
  recent: { key: `to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`, order: 'DESC', direction: '<' },
};

/** Below this many people matching a filter, a list reads those people by id rather than walking all in order. */
const FEW_CANDIDATES = 2_000;

/**
 * The people the viewer may see that match the filter, one page. The access rule is in the WHERE
 * clause: a person the viewer may not see is neither served nor counted nor skipped over. A search
 * matches names (typo-tolerant: trigram word similarity), and, where the viewer may see
 * demographics, a date of birth or an identifier.
 */
export async function listVisiblePeople(q: Queryable, viewer: Viewer, filter: PeopleFilter) {
  const after = decodeCursor(filter.cursor, ['text', 'text']);
  const access = accessSql(viewer, 1);
  const values: unknown[] = [...access.values];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const sort = sortKeys[filter.sort];
  const where = ['p.merged_into IS NULL'];
  // Sets of ids the page's people must be among, each found through an index (the viewer's
  // consents, a need's holders, a search's candidates): when there are any, the people are read by
  // id from their intersection instead of walking everyone in order until a page is full, which
  // reads the whole population when few match. (One array: two would be tried in every pairing.)
  const idSets: string[] = [];
  if (access.ids) idSets.push(access.ids);
  else where.push(access.visible);
  // Enrolments and the care team are the care plan's: a viewer who may not see it finds nobody by
  // them (but anyone may list the people whose care team they are on themselves).
  const seesCarePlan = `'care_plan' = ANY (${access.categories})`;
  if (filter.programId) {
    where.push(
      `${seesCarePlan} AND EXISTS (SELECT 1 FROM person_enrolments e WHERE e.person_id = p.id AND e.program_id = ${param(filter.programId)}::uuid AND e.disenrolled_on IS NULL)`,
    );
  }
  if (filter.needs) {
    const needs = needsFilter();
    const params = { needDomainParam: param(filter.needs.needDomain), statusesParam: param(filter.needs.statuses) };
    where.push(needs.sql({ personId: 'p.id', categories: access.categories, ...params }));
    // Few people with such a need: read just them (by their ids), not the population in name
    // order until a page is full, which reads everyone when the matches are few or none. Many:
    // the walk in name order fills a page soon. (Counting stops at the threshold.)
    const probe = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${needs.candidates({ needDomainParam: '$1', statusesParam: '$2' })} LIMIT ${FEW_CANDIDATES}) few`,
      [filter.needs.needDomain, filter.needs.statuses],
    );
    if (probe[0]!.n < FEW_CANDIDATES) idSets.push(needs.candidates(params));
  }
  if (filter.lastReached) {
    const reached = lastReached();
    where.push(reached.filter({ personId: 'p.id', categories: access.categories, value: filter.lastReached }));
    // As for needs: few people reached lately are read by id; an absence ("never") walks in order.
    const candidates = reached.candidates(filter.lastReached);
    if (candidates) {
      const probe = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${candidates} LIMIT ${FEW_CANDIDATES}) few`);
      if (probe[0]!.n < FEW_CANDIDATES) idSets.push(candidates);
    }
  }
  if (filter.careTeamUserId) {
    const own = viewer.kind === 'organization' && viewer.userId === filter.careTeamUserId;
    where.push(
      `${own ? '' : `${seesCarePlan} AND `}EXISTS (SELECT 1 FROM person_care_team t WHERE t.person_id = p.id AND t.user_id = ${param(filter.careTeamUserId)}::uuid AND t.ended_on IS NULL)`,
    );
  }
  const seesDemographics = `'demographics' = ANY(${access.categories})`;
  const text = filter.q?.trim();
  let searched = false;
  if (text) {
    const key = nameKey(text);
    // Each way a search could match is a condition on the people row that an index answers (the
    // names' trigrams, the birth-date index, identifiers by value), OR-ed: the planner reads the
    // matches through the indexes when the viewer sees many people, and tests the few people a
    // consent-only viewer sees one by one. Cheap tests come first (a part of a name before the
    // similarity, an identifier before the categories), as each is tried only when those before failed.
    // Dates of birth and identifiers count only where the viewer sees demographics.
    const matches: string[] = [];
    if (key) {
      const k = param(key);
      matches.push(
        `p.name_key LIKE '%' || ${k} || '%'`,
        // The name the person uses.
        `lower(coalesce(p.used_name, '')) LIKE '%' || ${k} || '%'`,
        // Typo-tolerant: a word of the name is like the text (`<%`: word similarity ≥ the threshold set below).
        `${k} <% p.name_key`,
      );
    }
    const birthDate = typedBirthDate(text);
    if (birthDate) matches.push(`(p.birth_date = ${param(birthDate)}::date AND ${seesDemographics})`);
    if (/^[A-Za-z0-9._-]{1,64}$/.test(text)) {
      matches.push(
        `(p.id = ANY (ARRAY(SELECT i.person_id FROM person_identifiers i WHERE lower(i.value) = lower(${param(text)}))) AND ${seesDemographics})`,
      );
    }
    where.push(matches.length ? `(${matches.join(' OR ')})` : 'FALSE');
    searched = true;
    // `<%` is word_similarity(…) >= this threshold, for this transaction only.
    if (key) await q.query(`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
  }
  if (filter.name !== undefined) {
    const key = nameKey(filter.name);
    if (!key) where.push('FALSE');
    else {
      const k = param(key);
      where.push(
        `((' ' || p.name_key) LIKE '% ' || ${k} || '%' OR (' ' || lower(coalesce(p.used_name, ''))) LIKE '% ' || ${k} || '%')`,
      );
      // Candidates by the names' trigram indexes (a word's beginning is somewhere in the name).
      idSets.push(
        `SELECT c.id FROM people c WHERE c.name_key LIKE '%' || ${k} || '%' OR lower(coalesce(c.used_name, '')) LIKE '%' || ${k} || '%'`,
      );
    }
  }
  if (filter.birthDate !== undefined) where.push(`(${seesDemographics} AND p.birth_date = ${param(filter.birthDate)}::date)`);
  if (filter.identifier) {
    const { value, kind, issuer } = filter.identifier;
    const typed = param(value);
    idSets.push(`SELECT c.person_id FROM person_identifiers c WHERE lower(c.value) = lower(${typed})`);
    where.push(
      `(${seesDemographics} AND EXISTS (SELECT 1 FROM person_identifiers i WHERE i.person_id = p.id AND i.value = ${typed}` +
        `${kind ? ` AND i.kind = ${param(kind)}` : ''}${issuer !== undefined ? ` AND i.issuer = ${param(issuer)}` : ''}))`,
    );
  }
  if (after) where.push(`(${sort.key}, p.id::text) ${sort.direction} (${param(after[0])}, ${param(after[1])})`);
  if (idSets.length) where.push(`p.id = ANY (ARRAY(${idSets.map((ids) => `(${ids})`).join(' INTERSECT ')}))`);
  // A search's matches are found first and only then put in order: walking everyone in name order
  // until a page is full (which the planner would pick, thinking matches are spread evenly) reads
  // most of the population when the matches share a name late in the alphabet. (`OFFSET 0` keeps
  // the order out of the inner query.)
  const from = searched ? `(SELECT p.* FROM people p WHERE ${where.join(' AND ')} OFFSET 0) p` : 'people p';
  const rows = await q.query<ListedPersonRow>(
    `SELECT p.*, ${access.basis} AS access_basis, ${access.categories} AS access_categories, ${access.roles} AS access_roles, ${sort.key} AS sort_key,
            ${lastReachedAtSql({ personId: 'p.id', categories: access.categories })} AS last_reached_at
       FROM ${from}
      ${searched ? '' : `WHERE ${where.join(' AND ')}`}
      ORDER BY ${sort.key} ${sort.order}, p.id::text ${sort.order}
      LIMIT ${param(filter.limit + 1)}`,
    values,
  );
  return pageOf(rows, filter.limit, (row) => [row.sort_key, row.id]);
}

/**
 * "My people": those the user is on the care team of first (newest changes first), then the other
 * people the viewer may see, up to `limit`.
 */
/** A person of "my people", with their open needs the viewer may see, most urgent first. */
export type MyPersonRow = VisiblePersonRow & {
  on_my_team: boolean;
  open_needs: { needDomain: string; severity: 'low' | 'medium' | 'high' | 'urgent' }[];
};

export async function listMyPeople(q: Queryable, viewer: Viewer & { kind: 'organization' }, limit: number) {
  const access = accessSql(viewer, 1);
  const hooks = providedNeedsFilter();
  // The open needs come from the screening domain; without it, nobody has any.
  const needs = hooks?.openNeeds({ personId: 'v.id', categories: 'v.access_categories' }) ?? {
    list: `'[]'::jsonb`,
    urgency: `'5'`,
  };
  // My care team's people first, then whoever has the most urgent open need (the longest waiting
  // first), then the most recently changed. `among`: the people to rank, or all the viewer sees.
  const userParam = `$${access.values.length + 1}`;
  const limitParam = `$${access.values.length + 2}`;
  const page = (among: ((firstParam: number) => string) | null, values: unknown[]) =>
    q.query<MyPersonRow & { urgency_key: string }>(
      `SELECT v.*, ${needs.list} AS open_needs
         FROM (SELECT p.*, ${access.basis} AS access_basis, ${access.categories} AS access_categories, ${access.roles} AS access_roles, '' AS sort_key,
                      EXISTS (SELECT 1 FROM person_care_team t
                               WHERE t.person_id = p.id AND t.user_id = ${userParam} AND t.ended_on IS NULL) AS on_my_team
                 FROM people p
                WHERE p.merged_into IS NULL AND ${access.visible}${among ? ` AND ${among(access.values.length + 3)}` : ''}) v,
              LATERAL (SELECT ${needs.urgency} AS urgency_key) u
        ORDER BY v.on_my_team DESC, u.urgency_key, v.updated_at DESC, v.id
        LIMIT ${limitParam}`,
      [...access.values, viewer.userId, limit, ...values],
    );
  if (hooks && !access.ids) {
    // Staff who see many people: rank only their care team's and those whose needs come first in
    // the needs' own urgency order (read from its index), not everyone. That is the same page as
    // ranking everyone when it is full and none of its people from outside the team ranks after
    // the last need read (a tie could hide someone not read); otherwise (few needs, or most of them
    // of people the viewer may not see)
    // everyone is ranked.
    const walked = await q.query<{ person_id: string; urgency_key: string }>(hooks.mostUrgent('$1'), [URGENT_NEEDS_READ * limit]);
    const complete = walked.length < URGENT_NEEDS_READ * limit;
    const lastKey = walked.at(-1)?.urgency_key;
    const team = await q.query<{ person_id: string }>(
      'SELECT person_id FROM person_care_team WHERE user_id = $1 AND ended_on IS NULL',
      [viewer.userId],
    );
    const rows = await page(
      (param) => `p.id = ANY ($${param}::uuid[])`,
      [[...new Set([...team, ...walked].map((row) => row.person_id))]],
    );
    const exact =
      rows.length === limit &&
      rows.every((row) => row.on_my_team || complete || (lastKey !== undefined && row.urgency_key < lastKey));
    if (exact) return rows;
  }
  return page(null, []);
}

/** How many needs, per person asked for, "my people" reads in urgency order before ranking. */
const URGENT_NEEDS_READ = 20;

/**
 * People of the holder who may be this one: the same date of birth and a similar name (trigram
 * similarity of at least 0.6, or the same name once normalised), or the same identifier.
 */
export async function duplicateCandidates(
  q: Queryable,
  holderOrganizationId: string,
  person: { givenName: string; familyName: string; birthDate: string; identifiers: IdentifierInput[] },
  /** The person themselves, when they are already on record (the possible duplicates of a person's page). */
  exceptPersonId?: string,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT p.id FROM people p
      WHERE p.holder_organization_id = $1 AND p.merged_into IS NULL AND p.id IS DISTINCT FROM $6::uuid
        AND ((p.birth_date = $2::date AND (p.name_key = $3 OR similarity(p.name_key, $3) >= 0.6))
             OR EXISTS (SELECT 1 FROM person_identifiers i
                         JOIN unnest($4::text[], $5::text[]) AS typed (kind, value) ON typed.kind = i.kind AND typed.value = i.value
                        WHERE i.person_id = p.id))
      ORDER BY p.id LIMIT 20`,
    [
      holderOrganizationId,
      person.birthDate,
      nameKey(person.givenName, person.familyName),
      person.identifiers.map((identifier) => identifier.kind),
      person.identifiers.map((identifier) => identifier.value),
      exceptPersonId ?? null,
    ],
  );
  return rows.map((row) => row.id);
}

/** The people among `ids` the viewer may see, with what the viewer may see of them, by name. */
export async function findVisiblePeople(q: Queryable, viewer: Viewer, ids: string[]): Promise<VisiblePersonRow[]> {
  if (ids.length === 0) return [];
  const access = accessSql(viewer, 2);
  return q.query<VisiblePersonRow>(
    `SELECT p.*, ${access.basis} AS access_basis, ${access.categories} AS access_categories, ${access.roles} AS access_roles, '' AS sort_key
       FROM people p
      WHERE p.id = ANY ($1::uuid[]) AND p.merged_into IS NULL AND ${access.visible}
      ORDER BY lower(p.family_name), lower(p.given_name), p.id`,
    [ids, ...access.values],
  );
}

/** The identifiers among `identifiers` another person of the holder already has. */
export async function takenIdentifiers(
  q: Queryable,
  holderOrganizationId: string,
  identifiers: IdentifierInput[],
  exceptPersonId?: string,
): Promise<IdentifierInput[]> {
  if (identifiers.length === 0) return [];
  const rows = await q.query<{ kind: string; value: string }>(
    `SELECT i.kind, i.value FROM person_identifiers i
      JOIN unnest($2::text[], $3::text[]) AS typed (kind, value) ON typed.kind = i.kind AND typed.value = i.value
     WHERE i.holder_organization_id = $1 AND i.person_id IS DISTINCT FROM $4::uuid`,
    [
      holderOrganizationId,
      identifiers.map((identifier) => identifier.kind),
      identifiers.map((identifier) => identifier.value),
      exceptPersonId ?? null,
    ],
  );
  return identifiers.filter((identifier) => rows.some((row) => row.kind === identifier.kind && row.value === identifier.value));
}

export async function insertIdentifiers(
  q: Queryable,
  person: { id: string; holder: string },
  identifiers: IdentifierInput[],
): Promise<void> {
  if (identifiers.length === 0) return;
  await q.query(
    `INSERT INTO person_identifiers (person_id, holder_organization_id, kind, value, issuer)
     SELECT $1, $2, kind, value, issuer FROM unnest($3::text[], $4::text[], $5::text[]) AS typed (kind, value, issuer)`,
    [
      person.id,
      person.holder,
      identifiers.map((identifier) => identifier.kind),
      identifiers.map((identifier) => identifier.value),
      identifiers.map((identifier) => identifier.issuer ?? ''),
    ],
  );
}

/** The identifiers of several people at once (a page of search results), by person. */
export async function listIdentifiersOf(q: Queryable, personIds: string[]): Promise<Map<string, IdentifierRow[]>> {
  const byPerson = new Map<string, IdentifierRow[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await q.query<IdentifierRow>(
    'SELECT * FROM person_identifiers WHERE person_id = ANY($1::uuid[]) ORDER BY person_id, kind, value',
    [personIds],
  );
  for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
  return byPerson;
}

export async function listIdentifiers(q: Queryable, personId: string): Promise<IdentifierRow[]> {
  return q.query<IdentifierRow>('SELECT * FROM person_identifiers WHERE person_id = $1 ORDER BY kind, value', [personId]);
}

/** The person of the holder who has this identifier (the identifier is unique per holder and kind). */
export async function findPersonIdByIdentifier(
  q: Queryable,
  holderOrganizationId: string,
  identifier: { kind: string; value: string },
): Promise<string | undefined> {
  const rows = await q.query<{ person_id: string }>(
    `SELECT i.person_id FROM person_identifiers i JOIN people p ON p.id = i.person_id
      WHERE i.holder_organization_id = $1 AND i.kind = $2 AND i.value = $3 AND p.merged_into IS NULL`,
    [holderOrganizationId, identifier.kind, identifier.value],
  );
  return rows[0]?.person_id;
}
