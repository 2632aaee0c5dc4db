// The referrals domain's public face: a person's need sent to a service a partner organisation
// offers, answered and worked on until it ends with an outcome (closed loop), under the consent it
// went under; each organisation's answer time. Loading it registers the domain's policy rules.
// Referrals are about a person: no record-name function is registered for the audit log.
// Referrals import people, screening, directory and identity; none of them imports referrals.
import './referrals.policy';

export { referralsRoutes } from './referrals.routes';
export { createReferral } from './create-referral';
export { changeReferralStatus } from './change-referral-status';
export { readReferral } from './read-referral';
export { readReferrals } from './read-referrals';
export { readReferralCounts } from './read-referral-counts';
export { readReferralSettings } from './read-referral-settings';
export { updateReferralSettings } from './update-referral-settings';
export type { ReferralRecord } from './referral-record';
export {
  referralStatuses,
  referralReasonCodes,
  needOutcomes,
  endedStatuses,
  fhirTaskStatus,
  statusOfFhirTask,
  nextStatuses,
  isLegalPath,
} from './referral-states';
export type { ReferralStatus, ReferralReasonCode, NeedOutcome, ReferralSide } from './referral-states';
export { DEFAULT_ANSWER_DAYS, businessDayAfter, isOverdue } from './business-days';
export type { CreateReferralBody, ReferralTransitionBody, ReferralPriority } from './referrals.schema';
// The demo's referrals, written in bulk (only the demo seeder calls it).
export { bulkInsertDemoReferrals } from './demo-referrals.store';
export type { DemoReferralInput, DemoReferralEvent } from './demo-referrals.store';
