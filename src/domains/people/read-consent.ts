// One consent read by its id (what a FHIR Consent read asks), as the person's page shows it: the
// holder sees every consent of its people; an organisation that sees a person through a consent
// sees the consents given to it. A consent of a person the actor may not see does not exist (404).
// The read writes one audit row in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { organizationNames } from '../identity';
import { accessAuditDetails } from './access';
import { findConsent, findConsentPerson, type ConsentRow } from './care.store';
import { guardPerson } from './guard';

export interface ConsentRecord {
  consent: ConsentRow;
  holderOrganizationId: string;
}

export async function readConsent(
  context: UseCaseContext,
  props: { consentId: string },
): Promise<ConsentRecord & { organizationNames: Map<string, string> }> {
  return context.db.tx(async (q) => {
    const personId = await findConsentPerson(q, props.consentId);
    if (!personId) throw new AppError('not_found', 'No consent with this id.');
    const { row, access } = await guardPerson(q, context, personId, 'person.read_consent');
    const consent = await findConsent(q, personId, props.consentId);
    const ownOrganization = typeof context.actor === 'string' ? undefined : context.actor.organizationId;
    if (!consent || (access.basis !== 'holder' && consent.grantee_organization_id !== ownOrganization)) {
      throw new AppError('not_found', 'No consent with this id.');
    }
    await audit(q, auditContextOf(context), {
      action: 'person.read_consent',
      recordType: 'person',
      recordId: row.id,
      recordOrganizationId: row.holder_organization_id,
      personId: row.id,
      details: { consentId: consent.id, ...accessAuditDetails(access) },
    });
    const names = await organizationNames(q, [row.holder_organization_id, consent.grantee_organization_id]);
    return { consent, holderOrganizationId: row.holder_organization_id, organizationNames: names };
  });
}
