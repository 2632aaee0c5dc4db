-- Two records of one person merged into one. The duplicate's row stays (marked people.merged_into)
-- so what was recorded about it can still be read; what was attached to it moves to the record
-- kept. One row here per merge: who merged, when, which fields took the duplicate's value, and
-- what moved (ids only, never a value of the record).

CREATE TABLE person_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  holder_organization_id uuid NOT NULL REFERENCES organizations (id),
  -- The record kept, and the one merged into it (a record is merged once).
  survivor_id uuid NOT NULL REFERENCES people (id),
  duplicate_id uuid NOT NULL UNIQUE REFERENCES people (id),
  merged_by uuid REFERENCES users (id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  -- The versions of both records the person merging had read.
  survivor_version integer NOT NULL,
  duplicate_version integer NOT NULL,
  -- The fields whose value was taken from the duplicate; every other field kept the survivor's.
  fields_from_duplicate text[] NOT NULL DEFAULT '{}' CHECK (fields_from_duplicate <@ ARRAY[
    'givenName', 'familyName', 'usedName', 'birthDate', 'sex', 'genderIdentity', 'pronouns', 'preferredLanguage',
    'interpreterNeeded', 'phone', 'email', 'contactMethod', 'contactTimes', 'address', 'whatMatters']::text[]),
  -- What moved, by kind: { "identifiers": [ids], "enrolments": [ids], ... } (see merge.store.ts).
  moved jsonb NOT NULL DEFAULT '{}',
  CHECK (survivor_id <> duplicate_id)
);
CREATE INDEX person_merges_survivor ON person_merges (survivor_id, merged_at);
