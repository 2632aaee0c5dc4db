// The one query that turns a session or an API token into an Actor, for the authentication hook
// (registered with the platform in index.ts). It is on every request's path: one indexed join of
// the credential, its user and their organisation, run as a named (prepared) statement.
import type { Actor, Role } from '../../platform/auth/actor';
import type { SessionTiming } from '../../platform/auth/actor-resolver';
import { digest } from '../../platform/auth/secrets';
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';

type User = TableRow<'users'>;
type Organization = TableRow<'organizations'>;

interface ActorRow extends Pick<User, 'email' | 'display_name'> {
  user_id: User['id'];
  organization_id: Organization['id'];
  organization_name: Organization['name'];
  is_host: Organization['is_host'];
  roles: Role[];
  unit_ids: string[];
}

const actorColumns = `
  u.id AS user_id, u.email, u.display_name, u.roles,
  o.id AS organization_id, o.name AS organization_name, o.is_host,
  COALESCE((SELECT array_agg(uu.unit_id) FROM user_units uu WHERE uu.user_id = u.id), '{}') AS unit_ids`;

function toActor(row: ActorRow, via: Actor['via']): Actor {
  return {
    via,
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationIsHost: row.is_host,
    roles: row.roles,
    unitIds: row.unit_ids,
  };
}

/**
 * The actor of a live session. Its idle expiry slides at most once a minute, and never past
 * `maxHours` after the session began: a session in use still ends then.
 */
export async function actorFromSession(q: Queryable, token: string, timing: SessionTiming): Promise<Actor | undefined> {
  const tokenHash = digest(token);
  const rows = await q.query<ActorRow & { csrf_token: string; stale: boolean }>(
    `SELECT ${actorColumns}, s.csrf_token, s.last_seen_at < now() - interval '1 minute' AS stale
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       JOIN organizations o ON o.id = u.organization_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [tokenHash],
    { name: 'actor-from-session' },
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) {
    await q.query(
      `UPDATE sessions SET last_seen_at = now(),
         expires_at = LEAST(now() + make_interval(mins => $2), created_at + make_interval(hours => $3))
       WHERE token_hash = $1`,
      [tokenHash, timing.idleMinutes, timing.maxHours],
    );
  }
  return { ...toActor(row, 'session'), csrfToken: row.csrf_token, sessionTokenHash: tokenHash };
}

/** The actor of a live API token. The token is bound to the organisation it was made for. */
export async function actorFromApiToken(q: Queryable, token: string): Promise<Actor | undefined> {
  const rows = await q.query<ActorRow & { token_id: string; stale: boolean }>(
    `SELECT ${actorColumns}, t.id AS token_id,
            (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
       FROM api_tokens t
       JOIN users u ON u.id = t.user_id AND u.organization_id = t.organization_id
       JOIN organizations o ON o.id = u.organization_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [digest(token)],
    { name: 'actor-from-api-token' },
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await q.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.token_id]);
  return { ...toActor(row, 'token'), apiTokenId: row.token_id };
}
