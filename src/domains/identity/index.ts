// The identity domain's public face: the only file other domains may import.
import './identity.policy';

export { identityRoutes } from './identity.routes';
export { createOrganization } from './create-organization';
export { createUnit, updateUnit } from './manage-units';
export { createUser } from './create-user';
export { updateUser } from './update-user';
export { createApiToken, revokeApiToken } from './manage-api-tokens';
export { findUserByEmail, findOrganization, listOrganizations, listUsers, isDemoMode, setDemoMode, userDisplayNames } from './identity.store';
export type { OrganizationRow, UnitRow, UserRow } from './identity.store';
export { organizationKinds, unitKinds } from './identity.schema';
export type { OrganizationKind, UnitKind } from './identity.schema';
