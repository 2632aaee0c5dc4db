// What the reads of screenings and needs by their own ids, and the searches across people, give
// back besides the rows: each screening's answered items numbered as they are stored (so an item
// keeps its number whoever looks), without the items flagged 'sud' for a viewer without 'sud'; the
// questionnaires answered, with their questions and scoring rules; and, for a need, the screenings
// and the items in them that found it. Shared by those use cases; no SQL here.
import type { Queryable } from '../../platform/db/database';
import { answerKey, parseQuestionnaire, type GivenAnswer, type GivenItem, type ParsedQuestionnaire } from './questionnaire';
import { findQuestionnairesByIds, listEveryQuestionnaire, listRulesOf } from './questionnaires.store';
import { listNeedScreenings } from './screening-search.store';

/** One answered item of a screening; `number` is its place (from 1) among the answers as stored. */
export interface AnsweredItem {
  number: number;
  linkId: string;
  answers: GivenAnswer[];
}

/** A questionnaire as the screenings that answer it are read with. */
export interface ScreenedQuestionnaire {
  id: string;
  url: string;
  version: string;
  title: string;
  parsed: ParsedQuestionnaire;
  /** Which answer to which item is a positive screen for which need domain (the rules as they are now). */
  rules: { linkId: string; answer: string; needDomain: string }[];
}

/** The questionnaires of these ids, parsed, with their scoring rules. */
export async function loadQuestionnaires(q: Queryable, ids: readonly string[]): Promise<Map<string, ScreenedQuestionnaire>> {
  const rows = await findQuestionnairesByIds(q, ids);
  const rules = await listRulesOf(
    q,
    rows.map((row) => row.id),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        url: row.url,
        version: row.version,
        title: row.title,
        parsed: parseQuestionnaire(row.resource),
        rules: rules
          .filter((rule) => rule.questionnaire_id === row.id)
          .map((rule) => ({ linkId: rule.link_id, answer: rule.answer, needDomain: rule.need_domain })),
      },
    ]),
  );
}

const sensitiveLinkIds = (parsed: ParsedQuestionnaire | undefined) =>
  new Set((parsed?.questions ?? []).filter((question) => question.sensitive).map((question) => question.linkId));

/** The answered items a viewer may see, numbered as stored, and whether any were left out ('sud'). */
export function visibleItems(
  answers: GivenItem[],
  questionnaire: ScreenedQuestionnaire | undefined,
  seesSud: boolean,
): { items: AnsweredItem[]; withheld: boolean } {
  const hidden = seesSud ? new Set<string>() : sensitiveLinkIds(questionnaire?.parsed);
  const items = answers
    .map((item, index) => ({ number: index + 1, linkId: item.linkId, answers: item.answers }))
    .filter((item) => !hidden.has(item.linkId));
  return { items, withheld: items.length < answers.length };
}

/** Every questionnaire Kith holds, parsed: to find items by their codes and the items flagged 'sud'. */
export async function everyQuestionnaire(
  q: Queryable,
): Promise<{ id: string; url: string; version: string; parsed: ParsedQuestionnaire }[]> {
  return (await listEveryQuestionnaire(q)).map((row) => ({
    id: row.id,
    url: row.url,
    version: row.version,
    parsed: parseQuestionnaire(row.resource),
  }));
}

/** The items flagged 'sud' of every questionnaire, as `questionnaireId|linkId`. */
export function sensitiveItemKeys(questionnaires: { id: string; parsed: ParsedQuestionnaire }[]): string[] {
  return questionnaires.flatMap((questionnaire) =>
    [...sensitiveLinkIds(questionnaire.parsed)].map((linkId) => `${questionnaire.id}|${linkId}`),
  );
}

/** A screening that found a need, and the numbers of the items in it whose answers did. */
export interface NeedEvidence {
  screeningId: string;
  completedAt: Date;
  items: number[];
}

/**
 * For each need, the screenings that found it, newest first, with the items whose answers are a
 * positive screen for the need's domain by the rules as they are now; items flagged 'sud' only
 * for a viewer who sees 'sud' of that person.
 */
export async function needEvidence(
  q: Queryable,
  needs: { id: string; needDomain: string; seesSud: boolean }[],
): Promise<Map<string, NeedEvidence[]>> {
  const found = await listNeedScreenings(
    q,
    needs.map((need) => need.id),
  );
  const questionnaires = await loadQuestionnaires(
    q,
    found.map((row) => row.questionnaire_id),
  );
  const evidence = new Map<string, NeedEvidence[]>();
  for (const need of needs) {
    const rows = found
      .filter((row) => row.need_id === need.id)
      .sort((x, y) => y.completed_at.getTime() - x.completed_at.getTime() || y.screening_id.localeCompare(x.screening_id));
    evidence.set(
      need.id,
      rows.map((row) => {
        const questionnaire = questionnaires.get(row.questionnaire_id);
        const rules = (questionnaire?.rules ?? []).filter((rule) => rule.needDomain === need.needDomain);
        const { items } = visibleItems(row.answers, questionnaire, need.seesSud);
        return {
          screeningId: row.screening_id,
          completedAt: row.completed_at,
          items: items
            .filter((item) =>
              item.answers.some((answer) =>
                rules.some((rule) => rule.linkId === item.linkId && rule.answer === answerKey(answer)),
              ),
            )
            .map((item) => item.number),
        };
      }),
    );
  }
  return evidence;
}
