-- One reading of a postal code for the whole directory: the search's "near", the postal-code
-- centroids it reads, and the HSDS API's `postcode` all compare keys made here. A US ZIP code or
-- ZIP+4 is its five digits; any other code (Canada's "K1A 0B1", the UK's "SW1A 1AA") is upper
-- case without spaces.
CREATE FUNCTION directory_postal_code_key(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN btrim(code) ~ '^[0-9]{5}(-?[0-9]{4})?$' THEN left(btrim(code), 5)
              ELSE upper(regexp_replace(code, '\s+', '', 'g')) END
$$;

-- The centroids were keyed by the same rule without the trim; key them again.
DELETE FROM directory_postal_code;
INSERT INTO directory_postal_code (postal_code, latitude, longitude, locations)
SELECT directory_postal_code_key(postal_code), avg(latitude), avg(longitude), count(*)
  FROM directory_search_entry WHERE postal_code IS NOT NULL AND point IS NOT NULL
 GROUP BY 1;

-- A schedule's weekly opening times as data, for the web app to put into the reader's words:
-- {"days": ["MO", "WE"] (null: every day), "opens": "09:00", "closes": "17:00", "description":
-- null, "notes": null} (the schedule's words are added below). Null when the
-- schedule is not weekly with clock times, as directory_schedule_minutes reads it (so what a page
-- shows is what "open now" tests). Times are HH:MM, "24:00" for the end of the day. Worked out
-- once per distinct set of times, like the minutes.
CREATE FUNCTION directory_clock_text(clock text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT lpad((directory_clock_minutes(clock) / 60)::text, 2, '0') || ':' || lpad((directory_clock_minutes(clock) % 60)::text, 2, '0')
$$;

CREATE FUNCTION directory_schedule_times(byday text, opens_at text, closes_at text, freq text)
RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN coalesce(upper(freq), 'WEEKLY') = 'WEEKLY'
                AND opens_at ~ '^\s*([01]?[0-9]|2[0-4]):[0-5][0-9]' AND closes_at ~ '^\s*([01]?[0-9]|2[0-4]):[0-5][0-9]'
                AND (days.every OR cardinality(days.codes) > 0)
              THEN jsonb_build_object('days', CASE WHEN days.every THEN NULL ELSE to_jsonb(days.codes) END,
                                      'opens', directory_clock_text(opens_at), 'closes', directory_clock_text(closes_at),
                                      'description', NULL, 'notes', NULL) END
    FROM (SELECT nullif(trim(byday), '') IS NULL AS every,
                 ARRAY(SELECT code FROM unnest(string_to_array(upper(regexp_replace(coalesce(byday, ''), '\s+', '', 'g')), ','))
                                        WITH ORDINALITY AS given (code, position)
                        WHERE code = ANY (ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']) ORDER BY position) AS codes) days
$$;

-- One schedule's hours as the pages receive them: its times (above) with its own words, or null
-- when it has neither. A plain expression, so that PostgreSQL inlines it into the index rebuild
-- (STABLE as jsonb_build_object is: an IMMUTABLE one would not be inlined); a schedule without
-- words, the usual one, builds nothing.
CREATE FUNCTION directory_schedule_hours(times jsonb, description text, notes text) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN nullif(btrim(description), '') IS NULL AND nullif(btrim(notes), '') IS NULL THEN times
              ELSE coalesce(times, '{"days": null, "opens": null, "closes": null}'::jsonb)
                   || jsonb_build_object('description', nullif(btrim(description), ''), 'notes', nullif(btrim(notes), '')) END
$$;

-- The search entries carry their opening hours as data instead of an English line; the entries
-- there are get theirs the way the index rebuild chooses them (the place's, else the service's,
-- else the location's schedules).
ALTER TABLE directory_search_entry ADD COLUMN hours jsonb;

WITH summaries AS (
  SELECT sc.service_at_location_id, sc.service_id, sc.location_id,
         jsonb_agg(DISTINCT hours) FILTER (WHERE hours IS NOT NULL) AS hours
    FROM hsds_schedule sc,
         LATERAL directory_schedule_hours(directory_schedule_times(sc.byday, sc.opens_at, sc.closes_at, sc.freq), sc.description, sc.notes) AS hours
   GROUP BY sc.service_at_location_id, sc.service_id, sc.location_id
)
UPDATE directory_search_entry e SET hours = found.hours
  FROM (SELECT e.entry_id, coalesce(at_place.hours, for_service.hours, at_location.hours) AS hours
          FROM directory_search_entry e
          LEFT JOIN summaries at_place ON at_place.service_at_location_id = e.service_at_location_id
          LEFT JOIN summaries for_service ON for_service.service_id = e.service_id AND for_service.service_at_location_id IS NULL
          LEFT JOIN summaries at_location ON at_location.location_id = e.location_id
                AND at_location.service_id IS NULL AND at_location.service_at_location_id IS NULL) found
 WHERE found.entry_id = e.entry_id AND found.hours IS NOT NULL;

ALTER TABLE directory_search_entry DROP COLUMN hours_text;
