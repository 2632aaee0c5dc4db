-- Sign-in throttling instead of the per-account lock: growing waits counted per email, per email
-- and client address, and per device (see src/domains/identity/sign-in-throttle.ts). Known and
-- unknown emails are counted alike, so no row tells whether an email has an account; keys are
-- SHA-256 digests and are forgotten an hour after their last failure.
CREATE TABLE sign_in_throttle (
  key text PRIMARY KEY,
  scope text NOT NULL CHECK (scope IN ('address', 'email', 'device')),
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  next_allowed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);

-- The browsers an account signed in from: the device cookie carries a random token, the table
-- only its SHA-256. An attempt with a device cookie of its own account is throttled by that
-- device's failures alone, so a stranger's failures cannot keep the owner out.
CREATE TABLE sign_in_devices (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_devices_user ON sign_in_devices (user_id, last_used_at DESC);
CREATE INDEX sign_in_devices_last_used ON sign_in_devices (last_used_at);

-- The per-account lock is gone: its counters have no use left.
ALTER TABLE users DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;
