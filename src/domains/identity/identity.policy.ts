// Who may read and change organisations, units, users, sessions and API tokens.
// Admins of the host organisation administer the whole network; an admin of any other
// organisation administers only their own. Everyone else sees only their own organisation's
// people and units; a record of another organisation is refused as if it did not exist.
import { isNetworkAdmin, hasRole, type Actor } from '../../platform/auth/actor';
import { anyone, registerRules, type Guarded, type OwnedRecord } from '../../platform/policy/policy';

declare module '../../platform/policy/policy' {
  interface PolicyActions {
    /** An organisation, or none for the list. */
    'organization.read': Guarded;
    'organization.create': Guarded;
    'organization.update': Guarded;
    /** A unit, or its organisation for the list. */
    'unit.read': Guarded;
    'unit.create': Guarded;
    'unit.update': Guarded;
    /** The organisation whose users are listed. */
    'user.list': Guarded;
    'user.read': Guarded;
    'user.create': Guarded;
    'user.update': Guarded;
    'user.change_own_password': Guarded;
    /** The session being begun: nobody's yet. */
    'session.sign_in': Guarded;
    /** The actor's own session. */
    'session.read': OwnedRecord;
    'session.sign_out': OwnedRecord;
    'api_token.create': OwnedRecord;
    /** The user whose tokens are listed. */
    'api_token.list': OwnedRecord;
    'api_token.revoke': OwnedRecord;
    /** The network's settings: one record, the network's. */
    'network_settings.read': Guarded;
    'network_settings.update': Guarded;
  }
}

const sameOrganization = (actor: Actor, record: Guarded) => record.organizationId === actor.organizationId;
const administers = (actor: Actor, record: Guarded) =>
  isNetworkAdmin(actor) || (hasRole(actor, 'admin') && sameOrganization(actor, record));
const ownSession = (actor: Actor, session: OwnedRecord) => session.userId === actor.userId;

registerRules({
  // Organisation names and kinds are the network's shared address book (of signed-in users).
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
  // Only the user themself changes their password this way (with their current one).
  'user.change_own_password': (actor, user) => user.id === actor.userId,
  // Anyone may try to sign in: the password decides, and attempts are throttled (sign-in.ts).
  'session.sign_in': anyone,
  'session.read': ownSession,
  'session.sign_out': ownSession,
  // A user makes tokens only for themself; their organisation's admins can see and revoke them
  // (a token of someone who left, or one that leaked), as network admins can anyone's.
  'api_token.create': (actor, token) => token.userId === actor.userId,
  'api_token.list': (actor, owner) => owner.userId === actor.userId || administers(actor, owner),
  'api_token.revoke': (actor, token) => token.userId === actor.userId || administers(actor, token),
  // Every signed-in user's pages follow them (distances in miles or km); network admins set them.
  'network_settings.read': () => true,
  'network_settings.update': (actor) => isNetworkAdmin(actor),
});
