// The first step of every use case about one person: find them as the actor may see them, and ask
// the policy. A person the actor may not see is refused as 404 whether or not it exists, and the
// refusal is audited without telling the actor's organisation.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { authorize, type PolicyAction, type PolicyActions } from '../../platform/policy/policy';
import { accessOf, viewerOf, type PersonAccess } from './access';
import type { GuardedPerson } from './people.policy';
import { findVisiblePerson, findPersonHolder, type VisiblePersonRow } from './people.store';

type PersonAction = { [A in PolicyAction]: PolicyActions[A] extends GuardedPerson ? A : never }[PolicyAction];

export async function guardPerson(
  q: Queryable,
  context: UseCaseContext,
  personId: string,
  action: PersonAction,
): Promise<{ row: VisiblePersonRow; access: PersonAccess }> {
  const row = await findVisiblePerson(q, viewerOf(context), personId);
  if (!row) {
    const existing = await findPersonHolder(q, personId);
    if (!existing || context.actor === 'system') throw new AppError('not_found', 'No person with this id.');
    authorize(
      context.actor,
      action,
      { id: existing.id, organizationId: existing.holder, visible: false },
      {
        recordType: 'person',
        refuseAs: 'not_found',
      },
    );
    throw new AppError('not_found', 'No person with this id.');
  }
  await authorizeFor(context, action, { id: row.id, organizationId: row.holder_organization_id, visible: true }, 'person');
  return { row, access: accessOf(row) };
}
