// The answered items of completed screenings across the people the actor may see, one by one (a
// FHIR Observation search: each answer is a screening response). Filtered in SQL by the people
// domain's access rule and the 'needs' category, and without the items flagged 'sud' where the
// actor sees the person without 'sud', before the page is cut. An item is found by its codes in
// the questionnaire (`system|code`; its linkId counts as a code of the questionnaire's url) and by
// the need domains the scoring rules tie it to. One audit row per page, naming the count and which
// filters were used.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { pageOf } from '../../platform/http/pagination';
import { visiblePeopleSql, viewerOf } from '../people';
import { decodeItemCursor } from './cursors';
import type { ScreeningRow } from './needs.store';
import {
  everyQuestionnaire,
  loadQuestionnaires,
  sensitiveItemKeys,
  type AnsweredItem,
  type ScreenedQuestionnaire,
} from './screening-records';
import { listVisibleAnswers } from './screening-search.store';

export interface ItemCode {
  /** Undefined: any system. */
  system?: string;
  code: string;
}

export interface AnswerSearch {
  personId?: string;
  /** Items with one of these codes (or linkIds). */
  itemCodes?: ItemCode[];
  /** Items a scoring rule ties to one of these need domains. */
  needDomains?: string[];
  completedFrom?: Date;
  completedBefore?: Date;
  limit: number;
  cursor?: string;
}

export interface AnswersPage {
  items: { screening: Omit<ScreeningRow, 'answers'>; item: AnsweredItem }[];
  questionnaires: Map<string, ScreenedQuestionnaire>;
  nextCursor: string | null;
}

export async function searchScreeningAnswers(
  context: UseCaseContext,
  props: { filter: AnswerSearch; via?: string },
): Promise<AnswersPage> {
  const viewer = viewerOf(context);
  await authorizeFor(context, 'screening.search_answers', {}, 'screening');
  const { filter } = props;
  const after = decodeItemCursor(filter.cursor);
  return context.db.tx(async (q) => {
    const every = await everyQuestionnaire(q);
    const items = filter.itemCodes
      ? every.flatMap((questionnaire) =>
          questionnaire.parsed.questions
            .filter((question) =>
              filter.itemCodes!.some(
                (wanted) =>
                  question.codes.some(
                    (code) => code.code === wanted.code && (wanted.system === undefined || wanted.system === code.system),
                  ) ||
                  (question.linkId === wanted.code && (wanted.system === undefined || wanted.system === questionnaire.url)),
              ),
            )
            .map((question) => `${questionnaire.id}|${question.linkId}`),
        )
      : undefined;
    const rows = await listVisibleAnswers(q, visiblePeopleSql(viewer, 1), {
      personId: filter.personId,
      items,
      needDomains: filter.needDomains,
      completedFrom: filter.completedFrom,
      completedBefore: filter.completedBefore,
      sensitiveItems: sensitiveItemKeys(every),
      after,
      limit: filter.limit,
    });
    const page = pageOf(rows, filter.limit, (row) => [row.id, row.item_number]);
    const questionnaires = await loadQuestionnaires(
      q,
      page.items.map((row) => row.questionnaire_id),
    );
    await audit(q, auditContextOf(context), {
      action: 'screening.search_answers',
      recordType: 'person',
      ...(filter.personId && page.items.length > 0 && { personId: filter.personId }),
      details: {
        count: page.items.length,
        ...(props.via && { via: props.via }),
        filter: {
          person: filter.personId !== undefined,
          code: filter.itemCodes !== undefined,
          needDomain: filter.needDomains !== undefined,
          completed: filter.completedFrom !== undefined || filter.completedBefore !== undefined,
          page: after ? 'next' : 'first',
        },
      },
    });
    return {
      items: page.items.map(
        ({ item, item_number, access_categories: _categories, holder_organization_id: _holder, ...screening }) => ({
          screening,
          item: { number: item_number, linkId: item.linkId, answers: item.answers },
        }),
      ),
      questionnaires,
      nextCursor: page.nextCursor,
    };
  });
}
