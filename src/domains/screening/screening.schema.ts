// Request and response schemas of screening and needs: questionnaires and their scoring rules,
// a completed screening, and a person's needs with the history of their changes.
import { z } from 'zod';
import { multiLineText, oneLineText } from '../../platform/http/text';
import { severities } from './questionnaire';

export const Id = z.uuid('must be a UUID');
export const Severity = z.enum(severities);
export const needStatuses = [
  'identified',
  'in_scope',
  'out_of_scope',
  'being_addressed',
  'met',
  'declined',
  'not_applicable',
] as const;
export const NeedStatus = z.enum(needStatuses);
export type NeedStatus = z.infer<typeof NeedStatus>;
/** A need in one of these is open: a new screening updates it rather than adding another. */
export const openNeedStatuses: readonly NeedStatus[] = ['identified', 'in_scope', 'out_of_scope', 'being_addressed'];
/** The person's own order of their needs: 1 matters most. */
const Priority = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be from 1 (matters most) to 100')
  .max(100, 'must be from 1 (matters most) to 100');
const NeedDomainCode = oneLineText().min(1, 'must be a need-domain code').max(100, 'must be at most 100 characters');
const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language code such as en or es');

export const QuestionnaireIdParams = z.strictObject({ questionnaireId: Id });
export const PersonIdParams = z.strictObject({ personId: Id });
export const NeedIdParams = z.strictObject({ personId: Id, needId: Id });
export const GoalIdParams = z.strictObject({ personId: Id, goalId: Id });

// ----- requests -----

export const ScoringRuleBody = z.strictObject({
  linkId: oneLineText().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  answer: oneLineText().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  needDomain: NeedDomainCode,
  severity: Severity.default('medium'),
});
export const ReplaceRulesBody = z.strictObject({ rules: z.array(ScoringRuleBody).max(500, 'at most 500 rules') });
export type ReplaceRulesBody = z.infer<typeof ReplaceRulesBody>;

const GivenAnswer = z.strictObject({
  code: oneLineText().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  value: z.union([z.boolean(), z.number(), multiLineText().max(2000, 'must be at most 2000 characters')]).optional(),
});
export const RecordScreeningBody = z.strictObject({
  questionnaireId: Id,
  language: LanguageCode.default('en'),
  answers: z
    .array(
      z.strictObject({
        linkId: oneLineText().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
        answers: z.array(GivenAnswer).max(50, 'at most 50 answers'),
      }),
    )
    .max(300, 'at most 300 answered questions'),
});
export type RecordScreeningBody = z.infer<typeof RecordScreeningBody>;

export const AddNeedBody = z.strictObject({
  needDomain: NeedDomainCode,
  severity: Severity.default('medium'),
  status: NeedStatus.default('identified'),
  priority: Priority.nullable().optional(),
  addressedByOrganizationId: Id.nullable().optional(),
  note: multiLineText().max(2000, 'must be at most 2000 characters').optional(),
  /** Substance-use related: shown only under a consent naming 'sud'. */
  sensitive: z.enum(['sud']).nullable().optional(),
});
export type AddNeedBody = z.infer<typeof AddNeedBody>;

