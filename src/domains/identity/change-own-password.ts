// A signed-in user changes their own password: they give the current one (so a session left
// open on a shared computer cannot take the account over), the new one must follow the rules,
// and every other session of theirs ends. Their API tokens stay unless they ask for them to be
// revoked too: tokens are credentials of their own, listed and revocable one by one.
import { audit } from '../../platform/audit/audit';
import { deleteSessionsOfUser } from '../../platform/auth/credentials.store';
import { checkPasswordRules, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { ChangeOwnPasswordBody } from './identity.schema';
import { findUser, isDemoMode, revokeApiTokensOfUser, updateUserRow } from './identity.store';

export async function changeOwnPassword(context: UseCaseContext, props: { body: ChangeOwnPasswordBody }): Promise<void> {
  const { body } = props;
  if (typeof context.actor === 'string') throw new AppError('forbidden', 'Only a signed-in user changes their own password.');
  const actor = context.actor;
  const user = await findUser(context.db, actor.userId);
  if (!user) throw new AppError('unauthenticated');
  await authorizeFor(context, 'user.change_own_password', { id: user.id, organizationId: user.organization_id }, 'user');
  const record = { recordType: 'user', recordId: user.id, recordOrganizationId: user.organization_id };

  if (!user.password_hash || !(await verifyPassword(user.password_hash, body.currentPassword))) {
    await audit(context.db, auditContextOf(context), {
      action: 'user.change_own_password',
      outcome: 'failure',
      ...record,
      details: { reason: 'wrong_current_password' },
    });
    throw AppError.field('currentPassword', 'is not your current password');
  }
  if (body.newPassword === body.currentPassword) throw AppError.field('newPassword', 'must differ from your current password');
  checkPasswordRules(body.newPassword, { demoMode: await isDemoMode(context.db), field: 'newPassword' });
  const passwordHash = await hashPassword(body.newPassword);

  await context.db.tx(async (q) => {
    await updateUserRow(q, user.id, { passwordHash });
    const sessionsEnded = await deleteSessionsOfUser(q, user.id, { exceptTokenHash: actor.sessionTokenHash });
    const apiTokensRevoked = body.revokeApiTokens ? await revokeApiTokensOfUser(q, user.id) : 0;
    await audit(q, auditContextOf(context), {
      action: 'user.change_own_password',
      ...record,
      details: { sessionsEnded, apiTokensRevoked },
    });
  });
}
