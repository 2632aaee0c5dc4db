// Enrols a person in one of the holder's care programs (never twice at once in the same one).
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findProgram, insertEnrolment, openEnrolmentExists } from './care.store';
import type { EnrolBody } from './people.schema';
import type { PersonRecord } from './read-person';
import { changeAround, by } from './change-around';

export async function enrolPerson(context: UseCaseContext, props: { personId: string; body: EnrolBody }): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.enrol', async (q, holder) => {
    const program = await findProgram(q, props.body.programId);
    if (!program || program.organization_id !== holder || !program.active) {
      throw AppError.field('programId', 'is not an active program of the organisation that holds this record');
    }
    if (await openEnrolmentExists(q, props.personId, program.id)) {
      throw AppError.field('programId', 'the person is already enrolled in this program', 'conflict');
    }
    const enrolmentId = await insertEnrolment(q, {
      personId: props.personId,
      programId: program.id,
      enrolledOn: props.body.enrolledOn ?? null,
      reason: props.body.reason ?? '',
      enrolledBy: by(context),
    });
    return { enrolmentId, programId: program.id };
  });
}
