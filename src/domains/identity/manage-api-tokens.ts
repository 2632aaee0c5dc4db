// API tokens for integrations: a user makes one for themself; it acts as that user within their
// organisation. The token is shown once; only its digest is kept. Revoking is immediate, by the
// user or by an admin of their organisation.
import { audit } from '../../platform/audit/audit';
import { createApiToken as insertApiToken } from '../../platform/auth/credentials.store';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findApiToken, findUser, revokeApiTokenRow, type ApiTokenRow } from './identity.store';

export async function createApiToken(
  context: UseCaseContext,
  props: { userId: string; name: string },
): Promise<{ token: string; row: ApiTokenRow }> {
  const user = await findUser(context.db, props.userId);
  if (!user) throw AppError.field('user', 'no user with this email or id', 'not_found');
  if (user.disabled_at) throw AppError.field('user', 'is disabled', 'conflict');
  await authorizeFor(context, 'api_token.create', { userId: user.id, organizationId: user.organization_id }, 'api_token');
  return context.db.tx(async (q) => {
    const created = await insertApiToken(q, { userId: user.id, organizationId: user.organization_id, name: props.name });
    await audit(q, auditContextOf(context), {
      action: 'api_token.create',
      recordType: 'api_token',
      recordId: created.id,
      recordOrganizationId: user.organization_id,
    });
    return { token: created.token, row: (await findApiToken(q, created.id))! };
  });
}

export async function revokeApiToken(context: UseCaseContext, props: { tokenId: string }): Promise<ApiTokenRow> {
  return context.db.tx(async (q) => {
    const token = await findApiToken(q, props.tokenId);
    if (!token) throw new AppError('not_found', 'No API token with this id.');
    await authorizeFor(
      context,
      'api_token.revoke',
      { id: token.id, organizationId: token.organization_id, userId: token.user_id },
      'api_token',
    );
    await revokeApiTokenRow(q, token.id);
    await audit(q, auditContextOf(context), {
      action: 'api_token.revoke',
      recordType: 'api_token',
      recordId: token.id,
      recordOrganizationId: token.organization_id,
    });
    return (await findApiToken(q, token.id))!;
  });
}
