// One user (personal data of staff: the reading is written to the audit log).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findUser, type UserRow } from './identity.store';

export async function readUser(context: UseCaseContext, props: { userId: string }): Promise<UserRow> {
  const user = await findUser(context.db, props.userId);
  if (!user) throw new AppError('not_found', 'No user with this id.');
  await authorizeFor(context, 'user.read', { id: user.id, organizationId: user.organization_id }, 'user');
  await audit(context.db, auditContextOf(context), {
    action: 'user.read',
    recordType: 'user',
    recordId: user.id,
    recordOrganizationId: user.organization_id,
  });
  return user;
}
