// Sets a person's primary care physician: the practice, the clinician, and whether the PCP gives ongoing care or only refers.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findOrganization } from '../identity';
import { upsertPrimaryCare } from './care.store';
import type { PrimaryCareBody } from './people.schema';
import type { PersonRecord } from './read-person';
import { changeAround, by } from './change-around';

export async function setPrimaryCare(
  context: UseCaseContext,
  props: { personId: string; body: PrimaryCareBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.set_primary_care', async (q) => {
    const practice = await findOrganization(q, props.body.practiceOrganizationId);
    if (!practice) throw AppError.field('practiceOrganizationId', 'is not an organisation of the network');
    await upsertPrimaryCare(q, props.personId, props.body, by(context));
    return { practiceOrganizationId: practice.id, relationship: props.body.relationship };
  });
}
