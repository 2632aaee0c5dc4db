// The first step of every use case about a person's needs, screenings or goals: the people
// domain's access rule finds the person (404 when the actor may not see them), then the policy
// judges the categories it gave: without 'needs' the needs, without 'care_plan' the goals, do not
// exist for this actor (404, audited).
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { guardPerson, type PersonAccess } from '../people';
import type { GuardedNeeds } from './screening.policy';

type NeedsAction =
  | 'need.list'
  | 'need.create'
  | 'need.update'
  | 'screening.list'
  | 'screening.create'
  | 'goal.list'
  | 'goal.read'
  | 'goal.create'
  | 'goal.update';

export async function guardNeeds(
  q: Queryable,
  context: UseCaseContext,
  personId: string,
  action: NeedsAction,
): Promise<{ personId: string; holderOrganizationId: string; access: PersonAccess }> {
  const { row, access } = await guardPerson(q, context, personId, 'person.read');
  const record: GuardedNeeds = {
    id: row.id,
    organizationId: row.holder_organization_id,
    visible: true,
    categories: access.categories,
  };
  await authorizeFor(context, action, record, 'person');
  return { personId: row.id, holderOrganizationId: row.holder_organization_id, access };
}

export const actorUserId = (context: UseCaseContext): string | null =>
  typeof context.actor === 'string' ? null : context.actor.userId;
