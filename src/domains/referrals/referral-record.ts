// A referral as one answer shows it: the row, the person as the viewer may see them (or why not),
// its events, the names of the organisations and users it names, and the moves the viewer may
// make now. Read in the use case's transaction, after its guard.
import { signedInActor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { can } from '../../platform/policy/policy';
import { organizationNames, userDisplayNames } from '../identity';
import { presentSharedPeople, type Person, type PersonAccess } from '../people';
import type { GuardedReferralRecord } from './guard';
import { nextStatuses, type ReferralStatus } from './referral-states';
import type { PersonWithheld } from './referrals.schema';
import { listReferralEvents, type ReferralEventRow, type ReferralRow } from './referrals.store';

export interface ReferralRecord {
  row: ReferralRow;
  side: GuardedReferralRecord['side'];
  access: PersonAccess | null;
  withheld: PersonWithheld | null;
  person: Person | null;
  events: ReferralEventRow[];
  organizationNames: Map<string, string>;
  userNames: Map<string, string>;
  /** The states the viewer may move the referral to now. */
  next: ReferralStatus[];
}

export async function loadReferralRecord(
  q: Queryable,
  context: UseCaseContext,
  guarded: GuardedReferralRecord,
): Promise<ReferralRecord> {
  const { row, side, access } = guarded;
  const events = await listReferralEvents(q, row.id);
  const people = access ? await presentSharedPeople(q, [{ personId: row.person_id, access }]) : new Map<string, Person>();
  const organizations = await organizationNames(q, [
    row.sender_organization_id,
    row.recipient_organization_id,
    ...events.flatMap((event) => (event.actor_organization_id ? [event.actor_organization_id] : [])),
  ]);
  const users = await userDisplayNames(q, [
    ...(row.sender_user_id ? [row.sender_user_id] : []),
    ...(row.opened_by_user_id ? [row.opened_by_user_id] : []),
    ...events.flatMap((event) => (event.actor_user_id ? [event.actor_user_id] : [])),
  ]);
  const actor = signedInActor(context);
  const next = actor
    ? nextStatuses(row.status).filter((to) => can(actor, 'referral.transition', { ...guarded.guarded, from: row.status, to }))
    : nextStatuses(row.status);
  return {
    row,
    side,
    access,
    withheld: guarded.withheld,
    person: people.get(row.person_id) ?? null,
    events,
    organizationNames: organizations,
    userNames: users,
    next,
  };
}
