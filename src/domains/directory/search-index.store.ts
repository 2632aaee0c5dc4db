// The SQL of the search index (directory_search_entry), rebuilt from the HSDS tables and Kith's
// intake data: one row per service at a location, holding everything a search filters on or shows;
// and of the statistics beside it (facet counts, the typo lexicon, postal-code centroids). Must run
// inside a transaction (it uses temporary tables). search-index.ts decides what to rebuild.
//
// Set-based on purpose: every child table is aggregated once and hash-joined, instead of a
// subquery per service, so rebuilding 500,000 services is a handful of scans.
import type { Queryable } from '../../platform/db/database';
import { applyScopedStatistics, countScopedStatistics, STATISTICS_SAMPLE } from './search-statistics.store';

// How a need-domain rule reaches a taxonomy term (by id, or by a keyword in the term's name) and an
// untagged service (by the keyword as a word of its name): one definition for the index and for
// finding the services a changed rule affects.
const ruleReachesTerm = (rule: string, term: string) =>
  `(${rule}.taxonomy_term_id = ${term}.id OR (${rule}.keyword IS NOT NULL AND lower(${term}.name) LIKE '%' || ${rule}.keyword || '%'))`;
const ruleReachesName = (rule: string, service: string) =>
  `(${rule}.keyword IS NOT NULL AND lower(${service}.name) ~ ('\\m' || ${rule}.keyword))`;

// Terms mapped to need domains, and the distinct weekly hour patterns turned into minutes of the
// week once each.
const prepare = `
  CREATE TEMP TABLE IF NOT EXISTS directory_term_domain (term_id uuid PRIMARY KEY, domains text[] NOT NULL, names text NOT NULL) ON COMMIT DROP;
  DELETE FROM directory_term_domain;
  INSERT INTO directory_term_domain
  SELECT t.id, array_agg(DISTINCT r.need_domain), string_agg(DISTINCT nd.name, ' ')
    FROM hsds_taxonomy_term t
    JOIN need_domain_rule r ON ${ruleReachesTerm('r', 't')}
    JOIN need_domain nd ON nd.code = r.need_domain
   GROUP BY t.id;
  CREATE TEMP TABLE IF NOT EXISTS directory_hour_pattern (
    byday text, opens_at text, closes_at text, freq text, minutes int4multirange, times jsonb) ON COMMIT DROP;
  DELETE FROM directory_hour_pattern;
  CREATE TEMP TABLE IF NOT EXISTS directory_schedule_summary (
    service_at_location_id uuid, service_id uuid, location_id uuid, minutes int4multirange, hours jsonb) ON COMMIT DROP;
  DELETE FROM directory_schedule_summary;
  CREATE TEMP TABLE IF NOT EXISTS directory_minutes_hours (minutes int4multirange, hours text[]) ON COMMIT DROP;
  DELETE FROM directory_minutes_hours;
  CREATE TEMP TABLE IF NOT EXISTS directory_rebuild_scope (id uuid PRIMARY KEY) ON COMMIT DROP;
  DELETE FROM directory_rebuild_scope;`;

