// The SQL of sessions (sessions): made at sign-in, ended at sign-out or when a user's credentials
// end. Only the SHA-256 of a session's token is stored. Reading a session's actor: actors.store.ts.
import type { SessionTiming } from '../../platform/auth/actor-resolver';
import { digest, randomToken } from '../../platform/auth/secrets';
import type { Queryable } from '../../platform/db/database';

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

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Ends a user's sessions, all of them or all but the one named by `exceptTokenHash`. */
export async function deleteSessionsOfUser(
  q: Queryable,
  userId: string,
  options: { exceptTokenHash?: string } = {},
): Promise<number> {
  const rows = await q.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2 RETURNING user_id', [
    userId,
    options.exceptTokenHash ?? null,
  ]);
  return rows.length;
}
