// Who may read the directory and who may change a service's intake and capacity.
// The directory is public information for every signed-in user, and its HSDS API for anyone.
// A service's capacity is kept by the staff of the network organisation its HSDS organisation is
// linked to (any role there: the people who know whether there is room), and by network admins.
import { isNetworkAdmin } from '../../platform/auth/actor';
import { anyone, registerRules, type Guarded } from '../../platform/policy/policy';

declare module '../../platform/policy/policy' {
  interface PolicyActions {
    'directory.read': Guarded;
    /** The public HSDS API (src/interop/hsds/api). */
    'hsds.read': Guarded;
    'directory.administer': Guarded;
    /** A service, with the network organisation its HSDS organisation is linked to (if any). */
    'directory_service.update_intake': Guarded;
  }
}

registerRules({
  'directory.read': () => true,
  // The HSDS API is the directory's open-data face: anyone reads it, signed in or not.
  'hsds.read': anyone,
  // The need-domain mapping and the directory-to-network links shape every search: network admins.
  'directory.administer': (actor) => isNetworkAdmin(actor),
  'directory_service.update_intake': (actor, service) =>
    isNetworkAdmin(actor) || (service.organizationId !== undefined && service.organizationId === actor.organizationId),
});
