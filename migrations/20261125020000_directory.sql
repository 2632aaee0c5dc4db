-- The directory: the Open Referral HSDS 3.0 model (3.1's url too), with the HSDS field names and ids,
-- then Kith's own additions kept apart from it: capacity, referral intake, need domains, and the
-- search index. Link columns are deferred foreign keys so records of one import may arrive in any order.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE hsds_organization (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  alternate_name text,
  description text,
  email text,
  website text,
  tax_status text,
  tax_id text,
  year_incorporated double precision,
  legal_status text,
  logo text,
  uri text,
  parent_organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX hsds_organization_parent_organization_id ON hsds_organization (parent_organization_id);
CREATE TABLE hsds_program (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text,
  alternate_name text,
  description text
);
CREATE INDEX hsds_program_organization_id ON hsds_program (organization_id);
CREATE TABLE hsds_service (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  program_id uuid REFERENCES hsds_program (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text NOT NULL,
  alternate_name text,
  description text,
  url text,
  email text,
  status text NOT NULL,
  interpretation_services text,
  application_process text,
  fees_description text,
  wait_time text,
  fees text,
  accreditations text,
  eligibility_description text,
  minimum_age double precision,
  maximum_age double precision,
  assured_date text,
  assurer_email text,
  licenses text,
  alert text,
  last_modified text
);
CREATE INDEX hsds_service_organization_id ON hsds_service (organization_id);
CREATE INDEX hsds_service_program_id ON hsds_service (program_id);
CREATE TABLE hsds_location (
  id uuid PRIMARY KEY,
  location_type text NOT NULL,
  url text,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text,
  alternate_name text,
  description text,
  transportation text,
  latitude double precision,
  longitude double precision,
  external_identifier text,
  external_identifier_type text
);
CREATE INDEX hsds_location_organization_id ON hsds_location (organization_id);
CREATE TABLE hsds_service_at_location (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  location_id uuid REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  description text
);
CREATE INDEX hsds_service_at_location_service_id ON hsds_service_at_location (service_id);
CREATE INDEX hsds_service_at_location_location_id ON hsds_service_at_location (location_id);
CREATE TABLE hsds_address (
  id uuid PRIMARY KEY,
  location_id uuid REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  attention text,
  address_1 text,
  address_2 text,
  city text,
  region text,
  state_province text,
  postal_code text,
  country text,
  address_type text
);
CREATE INDEX hsds_address_location_id ON hsds_address (location_id);
CREATE TABLE hsds_contact (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_at_location_id uuid REFERENCES hsds_service_at_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  location_id uuid REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text,
  title text,
  department text,
  email text
);
CREATE INDEX hsds_contact_organization_id ON hsds_contact (organization_id);
CREATE INDEX hsds_contact_service_id ON hsds_contact (service_id);
CREATE INDEX hsds_contact_service_at_location_id ON hsds_contact (service_at_location_id);
CREATE INDEX hsds_contact_location_id ON hsds_contact (location_id);
CREATE TABLE hsds_phone (
  id uuid PRIMARY KEY,
  location_id uuid REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  contact_id uuid REFERENCES hsds_contact (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_at_location_id uuid REFERENCES hsds_service_at_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  number text NOT NULL,
  extension double precision,
  type text,
  description text
);
CREATE INDEX hsds_phone_location_id ON hsds_phone (location_id);
CREATE INDEX hsds_phone_service_id ON hsds_phone (service_id);
CREATE INDEX hsds_phone_organization_id ON hsds_phone (organization_id);
CREATE INDEX hsds_phone_contact_id ON hsds_phone (contact_id);
CREATE INDEX hsds_phone_service_at_location_id ON hsds_phone (service_at_location_id);
CREATE TABLE hsds_schedule (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  location_id uuid REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_at_location_id uuid REFERENCES hsds_service_at_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  valid_from text,
  valid_to text,
  dtstart text,
  timezone double precision,
  until text,
  count double precision,
  wkst text,
  freq text,
  interval double precision,
  byday text,
  byweekno text,
  bymonthday text,
  byyearday text,
  description text,
  opens_at text,
  closes_at text,
  schedule_link text,
  attending_type text,
  notes text
);
CREATE INDEX hsds_schedule_service_id ON hsds_schedule (service_id);
CREATE INDEX hsds_schedule_location_id ON hsds_schedule (location_id);
CREATE INDEX hsds_schedule_service_at_location_id ON hsds_schedule (service_at_location_id);
CREATE TABLE hsds_taxonomy (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  description text,
  uri text,
  version text
);
CREATE TABLE hsds_taxonomy_term (
  id uuid PRIMARY KEY,
  code text,
  name text NOT NULL,
  description text,
  parent_id uuid REFERENCES hsds_taxonomy_term (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  taxonomy text,
  language text,
  taxonomy_id uuid REFERENCES hsds_taxonomy (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  term_uri text
);
CREATE INDEX hsds_taxonomy_term_parent_id ON hsds_taxonomy_term (parent_id);
CREATE INDEX hsds_taxonomy_term_taxonomy_id ON hsds_taxonomy_term (taxonomy_id);
CREATE TABLE hsds_attribute (
  id uuid PRIMARY KEY,
  link_id uuid,
  taxonomy_term_id uuid REFERENCES hsds_taxonomy_term (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  link_type text,
  link_entity text,
  value text
);
CREATE INDEX hsds_attribute_taxonomy_term_id ON hsds_attribute (taxonomy_term_id);
CREATE TABLE hsds_language (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  location_id uuid REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  phone_id uuid REFERENCES hsds_phone (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text,
  code text,
  note text
);
CREATE INDEX hsds_language_service_id ON hsds_language (service_id);
CREATE INDEX hsds_language_location_id ON hsds_language (location_id);
CREATE INDEX hsds_language_phone_id ON hsds_language (phone_id);
CREATE TABLE hsds_service_area (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text,
  description text,
  extent text,
  extent_type text,
  uri text
);
CREATE INDEX hsds_service_area_service_id ON hsds_service_area (service_id);
CREATE TABLE hsds_cost_option (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  valid_from text,
  valid_to text,
  option text,
  currency text,
  amount double precision,
  amount_description text
);
CREATE INDEX hsds_cost_option_service_id ON hsds_cost_option (service_id);
CREATE TABLE hsds_funding (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  source text
);
CREATE INDEX hsds_funding_organization_id ON hsds_funding (organization_id);
CREATE INDEX hsds_funding_service_id ON hsds_funding (service_id);
CREATE TABLE hsds_required_document (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  document text,
  uri text
);
CREATE INDEX hsds_required_document_service_id ON hsds_required_document (service_id);
CREATE TABLE hsds_accessibility (
  id uuid PRIMARY KEY,
  location_id uuid REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  description text,
  details text,
  url text
);
CREATE INDEX hsds_accessibility_location_id ON hsds_accessibility (location_id);
CREATE TABLE hsds_organization_identifier (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  identifier_scheme text,
  identifier_type text,
  identifier text
);
CREATE INDEX hsds_organization_identifier_organization_id ON hsds_organization_identifier (organization_id);
CREATE TABLE hsds_url (
  id uuid PRIMARY KEY,
  label text,
  url text,
  organization_id uuid REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_id uuid REFERENCES hsds_service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX hsds_url_organization_id ON hsds_url (organization_id);
CREATE INDEX hsds_url_service_id ON hsds_url (service_id);

-- Attributes point at any object by link_id (no foreign key): searches go from the object to them.
CREATE INDEX hsds_attribute_link ON hsds_attribute (link_id);

-- Where a record came from: source ids that are not UUIDs get a deterministic UUID (v5, namespaced
-- by the data set), and the source id is kept here, so re-importing a file changes nothing.
CREATE TABLE directory_source_record (
  dataset text NOT NULL,
  object_type text NOT NULL,
  source_id text NOT NULL,
  id uuid NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dataset, object_type, source_id)
);
CREATE INDEX directory_source_record_id ON directory_source_record (id);

-- Kith's additions to a service, apart from its HSDS fields. Capacity follows HSDS 3.1
-- service_capacity and the SDOH Clinical Care capacity statuses.
CREATE TABLE directory_service_intake (
  service_id uuid PRIMARY KEY REFERENCES hsds_service (id) ON DELETE CASCADE,
  accepting_referrals boolean NOT NULL DEFAULT true,
  how_to_refer text[] NOT NULL DEFAULT '{}' CHECK (how_to_refer <@ ARRAY['kith', 'email', 'phone', 'fax', 'walk_in']::text[]),
  referral_email text CHECK (length(referral_email) <= 254),
  referral_phone text CHECK (length(referral_phone) <= 50),
  referral_fax text CHECK (length(referral_fax) <= 50),
  capacity_status text CHECK (capacity_status IN ('available', 'no_capacity', 'waitlist', 'assessment_required')),
  open_slots integer CHECK (open_slots >= 0),
  waitlist_length integer CHECK (waitlist_length >= 0),
  days_to_first_contact integer CHECK (days_to_first_contact >= 0),
  capacity_note text CHECK (length(capacity_note) <= 500),
  capacity_updated_at timestamptz,
  capacity_updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every capacity update, kept: the trend is how a manager sees a partner filling up.
CREATE TABLE directory_capacity_history (
  id bigserial PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES hsds_service (id) ON DELETE CASCADE,
  accepting_referrals boolean NOT NULL,
  capacity_status text,
  open_slots integer,
  waitlist_length integer,
  days_to_first_contact integer,
  capacity_note text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES users (id)
);
CREATE INDEX directory_capacity_history_service ON directory_capacity_history (service_id, recorded_at DESC);

-- A directory organisation that has joined Kith is linked to its network organisation; its staff
-- then keep its services' capacity up to date.
CREATE TABLE directory_organization_link (
  hsds_organization_id uuid PRIMARY KEY REFERENCES hsds_organization (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  linked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_organization_link_organization ON directory_organization_link (organization_id);

-- Social-need domains (the Gravity Project's, plus a few Kith adds) and the rules that map an
-- imported taxonomy's terms onto them. Admins edit the rules; a rule matches one term by id, or
-- every term whose name or code contains a keyword.
CREATE TABLE need_domain (
  code text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('gravity', 'kith')),
  position integer NOT NULL
);

CREATE TABLE need_domain_rule (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  need_domain text NOT NULL REFERENCES need_domain (code) ON DELETE CASCADE,
  taxonomy_term_id uuid REFERENCES hsds_taxonomy_term (id) ON DELETE CASCADE,
  keyword text CHECK (keyword = lower(keyword) AND length(keyword) BETWEEN 3 AND 60),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((taxonomy_term_id IS NULL) <> (keyword IS NULL))
);
CREATE UNIQUE INDEX need_domain_rule_term ON need_domain_rule (need_domain, taxonomy_term_id) WHERE taxonomy_term_id IS NOT NULL;
CREATE UNIQUE INDEX need_domain_rule_keyword ON need_domain_rule (need_domain, keyword) WHERE keyword IS NOT NULL;

-- The search index: one row per service at a location (or per service without one), rebuilt from
-- the HSDS tables whenever they or the intake change. Everything a search filters or shows is here,
-- so a search reads one table.
CREATE TABLE directory_search_entry (
  entry_id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES hsds_service (id) ON DELETE CASCADE,
  service_at_location_id uuid,
  location_id uuid,
  organization_id uuid,
  service_name text NOT NULL,
  organization_name text,
  location_name text,
  summary text NOT NULL DEFAULT '',
  address text,
  postal_code text,
  latitude double precision,
  longitude double precision,
  point earth,
  document tsvector NOT NULL,
  names text NOT NULL,
  need_domains text[] NOT NULL DEFAULT '{}',
  taxonomy_term_ids uuid[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  service_areas text[] NOT NULL DEFAULT '{}',
  open_minutes int4multirange,
  hours_text text,
  status text NOT NULL,
  accepting_referrals boolean NOT NULL DEFAULT true,
  capacity_status text,
  capacity_updated_at timestamptz
);
CREATE INDEX directory_search_entry_service ON directory_search_entry (service_id);
CREATE INDEX directory_search_entry_document ON directory_search_entry USING gin (document);
CREATE INDEX directory_search_entry_names ON directory_search_entry USING gin (names gin_trgm_ops);
CREATE INDEX directory_search_entry_point ON directory_search_entry USING gist (point);
CREATE INDEX directory_search_entry_domains ON directory_search_entry USING gin (need_domains);
CREATE INDEX directory_search_entry_terms ON directory_search_entry USING gin (taxonomy_term_ids);
CREATE INDEX directory_search_entry_languages ON directory_search_entry USING gin (languages);
CREATE INDEX directory_search_entry_postal ON directory_search_entry (postal_code);

-- Words of the directory, for typo tolerance: a query word the directory does not know is
-- replaced by its nearest known word ("pantyr" → "pantry").
CREATE TABLE directory_lexicon (
  word text PRIMARY KEY,
  entries integer NOT NULL
);
CREATE INDEX directory_lexicon_trigram ON directory_lexicon USING gin (word gin_trgm_ops);

-- Centroids of the postal codes the directory knows, for "near this ZIP code".
CREATE TABLE directory_postal_code (
  postal_code text PRIMARY KEY,
  latitude double precision NOT NULL,
  longitude double precision NOT NULL,
  locations integer NOT NULL
);

-- Weekly opening hours as minutes of the week (Monday 00:00 = 0 … 10080), so "open at" is one
-- containment test on an int4multirange. Only weekly schedules with clock times are understood;
-- anything else stays as text for people to read. Overnight hours wrap past Sunday midnight.
CREATE FUNCTION directory_clock_minutes(clock text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT least(1440, split_part(trim(clock), ':', 1)::integer * 60 + substring(split_part(trim(clock), ':', 2) FROM 1 FOR 2)::integer)
$$;

CREATE FUNCTION directory_schedule_minutes(byday text, opens_at text, closes_at text, freq text)
RETURNS int4multirange LANGUAGE sql IMMUTABLE AS $$
  SELECT range_agg(span) FROM (
    SELECT int4range(start, least(finish, 10080)) AS span FROM (
      SELECT (array_position(ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], trim(day)) - 1) * 1440 AS base,
             directory_clock_minutes(opens_at) AS opens, directory_clock_minutes(closes_at) AS closes
        FROM unnest(string_to_array(upper(coalesce(nullif(trim(byday), ''), 'MO,TU,WE,TH,FR,SA,SU')), ',')) AS day
       WHERE coalesce(upper(freq), 'WEEKLY') = 'WEEKLY'
         AND opens_at ~ '^\s*([01]?[0-9]|2[0-4]):[0-5][0-9]' AND closes_at ~ '^\s*([01]?[0-9]|2[0-4]):[0-5][0-9]'
    ) days, LATERAL (SELECT base + opens AS start, base + closes + CASE WHEN closes <= opens THEN 1440 ELSE 0 END AS finish) bounds
    WHERE base IS NOT NULL
    UNION ALL
    SELECT int4range(0, finish - 10080) FROM (
      SELECT (array_position(ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], trim(day)) - 1) * 1440
               + directory_clock_minutes(closes_at)
               + CASE WHEN directory_clock_minutes(closes_at) <= directory_clock_minutes(opens_at) THEN 1440 ELSE 0 END AS finish
        FROM unnest(string_to_array(upper(coalesce(nullif(trim(byday), ''), 'MO,TU,WE,TH,FR,SA,SU')), ',')) AS day
       WHERE coalesce(upper(freq), 'WEEKLY') = 'WEEKLY'
         AND opens_at ~ '^\s*([01]?[0-9]|2[0-4]):[0-5][0-9]' AND closes_at ~ '^\s*([01]?[0-9]|2[0-4]):[0-5][0-9]'
    ) wrapped WHERE finish > 10080
  ) spans
$$;