const entryRows = (scoped: boolean, table = 'directory_search_entry') => {
  // The scope is a temporary table with statistics, not an array parameter: the planner then knows
  // how many services it holds (it guesses one or ten for an array) and joins them as a set.
  const inScope = (column: string) => (scoped ? `${column} IN (SELECT id FROM directory_rebuild_scope)` : 'true');
  return `
  INSERT INTO directory_hour_pattern
  SELECT byday, opens_at, closes_at, freq, directory_schedule_minutes(byday, opens_at, closes_at, freq),
         directory_schedule_times(byday, opens_at, closes_at, freq)
    FROM (SELECT DISTINCT byday, opens_at, closes_at, freq FROM hsds_schedule
           WHERE opens_at IS NOT NULL AND closes_at IS NOT NULL) patterns;

  -- Each service's, place's and location's opening times, and the hours of the week they touch
  -- (worked out once per distinct set of opening times), and their hours as the pages show them.
  INSERT INTO directory_schedule_summary
  WITH places AS (
    SELECT sal.id AS service_at_location_id, sal.location_id
      FROM hsds_service_at_location sal WHERE ${inScope('sal.service_id')}
  )
  SELECT sc.service_at_location_id, sc.service_id, sc.location_id, range_agg(p.minutes) AS minutes,
         jsonb_agg(DISTINCT directory_schedule_hours(p.times, sc.description, sc.notes))
           FILTER (WHERE directory_schedule_hours(p.times, sc.description, sc.notes) IS NOT NULL) AS hours
    FROM hsds_schedule sc
    LEFT JOIN directory_hour_pattern p
      ON p.byday IS NOT DISTINCT FROM sc.byday AND p.opens_at = sc.opens_at AND p.closes_at = sc.closes_at
     AND p.freq IS NOT DISTINCT FROM sc.freq
     WHERE sc.service_at_location_id IN (SELECT service_at_location_id FROM places)
      OR ${inScope('sc.service_id')} OR sc.location_id IN (SELECT location_id FROM places)
     GROUP BY sc.service_at_location_id, sc.service_id, sc.location_id;

  INSERT INTO directory_minutes_hours
  SELECT minutes, directory_hour_tokens(minutes) FROM (SELECT DISTINCT minutes FROM directory_schedule_summary WHERE minutes IS NOT NULL) distinct_minutes;

  -- Only the columns the joins below use: statistics of the hours' JSON would cost more than they tell.
  ANALYZE directory_term_domain, directory_hour_pattern (byday, opens_at, closes_at, freq),
          directory_schedule_summary (service_at_location_id, service_id, location_id, minutes), directory_minutes_hours;

  WITH services AS NOT MATERIALIZED (
    SELECT * FROM ${scoped ? 'directory_rebuild_service' : 'hsds_service'} s
  ), places AS ${scoped ? 'NOT MATERIALIZED' : ''} (
    ${
      scoped
        ? 'SELECT service_id, service_at_location_id, location_id FROM directory_rebuild_place'
        : `SELECT s.id AS service_id, sal.id AS service_at_location_id, sal.location_id
      FROM services s LEFT JOIN hsds_service_at_location sal ON sal.service_id = s.id`
    }
  ), addresses AS (
    SELECT DISTINCT ON (a.location_id) a.location_id,
           concat_ws(', ', a.address_1, a.city, a.state_province, a.postal_code) AS text, a.postal_code
      FROM hsds_address a WHERE a.location_id IN (SELECT location_id FROM places)
     ORDER BY a.location_id, (a.address_type = 'physical') DESC NULLS LAST, a.id
  ), located AS (
    -- What each location gives its services (worked out once per location, not per service).
    -- A location without coordinates is placed at the import's estimate (its postal code's centre).
    SELECT l.id, l.name, at.latitude, at.longitude, addr.text AS address, addr.postal_code,
           CASE WHEN valid.ok THEN ll_to_earth(at.latitude, at.longitude) END AS point,
           CASE WHEN valid.ok THEN directory_cell_tokens(at.latitude, at.longitude) ELSE '{}' END AS cells,
           setweight(to_tsvector('english', concat_ws(' ', l.name, addr.text)), 'D') AS document
      FROM hsds_location l
      LEFT JOIN addresses addr ON addr.location_id = l.id
      LEFT JOIN directory_location_estimate estimate ON estimate.location_id = l.id AND l.latitude IS NULL
     CROSS JOIN LATERAL (SELECT COALESCE(l.latitude, estimate.latitude), COALESCE(l.longitude, estimate.longitude)) AS at (latitude, longitude)
     CROSS JOIN LATERAL (SELECT at.latitude BETWEEN -90 AND 90 AND at.longitude BETWEEN -180 AND 180) AS valid (ok)
     WHERE l.id IN (SELECT location_id FROM places)
  ), service_organizations AS (
    SELECT o.id, o.name, setweight(to_tsvector('english', o.name), 'B') AS document
      FROM hsds_organization o WHERE o.id IN (SELECT organization_id FROM services)
  ), terms AS (
    SELECT at.link_id AS service_id, array_agg(DISTINCT t.id) AS ids, string_agg(DISTINCT t.name, ' ') AS names,
           string_agg(DISTINCT td.names, ' ') AS domain_names,
           array_agg(DISTINCT domain) FILTER (WHERE domain IS NOT NULL) AS domains,
           array_agg(DISTINCT 't:' || t.id) || COALESCE(array_agg(DISTINCT 'n:' || domain) FILTER (WHERE domain IS NOT NULL), '{}') AS tokens
      FROM hsds_attribute at
      JOIN hsds_taxonomy_term t ON t.id = at.taxonomy_term_id
      LEFT JOIN directory_term_domain td ON td.term_id = t.id
      LEFT JOIN LATERAL unnest(td.domains) AS domain ON true
     WHERE ${inScope('at.link_id')}
     GROUP BY at.link_id
  ), named AS (
    -- A service without taxonomy terms is placed by the words of its name.
    SELECT s.id AS service_id, array_agg(DISTINCT r.need_domain) AS domains, array_agg(DISTINCT 'n:' || r.need_domain) AS tokens,
           string_agg(DISTINCT nd.name, ' ') AS domain_names
      FROM services s JOIN need_domain_rule r ON ${ruleReachesName('r', 's')}
      JOIN need_domain nd ON nd.code = r.need_domain
     WHERE NOT EXISTS (SELECT 1 FROM hsds_attribute at WHERE at.link_id = s.id)
     GROUP BY s.id
  ), service_languages AS (
    SELECT lg.service_id, array_agg(DISTINCT value) AS codes, array_agg(DISTINCT 'l:' || value) AS tokens
      FROM hsds_language lg, LATERAL (VALUES (lower(lg.code)), (lower(lg.name))) AS v (value)
     WHERE ${inScope('lg.service_id')} AND value <> ''
     GROUP BY lg.service_id
  ), location_languages AS (
    SELECT lg.location_id, array_agg(DISTINCT value) AS codes, array_agg(DISTINCT 'l:' || value) AS tokens
      FROM hsds_language lg, LATERAL (VALUES (lower(lg.code)), (lower(lg.name))) AS v (value)
     WHERE lg.location_id IN (SELECT location_id FROM places) AND value <> ''
     GROUP BY lg.location_id
  ), areas AS (
    SELECT sa.service_id, array_agg(DISTINCT lower(sa.name)) AS names, array_agg(DISTINCT 'a:' || lower(sa.name)) AS tokens
      FROM hsds_service_area sa WHERE ${inScope('sa.service_id')} AND sa.name IS NOT NULL
     GROUP BY sa.service_id
  ), domains AS (
    SELECT s.id AS service_id, COALESCE(terms.domains, named.domains, '{}') AS codes,
           COALESCE(terms.tokens, named.tokens, '{}') AS tokens, COALESCE(terms.domain_names, named.domain_names) AS names
      FROM services s LEFT JOIN terms ON terms.service_id = s.id LEFT JOIN named ON named.service_id = s.id
  )
  INSERT INTO ${table} (
    entry_id, service_id, service_at_location_id, location_id, organization_id,
    service_name, organization_name, location_name, address, postal_code,
    latitude, longitude, point, document,
    need_domains, taxonomy_term_ids, languages, service_areas,
    open_minutes, hours, status, accepting_referrals, capacity_status, capacity_updated_at, facets)
  SELECT
    COALESCE(p.service_at_location_id, s.id), s.id, p.service_at_location_id, l.id, o.id,
    s.name, o.name, l.name, l.address, l.postal_code,
    l.latitude, l.longitude, l.point,
    setweight(to_tsvector('english', s.name), 'A')
      || COALESCE(o.document, '')
      || setweight(to_tsvector('english', concat_ws(' ', terms.names, d.names)), 'B')
      || setweight(to_tsvector('english', concat_ws(' ', s.alternate_name, s.description, s.eligibility_description)), 'C')
      || COALESCE(l.document, ''),
    d.codes, COALESCE(terms.ids, '{}'),
    ARRAY(SELECT DISTINCT unnest(COALESCE(sl.codes, '{}') || COALESCE(ll.codes, '{}'))),
    COALESCE(areas.names, '{}'),
    COALESCE(at_place.minutes, for_service.minutes, at_location.minutes),
    COALESCE(at_place.hours, for_service.hours, at_location.hours),
    s.status, COALESCE(i.accepting_referrals, true), i.capacity_status, i.capacity_updated_at,
    d.tokens
      || CASE WHEN sl.tokens IS NULL OR ll.tokens IS NULL THEN COALESCE(sl.tokens, ll.tokens, '{}')
              ELSE ARRAY(SELECT DISTINCT unnest(sl.tokens || ll.tokens)) END
      || COALESCE(areas.tokens, '{}')
      || CASE WHEN COALESCE(i.accepting_referrals, true) THEN ARRAY['r'] ELSE '{}' END
      || CASE WHEN i.capacity_status IS NOT NULL THEN ARRAY['c:' || i.capacity_status] ELSE '{}' END
      || COALESCE(hours.hours, '{}')
      || COALESCE(l.cells, '{}')
  FROM services s
  JOIN places p ON p.service_id = s.id
  JOIN domains d ON d.service_id = s.id
  LEFT JOIN service_organizations o ON o.id = s.organization_id
  LEFT JOIN located l ON l.id = p.location_id
  LEFT JOIN terms ON terms.service_id = s.id
  LEFT JOIN service_languages sl ON sl.service_id = s.id
  LEFT JOIN location_languages ll ON ll.location_id = l.id
  LEFT JOIN areas ON areas.service_id = s.id
  LEFT JOIN directory_schedule_summary at_place ON at_place.service_at_location_id = p.service_at_location_id
  LEFT JOIN directory_schedule_summary for_service ON for_service.service_id = s.id AND for_service.service_at_location_id IS NULL
  LEFT JOIN directory_schedule_summary at_location ON at_location.location_id = l.id
        AND at_location.service_id IS NULL AND at_location.service_at_location_id IS NULL
  LEFT JOIN directory_minutes_hours hours ON hours.minutes = COALESCE(at_place.minutes, for_service.minutes, at_location.minutes)
  LEFT JOIN directory_service_intake i ON i.service_id = s.id`;
};

