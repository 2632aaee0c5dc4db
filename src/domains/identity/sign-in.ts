// Sign in with email and password. Attempts are throttled with growing waits (sign-in-throttle.ts),
// never locked: known and unknown emails take the same path and get the same answers, a throttled
// attempt is refused before its password is checked, and a browser holding the device cookie of
// an earlier sign-in of the account is slowed only by its own failures. Every attempt, right,
// wrong or refused, is written to the audit log. The password is checked outside any transaction
// so the slow hash never holds a database connection.
import { audit } from '../../platform/audit/audit';
import type { SessionTiming } from '../../platform/auth/actor-resolver';
import { verifyAgainstDecoy, verifyPassword } from '../../platform/auth/passwords';
import { digest, randomToken } from '../../platform/auth/secrets';
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { tooManyTries } from '../../platform/http/too-many-tries';
import type { SignInBody } from './identity.schema';
import { findOrganization, findUserByEmail, recordSuccessfulSignIn, type OrganizationRow, type UserRow } from './identity.store';
import { createSession } from './sessions.store';
import { afterFailure, throttleKeys, waitAt, type ThrottleKey } from './sign-in-throttle';
import {
  findDeviceUser,
  lockThrottleRows,
  rememberDevice,
  saveThrottleStates,
  settleSuccessfulAttempt,
  sweepThrottleRows,
} from './sign-in-throttle.store';

export interface SignedIn {
  /** The session's token (the cookie) and the CSRF token the web app echoes on writes. */
  token: string;
  csrfToken: string;
  /** The device cookie: kept, or new when this browser had none for the account. */
  deviceToken: string;
  user: UserRow;
  organization: OrganizationRow;
}

/** `context.actor` is `anonymous` (or whoever is signed in already: they sign in anew). */
export async function signIn(
  context: UseCaseContext,
  props: {
    body: SignInBody;
    userAgent?: string;
    timing: SessionTiming;
    /** The device cookie the browser sent, if any. */
    deviceToken?: string;
  },
): Promise<SignedIn> {
  const { db, ip } = context;
  const { body } = props;
  await authorizeFor(context, 'session.sign_in', {}, 'session');
  // Until the password is right, nobody is signed in: the rows of a failed attempt are anonymous.
  const attempt = { ip, fallbackKind: 'anonymous' as const };
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
    if (wait > 0) await audit(q, attempt, failure('throttled'));
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
      await audit(q, attempt, failure(!user ? 'unknown_email' : usable ? 'wrong_password' : 'account_disabled'));
    });
    throw new AppError('sign_in_failed');
  }

  const deviceToken = trustedDevice ? props.deviceToken! : randomToken();
  return db.tx(async (q) => {
    await settleSuccessfulAttempt(q, keys);
    await recordSuccessfulSignIn(q, usable.id);
    await rememberDevice(q, { tokenHash: digest(deviceToken), userId: usable.id });
    const session = await createSession(q, { userId: usable.id, ip, userAgent: props.userAgent, timing: props.timing });
    const organization = (await findOrganization(q, usable.organization_id))!;
    await audit(
      q,
      { ip, user: { userId: usable.id, organizationId: usable.organization_id } },
      { action: 'session.sign_in', recordType: 'user', recordId: usable.id, recordOrganizationId: usable.organization_id },
    );
    return { ...session, deviceToken, user: usable, organization };
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
