// Add a person to the actor's organisation's records, with identifiers and (optionally) an
// enrolment, in one transaction. People of the same holder who may be the same person (same date
// of birth and a similar name, or the same identifier) refuse the create as 409 naming their ids,
// until the caller confirms that this one is someone else.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findHostOrganization } from '../identity';
import { accessOf, viewerOf } from './access';
import { findProgram, insertEnrolment } from './care.store';
import type { CreatePersonBody } from './people.schema';
import { duplicateCandidates, findVisiblePerson, insertIdentifiers, insertPerson, takenIdentifiers } from './people.store';
import { personValues } from './person-values';
import { loadRecord, type PersonRecord } from './read-person';

export async function createPerson(
  context: UseCaseContext,
  props: {
    body: CreatePersonBody;
    /** For the operator at the CLI: the holder (default: the host). */ holderOrganizationId?: string;
  },
): Promise<PersonRecord> {
  const { body } = props;
  return context.db.tx(async (q) => {
    const actor = signedInActor(context);
    const holder = actor?.organizationId ?? props.holderOrganizationId ?? (await findHostOrganization(q))?.id;
    if (!holder) throw new AppError('not_found', 'No organisation to hold the record.');
    await authorizeFor(context, 'person.create', { organizationId: holder }, 'person');
    const identifiers = uniqueIdentifiers(body.identifiers);
    const taken = await takenIdentifiers(q, holder, identifiers);
    if (taken.length > 0 && !body.confirmNotDuplicate) {
      const candidateIds = await duplicateCandidates(q, holder, { ...body, identifiers: taken });
      throw new AppError('conflict', 'Someone with this identifier is already on record.', {
        errors: [{ field: 'identifiers', message: 'is already on the record of another person' }],
        candidateIds,
      });
    }
    if (taken.length > 0) throw AppError.field('identifiers', 'is already on the record of another person', 'conflict');
    if (!body.confirmNotDuplicate) {
      const candidateIds = await duplicateCandidates(q, holder, { ...body, identifiers });
      if (candidateIds.length > 0) {
        throw new AppError('conflict', 'People like this one are already on record; confirm that this is someone else.', {
          candidateIds,
        });
      }
    }
    let program;
    if (body.enrolment) {
      program = await findProgram(q, body.enrolment.programId);
      if (!program || program.organization_id !== holder || !program.active) {
        throw AppError.field('enrolment.programId', 'is not an active program of your organisation');
      }
    }
    const values = await personValues(q, undefined, body);
    const person = await insertPerson(q, holder, values);
    await insertIdentifiers(q, { id: person.id, holder }, identifiers);
    let enrolmentId: string | undefined;
    if (body.enrolment && program) {
      enrolmentId = await insertEnrolment(q, {
        personId: person.id,
        programId: program.id,
        enrolledOn: body.enrolment.enrolledOn ?? null,
        reason: body.enrolment.reason ?? '',
        enrolledBy: actor?.userId ?? null,
      });
    }
    await audit(q, auditContextOf(context), {
      action: 'person.create',
      recordType: 'person',
      recordId: person.id,
      recordOrganizationId: holder,
      personId: person.id,
      details: {
        identifiers: identifiers.map((identifier) => identifier.kind),
        ...(enrolmentId && { enrolmentId, programId: program!.id }),
        ...(body.confirmNotDuplicate && { confirmedNotDuplicate: true }),
      },
    });
    const visible = (await findVisiblePerson(q, viewerOf(context), person.id))!;
    return loadRecord(q, visible, accessOf(visible), actor?.organizationId);
  });
}

function uniqueIdentifiers(identifiers: CreatePersonBody['identifiers']) {
  const seen = new Set<string>();
  return identifiers.filter((identifier) => {
    const key = `${identifier.kind}\u0000${identifier.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