// Full rebuilds take this lock alone, scoped ones share it: an update of one service's entry
// never lands in the table a full rebuild is about to replace.
const REBUILD_LOCK = 724_113_002;

export type StepCounter = (done: number, total: number) => void;

/**
 * Rebuilds the entries of these services in place (the caller decides they are few). With
 * `statistics`, the facet counts, postal-code centroids and typo lexicon are brought up to date
 * by what these entries were and are now (search-statistics.store.ts), not counted again over the
 * whole directory.
 */
export async function rebuildEntriesOf(
  q: Queryable,
  serviceIds: string[],
  options: { statistics?: boolean; onStep?: StepCounter } = {},
): Promise<void> {
  const statements = splitStatements(entryRows(true));
  const step = stepCounter(statements.length + (options.statistics ? 3 : 1), options.onStep);
  await q.query('SELECT pg_advisory_xact_lock_shared($1)', [REBUILD_LOCK]);
  await q.query(prepare);
  await q.query('INSERT INTO directory_rebuild_scope SELECT DISTINCT unnest($1::uuid[])', [serviceIds]);
  // The scope's services and their places as tables with statistics: joined as CTEs they would
  // be estimated at a handful of rows, and every location scanned once per place.
  await q.query(`
    CREATE TEMP TABLE IF NOT EXISTS directory_rebuild_service ON COMMIT DROP AS SELECT * FROM hsds_service WITH NO DATA;
    DELETE FROM directory_rebuild_service;
    INSERT INTO directory_rebuild_service SELECT * FROM hsds_service WHERE id IN (SELECT id FROM directory_rebuild_scope);
    CREATE TEMP TABLE IF NOT EXISTS directory_rebuild_place (service_id uuid, service_at_location_id uuid, location_id uuid) ON COMMIT DROP;
    DELETE FROM directory_rebuild_place;
    INSERT INTO directory_rebuild_place
    SELECT s.id, sal.id, sal.location_id FROM directory_rebuild_service s LEFT JOIN hsds_service_at_location sal ON sal.service_id = s.id;
    ANALYZE directory_rebuild_scope, directory_rebuild_service, directory_rebuild_place;`);
  // A few thousand rows: compiling the plan (JIT, on a server) would cost seconds and save nothing.
  const [jit] = await q.query<{ setting: string }>(`SELECT current_setting('jit') AS setting`);
  await q.query(`SET LOCAL jit = off`);
  if (options.statistics) await countScopedStatistics(q, 'before');
  // A place that moved to one of these services leaves its entry under the service it was at.
  await q.query(`DELETE FROM directory_search_entry WHERE service_id IN (SELECT id FROM directory_rebuild_scope)
     OR entry_id IN (SELECT service_at_location_id FROM directory_rebuild_place)`);
  step();
  for (const statement of statements) {
    await q.query(statement);
    step();
  }
  if (options.statistics) {
    await countScopedStatistics(q, 'after');
    step();
    await applyScopedStatistics(q, await countServices(q));
    step();
  }
  await q.query(`SELECT set_config('jit', $1, true)`, [jit?.setting ?? 'on']);
}

