// The identity domain's public face: the only file other domains (and the CLI, the demo and the
// tests' factories) may import. Loading it registers the domain's policy rules, and the resolver
// through which the platform turns a session or an API token into an actor.
import './identity.policy';
import { registerActorResolver } from '../../platform/auth/actor-resolver';
import { actorFromApiToken, actorFromSession } from './actors.store';
import { apiTokenNames } from './api-tokens.store';
import { namesOf, userDisplayNames } from './identity.store';
import { registerRecordNames } from '../../platform/audit/record-names';

registerActorResolver({ fromSession: actorFromSession, fromApiToken: actorFromApiToken, displayNames: userDisplayNames });
registerRecordNames('organization', (q, ids) => namesOf(q, 'organizations', ids));
registerRecordNames('unit', (q, ids) => namesOf(q, 'units', ids));
registerRecordNames('user', userDisplayNames);
registerRecordNames('api_token', apiTokenNames);

export { identityRoutes } from './identity.routes';
export { createOrganization } from './create-organization';
export { createUnit } from './create-unit';
export { updateUnit } from './update-unit';
export { createUser } from './create-user';
export { updateUser } from './update-user';
export { createApiToken } from './create-api-token';
export { revokeApiToken } from './revoke-api-token';
export { signIn } from './sign-in';
export { readOrganizationNames } from './read-organization-names';
export { findOrganizationsByName } from './find-organizations-by-name';
// A session made without a password check: for operators' tools and test fixtures that act as a user.
export { createSession } from './sessions.store';
export {
  findHostOrganization,
  findOrganization,
  findOrganizationByName,
  findUnit,
  findUser,
  findUserByEmail,
  hasOrganizations,
  isDemoMode,
  listOrganizations,
  listUsers,
  organizationNames,
  setDemoMode,
  userDisplayNames,
} from './identity.store';
export type { OrganizationRow, UnitRow, UserRow } from './identity.store';
export type { NamedOrganizationRow } from './organization-names.store';
export { usualDistanceUnit } from './network-settings';
export type { NetworkDefaults } from './network-settings';
export { CreateOrganizationBody, CreateUserBody, organizationKinds, unitKinds } from './identity.schema';
export type { OrganizationKind, UnitKind } from './identity.schema';
