// SQL of sessions and API tokens, and the one query that turns either into an Actor.
// It joins users and organizations directly: resolving the actor is on every request's path,
// and one indexed join is cheaper than asking the identity domain twice.
import type { Queryable } from '../db/database';
import type { Actor, Role } from './actor';
import { digest, randomToken } from './secrets';

interface ActorRow {
  user_id: string;
  email: string;
  display_name: string;
  organization_id: string;
  organization_name: string;
  is_host: boolean;
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

export interface SessionTiming {
  idleMinutes: number;
  maxHours: number;
}

export async function createSession(
  q: Queryable,
  input: { userId: string; ip?: string; userAgent?: string; timing: SessionTiming },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  // Expired sessions are swept here, at the moment a new one is made: no job needed.
  await q.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, ip, user_agent, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
    [digest(token), input.userId, csrfToken, input.ip ?? null, input.userAgent?.slice(0, 300) ?? null, input.timing.idleMinutes],
  );
  return { token, csrfToken };
}

/** The actor of a live session; slides the idle expiry at most once a minute. */
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

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Ends a user's sessions, all of them or all but the one named by `exceptTokenHash`. */
export async function deleteSessionsOfUser(q: Queryable, userId: string, options: { exceptTokenHash?: string } = {}): Promise<number> {
  const rows = await q.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2 RETURNING user_id', [
    userId,
    options.exceptTokenHash ?? null,
  ]);
  return rows.length;
}

export const API_TOKEN_PREFIX = 'kith_';

export async function createApiToken(
  q: Queryable,
  input: { userId: string; organizationId: string; name: string },
): Promise<{ id: string; token: string; createdAt: Date }> {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const rows = await q.query<{ id: string; created_at: Date }>(
    `INSERT INTO api_tokens (user_id, organization_id, name, token_hash, prefix)
     VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
    [input.userId, input.organizationId, input.name, digest(token), token.slice(0, 9)],
  );
  const row = rows[0]!;
  return { id: row.id, token, createdAt: row.created_at };
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
