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
  // A user makes tokens only for themself; their organisation's admins can see and revoke them
  // (a token of someone who left, or one that leaked), as network admins can anyone's.
  'api_token.create': (actor, token) => token.userId === actor.userId,
  'api_token.list': (actor, owner) => owner.userId === actor.userId || administers(actor, owner),
  'api_token.revoke': (actor, token) => token.userId === actor.userId || administers(actor, token),
  // Only the user themself changes their password this way (with their current one).
  'user.change_own_password': (actor, user) => user.id === actor.userId,
});