/**
 * Rebuilds every entry. A full rebuild fills a new table beside the one searches are reading,
 * builds its indexes once (far cheaper than keeping them up row by row), and swaps it in at the
 * end: searches go on reading the old entries meanwhile, and wait only for the swap.
 */
export async function rebuildAllEntries(q: Queryable, onStep?: StepCounter): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [REBUILD_LOCK]);
  await q.query(prepare);
  const indexes = await q.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'directory_search_entry' ORDER BY indexname`,
  );
  const constraints = await q.query<{ name: string; definition: string }>(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = 'directory_search_entry'::regclass AND contype <> 'n' ORDER BY contype = 'p' DESC, conname`,
  );
  // Sorts, hashes and index builds of a whole directory stay in memory with room to work (for this
  // transaction only).
  await q.query(`SET LOCAL work_mem = '128MB'`);
  await q.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  const statements = splitStatements(entryRows(false, 'directory_search_entry_next'));
  const checks = constraints.filter((constraint) => !constraint.definition.startsWith('PRIMARY KEY'));
  const step = stepCounter(statements.length + indexes.length + checks.length + 3, onStep);
  await q.query('DROP TABLE IF EXISTS directory_search_entry_next');
  await q.query('CREATE TABLE directory_search_entry_next (LIKE directory_search_entry INCLUDING DEFAULTS)');
  // The hours are only shown, never searched: no statistics to gather on them.
  await q.query('ALTER TABLE directory_search_entry_next ALTER COLUMN hours SET STATISTICS 0');
  for (const statement of statements) {
    await q.query(statement);
    step();
  }
  for (const index of indexes) {
    await q.query(
      index.definition.replace(
        /^(CREATE (?:UNIQUE )?INDEX )(\S+) ON \S+/,
        (_all, create: string, name: string) => `${create}${name}_next ON directory_search_entry_next`,
      ),
    );
    step();
  }
  for (const constraint of checks) {
    await q.query(`ALTER TABLE directory_search_entry_next ADD CONSTRAINT ${constraint.name} ${constraint.definition}`);
    step();
  }
  await q.query('ANALYZE directory_search_entry_next');
  step();
  await rebuildLexiconAndPostalCodes(q, 'directory_search_entry_next');
  step();
  // The swap: from here to the commit, searches wait (a few catalogue changes).
  await q.query('DROP TABLE directory_search_entry');
  await q.query('ALTER TABLE directory_search_entry_next RENAME TO directory_search_entry');
  for (const index of indexes) await q.query(`ALTER INDEX ${index.name}_next RENAME TO ${index.name}`);
  for (const constraint of constraints.filter((constraint) => constraint.definition.startsWith('PRIMARY KEY'))) {
    await q.query(
      `ALTER TABLE directory_search_entry ADD CONSTRAINT ${constraint.name} PRIMARY KEY USING INDEX ${constraint.name}`,
    );
  }
  step();
}

