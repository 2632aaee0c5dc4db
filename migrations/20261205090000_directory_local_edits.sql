-- What a partner changed in its own directory record (a service's or an organisation's details),
-- one row per field. The directory row holds the edited value, so every page and the search read
-- it as they read any other; an import that brings the source's value again puts the edit back and
-- reports that the source disagrees. source_value is what the source said when it last spoke.
CREATE TABLE directory_local_edit (
  record_type text NOT NULL CHECK (record_type IN ('service', 'organization')),
  record_id uuid NOT NULL,
  field text NOT NULL,
  value text,
  source_value text,
  edited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  edited_at timestamptz NOT NULL DEFAULT now(),
  source_changed_at timestamptz,
  PRIMARY KEY (record_type, record_id, field)
);
