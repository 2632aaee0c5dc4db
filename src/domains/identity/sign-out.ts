// Sign out: the session row is deleted, so the cookie is worthless even if it was copied.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type NoProps, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { deleteSession } from './sessions.store';

export async function signOut(context: UseCaseContext, _props: NoProps = {}): Promise<void> {
  const actor = signedInActor(context);
  if (!actor) throw new AppError('unauthenticated');
  await authorizeFor(context, 'session.sign_out', { userId: actor.userId, organizationId: actor.organizationId }, 'session');
  await context.db.tx(async (q) => {
    // An API token has no session to end: signing out with one only writes the audit row.
    if (actor.sessionTokenHash) await deleteSession(q, actor.sessionTokenHash);
    await audit(q, auditContextOf(context), {
      action: 'session.sign_out',
      recordType: 'user',
      recordId: actor.userId,
      recordOrganizationId: actor.organizationId,
    });
  });
}
