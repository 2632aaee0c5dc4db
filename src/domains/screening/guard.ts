// The first step of every use case about a person's needs, screenings or goals: the people
// domain's access rule finds the person (404 when the actor may not see them), then the policy
// judges the categories it gave: without 'needs' the needs, without 'care_plan' the goals, do not
// exist for this actor (404, audited).
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { guardPerson, type PersonAccess } from '../people';
import type { GuardedNeeds } from './screening.policy';

type NeedsAction =
  | 'need.list'
  | 'need.read'
  | 'need.create'
  | 'need.update'
  | 'screening.list'
  | 'screening.read'
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

/**
 * The guard of a read of one record about a person by the record's own id (a screening, a need):
 * a record that does not exist and one of a person the actor may not see are the same 404, with
 * the same words (the refusal is still audited as the access rule's).
 */
export async function guardRecordOf(
  q: Queryable,
  context: UseCaseContext,
  personId: string | undefined,
  action: NeedsAction,
  missing: string,
): Promise<{ personId: string; holderOrganizationId: string; access: PersonAccess }> {
  if (!personId) throw new AppError('not_found', missing);
  try {
    return await guardNeeds(q, context, personId, action);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw new AppError('not_found', missing, error.extra);
    throw error;
  }
}
