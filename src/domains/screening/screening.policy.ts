// Who may do what with questionnaires, screenings and needs. Whether the person is visible at all
// is the people domain's access rule (guardPerson); the rules here judge the categories it gave
// the viewer, and who of the holder organisation may write.
import { hasRole, type Actor } from '../../platform/auth/actor';
import { registerRules, type Guarded } from '../../platform/policy/policy';
import { writesForHolder, type GuardedPerson } from '../people';

/**
 * A need as a referral for it moves on: the organisations the referral is between (the one that
 * sent it, which holds the person, and the one it was sent to), as the referrals domain read them
 * from its own locked row after its policy let the move through.
 */
export interface GuardedReferralNeed extends Guarded {
  organizationId: string;
  partyOrganizationIds: readonly string[];
}

/** A person's needs as the policy judges them: the holder, visibility and the categories the access rule gave. */
export interface GuardedNeeds extends GuardedPerson {
  categories: readonly string[];
}

declare module '../../platform/policy/policy' {
  interface PolicyActions {
    /** The questionnaires a form offers: not personal data. */
    'questionnaire.list': Guarded;
    'questionnaire.read': Guarded;
    /** Loading a questionnaire (the CLI) and changing its scoring rules. */
    'questionnaire.import': Guarded;
    'questionnaire.change_rules': Guarded;
    /** A person's needs, screenings and the history of their needs: the 'needs' category. */
    'need.list': GuardedNeeds;
    'need.create': GuardedNeeds;
    'need.update': GuardedNeeds;
    'screening.list': GuardedNeeds;
    'screening.create': GuardedNeeds;
    /** One screening or one need by its own id (a FHIR read): the 'needs' category of its person. */
    'screening.read': GuardedNeeds;
    'need.read': GuardedNeeds;
    /** Screenings, their answers and needs across the people the access rule lets the actor see (a FHIR search). */
    'screening.search': Guarded;
    'screening.search_answers': Guarded;
    'need.search': Guarded;
    /** A person's goals: the 'care_plan' category ('sud' too for a goal that addresses a need flagged so). */
    'goal.list': GuardedNeeds;
    'goal.read': GuardedNeeds;
    'goal.create': GuardedNeeds;
    'goal.update': GuardedNeeds;
    /** A search of goals (FHIR): filtered by the access rule in SQL. */
    'goal.search': Guarded;
    /** A need following a referral for it (taken on when accepted, met when completed so): by either organisation of the referral. */
    'need.follow_referral': GuardedReferralNeed;
  }
}

const seesNeeds = (_actor: Actor, person: GuardedNeeds) => person.visible && person.categories.includes('needs');
const writesNeeds = (actor: Actor, person: GuardedNeeds) =>
  seesNeeds(actor, person) && writesForHolder(actor, person.organizationId);
const seesCarePlan = (_actor: Actor, person: GuardedNeeds) => person.visible && person.categories.includes('care_plan');
const writesCarePlan = (actor: Actor, person: GuardedNeeds) =>
  seesCarePlan(actor, person) && writesForHolder(actor, person.organizationId);
/** The host's admins and program managers keep the network's questionnaires. */
const keepsQuestionnaires = (actor: Actor) => actor.organizationIsHost && hasRole(actor, 'admin', 'program_manager');

registerRules({
  'questionnaire.list': () => true,
  'questionnaire.read': () => true,
  'questionnaire.import': keepsQuestionnaires,
  'questionnaire.change_rules': keepsQuestionnaires,
  'need.list': seesNeeds,
  'need.create': writesNeeds,
  'need.update': writesNeeds,
  'screening.list': seesNeeds,
  'screening.create': writesNeeds,
  'screening.read': seesNeeds,
  'need.read': seesNeeds,
  // Every signed-in user may ask; the answer holds only what the access rule and the categories let them see.
  'screening.search': () => true,
  'screening.search_answers': () => true,
  'need.search': () => true,
  'goal.list': seesCarePlan,
  'goal.read': seesCarePlan,
  'goal.create': writesCarePlan,
  'goal.update': writesCarePlan,
  // Every signed-in user may ask; the answer holds only the goals the access rule lets them see.
  'goal.search': () => true,
  'need.follow_referral': (actor, need) => need.partyOrganizationIds.includes(actor.organizationId),
});
