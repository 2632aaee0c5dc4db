// The people of the holder who may be the same person as one on record (the same date of birth
// and a similar name: the duplicate check of create and import), for the holder's staff who may
// merge them. One audit row names how many were shown, and their ids.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { accessOf, viewerOf, type PersonAccess } from './access';
import { guardPerson } from './guard';
import { duplicateCandidates, findVisiblePeople, type VisiblePersonRow } from './people.store';

export async function readPossibleDuplicates(
  context: UseCaseContext,
  props: { personId: string },
): Promise<{ row: VisiblePersonRow; access: PersonAccess }[]> {
  return context.db.tx(async (q) => {
    const { row } = await guardPerson(q, context, props.personId, 'person.find_duplicates');
    const candidateIds = await duplicateCandidates(
      q,
      row.holder_organization_id,
      { givenName: row.given_name, familyName: row.family_name, birthDate: row.birth_date, identifiers: [] },
      row.id,
    );
    const candidates = await findVisiblePeople(q, viewerOf(context), candidateIds);
    await audit(q, auditContextOf(context), {
      action: 'person.find_duplicates',
      recordType: 'person',
      recordId: row.id,
      recordOrganizationId: row.holder_organization_id,
      personId: row.id,
      details: { count: candidates.length, candidateIds: candidates.map((candidate) => candidate.id) },
    });
    return candidates.map((candidate) => ({ row: candidate, access: accessOf(candidate) }));
  });
}
