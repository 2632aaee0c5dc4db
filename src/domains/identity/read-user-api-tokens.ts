// The API tokens a user made (never their secrets), for the user or an admin of their organisation.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { listApiTokens, type ApiTokenRow } from './api-tokens.store';
import { findUser } from './identity.store';

export async function readUserApiTokens(context: UseCaseContext, props: { userId: string }): Promise<ApiTokenRow[]> {
  const user = await findUser(context.db, props.userId);
  if (!user) throw new AppError('not_found', 'No user with this id.');
  await authorizeFor(context, 'api_token.list', { id: user.id, userId: user.id, organizationId: user.organization_id }, 'user');
  return listApiTokens(context.db, user.id);
}
