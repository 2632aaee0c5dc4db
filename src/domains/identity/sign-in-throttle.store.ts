// The SQL of sign-in throttling (sign_in_throttle) and of the devices an account signed in from
// (sign_in_devices). Neither table holds an email or a token in clear, only SHA-256 digests.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import { FORGET_AFTER_SECONDS, type ThrottleKey, type ThrottleState } from './sign-in-throttle';

/** A device cookie counts this long after the sign-in that last used it. */
export const DEVICE_DAYS = 365;
/** Devices remembered per account; the least recently used go first. */
const DEVICES_PER_USER = 20;

type ThrottleRowData = Pick<TableRow<'sign_in_throttle'>, 'key' | 'failures' | 'last_failure_at' | 'next_allowed_at'>;

/**
 * Locks the rows of `keys` (making those missing) until the transaction ends, so that attempts
 * on one email are counted one after the other; returns their states and the database's clock.
 */
export async function lockThrottleRows(
  q: Queryable,
  keys: ThrottleKey[],
): Promise<{ now: Date; states: Map<string, ThrottleState> }> {
  await q.query(
    `INSERT INTO sign_in_throttle (key, scope)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (key) DO NOTHING`,
    [keys.map((k) => k.key), keys.map((k) => k.scope)],
  );
  // One order for every caller, so that two attempts never wait on each other's locks.
  const rows = await q.query<ThrottleRowData>(
    `SELECT key, failures, last_failure_at, next_allowed_at FROM sign_in_throttle
      WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
    [keys.map((k) => k.key)],
  );
  const [clock] = await q.query<{ now: Date }>('SELECT now() AS now');
  return {
    now: clock!.now,
    states: new Map(
      rows.map((row) => [
        row.key,
        { failures: row.failures, lastFailureAt: row.last_failure_at, nextAllowedAt: row.next_allowed_at },
      ]),
    ),
  };
}

export async function saveThrottleStates(q: Queryable, states: { key: string; state: ThrottleState }[]): Promise<void> {
  await q.query(
    `UPDATE sign_in_throttle t
        SET failures = v.failures, last_failure_at = v.last_failure_at, next_allowed_at = v.next_allowed_at
       FROM unnest($1::text[], $2::integer[], $3::timestamptz[], $4::timestamptz[])
            AS v (key, failures, last_failure_at, next_allowed_at)
      WHERE t.key = v.key`,
    [
      states.map((s) => s.key),
      states.map((s) => s.state.failures),
      states.map((s) => s.state.lastFailureAt.toISOString()),
      states.map((s) => s.state.nextAllowedAt.toISOString()),
    ],
  );
}

/**
 * After a successful sign-in: the counts of this address and this device go; the email's own
 * count only gives back the attempt just made (clearing it would hand a stranger who is trying
 * the account from elsewhere a fresh set of free failures at every sign-in of its owner).
 */
export async function settleSuccessfulAttempt(q: Queryable, keys: ThrottleKey[]): Promise<void> {
  const cleared = keys.filter((k) => k.scope !== 'email').map((k) => k.key);
  const emailKeys = keys.filter((k) => k.scope === 'email').map((k) => k.key);
  await q.query('DELETE FROM sign_in_throttle WHERE key = ANY($1::text[])', [cleared]);
  await q.query('UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ANY($1::text[])', [emailKeys]);
}

/** Forgets rows whose failures are forgotten and whose wait is over. */
export async function sweepThrottleRows(q: Queryable): Promise<void> {
  await q.query(
    `DELETE FROM sign_in_throttle
      WHERE last_failure_at < now() - make_interval(secs => $1) AND next_allowed_at < now()`,
    [FORGET_AFTER_SECONDS],
  );
}

/** The user a device cookie belongs to, while it counts. */
export async function findDeviceUser(q: Queryable, tokenHash: string): Promise<string | undefined> {
  const rows = await q.query<{ user_id: string }>(
    `SELECT user_id FROM sign_in_devices WHERE token_hash = $1 AND last_used_at > now() - make_interval(days => $2)`,
    [tokenHash, DEVICE_DAYS],
  );
  return rows[0]?.user_id;
}

/** Records (or refreshes) the device a user has just signed in from. */
export async function rememberDevice(q: Queryable, input: { tokenHash: string; userId: string }): Promise<void> {
  await q.query(
    `INSERT INTO sign_in_devices (token_hash, user_id) VALUES ($1, $2)
     ON CONFLICT (token_hash) DO UPDATE SET last_used_at = now() WHERE sign_in_devices.user_id = EXCLUDED.user_id`,
    [input.tokenHash, input.userId],
  );
  // Swept here, when a device is added: no job needed.
  await q.query('DELETE FROM sign_in_devices WHERE last_used_at < now() - make_interval(days => $1)', [DEVICE_DAYS]);
  await q.query(
    `DELETE FROM sign_in_devices
      WHERE user_id = $1
        AND token_hash NOT IN (SELECT token_hash FROM sign_in_devices WHERE user_id = $1
                                ORDER BY last_used_at DESC, created_at DESC LIMIT $2)`,
    [input.userId, DEVICES_PER_USER],
  );
}
