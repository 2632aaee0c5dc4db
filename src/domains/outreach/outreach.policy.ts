// Who may read and record contacts with a person. Whether the person is visible at all is the
// people domain's access rule (guardPerson); the rules here judge what it gave the viewer.
// Contacts are the team's care-coordination work: the 'care_plan' category. They are recorded by
// the holder's staff who may change its records, and by the staff of an organisation whose live
// care-coordination consent names 'care_plan' (leaders only read).
import { hasRole, type Actor } from '../../platform/auth/actor';
import { registerRules } from '../../platform/policy/policy';
import { writesForHolder, type GuardedPerson, type PersonAccess } from '../people';

/** A person's contacts as the policy judges them: the holder, and what the access rule gave the viewer. */
export interface GuardedContacts extends GuardedPerson {
  basis: PersonAccess['basis'];
  categories: readonly string[];
}

declare module '../../platform/policy/policy' {
  interface PolicyActions {
    /** A person's contacts: the 'care_plan' category. */
    'contact.list': GuardedContacts;
    'contact.create': GuardedContacts;
    /** A person's contacts moved onto another record of them (a merge): the holder's writers. */
    'contact.move': GuardedContacts;
  }
}

const seesContacts = (_actor: Actor, person: GuardedContacts) => person.visible && person.categories.includes('care_plan');
const consentedWriter = (actor: Actor, person: GuardedContacts) =>
  person.basis === 'consent' &&
  actor.organizationId !== person.organizationId &&
  hasRole(actor, 'admin', 'program_manager', 'care_coordinator', 'partner_staff');

registerRules({
  'contact.list': seesContacts,
  'contact.move': (actor, person) => person.basis === 'holder' && writesForHolder(actor, person.organizationId),
  'contact.create': (actor, person) =>
    seesContacts(actor, person) && (writesForHolder(actor, person.organizationId) || consentedWriter(actor, person)),
});
