-- A search's words also find organisations by name, including directory organisations that have no
-- service in the index yet; their names' words are read through this index, not the whole table.
CREATE INDEX hsds_organization_name_words ON hsds_organization USING gin (to_tsvector('english', name));
