// Who may read and change people, their care and their consents. Whether a person is visible at
// all is the access rule's (access.ts), worked out in SQL; the rules here judge its answer, and
// say who of the holder organisation may change a record (never anyone of another organisation).
import { hasRole, type Actor } from '../../platform/auth/actor';
import { registerRules, type Guarded } from '../../platform/policy/policy';
import { writesForHolder } from './access';

/** A person as the policy judges them: the holder, and whether the access rule let the actor see them. */
export interface GuardedPerson extends Guarded {
  organizationId: string;
  visible: boolean;
}

declare module '../../platform/policy/policy' {
  interface PolicyActions {
    /** The person's page, as the access rule lets the actor see it. */
    'person.read': GuardedPerson;
    /** The population list, a search, the CSV: filtered by the access rule in SQL. */
    'person.list': Guarded;
    'person.export': Guarded;
    /** A search by name, date of birth or identifier (FHIR Patient search): filtered by the access rule in SQL. */
    'person.search': Guarded;
    /** One consent, of a person the access rule lets the actor see. */
    'person.read_consent': GuardedPerson;
    /** Consents of the people the access rule lets the actor see. */
    'person.search_consents': Guarded;
    /** A person added to the actor's organisation's records. */
    'person.create': Guarded;
    /** People added to (or matched in) the actor's organisation's records from a list, and enrolled in a program. */
    'person.import': Guarded;
    'person.update': GuardedPerson;
    'person.enrol': GuardedPerson;
    'person.disenrol': GuardedPerson;
    'person.set_primary_care': GuardedPerson;
    'person.add_care_team_member': GuardedPerson;
    'person.end_care_team_member': GuardedPerson;
    'person.record_consent': GuardedPerson;
    'person.revoke_consent': GuardedPerson;
    /** Merging a duplicate record into this one; judged for both records. */
    'person.merge': GuardedPerson;
    /** The people who may be the same person as this one: what a merge starts from. */
    'person.find_duplicates': GuardedPerson;
    /** The record's own history (when it was made, the records merged into it). */
    'person.read_timeline': GuardedPerson;
    /** The programs of the organisation. */
    'care_program.list': Guarded;
    'care_program.create': Guarded;
  }
}

const holderWrites = (actor: Actor, person: GuardedPerson) => person.visible && writesForHolder(actor, person.organizationId);
const sameOrganization = (actor: Actor, record: Guarded) => record.organizationId === actor.organizationId;

registerRules({
  'person.read': (_actor, person) => person.visible,
  // Every signed-in user may ask; the list holds only whom the access rule lets them see.
  'person.list': () => true,
  'person.export': () => true,
  'person.search': () => true,
  'person.read_consent': (_actor, person) => person.visible,
  'person.search_consents': () => true,
  'person.create': (actor, organization) => writesForHolder(actor, organization.organizationId),
  'person.import': (actor, organization) => writesForHolder(actor, organization.organizationId),
  'person.update': holderWrites,
  'person.enrol': holderWrites,
  'person.disenrol': holderWrites,
  'person.set_primary_care': holderWrites,
  'person.add_care_team_member': holderWrites,
  'person.end_care_team_member': holderWrites,
  'person.record_consent': holderWrites,
  'person.revoke_consent': holderWrites,
  'person.merge': holderWrites,
  'person.find_duplicates': holderWrites,
  'person.read_timeline': (_actor, person) => person.visible,
  'care_program.list': (actor, organization) => sameOrganization(actor, organization) && !hasRole(actor, 'partner_staff'),
  'care_program.create': (actor, organization) =>
    sameOrganization(actor, organization) && hasRole(actor, 'admin', 'program_manager'),
});
