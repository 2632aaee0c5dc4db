// Revoke an API token, at once: by its user, or by an admin of their organisation (a token of
// someone who left, or one that leaked).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findApiToken, revokeApiTokenRow, type ApiTokenRow } from './api-tokens.store';

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
    const revoked = await revokeApiTokenRow(q, token.id);
    await audit(q, auditContextOf(context), {
      action: 'api_token.revoke',
      recordType: 'api_token',
      recordId: token.id,
      recordOrganizationId: token.organization_id,
    });
    return revoked!;
  });
}
