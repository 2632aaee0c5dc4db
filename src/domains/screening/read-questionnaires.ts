// The questionnaires a screening form offers (their current versions), and one with its questions and scoring rules.
import { authorizeFor, type NoProps, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { parseQuestionnaire, type ParsedQuestionnaire } from './questionnaire';
import {
  findQuestionnaire,
  listQuestionnaireRows,
  listRules,
  type QuestionnaireRow,
  type ScoringRuleRow,
} from './questionnaires.store';

export async function readQuestionnaires(context: UseCaseContext, _props: NoProps): Promise<QuestionnaireRow[]> {
  await authorizeFor(context, 'questionnaire.list', {}, 'questionnaire');
  return listQuestionnaireRows(context.db);
}

export interface QuestionnaireRecord {
  row: QuestionnaireRow;
  parsed: ParsedQuestionnaire;
  rules: ScoringRuleRow[];
}

export async function readQuestionnaire(
  context: UseCaseContext,
  props: { questionnaireId: string },
): Promise<QuestionnaireRecord> {
  await authorizeFor(context, 'questionnaire.read', { id: props.questionnaireId }, 'questionnaire');
  const row = await findQuestionnaire(context.db, props.questionnaireId);
  if (!row) throw new AppError('not_found', 'No questionnaire with this id.');
  return { row, parsed: parseQuestionnaire(row.resource), rules: await listRules(context.db, row.id) };
}
