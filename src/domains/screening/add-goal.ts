// A goal of a person, in their words or the team's: optionally addressing one of their needs (its
// domain becomes the goal's category), with a lifecycle and an achievement status, a start and a
// target date. Written with its first history row and its audit row in one transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { listNeedDomainRows } from '../directory';
import { actorUserId, guardNeeds } from './guard';
import { findGoalRow, insertGoal, insertGoalChanges } from './goals.store';
import { goalRecord, type GoalRecord } from './goal-record';
import { findNeedRow } from './needs.store';
import type { AddGoalBody } from './screening.schema';

export async function addGoal(context: UseCaseContext, props: { personId: string; body: AddGoalBody }): Promise<GoalRecord> {
  const { body } = props;
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'goal.create');
    let needDomain = body.needDomain ?? null;
    if (body.needId) {
      const need = await findNeedRow(q, personId, body.needId, access.categories);
      if (!need) throw AppError.field('needId', 'is not a need of this person');
      if (needDomain !== null && needDomain !== need.need_domain)
        throw AppError.field('needDomain', 'is not the domain of the need the goal addresses');
      needDomain = need.need_domain;
    } else if (needDomain !== null && !(await listNeedDomainRows(q)).some((domain) => domain.code === needDomain)) {
      throw AppError.field('needDomain', 'is not a need-domain code');
    }
    const today = new Date().toISOString().slice(0, 10);
    if (body.targetDate && body.targetDate < (body.startDate ?? today))
      throw AppError.field('targetDate', 'must not be before the start date');
    const by = actorUserId(context);
    const goalId = await insertGoal(q, {
      personId,
      needId: body.needId ?? null,
      needDomain,
      description: body.description,
      lifecycleStatus: body.lifecycleStatus,
      achievementStatus: body.achievementStatus ?? null,
      startDate: body.startDate ?? null,
      targetDate: body.targetDate ?? null,
      expressedBy: body.expressedBy,
      note: body.note?.trim() || null,
      createdBy: by,
    });
    await insertGoalChanges(q, [{ goalId, field: 'created', from: null, to: body.lifecycleStatus, by }]);
    await audit(q, auditContextOf(context), {
      action: 'goal.create',
      recordType: 'goal',
      recordId: goalId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { addressesNeed: Boolean(body.needId) },
    });
    return goalRecord(q, (await findGoalRow(q, personId, goalId, access.categories))!);
  });
}
