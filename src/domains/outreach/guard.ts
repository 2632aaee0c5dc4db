// The first step of every use case about a person's contacts: the people domain's access rule
// finds the person (404 when the actor may not see them), then the policy judges the categories it
// gave: without 'care_plan', the contacts do not exist for this actor (404, audited).
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { guardPerson, type PersonAccess } from '../people';
import type { GuardedContacts } from './outreach.policy';

export async function guardContacts(
  q: Queryable,
  context: UseCaseContext,
  personId: string,
  action: 'contact.list' | 'contact.create' | 'contact.move',
): Promise<{ personId: string; holderOrganizationId: string; access: PersonAccess }> {
  const { row, access } = await guardPerson(q, context, personId, 'person.read');
  const record: GuardedContacts = {
    id: row.id,
    organizationId: row.holder_organization_id,
    visible: true,
    basis: access.basis,
    categories: access.categories,
  };
  await authorizeFor(context, action, record, 'person');
  return { personId: row.id, holderOrganizationId: row.holder_organization_id, access };
}
