// Add a user to an organisation with roles, units and a first password.
import { audit } from '../../platform/audit/audit';
import { checkPasswordRules, hashPassword } from '../../platform/auth/passwords';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { CreateUserBody } from './identity.schema';
import {
  emailTaken,
  findOrganization,
  findUser,
  insertUser,
  isDemoMode,
  setUserUnits,
  unitsOutsideOrganization,
  type UserRow,
} from './identity.store';

export async function createUser(context: UseCaseContext, props: { body: CreateUserBody }): Promise<UserRow> {
  const { body } = props;
  const organization = await findOrganization(context.db, body.organizationId);
  // An organisation the actor may not administer answers exactly as one that does not exist.
  await authorizeFor(context, 'user.create', { organizationId: body.organizationId }, 'user');
  if (!organization) throw AppError.field('organizationId', 'no organisation with this id', 'not_found');
  checkPasswordRules(body.password, { demoMode: await isDemoMode(context.db) });
  const passwordHash = await hashPassword(body.password);

  return context.db.tx(async (q) => {
    if (await emailTaken(q, body.email)) throw AppError.field('email', 'a user with this email exists already', 'conflict');
    const foreignUnits = await unitsOutsideOrganization(q, organization.id, body.unitIds);
    if (foreignUnits.length > 0) throw AppError.field('unitIds', 'holds units that are not of this organisation');
    const userId = await insertUser(q, {
      organizationId: organization.id,
      email: body.email,
      displayName: body.displayName,
      roles: [...new Set(body.roles)],
      passwordHash,
    });
    await setUserUnits(q, userId, body.unitIds);
    await audit(q, auditContextOf(context), {
      action: 'user.create',
      recordType: 'user',
      recordId: userId,
      recordOrganizationId: organization.id,
      details: { roles: body.roles },
    });
    return (await findUser(q, userId))!;
  });
}
