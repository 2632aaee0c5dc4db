// Questionnaires by url, version, title, name and status, every version Kith holds (a FHIR
// Questionnaire search, and the lookup of a QuestionnaireResponse's canonical url|version). Not
// personal data: any signed-in user may search them, and nothing is audited.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { pageOf } from '../../platform/http/pagination';
import { decodeIdCursor } from './cursors';
import { searchQuestionnaireRows, type QuestionnaireFilter, type QuestionnaireRow } from './questionnaires.store';

export async function searchQuestionnaires(
  context: UseCaseContext,
  props: { filter: Omit<QuestionnaireFilter, 'after'> & { cursor?: string } },
): Promise<{ items: QuestionnaireRow[]; nextCursor: string | null }> {
  await authorizeFor(context, 'questionnaire.list', {}, 'questionnaire');
  const { cursor, ...filter } = props.filter;
  const rows = await searchQuestionnaireRows(context.db, { ...filter, after: decodeIdCursor(cursor) });
  return pageOf(rows, filter.limit, (row) => [row.id]);
}
