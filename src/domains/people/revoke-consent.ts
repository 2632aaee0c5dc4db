// Revokes a consent; access it granted ends at the next request.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findConsent, revokeConsentRow } from './care.store';
import type { RevokeConsentBody } from './people.schema';
import type { PersonRecord } from './read-person';
import { changeAround, by } from './change-around';

export async function revokeConsent(
  context: UseCaseContext,
  props: { personId: string; consentId: string; body: RevokeConsentBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.revoke_consent', async (q) => {
    const consent = await findConsent(q, props.personId, props.consentId);
    if (!consent) throw new AppError('not_found', 'No consent with this id.');
    if (consent.revoked_at) throw AppError.field('consentId', 'has already been revoked', 'conflict');
    await revokeConsentRow(q, consent.id, { by: by(context), reason: props.body.reason ?? null });
    return { consentId: consent.id, granteeOrganizationId: consent.grantee_organization_id };
  });
}
