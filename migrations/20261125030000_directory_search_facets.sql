-- Search by facets: every filter a search can combine (need domain, taxonomy term, language,
-- service area, intake, capacity, time of the week, and where on a grid the place lies) becomes a
-- token in one GIN-indexed array, so a combination of filters is answered from the index alone and
-- only the rows that pass every filter are read. The exact columns stay for the final check.
--
-- Grid cells: level k divides latitude and longitude into cells of 0.005 × 2^k degrees (about
-- 550 m at level 0 to 140 km at level 8). A search covers its circle with a few cells of the level
-- that fits its radius.
CREATE FUNCTION directory_cell_tokens(latitude double precision, longitude double precision)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[
    'g0:' || floor((latitude + 90) / 0.005)::int || ':' || floor((longitude + 180) / 0.005)::int,
    'g1:' || floor((latitude + 90) / 0.01)::int || ':' || floor((longitude + 180) / 0.01)::int,
    'g2:' || floor((latitude + 90) / 0.02)::int || ':' || floor((longitude + 180) / 0.02)::int,
    'g3:' || floor((latitude + 90) / 0.04)::int || ':' || floor((longitude + 180) / 0.04)::int,
    'g4:' || floor((latitude + 90) / 0.08)::int || ':' || floor((longitude + 180) / 0.08)::int,
    'g5:' || floor((latitude + 90) / 0.16)::int || ':' || floor((longitude + 180) / 0.16)::int,
    'g6:' || floor((latitude + 90) / 0.32)::int || ':' || floor((longitude + 180) / 0.32)::int,
    'g7:' || floor((latitude + 90) / 0.64)::int || ':' || floor((longitude + 180) / 0.64)::int,
    'g8:' || floor((latitude + 90) / 1.28)::int || ':' || floor((longitude + 180) / 1.28)::int]
$$;

-- The three-hour blocks of the week (0 = Monday 00:00–03:00 … 55) that a set of opening times
-- touches: coarse on purpose, as a first cut that keeps the index small; the exact minutes decide.
CREATE FUNCTION directory_hour_tokens(minutes int4multirange)
RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT 'h:' || block), '{}')
    FROM unnest(minutes) AS span, generate_series(lower(span) / 180, (upper(span) - 1) / 180) AS block
$$;

ALTER TABLE directory_search_entry ADD COLUMN facets text[] NOT NULL DEFAULT '{}';

-- How many entries carry each token ('*' counts them all, 'w:' tokens count the entries holding
-- a word of the text index): the search reads these to choose between walking outwards from the
-- place and reading the filters' matches from the index.
CREATE TABLE directory_search_facet (
  token text COLLATE "C" PRIMARY KEY,
  entries integer NOT NULL
);

UPDATE directory_search_entry SET facets =
     ARRAY(SELECT 'n:' || code FROM unnest(need_domains) AS code)
  || ARRAY(SELECT 't:' || id FROM unnest(taxonomy_term_ids) AS id)
  || ARRAY(SELECT 'l:' || code FROM unnest(languages) AS code)
  || ARRAY(SELECT 'a:' || area FROM unnest(service_areas) AS area)
  || CASE WHEN accepting_referrals THEN ARRAY['r'] ELSE '{}' END
  || CASE WHEN capacity_status IS NOT NULL THEN ARRAY['c:' || capacity_status] ELSE '{}' END
  || COALESCE(directory_hour_tokens(open_minutes), '{}')
  || COALESCE(CASE WHEN point IS NOT NULL THEN directory_cell_tokens(latitude, longitude) END, '{}');

INSERT INTO directory_search_facet (token, entries)
SELECT token, count(*) FROM directory_search_entry, unnest(facets) AS token GROUP BY token
UNION ALL SELECT 'w:' || word, ndoc FROM ts_stat('SELECT document FROM directory_search_entry')
UNION ALL SELECT '*', count(*) FROM directory_search_entry;

-- The facets replace the per-filter indexes; the trigram index on names was never searched. The
-- summary is read from the service for the rows shown, and names were only read for the lexicon.
DROP INDEX directory_search_entry_names;
DROP INDEX directory_search_entry_domains;
DROP INDEX directory_search_entry_terms;
DROP INDEX directory_search_entry_languages;
DROP INDEX directory_search_entry_postal;
ALTER TABLE directory_search_entry DROP COLUMN summary, DROP COLUMN names;
CREATE INDEX directory_search_entry_facets ON directory_search_entry USING gin (facets);