export const ChangeNeedBody = z
  .strictObject({
    status: NeedStatus.optional(),
    severity: Severity.optional(),
    priority: Priority.nullable().optional(),
    addressedByOrganizationId: Id.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name at least one change');
export type ChangeNeedBody = z.infer<typeof ChangeNeedBody>;

/** Where a goal stands (FHIR Goal.lifecycleStatus, as Kith's codes: on_hold for on-hold). */
export const goalLifecycleStatuses = ['proposed', 'active', 'on_hold', 'completed', 'cancelled'] as const;
export const GoalLifecycleStatus = z.enum(goalLifecycleStatuses);
export type GoalLifecycleStatus = z.infer<typeof GoalLifecycleStatus>;
/** How a goal goes (FHIR Goal.achievementStatus, the goal-achievement codes with underscores). */
export const goalAchievementStatuses = [
  'in_progress',
  'improving',
  'worsening',
  'no_change',
  'achieved',
  'sustaining',
  'not_achieved',
  'no_progress',
  'not_attainable',
] as const;
export const GoalAchievementStatus = z.enum(goalAchievementStatuses);
export type GoalAchievementStatus = z.infer<typeof GoalAchievementStatus>;
export const GoalExpressedBy = z.enum(['person', 'team']);
const Day = z.iso.date('must be a date as YYYY-MM-DD');
const GoalDescription = multiLineText().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

export const AddGoalBody = z.strictObject({
  description: GoalDescription,
  /** The need the goal addresses: its domain becomes the goal's category. */
  needId: Id.nullable().optional(),
  /** The category of a goal that addresses no one need (or the need's own domain). */
  needDomain: NeedDomainCode.nullable().optional(),
  lifecycleStatus: GoalLifecycleStatus.default('active'),
  achievementStatus: GoalAchievementStatus.nullable().optional(),
  startDate: Day.optional(),
  targetDate: Day.nullable().optional(),
  expressedBy: GoalExpressedBy.default('person'),
  note: multiLineText().max(2000, 'must be at most 2000 characters').optional(),
});
export type AddGoalBody = z.infer<typeof AddGoalBody>;

export const ChangeGoalBody = z
  .strictObject({
    description: GoalDescription.optional(),
    lifecycleStatus: GoalLifecycleStatus.optional(),
    achievementStatus: GoalAchievementStatus.nullable().optional(),
    targetDate: Day.nullable().optional(),
    note: multiLineText().max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name at least one change');
export type ChangeGoalBody = z.infer<typeof ChangeGoalBody>;

export const NeedsQuery = z.strictObject({ status: z.enum(['open', 'all']).default('all') });
export const NeedHistoryQuery = z.strictObject({ needId: Id.optional() });

// ----- answers -----

const Texts = z.record(z.string(), z.string());
export const QuestionnaireSummary = z
  .object({
    id: Id,
    url: z.string(),
    version: z.string(),
    title: z.string(),
    languages: z.array(z.string()),
    questionCount: z.number().int(),
    ruleCount: z.number().int(),
    importedAt: z.string(),
  })
  .meta({ id: 'QuestionnaireSummary' });
export const Question = z
  .object({
    linkId: z.string(),
    type: z.string(),
    text: Texts,
    groups: z.array(Texts),
    required: z.boolean(),
    repeats: z.boolean(),
    answerable: z.boolean(),
    sensitive: z.enum(['sud']).nullable(),
    options: z.array(z.object({ code: z.string(), display: Texts })),
  })
  .meta({ id: 'Question' });
export const ScoringRule = z
  .object({ id: Id, linkId: z.string(), answer: z.string(), needDomain: z.string(), severity: Severity })
  .meta({ id: 'ScoringRule' });
export const QuestionnaireDetail = z
  .object({
    questionnaire: QuestionnaireSummary,
    baseLanguage: z.string(),
    questions: z.array(Question),
    rules: z.array(ScoringRule),
  })
  .meta({ id: 'QuestionnaireDetail' });

export const Need = z
  .object({
    id: Id,
    personId: Id,
    needDomain: z.string(),
    severity: Severity,
    status: NeedStatus,
    open: z.boolean(),
    addressedByOrganizationId: Id.nullable(),
    addressedByOrganizationName: z.string().nullable(),
    identifiedOn: z.string(),
    resolvedOn: z.string().nullable(),
    priority: z.number().int().nullable(),
    source: z.enum(['screening', 'manual']),
    sourceScreeningId: Id.nullable(),
    sensitive: z.enum(['sud']).nullable(),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Need' });
export const NeedList = z.object({ items: z.array(Need) }).meta({ id: 'NeedList' });
export const NeedChange = z
  .object({
    id: z.string(),
    needId: Id,
    needDomain: z.string(),
    field: z.enum(['created', 'status', 'severity', 'priority', 'addressed_by', 'screening']),
    from: z.string().nullable(),
    to: z.string().nullable(),
    screeningId: Id.nullable(),
    changedBy: z.string().nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'NeedChange' });
export const NeedHistory = z.object({ items: z.array(NeedChange) }).meta({ id: 'NeedHistory' });

export const goalChangeFields = [
  'created',
  'lifecycle_status',
  'achievement_status',
  'description',
  'target_date',
  'note',
] as const;
export const GoalChange = z
  .object({
    id: z.string(),
    field: z.enum(goalChangeFields),
    from: z.string().nullable(),
    to: z.string().nullable(),
    changedBy: z.string().nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'GoalChange' });
export const Goal = z
  .object({
    id: Id,
    personId: Id,
    needId: Id.nullable(),
    needDomain: z.string().nullable(),
    description: z.string(),
    lifecycleStatus: GoalLifecycleStatus,
    achievementStatus: GoalAchievementStatus.nullable(),
    startDate: z.string(),
    targetDate: z.string().nullable(),
    statusDate: z.string(),
    expressedBy: GoalExpressedBy,
    note: z.string().nullable(),
    /** Addresses a need flagged substance use: shown only under a consent naming 'sud'. */
    sensitive: z.enum(['sud']).nullable(),
    updatedAt: z.string(),
    /** The history of the goal, newest first. */
    changes: z.array(GoalChange),
  })
  .meta({ id: 'Goal' });
export const GoalList = z.object({ items: z.array(Goal) }).meta({ id: 'GoalList' });

export const Screening = z
  .object({
    id: Id,
    personId: Id,
    questionnaireId: Id,
    questionnaireTitle: z.string(),
    questionnaireVersion: z.string(),
    language: z.string(),
    answers: z.array(
      z.object({
        linkId: z.string(),
        answers: z.array(
          z.object({ code: z.string().optional(), value: z.union([z.boolean(), z.number(), z.string()]).optional() }),
        ),
      }),
    ),
    recordedBy: z.string().nullable(),
    completedAt: z.string(),
  })
  .meta({ id: 'Screening' });
export const ScreeningList = z.object({ items: z.array(Screening) }).meta({ id: 'ScreeningList' });
export const ScreeningResult = z
  .object({ screening: Screening, needs: z.array(Need), created: z.array(Id), updated: z.array(Id) })
  .meta({ id: 'ScreeningResult' });

export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummary>;
export type QuestionnaireDetail = z.infer<typeof QuestionnaireDetail>;
export type ScoringRule = z.infer<typeof ScoringRule>;
export type Need = z.infer<typeof Need>;
export type NeedChange = z.infer<typeof NeedChange>;
export type Screening = z.infer<typeof Screening>;
export type Goal = z.infer<typeof Goal>;
export type GoalChange = z.infer<typeof GoalChange>;

for (const [schema, id] of [
  [ReplaceRulesBody, 'ReplaceRulesBody'],
  [RecordScreeningBody, 'RecordScreeningBody'],
  [AddNeedBody, 'AddNeedBody'],
  [ChangeNeedBody, 'ChangeNeedBody'],
  [AddGoalBody, 'AddGoalBody'],
  [ChangeGoalBody, 'ChangeGoalBody'],
] as const) {
  z.globalRegistry.add(schema, { id });
}
