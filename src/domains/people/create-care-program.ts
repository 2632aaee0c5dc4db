// Add a care program, with its written entry criteria, to the actor's organisation (its admins
// and program managers).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findHostOrganization } from '../identity';
import { insertProgram, programNameTaken, type CareProgramRow } from './care.store';
import type { CreateProgramBody } from './people.schema';

export async function createCareProgram(
  context: UseCaseContext,
  props: { body: CreateProgramBody; organizationId?: string },
): Promise<CareProgramRow> {
  return context.db.tx(async (q) => {
    const organizationId = signedInActor(context)?.organizationId ?? props.organizationId ?? (await findHostOrganization(q))?.id;
    if (!organizationId) throw new AppError('not_found', 'No organisation.');
    await authorizeFor(context, 'care_program.create', { organizationId }, 'care_program');
    if (await programNameTaken(q, organizationId, props.body.name)) {
      throw AppError.field('name', 'your organisation already has a program with this name', 'conflict');
    }
    const program = await insertProgram(q, {
      organizationId,
      name: props.body.name,
      entryCriteria: props.body.entryCriteria ?? '',
      active: props.body.active ?? true,
    });
    await audit(q, auditContextOf(context), {
      action: 'care_program.create',
      recordType: 'care_program',
      recordId: program.id,
      recordOrganizationId: organizationId,
    });
    return program;
  });
}
