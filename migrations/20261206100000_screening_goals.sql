-- A person's goals, shaped after the SDOHCC Goal: what the person (or the team) wants to reach, in
-- words; the need domain it is about as its category, and optionally the one need it addresses;
-- where it stands (lifecycle) and how it goes (achievement); when it started and by when it
-- should be reached; and the history of every change. Goals are the 'care_plan' category of the
-- people domain's access rule; a goal that addresses a need flagged 'sud' needs 'sud' as well.

CREATE TABLE screening_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  need_id uuid REFERENCES screening_needs (id),
  -- The category: the need's domain when the goal addresses a need, else chosen (or none).
  need_domain text REFERENCES need_domain (code),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  lifecycle_status text NOT NULL DEFAULT 'active' CHECK (lifecycle_status IN (
    'proposed', 'active', 'on_hold', 'completed', 'cancelled')),
  achievement_status text CHECK (achievement_status IN (
    'in_progress', 'improving', 'worsening', 'no_change', 'achieved', 'sustaining', 'not_achieved', 'no_progress',
    'not_attainable')),
  start_date date NOT NULL DEFAULT current_date,
  target_date date,
  -- The day the lifecycle or achievement status last changed (FHIR Goal.statusDate).
  status_date date NOT NULL DEFAULT current_date,
  expressed_by text NOT NULL CHECK (expressed_by IN ('person', 'team')),
  note text CHECK (length(note) <= 2000),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (target_date IS NULL OR target_date >= start_date)
);
CREATE INDEX screening_goals_person ON screening_goals (person_id, start_date DESC);
CREATE INDEX screening_goals_need ON screening_goals (need_id) WHERE need_id IS NOT NULL;

CREATE TABLE screening_goal_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  goal_id uuid NOT NULL REFERENCES screening_goals (id),
  field text NOT NULL CHECK (field IN (
    'created', 'lifecycle_status', 'achievement_status', 'description', 'target_date', 'note')),
  from_value text CHECK (length(from_value) <= 2000),
  to_value text CHECK (length(to_value) <= 2000),
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_goal_changes_goal ON screening_goal_changes (goal_id, id);
