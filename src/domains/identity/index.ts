// The identity domain's public face: the only file other domains (and the CLI, the demo and the
// tests' factories) may import. Loading it registers the domain's policy rules, and the resolver
// through which the platform turns a session or an API token into an actor.
import './identity.policy';
import { registerActorResolver } from '../../platform/auth/actor-resolver';
import { actorFromApiToken, actorFromSession } from './actors.store';
import { userDisplayNames } from './identity.store';

registerActorResolver({ fromSession: actorFromSession, fromApiToken: actorFromApiToken, displayNames: userDisplayNames });

export { identityRoutes } from './identity.routes';
export { createOrganization } from './create-organization';
export { createUnit } from './create-unit';
export { updateUnit } from './update-unit';
export { createUser } from './create-user';
export { updateUser } from './update-user';
export { createApiToken } from './create-api-token';
export { revokeApiToken } from './revoke-api-token';
export { signIn } from './sign-in';
// A session made without a password check: for operators' tools and test fixtures that act as a user.
export { createSession } from './sessions.store';
export {
  findHostOrganization,
  findOrganization,
  findOrganizationByName,
  findUserByEmail,
  hasOrganizations,
  isDemoMode,
  listOrganizations,
  listUsers,
  setDemoMode,
  userDisplayNames,
} from './identity.store';
export type { OrganizationRow, UnitRow, UserRow } from './identity.store';
export { usualDistanceUnit } from './network-settings';
export type { NetworkDefaults } from './network-settings';
export { CreateOrganizationBody, CreateUserBody, organizationKinds, unitKinds } from './identity.schema';
export type { OrganizationKind, UnitKind } from './identity.schema';
