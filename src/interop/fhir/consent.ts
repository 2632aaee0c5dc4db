// Consent: a person's consent to share as FHIR R4, shaped after the SDOHCC Consent profile
// (WORKFLOW §4): status active or inactive (revoked or ended), scope patient-privacy, category
// IDSCL (information disclosure), the patient, when it was recorded, the custodian organisation,
// a HIPAA-authorisation policy rule (R4's ppc-1 wants one), how it was given as the source, and a
// permit provision with the period, the recipient organisation as actor, the purpose and the data
// categories as provision.class (see README: the categories are kinds of information a rule
// covers, which is what class is for; securityLabel is for labels carried by the data itself, so
// only SUD records, which are labelled so in HL7's vocabulary, also get one).
import type { ConsentPurpose, ConsentRecord } from '../../domains/people';
import { codeSystems, hl7, identifierSystems } from './systems';

export interface FhirConsent extends Record<string, unknown> {
  resourceType: 'Consent';
  id: string;
}

const purposeWords: Record<ConsentPurpose, string> = {
  care_coordination: 'Care coordination',
  referral: 'Referral',
  case_conference: 'Case conference',
};
/** HL7's purpose of use where one says the same thing. */
const hl7Purpose: Partial<Record<ConsentPurpose, { code: string; display: string }>> = {
  care_coordination: { code: 'COC', display: 'coordination of care' },
};
const categoryWords: Record<string, string> = {
  contact: 'Contact details',
  demographics: 'Demographics',
  needs: 'Needs and screenings',
  care_plan: 'Care plan',
  sud: 'Substance use disorder records',
};

const organization = (id: string, names: Map<string, string>) => ({
  identifier: { system: identifierSystems.organization, value: id },
  ...(names.get(id) && { display: names.get(id) }),
});

export function presentConsent(record: ConsentRecord, names: Map<string, string>): FhirConsent {
  const { consent } = record;
  const live =
    consent.revoked_at === null && (consent.ends_on === null || consent.ends_on >= new Date().toISOString().slice(0, 10));
  const purpose = hl7Purpose[consent.purpose];
  return {
    resourceType: 'Consent',
    id: consent.id,
    meta: { lastUpdated: (consent.revoked_at ?? consent.recorded_at).toISOString() },
    status: live ? 'active' : 'inactive',
    scope: { coding: [{ system: hl7.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: hl7.actCode, code: 'IDSCL', display: 'information disclosure' }] }],
    patient: { reference: `Patient/${consent.person_id}` },
    dateTime: consent.recorded_at.toISOString(),
    organization: [organization(record.holderOrganizationId, names)],
    sourceAttachment: {
      title: consent.method === 'signed_form' ? 'Consent given on a signed form' : 'Consent given verbally before a witness',
    },
    policyRule: { coding: [{ system: hl7.consentPolicy, code: 'hipaa-auth', display: 'HIPAA Authorization' }] },
    provision: {
      type: 'permit',
      period: { start: consent.starts_on, ...(consent.ends_on && { end: consent.ends_on }) },
      actor: [
        {
          role: { coding: [{ system: hl7.participationType, code: 'IRCP', display: 'information recipient' }] },
          reference: organization(consent.grantee_organization_id, names),
        },
      ],
      purpose: [
        { system: codeSystems.consentPurpose, code: consent.purpose, display: purposeWords[consent.purpose] },
        ...(purpose ? [{ system: hl7.purposeOfUse, ...purpose }] : []),
      ],
      class: consent.categories.map((category) => ({
        system: codeSystems.consentCategory,
        code: category,
        display: categoryWords[category],
      })),
      ...(consent.categories.includes('sud') && {
        securityLabel: [{ system: hl7.actCode, code: 'SUD', display: 'substance use disorder information sensitivity' }],
      }),
    },
  };
}
