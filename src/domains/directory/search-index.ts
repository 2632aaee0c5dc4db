// Rebuilds the search index (directory_search_entry) from the HSDS tables and Kith's intake
// data: one row per service at a location, holding everything a search filters on or shows.
// Called after imports (all services, then the typo lexicon and postal centroids too) and after
// a capacity update (one service).
import type { Queryable } from '../../platform/db/database';

// Terms mapped to need domains: by explicit rule, or by a keyword found in the term's name.
const termDomains = `
  CREATE TEMP TABLE IF NOT EXISTS directory_term_domain (term_id uuid PRIMARY KEY, domains text[] NOT NULL) ON COMMIT DROP;
  DELETE FROM directory_term_domain;
  INSERT INTO directory_term_domain
  SELECT t.id, array_agg(DISTINCT r.need_domain)
    FROM hsds_taxonomy_term t
    JOIN need_domain_rule r
      ON r.taxonomy_term_id = t.id
      OR (r.keyword IS NOT NULL AND (lower(t.name) LIKE '%' || r.keyword || '%'))
   GROUP BY t.id`;

const entryRows = (scope: string) => `
  INSERT INTO directory_search_entry (
    entry_id, service_id, service_at_location_id, location_id, organization_id,
    service_name, organization_name, location_name, summary, address, postal_code,
    latitude, longitude, point, document, names,
    need_domains, taxonomy_term_ids, languages, service_areas,
    open_minutes, hours_text, status, accepting_referrals, capacity_status, capacity_updated_at)
  SELECT
    COALESCE(sal.id, s.id), s.id, sal.id, l.id, o.id,
    s.name, o.name, l.name, left(COALESCE(s.description, ''), 400), addr.text, addr.postal_code,
    l.latitude, l.longitude,
    CASE WHEN l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180
         THEN ll_to_earth(l.latitude, l.longitude) END,
    setweight(to_tsvector('english', s.name), 'A')
      || setweight(to_tsvector('english', concat_ws(' ', o.name, terms.names, domain_names.names)), 'B')
      || setweight(to_tsvector('english', concat_ws(' ', s.alternate_name, s.description, s.eligibility_description)), 'C')
      || setweight(to_tsvector('english', concat_ws(' ', l.name, addr.text)), 'D'),
    lower(concat_ws(' ', s.name, o.name)),
    COALESCE(domains.codes, '{}'), COALESCE(terms.ids, '{}'), COALESCE(langs.codes, '{}'), COALESCE(areas.names, '{}'),
    hours.minutes, hours.text,
    s.status, COALESCE(i.accepting_referrals, true), i.capacity_status, i.capacity_updated_at
  FROM hsds_service s
  LEFT JOIN hsds_organization o ON o.id = s.organization_id
  LEFT JOIN hsds_service_at_location sal ON sal.service_id = s.id
  LEFT JOIN hsds_location l ON l.id = sal.location_id
  LEFT JOIN directory_service_intake i ON i.service_id = s.id
  LEFT JOIN LATERAL (
    SELECT concat_ws(', ', a.address_1, a.city, a.state_province, a.postal_code) AS text, a.postal_code
      FROM hsds_address a WHERE a.location_id = l.id
     ORDER BY (a.address_type = 'physical') DESC NULLS LAST, a.id LIMIT 1) addr ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT t.id) AS ids, string_agg(DISTINCT t.name, ' ') AS names
      FROM hsds_attribute at JOIN hsds_taxonomy_term t ON t.id = at.taxonomy_term_id
     WHERE at.link_id = s.id) terms ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT code) AS codes FROM (
      SELECT unnest(td.domains) AS code FROM directory_term_domain td WHERE td.term_id = ANY (terms.ids)
      UNION
      -- A service without taxonomy terms is placed by the words of its name.
      SELECT r.need_domain FROM need_domain_rule r
       WHERE terms.ids IS NULL AND r.keyword IS NOT NULL AND lower(s.name) ~ ('\\m' || r.keyword)) found) domains ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(nd.name, ' ') AS names FROM need_domain nd WHERE nd.code = ANY (domains.codes)) domain_names ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT value) AS codes FROM (
      SELECT lower(lg.code) AS value FROM hsds_language lg WHERE lg.service_id = s.id OR lg.location_id = l.id
      UNION SELECT lower(lg.name) FROM hsds_language lg WHERE lg.service_id = s.id OR lg.location_id = l.id) v
     WHERE value IS NOT NULL AND value <> '') langs ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT lower(sa.name)) AS names FROM hsds_service_area sa
     WHERE sa.service_id = s.id AND sa.name IS NOT NULL) areas ON true
  LEFT JOIN LATERAL (
    SELECT range_agg(span) AS minutes,
           string_agg(DISTINCT COALESCE(NULLIF(trim(sc.description), ''), NULLIF(trim(sc.notes), '')), '; ') AS text
      FROM hsds_schedule sc
      LEFT JOIN LATERAL directory_schedule_ranges(sc.byday, sc.opens_at, sc.closes_at, sc.freq) span ON true
     WHERE (sal.id IS NOT NULL AND sc.service_at_location_id = sal.id)
        OR (sc.service_id = s.id AND sc.service_at_location_id IS NULL)
        OR (l.id IS NOT NULL AND sc.location_id = l.id AND sc.service_id IS NULL)) hours ON true
  ${scope}`;

export interface RebuildScope {
  /** Only these services (after a capacity update); all services when omitted. */
  serviceIds?: string[];
}

export async function rebuildSearchEntries(q: Queryable, scope: RebuildScope = {}): Promise<void> {
  await q.query(termDomains);
  if (scope.serviceIds) {
    if (scope.serviceIds.length === 0) return;
    await q.query('DELETE FROM directory_search_entry WHERE service_id = ANY ($1::uuid[])', [scope.serviceIds]);
    await q.query(entryRows('WHERE s.id = ANY ($1::uuid[])'), [scope.serviceIds]);
    return;
  }
  await q.query('DELETE FROM directory_search_entry');
  await q.query(entryRows(''));
  await rebuildLexiconAndPostalCodes(q);
}

/** The words and postal codes the directory knows; rebuilt after imports, not per update. */
export async function rebuildLexiconAndPostalCodes(q: Queryable): Promise<void> {
  await q.query('DELETE FROM directory_lexicon');
  await q.query(`
    INSERT INTO directory_lexicon (word, entries)
    SELECT word, ndoc FROM ts_stat('SELECT to_tsvector(''simple'', names || '' '' || summary) FROM directory_search_entry')
     WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[a-z]+$'`);
  await q.query('DELETE FROM directory_postal_code');
  await q.query(`
    INSERT INTO directory_postal_code (postal_code, latitude, longitude, locations)
    SELECT code, avg(latitude), avg(longitude), count(*) FROM (
      SELECT CASE WHEN postal_code ~ '^[0-9]{5}(-?[0-9]{4})?$' THEN left(postal_code, 5)
                  ELSE upper(replace(postal_code, ' ', '')) END AS code, latitude, longitude
        FROM directory_search_entry WHERE postal_code IS NOT NULL AND point IS NOT NULL) located
     GROUP BY code`);
}
