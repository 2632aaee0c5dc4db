// SQL of goals and their history. Every read of a person's goals takes the categories the people
// domain's access rule computed for the viewer and filters by them in SQL: nothing without
// 'care_plan', and a goal that addresses a need flagged 'sud' only with 'sud' as well.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { VisiblePeopleSql } from '../people';

export type GoalRow = TableRow<'screening_goals'> & {
  /** The sensitivity of the need the goal addresses (a goal has none of its own). */
  sensitive: string | null;
};
export type GoalChangeRow = TableRow<'screening_goal_changes'>;

/** The SQL condition of the categories `param` (text[]) for goal `g` joined to its need `gn`. */
const allowed = (param: string) =>
  `'care_plan' = ANY (${param}::text[]) AND (gn.sensitive IS NULL OR 'sud' = ANY (${param}::text[]))`;
const selectGoals = `SELECT g.*, gn.sensitive FROM screening_goals g LEFT JOIN screening_needs gn ON gn.id = g.need_id`;
const lifecycleOrder = `array_position(ARRAY['active', 'proposed', 'on_hold', 'completed', 'cancelled']::text[], g.lifecycle_status)`;

export async function listGoalRows(q: Queryable, personId: string, categories: readonly string[]): Promise<GoalRow[]> {
  return q.query<GoalRow>(
    `${selectGoals}
      WHERE g.person_id = $1 AND ${allowed('$2')}
      ORDER BY ${lifecycleOrder}, g.target_date NULLS LAST, g.start_date DESC, g.id
      LIMIT 500`,
    [personId, categories],
  );
}

export async function findGoalRow(
  q: Queryable,
  personId: string,
  goalId: string,
  categories: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<GoalRow | undefined> {
  return (
    await q.query<GoalRow>(
      `${selectGoals} WHERE g.id = $1 AND g.person_id = $2 AND ${allowed('$3')} ${options.forUpdate ? 'FOR UPDATE OF g' : ''}`,
      [goalId, personId, categories],
    )
  )[0];
}

/** The person a goal belongs to, or undefined: the first step of reading one goal by its id. */
export async function findGoalPerson(q: Queryable, goalId: string): Promise<string | undefined> {
  return (await q.query<{ person_id: string }>('SELECT person_id FROM screening_goals WHERE id = $1', [goalId]))[0]?.person_id;
}

export async function insertGoal(
  q: Queryable,
  values: {
    personId: string;
    needId: string | null;
    needDomain: string | null;
    description: string;
    lifecycleStatus: string;
    achievementStatus: string | null;
    startDate: string | null;
    targetDate: string | null;
    expressedBy: 'person' | 'team';
    note: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO screening_goals (person_id, need_id, need_domain, description, lifecycle_status, achievement_status,
                                  start_date, target_date, expressed_by, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::date, current_date), $8, $9, $10, $11)
     RETURNING id`,
    [
      values.personId,
      values.needId,
      values.needDomain,
      values.description,
      values.lifecycleStatus,
      values.achievementStatus,
      values.startDate,
      values.targetDate,
      values.expressedBy,
      values.note,
      values.createdBy,
    ],
  );
  return row!.id;
}

export async function updateGoal(
  q: Queryable,
  goalId: string,
  values: {
    description: string;
    lifecycleStatus: string;
    achievementStatus: string | null;
    targetDate: string | null;
    note: string | null;
    statusChanged: boolean;
  },
): Promise<void> {
  await q.query(
    `UPDATE screening_goals
        SET description = $2, lifecycle_status = $3, achievement_status = $4, target_date = $5, note = $6,
            status_date = CASE WHEN $7 THEN greatest(current_date, start_date) ELSE status_date END, updated_at = now()
      WHERE id = $1`,
    [
      goalId,
      values.description,
      values.lifecycleStatus,
      values.achievementStatus,
      values.targetDate,
      values.note,
      values.statusChanged,
    ],
  );
}

export async function insertGoalChanges(
  q: Queryable,
  changes: { goalId: string; field: string; from: string | null; to: string | null; by: string | null }[],
): Promise<void> {
  if (changes.length === 0) return;
  await q.query(
    `INSERT INTO screening_goal_changes (goal_id, field, from_value, to_value, changed_by)
     SELECT (c->>'goalId')::uuid, c->>'field', c->>'from', c->>'to', (c->>'by')::uuid
       FROM jsonb_array_elements($1::jsonb) AS c`,
    [JSON.stringify(changes)],
  );
}

/** The history of these goals, newest first. */
export async function listGoalChanges(q: Queryable, goalIds: string[]): Promise<GoalChangeRow[]> {
  if (goalIds.length === 0) return [];
  return q.query<GoalChangeRow>(
    `SELECT * FROM screening_goal_changes WHERE goal_id = ANY ($1::uuid[]) ORDER BY goal_id, id DESC`,
    [goalIds],
  );
}

/**
 * Goals of the people a query of the people domain finds (`visible`: the people domain's
 * `visiblePeopleSql`, its values numbered from $1),
 * filtered by those categories, in id order from `after`: the FHIR search.
 */
export async function searchGoalRows(
  q: Queryable,
  visible: VisiblePeopleSql,
  filter: {
    personId?: string;
    lifecycleStatuses?: string[];
    needDomain?: string;
    after?: string;
    limit: number;
  },
): Promise<(GoalRow & { holder_organization_id: string })[]> {
  const n = visible.values.length;
  return q.query<GoalRow & { holder_organization_id: string }>(
    `SELECT g.*, gn.sensitive, v.holder_organization_id
       FROM screening_goals g LEFT JOIN screening_needs gn ON gn.id = g.need_id JOIN ${visible.from} v ON v.id = g.person_id
      WHERE 'care_plan' = ANY (v.access_categories) AND (gn.sensitive IS NULL OR 'sud' = ANY (v.access_categories))
        AND ($${n + 1}::uuid IS NULL OR g.person_id = $${n + 1}::uuid)
        AND ($${n + 2}::text[] IS NULL OR g.lifecycle_status = ANY ($${n + 2}::text[]))
        AND ($${n + 3}::text IS NULL OR g.need_domain = $${n + 3}::text)
        AND ($${n + 4}::uuid IS NULL OR g.id > $${n + 4}::uuid)
      ORDER BY g.id
      LIMIT $${n + 5}`,
    [
      ...visible.values,
      filter.personId ?? null,
      filter.lifecycleStatuses ?? null,
      filter.needDomain ?? null,
      filter.after ?? null,
      filter.limit + 1,
    ],
  );
}
