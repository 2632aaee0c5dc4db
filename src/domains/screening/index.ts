// The screening domain's public face: questionnaires (FHIR R4 Questionnaire JSON) and their
// scoring rules, completed screenings, each person's needs and goals with their history. Loading
// it registers the domain's policy rules. Needs and goals are personal data: no record-name
// function is registered for the audit log.
import './screening.policy';

export { screeningRoutes } from './screening.routes';
export { importQuestionnaire } from './import-questionnaire';
export type { ImportedQuestionnaire } from './import-questionnaire';
export { recordScreening } from './record-screening';
export { addNeed } from './add-need';
export { changeNeed } from './change-need';
export { readNeeds } from './read-needs';
export { addGoal } from './add-goal';
export { changeGoal } from './change-goal';
export { readGoals } from './read-goals';
export { readGoal } from './read-goal';
export { searchGoals } from './search-goals';
export type { GoalsPage } from './search-goals';
export type { GoalRow } from './goals.store';
export { goalLifecycleStatuses, goalAchievementStatuses } from './screening.schema';
export type { AddGoalBody, GoalLifecycleStatus, GoalAchievementStatus } from './screening.schema';
export { translationExtension, sensitiveExtension, parseQuestionnaire as checkQuestionnaire } from './questionnaire';
export { score as scoreAnswers } from './questionnaire';
export type { ScoringRule, GivenItem } from './questionnaire';
// The demo population's screenings, needs and goals, written in bulk (only the demo seeder calls it).
export { bulkInsertDemoCare } from './demo-care.store';
export type { DemoCareInput } from './demo-care.store';
export { needStatuses } from './screening.schema';
export type { RecordScreeningBody, AddNeedBody, NeedStatus } from './screening.schema';
// The population list's needs filter and the open needs of "my people" (called by the people domain's queries).
export { needsFilterSql, needFilterStatuses, openNeedsSql } from './needs-filter.store';
