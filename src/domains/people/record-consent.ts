// Records a consent: who may receive what, for which purpose, from when to when, and how it was given.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findOrganization } from '../identity';
import { insertConsent } from './care.store';
import type { RecordConsentBody } from './people.schema';
import type { PersonRecord } from './read-person';
import { changeAround, by } from './change-around';

export async function recordConsent(
  context: UseCaseContext,
  props: { personId: string; body: RecordConsentBody },
): Promise<PersonRecord> {
  const { body } = props;
  return changeAround(context, props.personId, 'person.record_consent', async (q, holder) => {
    const errors = [];
    if (body.endsOn && body.endsOn < body.startsOn) errors.push({ field: 'endsOn', message: 'must not be before startsOn' });
    if (body.method === 'verbal' && !body.witnessName) {
      errors.push({ field: 'witnessName', message: 'is needed when consent is given verbally' });
    }
    const grantee = await findOrganization(q, body.granteeOrganizationId);
    if (!grantee) errors.push({ field: 'granteeOrganizationId', message: 'is not an organisation of the network' });
    else if (grantee.id === holder) {
      errors.push({ field: 'granteeOrganizationId', message: 'holds the record already; a consent is for another organisation' });
    }
    if (errors.length > 0) {
      throw new AppError('validation_failed', errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
    }
    const consentId = await insertConsent(q, props.personId, body, by(context));
    return { consentId, granteeOrganizationId: body.granteeOrganizationId, purpose: body.purpose, categories: body.categories };
  });
}
