// Change a user's name, roles, units or password, or disable them. Disabling a user or resetting
// their password ends every session they have and revokes every API token they made, so enabling
// them again later brings back neither: they sign in anew and make new tokens. A user changes
// their own password with their current one (change-own-password.ts), not here.
import { audit } from '../../platform/audit/audit';
import { checkPasswordRules, hashPassword } from '../../platform/auth/passwords';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { UpdateUserBody } from './identity.schema';
import { findUser, isDemoMode, setUserUnits, unitsOutsideOrganization, updateUserRow, type UserRow } from './identity.store';
import { revokeApiTokensOfUser } from './api-tokens.store';
import { deleteSessionsOfUser } from './sessions.store';

export async function updateUser(context: UseCaseContext, props: { userId: string; body: UpdateUserBody }): Promise<UserRow> {
  const { body } = props;
  const existing = await findUser(context.db, props.userId);
  if (!existing) throw new AppError('not_found', 'No user with this id.');
  await authorizeFor(context, 'user.update', { id: existing.id, organizationId: existing.organization_id }, 'user');
  if (signedInActor(context)?.userId === existing.id) {
    if (body.disabled) throw AppError.field('disabled', 'you cannot disable your own account', 'forbidden');
    if (body.roles && !body.roles.includes('admin') && existing.roles.includes('admin')) {
      throw AppError.field('roles', 'you cannot remove your own admin role', 'forbidden');
    }
    if (body.password !== undefined) {
      throw AppError.field('password', 'change your own password on your account page, with your current password', 'forbidden');
    }
  }
  let passwordHash: string | undefined;
  if (body.password !== undefined) {
    checkPasswordRules(body.password, { demoMode: await isDemoMode(context.db) });
    passwordHash = await hashPassword(body.password);
  }

  return context.db.tx(async (q) => {
    if (body.unitIds) {
      const foreignUnits = await unitsOutsideOrganization(q, existing.organization_id, body.unitIds);
      if (foreignUnits.length > 0) throw AppError.field('unitIds', 'holds units that are not of this organisation');
      await setUserUnits(q, existing.id, body.unitIds);
    }
    await updateUserRow(q, existing.id, {
      displayName: body.displayName,
      roles: body.roles ? [...new Set(body.roles)] : undefined,
      disabled: body.disabled,
      passwordHash,
    });
    const credentialsEnded = body.disabled === true || passwordHash !== undefined;
    const ended = credentialsEnded
      ? {
          sessionsEnded: await deleteSessionsOfUser(q, existing.id),
          apiTokensRevoked: await revokeApiTokensOfUser(q, existing.id),
        }
      : {};
    const roles = body.roles ? [...new Set(body.roles)] : undefined;
    await audit(q, auditContextOf(context), {
      action:
        body.disabled === true ? 'user.disable' : body.disabled === false && existing.disabled_at ? 'user.enable' : 'user.update',
      recordType: 'user',
      recordId: existing.id,
      recordOrganizationId: existing.organization_id,
      details: {
        fields: Object.keys(body),
        ...(roles && {
          rolesGranted: roles.filter((role) => !existing.roles.includes(role)),
          rolesRemoved: existing.roles.filter((role) => !roles.includes(role)),
        }),
        ...ended,
      },
    });
    return (await findUser(q, existing.id))!;
  });
}
