-- What each source record of a data set said when it was last imported whole and without
-- problems, as a hash of its content: a re-import skips the records whose hash has not changed
-- (a nightly feed changes a few services in a hundred). NULL means: read it again next time (it
-- had a rejected or repaired part, or its service was retired).
ALTER TABLE directory_source_record ADD COLUMN content_hash text;
