-- The population list's default order (family name, given name, id: the sort key of
-- people.store.ts, written exactly as the query writes it), so a page is read from an index in
-- order instead of sorting every visible person.
CREATE INDEX people_name_order ON people ((lower(family_name) || ' ' || lower(given_name)), (id::text))
  WHERE merged_into IS NULL;

-- A search's candidates, found by index before any person is read: the name a person uses by its
-- trigrams (the full name's are indexed already), and identifiers typed in any case.
CREATE INDEX people_used_name_trigram ON people USING gin ((lower(coalesce(used_name, ''))) gin_trgm_ops);
CREATE INDEX person_identifiers_value ON person_identifiers (lower(value));

-- The population list's needs filter reads the people with a need of a domain and status from this
-- index alone (with the 'sud' flag it checks), without visiting the needs' rows.
DROP INDEX screening_needs_domain_status;
CREATE INDEX screening_needs_domain_status ON screening_needs (need_domain, status, person_id) INCLUDE (sensitive);
