-- "My people" reads the open needs of everyone in the order it ranks people (the most urgent, then
-- the longest waiting), from this index, rather than ranking the whole population.
CREATE INDEX screening_needs_urgency
  ON screening_needs ((array_position(ARRAY['urgent', 'high', 'medium', 'low']::text[], severity)), identified_on)
  WHERE status IN ('identified', 'in_scope', 'out_of_scope', 'being_addressed');
