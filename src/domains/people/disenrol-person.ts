// Ends a person's enrolment in a program, with the date and the reason.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { endEnrolment, findEnrolment } from './care.store';
import type { DisenrolBody } from './people.schema';
import type { PersonRecord } from './read-person';
import { changeAround, by } from './change-around';

export async function disenrolPerson(
  context: UseCaseContext,
  props: { personId: string; enrolmentId: string; body: DisenrolBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.disenrol', async (q) => {
    const enrolment = await findEnrolment(q, props.personId, props.enrolmentId);
    if (!enrolment) throw new AppError('not_found', 'No enrolment with this id.');
    if (enrolment.disenrolled_on) throw AppError.field('enrolmentId', 'has already ended', 'conflict');
    if (props.body.disenrolledOn && props.body.disenrolledOn < enrolment.enrolled_on) {
      throw AppError.field('disenrolledOn', 'must not be before the day of enrolment');
    }
    await endEnrolment(q, enrolment.id, {
      disenrolledOn: props.body.disenrolledOn ?? null,
      reason: props.body.reason,
      disenrolledBy: by(context),
    });
    return { enrolmentId: enrolment.id, programId: enrolment.program_id };
  });
}
