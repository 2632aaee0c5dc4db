// Sign in with email and password. Five wrong passwords in a row lock the account for fifteen
// minutes; every attempt, right or wrong, is written to the audit log. The password is checked
// outside the transaction so the slow hash never holds a database connection.
import type { Database } from '../../platform/db/database';
import { audit } from '../../platform/audit/audit';
import { createSession, type SessionTiming } from '../../platform/auth/credentials.store';
import { verifyAgainstDecoy, verifyPassword } from '../../platform/auth/passwords';
import { AppError } from '../../platform/http/app-error';
import type { SignInBody } from './identity.schema';
import { findUserByEmail, recordFailedSignIn, recordSuccessfulSignIn } from './identity.store';

export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 };

export async function signIn(props: {
  db: Database;
  body: SignInBody;
  ip?: string;
  userAgent?: string;
  timing: SessionTiming;
}): Promise<{ token: string; csrfToken: string; userId: string }> {
  const { db, body, ip } = props;
  const user = await findUserByEmail(db, body.email);
  const context = { ip, fallbackKind: 'anonymous' as const };

  if (!user || !user.password_hash || user.disabled_at) {
    await verifyAgainstDecoy(body.password);
    await audit(db, context, {
      action: 'session.sign_in',
      outcome: 'failure',
      recordType: user ? 'user' : undefined,
      recordId: user?.id,
      recordOrganizationId: user?.organization_id,
      details: { reason: user ? 'account_disabled' : 'unknown_email' },
    });
    throw new AppError('sign_in_failed');
  }

  if (user.locked_until && user.locked_until > new Date()) {
    await audit(db, context, {
      action: 'session.sign_in',
      outcome: 'failure',
      recordType: 'user',
      recordId: user.id,
      recordOrganizationId: user.organization_id,
      details: { reason: 'locked' },
    });
    throw lockedError(user.locked_until);
  }

  if (!(await verifyPassword(user.password_hash, body.password))) {
    const { lockedUntil } = await db.tx(async (q) => {
      const result = await recordFailedSignIn(q, user.id, LOCKOUT);
      await audit(q, context, {
        action: 'session.sign_in',
        outcome: 'failure',
        recordType: 'user',
        recordId: user.id,
        recordOrganizationId: user.organization_id,
        details: { reason: 'wrong_password', locked: result.lockedUntil !== null },
      });
      return result;
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new AppError('sign_in_failed');
  }

  return db.tx(async (q) => {
    await recordSuccessfulSignIn(q, user.id);
    const session = await createSession(q, { userId: user.id, ip, userAgent: props.userAgent, timing: props.timing });
    await audit(
      q,
      { ip, user: { userId: user.id, organizationId: user.organization_id } },
      { action: 'session.sign_in', recordType: 'user', recordId: user.id, recordOrganizationId: user.organization_id },
    );
    return { ...session, userId: user.id };
  });
}

function lockedError(until: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('sign_in_locked', `Too many wrong passwords. Try again in ${Math.ceil(seconds / 60)} minutes.`, {
    retryAfterSeconds: seconds,
  });
}
