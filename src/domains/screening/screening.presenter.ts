// What leaves the server about questionnaires, screenings and needs: field by field.
import type { GoalChangeRow, GoalRow } from './goals.store';
import type { NeedChangeRow, NeedRow, ScreeningRow } from './needs.store';
import type { GivenItem } from './questionnaire';
import type { QuestionnaireRow, ScoringRuleRow } from './questionnaires.store';
import type { QuestionnaireRecord } from './read-questionnaires';
import type {
  Goal,
  GoalChange,
  Need,
  NeedChange,
  QuestionnaireDetail,
  QuestionnaireSummary,
  Screening,
  ScoringRule,
} from './screening.schema';
import { openNeedStatuses } from './screening.schema';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);
const day = (value: Date | string | null) =>
  value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : value;

export function presentQuestionnaire(row: QuestionnaireRow, questionCount: number): QuestionnaireSummary {
  return {
    id: row.id,
    url: row.url,
    version: row.version,
    title: row.title,
    languages: row.languages,
    questionCount,
    ruleCount: row.rule_count,
    importedAt: iso(row.imported_at),
  };
}

export function presentRule(row: ScoringRuleRow): ScoringRule {
  return { id: row.id, linkId: row.link_id, answer: row.answer, needDomain: row.need_domain, severity: row.severity };
}

export function presentQuestionnaireDetail(record: QuestionnaireRecord): QuestionnaireDetail {
  const answerable = record.parsed.questions.filter((question) => question.answerable).length;
  return {
    questionnaire: presentQuestionnaire({ ...record.row, rule_count: record.rules.length }, answerable),
    baseLanguage: record.parsed.baseLanguage,
    questions: record.parsed.questions.map((question) => ({
      linkId: question.linkId,
      type: question.type,
      text: question.text,
      groups: question.groups,
      required: question.required,
      repeats: question.repeats,
      answerable: question.answerable,
      sensitive: question.sensitive,
      options: question.options.map((option) => ({ code: option.code, display: option.display })),
    })),
    rules: record.rules.map(presentRule),
  };
}

export function presentNeed(row: NeedRow, organizationNames: Map<string, string> = new Map()): Need {
  return {
    id: row.id,
    personId: row.person_id,
    needDomain: row.need_domain,
    severity: row.severity,
    status: row.status,
    open: openNeedStatuses.includes(row.status),
    addressedByOrganizationId: row.addressed_by_organization_id,
    addressedByOrganizationName: row.addressed_by_organization_id
      ? (organizationNames.get(row.addressed_by_organization_id) ?? null)
      : null,
    identifiedOn: day(row.identified_on)!,
    resolvedOn: day(row.resolved_on),
    priority: row.priority,
    source: row.source,
    sourceScreeningId: row.source_screening_id,
    sensitive: row.sensitive === 'sud' ? 'sud' : null,
    note: row.note,
    updatedAt: iso(row.updated_at),
  };
}

export function presentNeedChange(row: NeedChangeRow, userNames: Map<string, string>): NeedChange {
  return {
    id: String(row.id),
    needId: row.need_id,
    needDomain: row.need_domain,
    field: row.field,
    from: row.from_value,
    to: row.to_value,
    screeningId: row.screening_id,
    changedBy: row.changed_by ? (userNames.get(row.changed_by) ?? null) : null,
    changedAt: iso(row.changed_at),
  };
}

export function presentScreening(row: ScreeningRow, userNames: Map<string, string> = new Map()): Screening {
  return {
    id: row.id,
    personId: row.person_id,
    questionnaireId: row.questionnaire_id,
    questionnaireTitle: row.questionnaire_title,
    questionnaireVersion: row.questionnaire_version,
    language: row.language,
    answers: (row.answers as GivenItem[]).map((item) => ({
      linkId: item.linkId,
      answers: item.answers.map((answer) => (answer.code !== undefined ? { code: answer.code } : { value: answer.value })),
    })),
    recordedBy: row.recorded_by ? (userNames.get(row.recorded_by) ?? null) : null,
    completedAt: iso(row.completed_at),
  };
}

export function presentGoalChange(row: GoalChangeRow, userNames: Map<string, string>): GoalChange {
  return {
    id: String(row.id),
    field: row.field,
    from: row.from_value,
    to: row.to_value,
    changedBy: row.changed_by ? (userNames.get(row.changed_by) ?? null) : null,
    changedAt: iso(row.changed_at),
  };
}

export function presentGoal(row: GoalRow, changes: GoalChangeRow[] = [], userNames: Map<string, string> = new Map()): Goal {
  return {
    id: row.id,
    personId: row.person_id,
    needId: row.need_id,
    needDomain: row.need_domain,
    description: row.description,
    lifecycleStatus: row.lifecycle_status,
    achievementStatus: row.achievement_status,
    startDate: day(row.start_date)!,
    targetDate: day(row.target_date),
    statusDate: day(row.status_date)!,
    expressedBy: row.expressed_by,
    note: row.note,
    sensitive: row.sensitive === 'sud' ? 'sud' : null,
    updatedAt: iso(row.updated_at),
    changes: changes.map((change) => presentGoalChange(change, userNames)),
  };
}
