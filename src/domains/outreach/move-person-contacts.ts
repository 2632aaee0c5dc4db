// Moves a person's contacts onto another record of the same person: the part of a merge of
// duplicate records that the outreach domain keeps (the people domain's merge calls it inside its
// own transaction, through the hook this domain gives it). Both records must be ones the actor may
// change, held by the same organisation; one audit row says how many moved.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { guardContacts } from './guard';
import { moveContacts } from './outreach.store';

export async function movePersonContacts(
  context: UseCaseContext,
  props: { fromPersonId: string; toPersonId: string },
): Promise<string[]> {
  if (props.fromPersonId === props.toPersonId)
    throw AppError.field('toPersonId', 'must be another record than the one moved from');
  return context.db.tx(async (q) => {
    const from = await guardContacts(q, context, props.fromPersonId, 'contact.move');
    const to = await guardContacts(q, context, props.toPersonId, 'contact.move');
    if (from.holderOrganizationId !== to.holderOrganizationId)
      throw AppError.field('toPersonId', 'is not held by the organisation that holds the record moved from');
    const moved = await moveContacts(q, from.personId, to.personId);
    await audit(q, auditContextOf(context), {
      action: 'contact.move',
      recordType: 'person',
      recordId: to.personId,
      recordOrganizationId: to.holderOrganizationId,
      personId: to.personId,
      details: { fromPersonId: from.personId, contacts: moved.length },
    });
    return moved;
  });
}
