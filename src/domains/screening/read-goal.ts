// One goal by its id (a FHIR Goal read): the person it belongs to must be one the actor may see,
// with the 'care_plan' category ('sud' too for a goal that addresses a need flagged so); a goal
// the actor may not see does not exist (404). One audit row in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { listNeedDomainRows } from '../directory';
import { organizationNames } from '../identity';
import { accessAuditDetails } from '../people';
import { guardNeeds } from './guard';
import { findGoalPerson, findGoalRow, type GoalRow } from './goals.store';

export async function readGoal(
  context: UseCaseContext,
  props: { goalId: string },
): Promise<{
  goal: GoalRow;
  holderOrganizationId: string;
  organizationNames: Map<string, string>;
  needDomainNames: Map<string, string>;
}> {
  return context.db.tx(async (q) => {
    const personId = await findGoalPerson(q, props.goalId);
    if (!personId) throw new AppError('not_found', 'No goal with this id.');
    const { holderOrganizationId, access } = await guardNeeds(q, context, personId, 'goal.read');
    const goal = await findGoalRow(q, personId, props.goalId, access.categories);
    if (!goal) throw new AppError('not_found', 'No goal with this id.');
    await audit(q, auditContextOf(context), {
      action: 'goal.read',
      recordType: 'person',
      recordId: personId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { goalId: goal.id, ...accessAuditDetails(access) },
    });
    return {
      goal,
      holderOrganizationId,
      organizationNames: await organizationNames(q, [holderOrganizationId]),
      needDomainNames: new Map((await listNeedDomainRows(q)).map((domain) => [domain.code, domain.name])),
    };
  });
}
