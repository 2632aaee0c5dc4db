-- Referrals: a person's need sent to a service of the directory that a member organisation of the
-- network offers (closed loop: sent, answered, worked on, ended with an outcome), every change kept
-- as an event, and each organisation's answer time. The states follow the SDOHCC Task for referral
-- management (src/domains/referrals/referral-states.ts); the CHECKs below hold the same rules.

-- How many business days (Monday to Friday) an organisation takes to answer a referral sent to it.
CREATE TABLE referral_settings (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id),
  answer_within_business_days integer NOT NULL CHECK (answer_within_business_days BETWEEN 1 AND 30),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  -- The need it is for (none: a referral for no recorded need), and that need's domain and
  -- sensitivity as they were when it was made.
  need_id uuid REFERENCES screening_needs (id),
  need_domain text REFERENCES need_domain (code),
  need_sensitive text CHECK (need_sensitive IN ('sud')),
  -- The directory's service, and its name when the referral was made (a directory may be
  -- re-imported and a service renamed or retired; the referral keeps what was asked for).
  service_id uuid NOT NULL,
  service_name text NOT NULL CHECK (length(service_name) BETWEEN 1 AND 500),
  sender_organization_id uuid NOT NULL REFERENCES organizations (id),
  sender_user_id uuid REFERENCES users (id),
  recipient_organization_id uuid NOT NULL REFERENCES organizations (id),
  -- The consent the referral was sent under (none for a draft).
  consent_id uuid REFERENCES person_consents (id),
  status text NOT NULL CHECK (status IN (
    'draft', 'requested', 'accepted', 'rejected', 'in_progress', 'on_hold', 'completed', 'failed', 'cancelled',
    'entered_in_error')),
  -- Why it is where it is (rejected, failed, cancelled; optional on hold or entered in error).
  reason_code text CHECK (reason_code IN ('not_eligible', 'no_capacity', 'could_not_reach', 'person_declined', 'other')),
  reason_text text CHECK (length(reason_text) <= 500),
  -- The outcome a completion records: what was delivered, and whether the need was met.
  outcome_delivered text CHECK (length(outcome_delivered) BETWEEN 1 AND 2000),
  outcome_need text CHECK (outcome_need IN ('met', 'partly_met', 'not_met')),
  priority text NOT NULL DEFAULT 'routine' CHECK (priority IN ('routine', 'urgent')),
  -- The sender's words to the partner.
  note text CHECK (length(note) <= 2000),
  -- The recipient's first look at it, once: a flag and a time, not a state.
  opened_at timestamptz,
  opened_by_user_id uuid REFERENCES users (id),
  sent_at timestamptz,
  -- Accepted or rejected.
  answered_at timestamptz,
  ended_at timestamptz,
  -- What the need was before accepting the referral took it on (to put it back if the referral
  -- ends without meeting it); null when accepting did not change it.
  need_status_before text CHECK (need_status_before IN ('identified', 'in_scope', 'out_of_scope', 'being_addressed')),
  need_addressed_by_before uuid REFERENCES organizations (id),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- A client's retry of the same POST is answered with the referral it made the first time.
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  request_hash text CHECK (length(request_hash) = 64),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (need_id IS NOT NULL OR (need_domain IS NULL AND need_sensitive IS NULL)),
  CHECK (sender_organization_id <> recipient_organization_id),
  -- Sent: every state after draft has been sent (cancelled and entered in error may end a draft).
  CHECK (status IN ('draft', 'cancelled', 'entered_in_error') OR sent_at IS NOT NULL),
  CHECK (status <> 'draft' OR sent_at IS NULL),
  CHECK (sent_at IS NULL OR consent_id IS NOT NULL),
  -- Answered: accepted or rejected, and every state after them.
  CHECK (status NOT IN ('accepted', 'rejected', 'in_progress', 'on_hold', 'completed', 'failed') OR answered_at IS NOT NULL),
  CHECK (status NOT IN ('draft', 'requested') OR answered_at IS NULL),
  CHECK (answered_at IS NULL OR (sent_at IS NOT NULL AND answered_at >= sent_at)),
  -- Ended: exactly the terminal states.
  CHECK ((status IN ('rejected', 'completed', 'failed', 'cancelled', 'entered_in_error')) = (ended_at IS NOT NULL)),
  -- A reason where one is required, only where one is taken, and words for "other".
  CHECK (status NOT IN ('rejected', 'failed', 'cancelled') OR reason_code IS NOT NULL),
  CHECK (reason_code IS NULL OR status IN ('rejected', 'failed', 'cancelled', 'on_hold', 'entered_in_error')),
  CHECK (reason_code IS DISTINCT FROM 'other' OR length(btrim(reason_text)) > 0),
  CHECK (reason_text IS NULL OR reason_code IS NOT NULL),
  -- An outcome exactly when completed (it stays if the sender later marks it entered in error).
  CHECK (status NOT IN ('completed') OR (outcome_delivered IS NOT NULL AND outcome_need IS NOT NULL)),
  CHECK ((outcome_delivered IS NULL) = (outcome_need IS NULL)),
  CHECK (outcome_need IS NULL OR status IN ('completed', 'entered_in_error')),
  CHECK ((opened_at IS NULL) = (opened_by_user_id IS NULL)),
  CHECK (opened_at IS NULL OR sent_at IS NOT NULL),
  CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);
-- A user's retry: one referral per key.
CREATE UNIQUE INDEX referrals_idempotency ON referrals (sender_user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- The inbox and the outbox of an organisation, and their counts.
CREATE INDEX referrals_inbox ON referrals (recipient_organization_id, status, sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX referrals_outbox ON referrals (sender_organization_id, status, created_at);
CREATE INDEX referrals_person ON referrals (person_id);
CREATE INDEX referrals_need ON referrals (need_id) WHERE need_id IS NOT NULL;

-- Every change of a referral's state: from, to, why, who, when. The first row has no from.
CREATE TABLE referral_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals (id),
  from_status text CHECK (from_status IN (
    'draft', 'requested', 'accepted', 'rejected', 'in_progress', 'on_hold', 'completed', 'failed', 'cancelled',
    'entered_in_error')),
  to_status text NOT NULL CHECK (to_status IN (
    'draft', 'requested', 'accepted', 'rejected', 'in_progress', 'on_hold', 'completed', 'failed', 'cancelled',
    'entered_in_error')),
  reason_code text CHECK (reason_code IN ('not_eligible', 'no_capacity', 'could_not_reach', 'person_declined', 'other')),
  reason_text text CHECK (length(reason_text) <= 500),
  actor_user_id uuid REFERENCES users (id),
  actor_organization_id uuid REFERENCES organizations (id),
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_status IS DISTINCT FROM to_status),
  CHECK (from_status IS NOT NULL OR to_status IN ('draft', 'requested')),
  CHECK (reason_text IS NULL OR reason_code IS NOT NULL)
);
CREATE INDEX referral_events_referral ON referral_events (referral_id, id);

-- The day `days` business days (Monday to Friday) after `start_day`: a referral sent on that day
-- is to be answered by the end of the day this gives (src/domains/referrals/business-days.ts is
-- the same rule, tested against this one).
CREATE FUNCTION referral_business_day_after(start_day date, days integer) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT start_day + k
    FROM generate_series(1, days * 2 + 7) AS k
   WHERE extract(isodow FROM start_day + k) < 6
   ORDER BY k
  OFFSET greatest(days, 1) - 1
   LIMIT 1
$$;
