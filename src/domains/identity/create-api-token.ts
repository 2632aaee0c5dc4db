// Make an API token for an integration: a user makes one for themself (or the operator at the
// CLI for a user); it acts as that user within their organisation. Its secret is shown once;
// only its digest is kept.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { insertApiToken, type ApiTokenRow } from './api-tokens.store';
import { findUser } from './identity.store';

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
      recordId: created.row.id,
      recordOrganizationId: user.organization_id,
    });
    return created;
  });
}
