// Changes a goal: its words, where it stands, how it goes, its target date or note. Each field
// that changes writes a history row (who, when, from, to) in the same transaction; marking a goal
// achieved is a change of its achievement status (and, usually, its lifecycle to completed).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { actorUserId, guardNeeds } from './guard';
import { findGoalRow, insertGoalChanges, updateGoal } from './goals.store';
import { goalRecord, type GoalRecord } from './goal-record';
import type { ChangeGoalBody } from './screening.schema';

export async function changeGoal(
  context: UseCaseContext,
  props: { personId: string; goalId: string; body: ChangeGoalBody },
): Promise<GoalRecord> {
  const { body } = props;
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'goal.update');
    const goal = await findGoalRow(q, personId, props.goalId, access.categories, { forUpdate: true });
    if (!goal) throw new AppError('not_found', 'No goal with this id.');
    const next = {
      description: body.description ?? goal.description,
      lifecycleStatus: body.lifecycleStatus ?? goal.lifecycle_status,
      achievementStatus: body.achievementStatus === undefined ? goal.achievement_status : body.achievementStatus,
      targetDate: body.targetDate === undefined ? goal.target_date : body.targetDate,
      note: body.note === undefined ? goal.note : body.note?.trim() || null,
    };
    if (next.targetDate !== null && next.targetDate < goal.start_date)
      throw AppError.field('targetDate', 'must not be before the start date');
    const by = actorUserId(context);
    const changes = [
      { field: 'lifecycle_status', from: goal.lifecycle_status, to: next.lifecycleStatus },
      { field: 'achievement_status', from: goal.achievement_status, to: next.achievementStatus },
      { field: 'description', from: goal.description, to: next.description },
      { field: 'target_date', from: goal.target_date, to: next.targetDate },
      { field: 'note', from: goal.note, to: next.note },
    ]
      .filter((change) => change.from !== change.to)
      .map((change) => ({ ...change, goalId: goal.id, by }));
    if (changes.length === 0) return goalRecord(q, goal);
    await updateGoal(q, goal.id, {
      ...next,
      statusChanged: changes.some((change) => change.field === 'lifecycle_status' || change.field === 'achievement_status'),
    });
    await insertGoalChanges(q, changes);
    await audit(q, auditContextOf(context), {
      action: 'goal.update',
      recordType: 'goal',
      recordId: goal.id,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { fields: changes.map((change) => change.field) },
    });
    return goalRecord(q, (await findGoalRow(q, personId, goal.id, access.categories))!);
  });
}
