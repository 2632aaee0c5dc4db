-- Outreach: each time the team reaches out to a person (a call, a text message, a visit…), when,
-- how, whether the person was reached, who did it and a short note. Part of the team's care
-- coordination: read only through the people domain's access rule and the 'care_plan' category.

CREATE TABLE outreach_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  -- When the contact happened (or was tried), as the one who made it says.
  contacted_at timestamptz NOT NULL,
  method text NOT NULL CHECK (method IN (
    'phone', 'text_message', 'email', 'home_visit', 'clinic_visit', 'video', 'letter')),
  reached boolean NOT NULL,
  note text CHECK (length(note) <= 1000),
  recorded_by uuid REFERENCES users (id),
  recorded_by_organization_id uuid REFERENCES organizations (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
-- A person's contacts, newest first, one page at a time.
CREATE INDEX outreach_contacts_person ON outreach_contacts (person_id, contacted_at DESC, id DESC);
-- The last time a person was reached (the population list's column and its "never" filters): one
-- probe of this index per person.
CREATE INDEX outreach_contacts_last_reached ON outreach_contacts (person_id, contacted_at DESC) WHERE reached;
-- The people reached since a moment (the "within 7 / 30 days" filters), read from the index alone.
CREATE INDEX outreach_contacts_reached_since ON outreach_contacts (contacted_at, person_id) WHERE reached;
