// One goal with its history and the names of who changed it: what a write of a goal answers.
import type { Queryable } from '../../platform/db/database';
import { userDisplayNames } from '../identity';
import { listGoalChanges, type GoalChangeRow, type GoalRow } from './goals.store';

/** One goal with its history, as a write answers it. */
export interface GoalRecord {
  goal: GoalRow;
  changes: GoalChangeRow[];
  userNames: Map<string, string>;
}

export async function goalRecord(q: Queryable, goal: GoalRow): Promise<GoalRecord> {
  const changes = await listGoalChanges(q, [goal.id]);
  const userNames = await userDisplayNames(
    q,
    changes.flatMap((row) => (row.changed_by ? [row.changed_by] : [])),
  );
  return { goal, changes, userNames };
}
