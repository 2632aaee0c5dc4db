// The signed-in user, their organisation and roles, as their session or token stands for them.
import type { Actor } from '../../platform/auth/actor';
import { authorizeFor, signedInActor, type NoProps, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';

export async function readMe(context: UseCaseContext, _props: NoProps = {}): Promise<Actor> {
  const actor = signedInActor(context);
  if (!actor) throw new AppError('unauthenticated');
  await authorizeFor(context, 'session.read', { userId: actor.userId, organizationId: actor.organizationId }, 'session');
  return actor;
}
