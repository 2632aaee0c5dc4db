// The search index's statistics after a scoped rebuild (a capacity update, a rule change, an
// import that touched a few services), brought up to date by difference instead of counted again
// over the whole directory: what the rebuilt entries said before is taken away, what they say now
// is added. Counted again in full, they cost as much as rebuilding every entry; by difference,
// in proportion to the change. The rebuild's scope is the temporary directory_rebuild_scope.
//
// - facet counts (directory_search_facet): per token and per word of the text index, exact
//   differences added to the counts (estimates from a sample on a large directory, which the
//   differences keep as good);
// - postal-code centroids (directory_postal_code): sums of coordinates and counts per code, so
//   each centroid moves to the average it would have if counted again;
// - the typo lexicon (directory_lexicon): words new to the directory are added; a word that no
//   entry has any more stays until the next full rebuild (it is only ever offered as a correction).
import type { Queryable } from '../../platform/db/database';

/** Statistics are read from a sample of at most this many services (or entries). */
export const STATISTICS_SAMPLE = 100_000;

const scoped = 'service_id IN (SELECT id FROM directory_rebuild_scope)';

const prepareChanges = `
  CREATE TEMP TABLE IF NOT EXISTS directory_facet_change (token text COLLATE "C", entries bigint) ON COMMIT DROP;
  DELETE FROM directory_facet_change;
  CREATE TEMP TABLE IF NOT EXISTS directory_postal_code_change (
    postal_code text, latitude double precision, longitude double precision, locations bigint) ON COMMIT DROP;
  DELETE FROM directory_postal_code_change;
  CREATE TEMP TABLE IF NOT EXISTS directory_postal_code_next (
    postal_code text, latitude double precision, longitude double precision, locations bigint) ON COMMIT DROP;
  DELETE FROM directory_postal_code_next;`;

/** Counts what the scope's entries hold: taken away `before` they are rebuilt, added `after`. */
export async function countScopedStatistics(q: Queryable, when: 'before' | 'after'): Promise<void> {
  if (when === 'before') await q.query(prepareChanges);
  const sign = when === 'before' ? -1 : 1;
  await q.query(`
    INSERT INTO directory_facet_change (token, entries)
    SELECT token, ${sign} * count(*) FROM directory_search_entry e, unnest(e.facets) AS token WHERE e.${scoped} GROUP BY token
    UNION ALL SELECT 'w:' || word, ${sign} * ndoc FROM ts_stat('SELECT document FROM directory_search_entry WHERE ${scoped}')
    UNION ALL SELECT '*', ${sign} * count(*) FROM directory_search_entry WHERE ${scoped}`);
  await q.query(`
    INSERT INTO directory_postal_code_change (postal_code, latitude, longitude, locations)
    SELECT directory_postal_code_key(postal_code), ${sign} * sum(latitude), ${sign} * sum(longitude), ${sign} * count(*)
      FROM directory_search_entry WHERE ${scoped} AND postal_code IS NOT NULL AND point IS NOT NULL
     GROUP BY 1`);
}

/** Applies the differences counted before and after the rebuild; `services` sizes the lexicon's sample. */
export async function applyScopedStatistics(q: Queryable, services: number): Promise<void> {
  await q.query(`
    INSERT INTO directory_search_facet (token, entries)
    SELECT token, sum(entries) FROM directory_facet_change GROUP BY token HAVING sum(entries) <> 0
    ON CONFLICT (token) DO UPDATE SET entries = greatest(0, directory_search_facet.entries + EXCLUDED.entries)`);
  await q.query(`DELETE FROM directory_search_facet WHERE entries <= 0 AND token IN (SELECT token FROM directory_facet_change)`);

  // Each touched code's sums: its centroid times its count, plus the change.
  await q.query(`
    INSERT INTO directory_postal_code_next
    SELECT c.postal_code, COALESCE(p.latitude * p.locations, 0) + c.latitude,
           COALESCE(p.longitude * p.locations, 0) + c.longitude, COALESCE(p.locations, 0) + c.locations
      FROM (SELECT postal_code, sum(latitude) AS latitude, sum(longitude) AS longitude, sum(locations) AS locations
              FROM directory_postal_code_change GROUP BY postal_code) c
      LEFT JOIN directory_postal_code p ON p.postal_code = c.postal_code`);
  await q.query(
    'DELETE FROM directory_postal_code WHERE postal_code IN (SELECT postal_code FROM directory_postal_code_next WHERE locations <= 0)',
  );
  await q.query(`
    INSERT INTO directory_postal_code (postal_code, latitude, longitude, locations)
    SELECT postal_code, latitude / locations, longitude / locations, locations FROM directory_postal_code_next WHERE locations > 0
    ON CONFLICT (postal_code) DO UPDATE
      SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, locations = EXCLUDED.locations`);

  // The words of the scope's names and descriptions and of their categories, as the full
  // rebuild reads them (from a sample of this size on a large directory).
  const percent = Math.min(100, (100 * STATISTICS_SAMPLE) / Math.max(1, services));
  await q.query(`
    INSERT INTO directory_lexicon (word, entries)
    SELECT word, greatest(1, round(sum(ndoc) * ${percent / 100})) FROM ts_stat($$
        SELECT to_tsvector('simple', concat_ws(' ', s.name, o.name, left(s.description, 400)))
          FROM hsds_service s LEFT JOIN hsds_organization o ON o.id = s.organization_id
         WHERE s.id IN (SELECT id FROM directory_rebuild_scope)
        UNION ALL
        SELECT to_tsvector('simple', t.name) FROM hsds_taxonomy_term t
         WHERE EXISTS (SELECT 1 FROM hsds_attribute a
                        WHERE a.taxonomy_term_id = t.id AND a.link_id IN (SELECT id FROM directory_rebuild_scope))$$) words
     WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[a-z]+$'
     GROUP BY word
    ON CONFLICT (word) DO NOTHING`);
}
