// A person's goals with the history of each, as far as the access rule lets the actor see them
// (the 'care_plan' category; 'sud' too for a goal that addresses a need flagged so); one audit
// row in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { userDisplayNames } from '../identity';
import { accessAuditDetails, type PersonAccess } from '../people';
import { guardNeeds } from './guard';
import { listGoalChanges, listGoalRows, type GoalChangeRow, type GoalRow } from './goals.store';

export interface GoalsRecord {
  goals: GoalRow[];
  /** Each goal's history, newest first. */
  changes: Map<string, GoalChangeRow[]>;
  userNames: Map<string, string>;
  access: PersonAccess;
}

export async function readGoals(context: UseCaseContext, props: { personId: string }): Promise<GoalsRecord> {
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'goal.list');
    const goals = await listGoalRows(q, personId, access.categories);
    const rows = await listGoalChanges(
      q,
      goals.map((goal) => goal.id),
    );
    const changes = new Map<string, GoalChangeRow[]>();
    for (const row of rows) changes.set(row.goal_id, [...(changes.get(row.goal_id) ?? []), row]);
    const userNames = await userDisplayNames(
      q,
      rows.flatMap((row) => (row.changed_by ? [row.changed_by] : [])),
    );
    await audit(q, auditContextOf(context), {
      action: 'goal.list',
      recordType: 'person',
      recordId: personId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { ...accessAuditDetails(access), count: goals.length },
    });
    return { goals, changes, userNames, access };
  });
}
