// SQL of screenings, their answers and needs read by their own ids or searched across people (what
// a FHIR read or search of QuestionnaireResponse, Observation and Condition asks). Every list joins
// the people domain's visible-people subquery, so it is filtered by the one access rule before it
// is paged; rows carry the categories the rule gave for their person, and the SQL keeps only those
// the 'needs' category covers ('sud' for rows and items flagged so).
import type { Queryable } from '../../platform/db/database';
import type { VisiblePeopleSql } from '../people';
import type { NeedRow, ScreeningRow } from './needs.store';
import type { GivenItem } from './questionnaire';

/** The categories the access rule gave the viewer for the row's person, and its holder. */
interface AccessColumns {
  access_categories: string[];
  holder_organization_id: string;
}
export type VisibleScreeningRow = ScreeningRow & AccessColumns;
export type VisibleNeedRow = NeedRow & AccessColumns;
/** One answered item of a screening: its number is its place (from 1) among the screening's stored answers. */
export type VisibleAnswerRow = Omit<ScreeningRow, 'answers'> &
  AccessColumns & { item_number: number; item: GivenItem; questionnaire_title: string; questionnaire_version: string };

/** Numbered SQL parameters, after those of the access rule. */
function parameters(first: unknown[]) {
  const values = [...first];
  return {
    values,
    add(value: unknown) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

export async function findScreeningPerson(q: Queryable, screeningId: string): Promise<string | undefined> {
  return (await q.query<{ person_id: string }>('SELECT person_id FROM screening_responses WHERE id = $1', [screeningId]))[0]
    ?.person_id;
}

export async function findNeedPerson(q: Queryable, needId: string): Promise<string | undefined> {
  return (await q.query<{ person_id: string }>('SELECT person_id FROM screening_needs WHERE id = $1', [needId]))[0]?.person_id;
}

/** A need as the categories let the viewer see it (no lock: a read). */
export async function findVisibleNeed(
  q: Queryable,
  personId: string,
  needId: string,
  categories: readonly string[],
): Promise<NeedRow | undefined> {
  return (
    await q.query<NeedRow>(
      `SELECT n.* FROM screening_needs n
        WHERE n.id = $1 AND n.person_id = $2
          AND 'needs' = ANY ($3::text[]) AND (n.sensitive IS NULL OR 'sud' = ANY ($3::text[]))`,
      [needId, personId, categories],
    )
  )[0];
}

export interface ScreeningSearchFilter {
  personId?: string;
  questionnaireIds?: string[];
  /** Done at or after this time. */
  completedFrom?: Date;
  /** Done before this time. */
  completedBefore?: Date;
  /** The id of the last screening of the page before. */
  after?: string;
  limit: number;
}

const dateFilters = (
  where: string[],
  add: (value: unknown) => string,
  filter: { completedFrom?: Date; completedBefore?: Date },
) => {
  if (filter.completedFrom) where.push(`s.completed_at >= ${add(filter.completedFrom.toISOString())}::timestamptz`);
  if (filter.completedBefore) where.push(`s.completed_at < ${add(filter.completedBefore.toISOString())}::timestamptz`);
};

/** Screenings of the people the viewer sees with the 'needs' category, in id order, `limit + 1` of them. */
export async function listVisibleScreenings(
  q: Queryable,
  visible: VisiblePeopleSql,
  filter: ScreeningSearchFilter,
): Promise<VisibleScreeningRow[]> {
  const { values, add } = parameters(visible.values);
  const where = [`'needs' = ANY (vp.access_categories)`];
  if (filter.personId) where.push(`s.person_id = ${add(filter.personId)}::uuid`);
  if (filter.questionnaireIds) where.push(`s.questionnaire_id = ANY (${add(filter.questionnaireIds)}::uuid[])`);
  dateFilters(where, add, filter);
  if (filter.after) where.push(`s.id > ${add(filter.after)}::uuid`);
  return q.query<VisibleScreeningRow>(
    `SELECT s.*, sq.title AS questionnaire_title, sq.version AS questionnaire_version,
            vp.access_categories, vp.holder_organization_id
       FROM screening_responses s
       JOIN screening_questionnaires sq ON sq.id = s.questionnaire_id
       JOIN ${visible.from} vp ON vp.id = s.person_id
      WHERE ${where.join(' AND ')}
      ORDER BY s.id
      LIMIT ${add(filter.limit + 1)}`,
    values,
  );
}

export interface AnswerSearchFilter {
  personId?: string;
  /** Only items of these questionnaires and linkIds, as `questionnaireId|linkId`. */
  items?: string[];
  /** Only items that a scoring rule ties to one of these need domains. */
  needDomains?: string[];
  completedFrom?: Date;
  completedBefore?: Date;
  /** Items flagged 'sud', as `questionnaireId|linkId`: left out where the viewer has no 'sud'. */
  sensitiveItems: string[];
  /** The screening id and item number of the last item of the page before. */
  after?: { screeningId: string; itemNumber: number };
  limit: number;
}

/** The answered items of the screenings the viewer sees, one row each, in (screening id, item number) order, `limit + 1` of them. */
export async function listVisibleAnswers(
  q: Queryable,
  visible: VisiblePeopleSql,
  filter: AnswerSearchFilter,
): Promise<VisibleAnswerRow[]> {
  const { values, add } = parameters(visible.values);
  const key = `(s.questionnaire_id::text || '|' || (a.item->>'linkId'))`;
  const where = [
    `'needs' = ANY (vp.access_categories)`,
    `(NOT ${key} = ANY (${add(filter.sensitiveItems)}::text[]) OR 'sud' = ANY (vp.access_categories))`,
  ];
  if (filter.personId) where.push(`s.person_id = ${add(filter.personId)}::uuid`);
  if (filter.items) where.push(`${key} = ANY (${add(filter.items)}::text[])`);
  if (filter.needDomains)
    where.push(`EXISTS (SELECT 1 FROM screening_rules r
      WHERE r.questionnaire_id = s.questionnaire_id AND r.link_id = a.item->>'linkId'
        AND r.need_domain = ANY (${add(filter.needDomains)}::text[]))`);
  dateFilters(where, add, filter);
  if (filter.after) where.push(`(s.id, a.n) > (${add(filter.after.screeningId)}::uuid, ${add(filter.after.itemNumber)}::bigint)`);
  return q.query<VisibleAnswerRow>(
    `SELECT s.id, s.person_id, s.questionnaire_id, s.language, s.sensitive, s.recorded_by, s.recorded_by_organization_id,
            s.completed_at, sq.title AS questionnaire_title, sq.version AS questionnaire_version,
            a.n::int AS item_number, a.item, vp.access_categories, vp.holder_organization_id
       FROM screening_responses s
       JOIN screening_questionnaires sq ON sq.id = s.questionnaire_id
       JOIN ${visible.from} vp ON vp.id = s.person_id
       CROSS JOIN LATERAL jsonb_array_elements(s.answers) WITH ORDINALITY AS a (item, n)
      WHERE ${where.join(' AND ')}
      ORDER BY s.id, a.n
      LIMIT ${add(filter.limit + 1)}`,
    values,
  );
}

export interface NeedSearchFilter {
  personId?: string;
  needDomains?: string[];
  statuses?: string[];
  /** The id of the last need of the page before. */
  after?: string;
  limit: number;
}

/** Needs of the people the viewer sees with the 'needs' category ('sud' for needs flagged so), in id order, `limit + 1` of them. */
export async function listVisibleNeeds(
  q: Queryable,
  visible: VisiblePeopleSql,
  filter: NeedSearchFilter,
): Promise<VisibleNeedRow[]> {
  const { values, add } = parameters(visible.values);
  const where = [`'needs' = ANY (vp.access_categories)`, `(n.sensitive IS NULL OR 'sud' = ANY (vp.access_categories))`];
  if (filter.personId) where.push(`n.person_id = ${add(filter.personId)}::uuid`);
  if (filter.needDomains) where.push(`n.need_domain = ANY (${add(filter.needDomains)}::text[])`);
  if (filter.statuses) where.push(`n.status = ANY (${add(filter.statuses)}::text[])`);
  if (filter.after) where.push(`n.id > ${add(filter.after)}::uuid`);
  return q.query<VisibleNeedRow>(
    `SELECT n.*, vp.access_categories, vp.holder_organization_id
       FROM screening_needs n
       JOIN ${visible.from} vp ON vp.id = n.person_id
      WHERE ${where.join(' AND ')}
      ORDER BY n.id
      LIMIT ${add(filter.limit + 1)}`,
    values,
  );
}

/** The screenings that found each need: the one that opened it, and each later one that found it again. */
export async function listNeedScreenings(
  q: Queryable,
  needIds: readonly string[],
): Promise<{ need_id: string; screening_id: string; questionnaire_id: string; answers: GivenItem[]; completed_at: Date }[]> {
  if (needIds.length === 0) return [];
  return q.query(
    `SELECT DISTINCT ON (c.need_id, s.id) c.need_id, s.id AS screening_id, s.questionnaire_id, s.answers, s.completed_at
       FROM screening_need_changes c JOIN screening_responses s ON s.id = c.screening_id
      WHERE c.need_id = ANY ($1::uuid[]) AND c.field IN ('created', 'screening')
      ORDER BY c.need_id, s.id`,
    [needIds],
  );
}
