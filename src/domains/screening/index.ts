// The screening domain's public face: questionnaires (FHIR R4 Questionnaire JSON) and their
// scoring rules, completed screenings, each person's needs and goals with their history. Loading
// it registers the domain's policy rules. Needs and goals are personal data: no record-name
// function is registered for the audit log.
import './screening.policy';
import { provideNeedsFilter, provideNeedsMover } from '../people';
import { movePersonNeeds } from './move-person-needs';
import { mostUrgentNeedsSql, needFilterStatuses, needsCandidatesSql, needsFilterSql, openNeedsSql } from './needs-filter.store';

// The population list's needs filter and "my people"'s open needs: the people domain includes this SQL in its queries.
provideNeedsFilter({
  sql: needsFilterSql,
  candidates: needsCandidatesSql,
  openNeeds: openNeedsSql,
  mostUrgent: mostUrgentNeedsSql,
  statuses: needFilterStatuses,
});
// A merge of two records of one person moves their screenings, needs and goals through this (in its transaction).
provideNeedsMover(movePersonNeeds);

export { screeningRoutes } from './screening.routes';
export { importQuestionnaire } from './import-questionnaire';
export type { ImportedQuestionnaire } from './import-questionnaire';
export { recordScreening } from './record-screening';
export { addNeed } from './add-need';
export { changeNeed } from './change-need';
// For the referrals domain: a need it is for, and the need following the referral as it moves on.
export { findNeedRow } from './needs.store';
export { followReferral } from './follow-referral';
export type { NeedStanding, ReferralNeedChange } from './follow-referral';
export { readNeeds } from './read-needs';
// Read by their own ids and searched across people (what FHIR QuestionnaireResponse, Observation,
// Condition and Questionnaire reads and searches ask).
export { readScreening } from './read-screening';
export type { ScreeningRecord } from './read-screening';
export { searchScreenings } from './search-screenings';
export type { ScreeningSearch, ScreeningsPage } from './search-screenings';
export { searchScreeningAnswers } from './search-screening-answers';
export type { AnswerSearch, AnswersPage, ItemCode } from './search-screening-answers';
export { readNeed } from './read-need';
export type { NeedRecord } from './read-need';
export { searchNeeds } from './search-needs';
export type { NeedSearch, NeedsPage } from './search-needs';
export { searchQuestionnaires } from './search-questionnaires';
export { readQuestionnaire } from './read-questionnaires';
export type { QuestionnaireRecord } from './read-questionnaires';
export type { AnsweredItem, NeedEvidence, ScreenedQuestionnaire } from './screening-records';
export type { QuestionnaireRow } from './questionnaires.store';
export type { NeedRow, ScreeningRow } from './needs.store';
export type { ScreeningOutcome } from './record-screening';
export { translationExtension, sensitiveExtension, parseQuestionnaire as checkQuestionnaire } from './questionnaire';
export type { ScoringRule, GivenAnswer, GivenItem, ParsedQuestionnaire, Question, QuestionCode } from './questionnaire';
export { needStatuses, openNeedStatuses, RecordScreeningBody as RecordScreeningBodySchema } from './screening.schema';
export type { RecordScreeningBody, AddNeedBody, NeedStatus } from './screening.schema';
export { addGoal } from './add-goal';
export { changeGoal } from './change-goal';
export { readGoals } from './read-goals';
export { readGoal } from './read-goal';
export { searchGoals } from './search-goals';
export type { GoalsPage } from './search-goals';
export type { GoalRow } from './goals.store';
export { goalLifecycleStatuses, goalAchievementStatuses } from './screening.schema';
export type { AddGoalBody, GoalLifecycleStatus, GoalAchievementStatus } from './screening.schema';
export { score as scoreAnswers } from './questionnaire';
// The demo population's screenings, needs and goals, written in bulk (only the demo seeder calls it).
export { bulkInsertDemoCare } from './demo-care.store';
export type { DemoCareInput } from './demo-care.store';
