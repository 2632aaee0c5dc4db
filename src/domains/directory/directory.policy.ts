// Who may read the directory and who may change a service's intake and capacity.
// The directory is public information for every signed-in user. A service's capacity is kept by
// the staff of the network organisation its HSDS organisation is linked to (any role there: the
// people who know whether there is room), and by network admins.
import { isNetworkAdmin } from '../../platform/auth/actor';
import { registerRules } from '../../platform/policy/policy';

registerRules({
  'directory.read': () => true,
  // The need-domain mapping and the directory-to-network links shape every search: network admins.
  'directory.administer': (actor) => isNetworkAdmin(actor),
  'directory_service.update_intake': (actor, service) =>
    isNetworkAdmin(actor) || (service.organizationId !== undefined && service.organizationId === actor.organizationId),
});
