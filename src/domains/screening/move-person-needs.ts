// Moves a person's screenings and needs, with their history, onto another record of the same
// person: the part of a merge of duplicate records that the screening domain keeps (the people
// domain's merge calls it inside its own transaction). Both records must be ones the actor may
// change the needs of, held by the same organisation; one audit row says what moved.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { actorUserId, guardNeeds } from './guard';
import type { MovedNeeds } from '../people';
import { moveNeedsAndScreenings } from './move-needs.store';

export async function movePersonNeeds(
  context: UseCaseContext,
  props: { fromPersonId: string; toPersonId: string },
): Promise<MovedNeeds> {
  if (props.fromPersonId === props.toPersonId)
    throw AppError.field('toPersonId', 'must be another record than the one moved from');
  return context.db.tx(async (q) => {
    const from = await guardNeeds(q, context, props.fromPersonId, 'need.update');
    const to = await guardNeeds(q, context, props.toPersonId, 'need.update');
    if (from.holderOrganizationId !== to.holderOrganizationId) {
      throw AppError.field('toPersonId', 'is not held by the organisation that holds the record moved from');
    }
    const moved = await moveNeedsAndScreenings(q, from.personId, to.personId, actorUserId(context));
    await audit(q, auditContextOf(context), {
      action: 'need.move',
      recordType: 'person',
      recordId: to.personId,
      recordOrganizationId: to.holderOrganizationId,
      personId: to.personId,
      details: {
        fromPersonId: from.personId,
        screenings: moved.screenings.length,
        needs: moved.needs.length,
        combined: moved.combined.length,
      },
    });
    return moved;
  });
}
