-- The people the program serves: the host's care programs, each person's record, identifiers,
-- enrolments, primary care physician, care team and consents. The first personal data in Kith:
-- every read of these tables goes through the people domain's access rule (access.ts).

CREATE TABLE care_programs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  entry_criteria text NOT NULL DEFAULT '' CHECK (length(entry_criteria) <= 4000),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX care_programs_name_key ON care_programs (organization_id, lower(name));

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The organisation that holds the record (the host, normally): its staff see the person.
  holder_organization_id uuid NOT NULL REFERENCES organizations (id),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  used_name text CHECK (length(used_name) BETWEEN 1 AND 100),
  -- Lower case, without accents, one space between words: for search and duplicate detection.
  name_key text NOT NULL CHECK (length(name_key) <= 400),
  birth_date date NOT NULL CHECK (birth_date >= DATE '1900-01-01'),
  sex text CHECK (length(sex) <= 100),
  sex_code text CHECK (sex_code IN ('female', 'male', 'intersex', 'unknown')),
  gender_identity text CHECK (length(gender_identity) <= 100),
  gender_identity_code text CHECK (gender_identity_code IN (
    'woman', 'man', 'non_binary', 'transgender_woman', 'transgender_man', 'other', 'not_disclosed')),
  pronouns text CHECK (length(pronouns) <= 50),
  preferred_language text CHECK (length(preferred_language) <= 35),
  interpreter_needed boolean NOT NULL DEFAULT false,
  phone text CHECK (length(phone) <= 50),
  email text CHECK (length(email) <= 254),
  contact_method text CHECK (contact_method IN ('phone', 'text', 'email', 'mail', 'in_person')),
  contact_times text CHECK (length(contact_times) <= 200),
  address_line text CHECK (length(address_line) <= 200),
  city text CHECK (length(city) <= 100),
  state text CHECK (length(state) <= 50),
  postal_code text CHECK (length(postal_code) <= 20),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  placed_by text CHECK (placed_by IN ('postal_code')),
  what_matters text CHECK (length(what_matters) <= 4000),
  version integer NOT NULL DEFAULT 1,
  merged_into uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX people_holder_name ON people (holder_organization_id, family_name, given_name, id);
CREATE INDEX people_name_trigram ON people USING gin (name_key gin_trgm_ops);
CREATE INDEX people_birth_date ON people (birth_date);

CREATE TABLE person_identifiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  holder_organization_id uuid NOT NULL REFERENCES organizations (id),
  kind text NOT NULL CHECK (kind IN ('mrn', 'payer_member_id')),
  value text NOT NULL CHECK (value ~ '^[A-Za-z0-9._-]{1,64}$'),
  issuer text NOT NULL DEFAULT '' CHECK (length(issuer) <= 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_identifiers_key ON person_identifiers (holder_organization_id, kind, value);
CREATE INDEX person_identifiers_person ON person_identifiers (person_id);

CREATE TABLE person_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  program_id uuid NOT NULL REFERENCES care_programs (id),
  enrolled_on date NOT NULL,
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  enrolled_by uuid REFERENCES users (id),
  disenrolled_on date,
  disenrol_reason text CHECK (length(disenrol_reason) <= 2000),
  disenrolled_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (disenrolled_on IS NULL OR disenrolled_on >= enrolled_on)
);
-- Enrolled once at a time in a program.
CREATE UNIQUE INDEX person_enrolments_open ON person_enrolments (person_id, program_id) WHERE disenrolled_on IS NULL;
CREATE INDEX person_enrolments_program ON person_enrolments (program_id, person_id) WHERE disenrolled_on IS NULL;

CREATE TABLE person_primary_care (
  person_id uuid PRIMARY KEY REFERENCES people (id),
  practice_organization_id uuid NOT NULL REFERENCES organizations (id),
  clinician_name text CHECK (length(clinician_name) <= 200),
  relationship text NOT NULL CHECK (relationship IN ('ongoing_care', 'refers_only')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);

CREATE TABLE person_care_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  user_id uuid REFERENCES users (id),
  unit_id uuid REFERENCES units (id),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN (
    'lead_coordinator', 'coordinator', 'pcp', 'specialist', 'cbo_case_manager', 'community_health_worker', 'other')),
  started_on date NOT NULL,
  ended_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX person_care_team_person ON person_care_team (person_id);
CREATE INDEX person_care_team_user ON person_care_team (user_id, person_id) WHERE ended_on IS NULL;

-- Shaped after the SDOH Clinical Care Consent: who may receive which categories, why, for how long.
CREATE TABLE person_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  grantee_organization_id uuid NOT NULL REFERENCES organizations (id),
  purpose text NOT NULL CHECK (purpose IN ('care_coordination', 'referral', 'case_conference')),
  categories text[] NOT NULL CHECK (
    cardinality(categories) >= 1
    AND categories <@ ARRAY['contact', 'demographics', 'needs', 'care_plan', 'sud']::text[]),
  starts_on date NOT NULL,
  ends_on date,
  method text NOT NULL CHECK (method IN ('signed_form', 'verbal')),
  witness_name text CHECK (length(witness_name) <= 200),
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id),
  revocation_reason text CHECK (length(revocation_reason) <= 2000),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK (method <> 'verbal' OR witness_name IS NOT NULL)
);
CREATE INDEX person_consents_person ON person_consents (person_id);
-- The access rule's lookup: a grantee's live care-coordination consents.
CREATE INDEX person_consents_grantee ON person_consents (grantee_organization_id, person_id)
  WHERE revoked_at IS NULL AND purpose = 'care_coordination';
