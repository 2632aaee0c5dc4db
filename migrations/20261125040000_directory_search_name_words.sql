-- The words of each service's own name, on their own: a search by words alone, without a place,
-- ranks the services named for the words first, and finds them here without reading every entry
-- that only mentions the words (the text index cannot tell a name's words from a description's).
CREATE INDEX directory_search_entry_name_words ON directory_search_entry USING gin (to_tsvector('english', service_name));
