-- Social-needs screening and the needs it finds: questionnaires (FHIR R4 Questionnaire JSON, one
-- row per url + version), their scoring rules (which answer is a positive screen for which need
-- domain, as data), completed screenings (shaped like a QuestionnaireResponse) and the needs of
-- each person with the history of every change. Personal rows are read only through the people
-- domain's access rule and the 'needs' category (and 'sud' for rows flagged so).

CREATE TABLE screening_questionnaires (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (length(url) BETWEEN 1 AND 500),
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 50),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- The languages the questions can be shown in (the base language first).
  languages text[] NOT NULL DEFAULT '{en}',
  -- The Questionnaire resource as imported.
  resource jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX screening_questionnaires_version ON screening_questionnaires (url, version);

CREATE TABLE screening_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id uuid NOT NULL REFERENCES screening_questionnaires (id),
  link_id text NOT NULL CHECK (length(link_id) BETWEEN 1 AND 200),
  -- The answer's code (a choice) or its value as text (yes/no as 'true'/'false').
  answer text NOT NULL CHECK (length(answer) BETWEEN 1 AND 200),
  need_domain text NOT NULL REFERENCES need_domain (code),
  severity text NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'urgent')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX screening_rules_key ON screening_rules (questionnaire_id, link_id, answer, need_domain);

CREATE TABLE screening_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  questionnaire_id uuid NOT NULL REFERENCES screening_questionnaires (id),
  -- [{ linkId, answers: [{ code?, value? }] }] as given: never rewritten by a later version.
  answers jsonb NOT NULL,
  language text NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
  -- Answers of items flagged sensitive 'sud' were given.
  sensitive text CHECK (sensitive IN ('sud')),
  recorded_by uuid REFERENCES users (id),
  recorded_by_organization_id uuid REFERENCES organizations (id),
  completed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_responses_person ON screening_responses (person_id, completed_at DESC);

CREATE TABLE screening_needs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  need_domain text NOT NULL REFERENCES need_domain (code),
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'identified' CHECK (status IN (
    'identified', 'in_scope', 'out_of_scope', 'being_addressed', 'met', 'declined', 'not_applicable')),
  addressed_by_organization_id uuid REFERENCES organizations (id),
  identified_on date NOT NULL DEFAULT current_date,
  resolved_on date,
  -- The person's own order: 1 matters most to them.
  priority integer CHECK (priority BETWEEN 1 AND 100),
  source text NOT NULL CHECK (source IN ('screening', 'manual')),
  source_screening_id uuid REFERENCES screening_responses (id),
  sensitive text CHECK (sensitive IN ('sud')),
  note text CHECK (length(note) <= 2000),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (resolved_on IS NULL OR resolved_on >= identified_on),
  CHECK ((source = 'screening') = (source_screening_id IS NOT NULL))
);
-- One open need of a domain per person: a new screening updates it.
CREATE UNIQUE INDEX screening_needs_open ON screening_needs (person_id, need_domain)
  WHERE status IN ('identified', 'in_scope', 'out_of_scope', 'being_addressed');
CREATE INDEX screening_needs_person ON screening_needs (person_id);
CREATE INDEX screening_needs_domain_status ON screening_needs (need_domain, status, person_id);

CREATE TABLE screening_need_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  need_id uuid NOT NULL REFERENCES screening_needs (id),
  field text NOT NULL CHECK (field IN ('created', 'status', 'severity', 'priority', 'addressed_by', 'screening')),
  from_value text CHECK (length(from_value) <= 200),
  to_value text CHECK (length(to_value) <= 200),
  screening_id uuid REFERENCES screening_responses (id),
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_need_changes_need ON screening_need_changes (need_id, id);
