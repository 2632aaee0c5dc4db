// Sign in with email and password. Attempts are throttled with growing waits (sign-in-throttle.ts),
// never locked: known and unknown emails take the same path and get the same answers, a throttled
// attempt is refused before its password is checked, and a browser holding the device cookie of
// an earlier sign-in of the account is slowed only by its own failures. Every attempt, right,
// wrong or refused, is written to the audit log. The password is checked outside any transaction
// so the slow hash never holds a database connection.
import type { Database, Queryable } from '../../platform/db/database';
import { audit } from '../../platform/audit/audit';
import { createSession, type SessionTiming } from '../../platform/auth/credentials.store';
import { verifyAgainstDecoy, verifyPassword } from '../../platform/auth/passwords';
import { digest, randomToken } from '../../platform/auth/secrets';
import { AppError } from '../../platform/http/app-error';
import type { SignInBody } from './identity.schema';
import { findUserByEmail, recordSuccessfulSignIn } from './identity.store';
import { tooManyTries } from '../../platform/http/too-many-tries';
import { afterFailure, throttleKeys, waitAt, type ThrottleKey } from './sign-in-throttle';
import {
  findDeviceUser,
  lockThrottleRows,
  rememberDevice,
  saveThrottleStates,
  settleSuccessfulAttempt,
  sweepThrottleRows,
} from './sign-in-throttle.store';

export async function signIn(props: {
  db: Database;
  body: SignInBody;
  ip?: string;
  userAgent?: string;
  timing: SessionTiming;
  /** The device cookie the browser sent, if any. */
  deviceToken?: string;
}): Promise<{ token: string; csrfToken: string; userId: string; deviceToken: string }> {
  const { db, body, ip } = props;
  const context = { ip, fallbackKind: 'anonymous' as const };
  const user = await findUserByEmail(db, body.email);
  const deviceHash = props.deviceToken ? digest(props.deviceToken) : undefined;
  const deviceUserId = deviceHash ? await findDeviceUser(db, deviceHash) : undefined;
  const trustedDevice = user !== undefined && deviceUserId === user.id;
  const keys = throttleKeys({ email: body.email, ip, trustedDeviceHash: trustedDevice ? deviceHash : undefined });
  // Only a known user's id is recorded: an unknown email leaves no trace of itself in the log.
  const failure = (reason: string) => ({
    action: 'session.sign_in',
    outcome: 'failure' as const,
    recordType: user ? 'user' : undefined,
    recordId: user?.id,
    recordOrganizationId: user?.organization_id,
    details: { reason },
  });

  const waitMs = await db.tx(async (q) => {
    const wait = await takeAttempt(q, keys);
    if (wait > 0) await audit(q, context, failure('throttled'));
    return wait;
  });
  if (waitMs > 0) {
    throw tooManyTries(waitMs, 'sign_in_throttled');
  }

  const usable = user?.password_hash && !user.disabled_at ? { ...user, password_hash: user.password_hash } : undefined;
  let right = false;
  if (usable) right = await verifyPassword(usable.password_hash, body.password);
  else await verifyAgainstDecoy(body.password);

  if (!usable || !right) {
    await db.tx(async (q) => {
      await sweepThrottleRows(q);
      await audit(q, context, failure(!user ? 'unknown_email' : usable ? 'wrong_password' : 'account_disabled'));
    });
    throw new AppError('sign_in_failed');
  }

  const deviceToken = trustedDevice ? props.deviceToken! : randomToken();
  return db.tx(async (q) => {
    await settleSuccessfulAttempt(q, keys);
    await recordSuccessfulSignIn(q, usable.id);
    await rememberDevice(q, { tokenHash: digest(deviceToken), userId: usable.id });
    const session = await createSession(q, { userId: usable.id, ip, userAgent: props.userAgent, timing: props.timing });
    await audit(
      q,
      { ip, user: { userId: usable.id, organizationId: usable.organization_id } },
      { action: 'session.sign_in', recordType: 'user', recordId: usable.id, recordOrganizationId: usable.organization_id },
    );
    return { ...session, userId: usable.id, deviceToken };
  });
}

/**
 * Counts the attempt under its keys as a failure (a right password gives it back), unless one of
 * them still makes it wait: then nothing changes (waiting attempts do not lengthen the wait, so a
 * stranger cannot keep it running) and the milliseconds left are returned.
 */
async function takeAttempt(q: Queryable, keys: ThrottleKey[]): Promise<number> {
  const { now, states } = await lockThrottleRows(q, keys);
  const wait = Math.max(0, ...keys.map((k) => waitAt(states.get(k.key), now)));
  if (wait > 0) return wait;
  await saveThrottleStates(
    q,
    keys.map((k) => ({ key: k.key, state: afterFailure(k.scope, states.get(k.key), now) })),
  );
  return 0;
}
