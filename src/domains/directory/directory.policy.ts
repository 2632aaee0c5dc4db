// Who may read the directory and who may change a service's intake and capacity.
// The directory is public information for every signed-in user, and its HSDS API for anyone.
// A service's capacity is kept by the staff of the network organisation its HSDS organisation is
// linked to (any role there: the people who know whether there is room), and by network admins;
// so are the details (description, how to apply, web address…) of its services and of itself.
import { isNetworkAdmin, type Actor } from '../../platform/auth/actor';
import type { UseCaseContext } from '../../platform/context';
import { anyone, can, registerRules, type Guarded } from '../../platform/policy/policy';

declare module '../../platform/policy/policy' {
  interface PolicyActions {
    'directory.read': Guarded;
    /** The public HSDS API (src/interop/hsds/api). */
    'hsds.read': Guarded;
    'directory.administer': Guarded;
    /** A service, with the network organisation its HSDS organisation is linked to (if any). */
    'directory_service.update_intake': Guarded;
    /** A directory service or organisation, with the network organisation it is linked to (if any). */
    'directory_record.edit_details': Guarded;
  }
}

registerRules({
  'directory.read': () => true,
  // The HSDS API is the directory's open-data face: anyone reads it, signed in or not.
  'hsds.read': anyone,
  // The need-domain mapping and the directory-to-network links shape every search: network admins.
  'directory.administer': (actor) => isNetworkAdmin(actor),
  'directory_service.update_intake': keepsRecord,
  'directory_record.edit_details': keepsRecord,
});

/** The staff of the network organisation a directory record is linked to, and network admins. */
function keepsRecord(actor: Actor, record: { organizationId?: string }): boolean {
  return isNetworkAdmin(actor) || (record.organizationId !== undefined && record.organizationId === actor.organizationId);
}

/** Whether the context may keep this record (its room, its details): pages offer only what would pass. */
export function mayKeep(
  context: UseCaseContext,
  action: 'directory_service.update_intake' | 'directory_record.edit_details',
  record: { id: string; organizationId?: string },
): boolean {
  return typeof context.actor === 'string' ? context.actor === 'system' : can(context.actor, action, record);
}
