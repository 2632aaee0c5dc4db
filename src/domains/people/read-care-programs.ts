// The care programs of the actor's organisation (its staff, not its partner staff).
import { authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findHostOrganization } from '../identity';
import { listPrograms, type CareProgramRow } from './care.store';

export async function readCarePrograms(context: UseCaseContext, _props: Record<string, never> = {}): Promise<CareProgramRow[]> {
  const organizationId = signedInActor(context)?.organizationId ?? (await findHostOrganization(context.db))?.id;
  if (!organizationId) throw new AppError('not_found', 'No organisation.');
  await authorizeFor(context, 'care_program.list', { organizationId }, 'care_program');
  return listPrograms(context.db, organizationId);
}