function stepCounter(total: number, onStep?: StepCounter): () => void {
  let done = 0;
  onStep?.(0, total);
  return () => onStep?.(++done, total);
}

export async function countServices(q: Queryable): Promise<number> {
  const [all] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM hsds_service');
  return all?.n ?? 0;
}

/** The services a need-domain rule reaches: their entries change when the rule comes or goes. */
export async function servicesReachedByRule(
  q: Queryable,
  rule: { taxonomyTermId: string | null; keyword: string | null },
): Promise<string[]> {
  const rows = await q.query<{ service_id: string }>(
    `WITH r AS (SELECT $1::uuid AS taxonomy_term_id, $2::text AS keyword)
     SELECT at.link_id AS service_id FROM r, hsds_attribute at JOIN hsds_taxonomy_term t ON t.id = at.taxonomy_term_id
      WHERE ${ruleReachesTerm('r', 't')}
     UNION
     SELECT s.id FROM r, hsds_service s
      WHERE ${ruleReachesName('r', 's')} AND NOT EXISTS (SELECT 1 FROM hsds_attribute at WHERE at.link_id = s.id)`,
    [rule.taxonomyTermId, rule.keyword],
  );
  return rows.map((row) => row.service_id);
}

/** The services of these organisations, at these locations and places, or classed by these terms: their entries show them. */
export async function servicesAround(
  q: Queryable,
  around: { organizationIds: string[]; locationIds: string[]; placeIds: string[]; termIds: string[] },
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT id::text AS id FROM hsds_service WHERE organization_id = ANY ($1::uuid[])
     UNION SELECT service_id::text FROM hsds_service_at_location
      WHERE (location_id = ANY ($2::uuid[]) OR id = ANY ($3::uuid[])) AND service_id IS NOT NULL
     UNION SELECT link_id::text FROM hsds_attribute WHERE taxonomy_term_id = ANY ($4::uuid[]) AND link_id IS NOT NULL`,
    [around.organizationIds, around.locationIds, around.placeIds, around.termIds],
  );
  return rows.map((row) => row.id);
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n\s*\n/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/**
 * The words, postal codes and facet counts the directory knows; rebuilt after imports, not per
 * capacity update. The facet counts only guide the search's choice of plan and the lexicon offers
 * corrections (a word it holds is in the directory, but a word it misses may be too: whether a
 * word is known is also read from the text index's own word counts), so on a large directory both
 * come from a random sample, as PostgreSQL's own statistics do; organisations' names are all read.
 */
export async function rebuildLexiconAndPostalCodes(q: Queryable, entries = 'directory_search_entry'): Promise<void> {
  const [sizes] = await q.query<{ entries: number; services: number; locations: number }>(
    `SELECT (SELECT count(*) FROM ${entries})::int AS entries, (SELECT count(*) FROM hsds_service)::int AS services,
            (SELECT count(*) FROM hsds_location)::int AS locations`,
  );
  const percent = (rows: number) => Math.min(100, (100 * STATISTICS_SAMPLE) / Math.max(1, rows));
  const entriesPercent = percent(sizes?.entries ?? 0);
  await q.query('DELETE FROM directory_search_facet');
  await q.query(`
    INSERT INTO directory_search_facet (token, entries)
    SELECT token, round(count(*) * ${100 / entriesPercent})
      FROM ${entries} TABLESAMPLE BERNOULLI (${entriesPercent}) REPEATABLE (1), unnest(facets) AS token
     GROUP BY token
    UNION ALL SELECT 'w:' || word, ndoc FROM ts_stat('SELECT document FROM ${entries}')
    UNION ALL SELECT '*', count(*) FROM ${entries}`);
  await q.query('DELETE FROM directory_lexicon');
  // The words of names and descriptions, of places and cities, and of the categories and needs
  // services are filed under (their names are in the entries' text too: "helth" must find
  // "health" from "Health insurance" even where no service's own text says it). Every
  // organisation's name, sampled or not: a search finds organisations by name, and a word of one
  // is never taken for a typo. Stop words are left out: no search is corrected to "for".
  await q.query(`
    INSERT INTO directory_lexicon (word, entries)
    SELECT word, sum(ndoc) FROM (
      SELECT word, ndoc FROM ts_stat($$
        SELECT to_tsvector('simple', concat_ws(' ', s.name, left(s.description, 400)))
          FROM hsds_service s TABLESAMPLE BERNOULLI (${percent(sizes?.services ?? 0)}) REPEATABLE (1)$$)
      UNION ALL
      SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple', name) FROM hsds_organization$$)
      UNION ALL
      SELECT word, ndoc FROM ts_stat($$
        SELECT to_tsvector('simple', concat_ws(' ', l.name, a.city))
          FROM hsds_location l TABLESAMPLE BERNOULLI (${percent(sizes?.locations ?? 0)}) REPEATABLE (1)
          LEFT JOIN hsds_address a ON a.location_id = l.id$$)
      UNION ALL
      SELECT word, ndoc FROM ts_stat($$
        SELECT to_tsvector('simple', t.name) FROM hsds_taxonomy_term t
         WHERE EXISTS (SELECT 1 FROM hsds_attribute a WHERE a.taxonomy_term_id = t.id)
        UNION ALL SELECT to_tsvector('simple', name) FROM need_domain$$)) words
     WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[a-z]+$' AND to_tsvector('english', word) <> ''::tsvector
     GROUP BY word`);
  await q.query('DELETE FROM directory_postal_code');
  await q.query(`
    INSERT INTO directory_postal_code (postal_code, latitude, longitude, locations)
    SELECT code, avg(latitude), avg(longitude), count(*) FROM (
      SELECT directory_postal_code_key(postal_code) AS code, latitude, longitude
        FROM ${entries} WHERE postal_code IS NOT NULL AND point IS NOT NULL) located
     GROUP BY code`);
}
