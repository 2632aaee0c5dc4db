-- A refusal that answered "not found" (a record of another organisation) must not tell the
-- prober's organisation more than the 404 did: its admins do not see that row. The record's own
-- organisation and the network's administrators still do.
ALTER TABLE audit_log ADD COLUMN hidden_from_actor_organization boolean NOT NULL DEFAULT false;
