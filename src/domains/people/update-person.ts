// Change a person's record (the holder's staff). A `version` (or If-Match) that is not the
// record's current one is refused as 409: someone changed it since it was read.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { accessOf, viewerOf } from './access';
import { guardPerson } from './guard';
import type { UpdatePersonBody } from './people.schema';
import { findPersonForWrite, findVisiblePerson, updatePersonRow } from './people.store';
import { changedFields, personValues, valuesOfRow } from './person-values';
import { loadRecord, type PersonRecord } from './read-person';

export async function updatePerson(
  context: UseCaseContext,
  props: { personId: string; body: UpdatePersonBody; ifMatchVersion?: number },
): Promise<PersonRecord> {
  const { version, ...changes } = props.body;
  return context.db.tx(async (q) => {
    await guardPerson(q, context, props.personId, 'person.update');
    const existing = (await findPersonForWrite(q, props.personId))!;
    const expected = props.ifMatchVersion ?? version;
    if (expected !== undefined && expected !== existing.version) {
      throw AppError.field('version', 'the record was changed since you read it; reload it and try again', 'conflict');
    }
    const before = valuesOfRow(existing);
    const after = await personValues(q, before, changes);
    const fields = changedFields(before, after);
    if (fields.length > 0) await updatePersonRow(q, existing.id, after);
    await audit(q, auditContextOf(context), {
      action: 'person.update',
      recordType: 'person',
      recordId: existing.id,
      recordOrganizationId: existing.holder_organization_id,
      personId: existing.id,
      details: { fields },
    });
    const visible = (await findVisiblePerson(q, viewerOf(context), existing.id))!;
    return loadRecord(q, visible, accessOf(visible), signedInActor(context)?.organizationId);
  });
}
