// A contact with a person recorded: when, how, whether they were reached, a note. By the holder's
// staff who may change its records, or the staff of an organisation whose live consent names the
// care plan; the contact and its audit row in one transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, signedInActor, type UseCaseContext } from '../../platform/context';
import { organizationNames, userDisplayNames } from '../identity';
import { guardContacts } from './guard';
import { insertContact, type ContactRow } from './outreach.store';
import type { RecordContactBody } from './outreach.schema';
import type { ContactNames } from './read-contacts';

export async function recordContact(
  context: UseCaseContext,
  props: { personId: string; body: RecordContactBody },
): Promise<{ contact: ContactRow; names: ContactNames }> {
  const { body } = props;
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardContacts(q, context, props.personId, 'contact.create');
    const actor = signedInActor(context);
    const contact = await insertContact(q, {
      personId,
      contactedAt: body.contactedAt,
      method: body.method,
      reached: body.reached,
      note: body.note?.trim() || null,
      recordedBy: actor?.userId ?? null,
      recordedByOrganizationId: actor?.organizationId ?? null,
    });
    await audit(q, auditContextOf(context), {
      action: 'contact.create',
      recordType: 'contact',
      recordId: contact.id,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { basis: access.basis },
    });
    const names: ContactNames = {
      users: await userDisplayNames(q, actor ? [actor.userId] : []),
      organizations: await organizationNames(q, actor ? [actor.organizationId] : []),
    };
    return { contact, names };
  });
}
