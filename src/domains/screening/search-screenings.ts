// Completed screenings across the people the actor may see (a FHIR QuestionnaireResponse search):
// filtered in SQL by the people domain's access rule and the 'needs' category before the page is
// cut; the items flagged 'sud' are left out of each screening whose person the actor sees without
// 'sud'. One audit row per page, naming the count and which filters were used (never their values).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { pageOf } from '../../platform/http/pagination';
import { organizationNames } from '../identity';
import { visiblePeopleSql, viewerOf } from '../people';
import { decodeIdCursor } from './cursors';
import type { ScreeningRow } from './needs.store';
import type { GivenItem } from './questionnaire';
import { loadQuestionnaires, visibleItems, type AnsweredItem, type ScreenedQuestionnaire } from './screening-records';
import { listVisibleScreenings } from './screening-search.store';

export interface ScreeningSearch {
  personId?: string;
  questionnaireIds?: string[];
  /** Done at or after this time. */
  completedFrom?: Date;
  /** Done before this time. */
  completedBefore?: Date;
  limit: number;
  cursor?: string;
}

export interface ScreeningsPage {
  items: { screening: Omit<ScreeningRow, 'answers'>; items: AnsweredItem[]; withheld: boolean }[];
  questionnaires: Map<string, ScreenedQuestionnaire>;
  organizationNames: Map<string, string>;
  nextCursor: string | null;
}

export async function searchScreenings(
  context: UseCaseContext,
  props: { filter: ScreeningSearch; via?: string },
): Promise<ScreeningsPage> {
  const viewer = viewerOf(context);
  await authorizeFor(context, 'screening.search', {}, 'screening');
  const { filter } = props;
  const after = decodeIdCursor(filter.cursor);
  return context.db.tx(async (q) => {
    const rows = await listVisibleScreenings(q, visiblePeopleSql(viewer, 1), {
      personId: filter.personId,
      questionnaireIds: filter.questionnaireIds,
      completedFrom: filter.completedFrom,
      completedBefore: filter.completedBefore,
      after,
      limit: filter.limit,
    });
    const page = pageOf(rows, filter.limit, (row) => [row.id]);
    const questionnaires = await loadQuestionnaires(
      q,
      page.items.map((row) => row.questionnaire_id),
    );
    const items = page.items.map(({ answers, access_categories, holder_organization_id: _holder, ...screening }) => ({
      screening,
      ...visibleItems(answers as GivenItem[], questionnaires.get(screening.questionnaire_id), access_categories.includes('sud')),
    }));
    await audit(q, auditContextOf(context), {
      action: 'screening.search',
      recordType: 'person',
      ...(filter.personId && items.length > 0 && { personId: filter.personId }),
      details: {
        count: items.length,
        ...(props.via && { via: props.via }),
        filter: {
          person: filter.personId !== undefined,
          questionnaire: filter.questionnaireIds !== undefined,
          completed: filter.completedFrom !== undefined || filter.completedBefore !== undefined,
          page: after ? 'next' : 'first',
        },
      },
    });
    const names = await organizationNames(
      q,
      items.flatMap((item) => (item.screening.recorded_by_organization_id ? [item.screening.recorded_by_organization_id] : [])),
    );
    return { items, questionnaires, organizationNames: names, nextCursor: page.nextCursor };
  });
}
