// Who may read and change organisations, units, users and API tokens.
// Admins of the host organisation administer the whole network; an admin of any other
// organisation administers only their own. Everyone else sees only their own organisation's
// people and units; a record of another organisation is refused as if it did not exist.
import { isNetworkAdmin, hasRole, type Actor } from '../../platform/auth/actor';
import { registerRules, type Guarded } from '../../platform/policy/policy';

const sameOrganization = (actor: Actor, record: Guarded) => record.organizationId === actor.organizationId;
const administers = (actor: Actor, record: Guarded) =>
  isNetworkAdmin(actor) || (hasRole(actor, 'admin') && sameOrganization(actor, record));

registerRules<Guarded>({
  // Organisation names and kinds are the network's shared address book.
  'organization.read': () => true,
  'organization.create': (actor) => isNetworkAdmin(actor),
  'organization.update': administers,
  'unit.read': (actor, unit) => isNetworkAdmin(actor) || sameOrganization(actor, unit),
  'unit.create': administers,
  'unit.update': administers,
  'user.list': (actor, organization) => isNetworkAdmin(actor) || sameOrganization(actor, organization),
  'user.read': (actor, user) => isNetworkAdmin(actor) || sameOrganization(actor, user) || user.id === actor.userId,
  'user.create': administers,
  'user.update': administers,
  'api_token.manage': (actor, token) => token.userId === actor.userId,
});
