// The shapes the Kith HTTP API sends and accepts, taken from the types generated out of the
// server's OpenAPI document (openapi.generated.ts, `npm run api:types`): never written by hand.
// A body the web app sends is the schema's input (`…Input`: defaults may be left out); an answer
// is its output. The lists of values below are checked by the compiler against those types.
import type { components, paths } from './openapi.generated';

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type OrganizationKind = Schemas['OrganizationKind'];
export type UnitKind = Schemas['UnitKind'];
export type Me = Schemas['Me'];
export type Organization = Schemas['Organization'];
export type DistanceUnit = Schemas['DistanceUnit'];
export type NetworkSettings = Schemas['NetworkSettings'];
export type UpdateNetworkSettingsBody = Schemas['UpdateNetworkSettingsBodyInput'];
export type CreateOrganizationBody = Schemas['CreateOrganizationBodyInput'];
export type Unit = Schemas['Unit'];
export type CreateUnitBody = Schemas['CreateUnitBodyInput'];
export type User = Schemas['User'];
export type CreateUserBody = Schemas['CreateUserBodyInput'];
export type UpdateUserBody = Schemas['UpdateUserBodyInput'];
export type ChangeOwnPasswordBody = Schemas['ChangeOwnPasswordBodyInput'];
/** An API token as listed: never its secret. */
export type ApiToken = Schemas['ApiToken'];
/** The answer to making a token: the only time its secret is sent. */
export type CreatedApiToken = Schemas['CreatedApiToken'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditOutcome = AuditEntry['outcome'];
/** The filters of the audit page (`to` is exclusive). */
export type AuditFilters = Pick<
  NonNullable<paths['/api/audit']['get']['parameters']['query']>,
  'action' | 'outcome' | 'from' | 'to'
>;
/** One field's problem, named by its path (`email`, `roles.0`, `query.to`). */
export type FieldError = Schemas['FieldError'];
/**
 * RFC 9457 problem+json, as every Kith error is sent (partly, when a proxy answered instead), plus
 * the web app's own code `network` for a request that never reached the server.
 */
export type Problem = Partial<Omit<Schemas['Problem'], 'code'>> & {
  status: number;
  code?: Schemas['Problem']['code'] | 'network';
};

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * Every value of the union `T`, in the order given: a value missing from the list, or one the
 * union does not have, is a compile error.
 */
export function allOf<T extends string>() {
  return <const List extends readonly T[]>(
    list: List & ([T] extends [List[number]] ? unknown : { missing: Exclude<T, List[number]> }),
  ) => list;
}

export const roles = allOf<Role>()(['admin', 'program_manager', 'care_coordinator', 'partner_staff', 'leader']);
export const organizationKinds = allOf<OrganizationKind>()([
  'health_system',
  'primary_care_practice',
  'community_organization',
  'public_agency',
  'coalition_backbone',
  'payer',
]);
export const distanceUnits = allOf<DistanceUnit>()(['mi', 'km']);
export const unitKinds = allOf<UnitKind>()(['department', 'program', 'clinic', 'team']);
export const auditOutcomes = allOf<AuditOutcome>()(['success', 'denied', 'failure']);

// ----- people -----
export type Person = Schemas['Person'];
export type MyPerson = Schemas['MyPerson'];
export type PersonDetail = Schemas['PersonDetail'];
export type CareProgram = Schemas['CareProgram'];
export type Consent = Schemas['Consent'];
export type ConsentCategory = Schemas['ConsentCategory'];
export type ConsentPurpose = Schemas['ConsentPurpose'];
export type CareTeamRole = Schemas['CareTeamRole'];
export type PeopleSort = Schemas['PeopleSort'];
export type CreatePersonBody = Schemas['CreatePersonBodyInput'];
export type RecordConsentBody = Schemas['RecordConsentBodyInput'];
export type MergePeopleBody = Schemas['MergePeopleBodyInput'];
export type MergeField = Schemas['MergeField'];
export type MergeSide = Schemas['MergeSide'];
export type PersonMerge = Schemas['PersonMerge'];
export type PersonTimeline = Schemas['PersonTimeline'];
export const consentCategories = allOf<ConsentCategory>()(['contact', 'demographics', 'needs', 'care_plan', 'sud']);
export const consentPurposes = allOf<ConsentPurpose>()(['care_coordination', 'referral', 'case_conference']);
export const peopleSorts = allOf<PeopleSort>()(['name', 'birth_date', 'recent']);
export const mergeFields = allOf<MergeField>()([
  'givenName',
  'familyName',
  'usedName',
  'birthDate',
  'sex',
  'genderIdentity',
  'pronouns',
  'preferredLanguage',
  'interpreterNeeded',
  'phone',
  'email',
  'contactMethod',
  'contactTimes',
  'address',
  'whatMatters',
]);

// ----- screening and needs -----
export type QuestionnaireSummary = Schemas['QuestionnaireSummary'];
export type QuestionnaireDetail = Schemas['QuestionnaireDetail'];
export type Question = Schemas['Question'];
export type ScoringRule = Schemas['ScoringRule'];
export type Need = Schemas['Need'];
export type NeedChange = Schemas['NeedChange'];
export type Screening = Schemas['Screening'];
export type ScreeningResult = Schemas['ScreeningResult'];
export type RecordScreeningBody = Schemas['RecordScreeningBodyInput'];
export type ChangeNeedBody = Schemas['ChangeNeedBodyInput'];
export type AddNeedBody = Schemas['AddNeedBodyInput'];
export type ReplaceRulesBody = Schemas['ReplaceRulesBodyInput'];
export type NeedStatus = Need['status'];
export type NeedSeverity = Need['severity'];
export const needStatuses = allOf<NeedStatus>()([
  'identified',
  'in_scope',
  'out_of_scope',
  'being_addressed',
  'met',
  'declined',
  'not_applicable',
]);
export const needSeverities = allOf<NeedSeverity>()(['low', 'medium', 'high', 'urgent']);

// ----- goals -----
export type Goal = Schemas['Goal'];
export type GoalChange = Schemas['GoalChange'];
export type AddGoalBody = Schemas['AddGoalBodyInput'];
export type ChangeGoalBody = Schemas['ChangeGoalBodyInput'];
export type GoalLifecycleStatus = Goal['lifecycleStatus'];
export type GoalAchievementStatus = NonNullable<Goal['achievementStatus']>;
export const goalLifecycleStatuses = allOf<GoalLifecycleStatus>()(['proposed', 'active', 'on_hold', 'completed', 'cancelled']);
export const goalAchievementStatuses = allOf<GoalAchievementStatus>()([
  'in_progress',
  'improving',
  'worsening',
  'no_change',
  'achieved',
  'sustaining',
  'not_achieved',
  'no_progress',
  'not_attainable',
]);
// ----- outreach (contacts with a person; when each person of the population list was last reached) -----
export type OutreachContact = Schemas['OutreachContact'];
export type OutreachMethod = Schemas['OutreachMethod'];
export type RecordContactBody = Schemas['RecordContactBodyInput'];
/** A person as the population list shows them, with when they were last reached. */
export type PersonListItem = Schemas['PersonListItem'];
export type LastReachedFilter = NonNullable<NonNullable<paths['/api/people']['get']['parameters']['query']>['lastReached']>;
export const outreachMethods = allOf<OutreachMethod>()([
  'phone',
  'text_message',
  'email',
  'home_visit',
  'clinic_visit',
  'video',
  'letter',
]);
export const lastReachedFilters = allOf<LastReachedFilter>()(['within_7_days', 'within_30_days', 'not_within_30_days', 'never']);
// ----- referrals (a person's need sent to a partner's service, answered and worked on until it ends) -----
export type Referral = Schemas['Referral'];
export type ReferralListItem = Schemas['ReferralListItem'];
export type ReferralPage = Schemas['ReferralPage'];
export type ReferralEvent = Schemas['ReferralEvent'];
export type ReferralCounts = Schemas['ReferralCounts'];
export type ReferralSettings = Schemas['ReferralSettings'];
export type ReferralStatus = Schemas['ReferralStatus'];
export type ReferralReasonCode = Schemas['ReferralReasonCode'];
export type NeedOutcome = Schemas['NeedOutcome'];
export type ReferralPriority = Schemas['ReferralPriority'];
export type ReferralBox = Schemas['ReferralBox'];
export type PersonWithheld = Schemas['PersonWithheld'];
export type CreateReferralBody = Schemas['CreateReferralBodyInput'];
export type ReferralTransitionBody = Schemas['ReferralTransitionBodyInput'];
export type ReferralSettingsBody = Schemas['ReferralSettingsBodyInput'];
export const referralStatuses = allOf<ReferralStatus>()([
  'draft',
  'requested',
  'accepted',
  'rejected',
  'in_progress',
  'on_hold',
  'completed',
  'failed',
  'cancelled',
  'entered_in_error',
]);
export const referralReasonCodes = allOf<ReferralReasonCode>()([
  'not_eligible',
  'no_capacity',
  'could_not_reach',
  'person_declined',
  'other',
]);
export const needOutcomes = allOf<NeedOutcome>()(['met', 'partly_met', 'not_met']);
