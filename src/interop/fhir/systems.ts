// The URIs Kith names its own codes and identifiers by in FHIR: one place, so that a partner's
// system can be configured once and a test can read what is served. `kith.example` is the
// project's namespace (the problem types use it too); a deployment that wants its own can change
// it here.
const base = 'https://kith.example/fhir';

/** Identifier systems. */
export const identifierSystems = {
  /** A medical record number as the holder organisation keeps it (the holder's own numbers). */
  mrn: `${base}/sid/mrn`,
  /** A health plan's member id, as recorded on the person's record. */
  payerMemberId: `${base}/sid/payer-member-id`,
  /** An organisation of the network, by its Kith id (Consent.organization, the recipient of a consent). */
  organization: `${base}/sid/organization`,
} as const;

/** Code systems of Kith's own vocabularies. */
export const codeSystems = {
  /** The data categories a consent names: contact, demographics, needs, care_plan, sud. */
  consentCategory: `${base}/CodeSystem/consent-category`,
  /** What a consent is for: care_coordination, referral, case_conference. */
  consentPurpose: `${base}/CodeSystem/consent-purpose`,
  /** The need domains (the directory's list: food-insecurity, behavioral-health …), as Condition.code. */
  needDomain: `${base}/CodeSystem/need-domain`,
  /** How severe a need is: low, medium, high, urgent. */
  needSeverity: `${base}/CodeSystem/need-severity`,
} as const;

/** Extensions of Kith's own. */
export const extensions = {
  /** A need's status in Kith's words (identified, in_scope, out_of_scope, being_addressed, met, declined, not_applicable): Condition.clinicalStatus says less. */
  needStatus: `${base}/StructureDefinition/need-status`,
} as const;

/** Systems of HL7 and others that the resources use. */
export const hl7 = {
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  consentPolicy: 'http://terminology.hl7.org/CodeSystem/consentpolicycodes',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  purposeOfUse: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  observationValue: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  language: 'urn:ietf:bcp:47',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  observationInterpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  usCoreCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category',
  conditionCategory: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  /** The SDOH Clinical Care IG's code system, which holds the Gravity Project's SDOH categories. */
  sdohTemporaryCodes: 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  loinc: 'http://loinc.org',
  interpreterRequired: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
} as const;

/** The implementation guides the resources are shaped after (not claimed in meta.profile: see README). */
export const shapedAfter = {
  patient: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient',
  consent: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-Consent',
  questionnaireResponse: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse',
  observation: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ObservationScreeningResponse',
  condition: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-Condition',
  goal: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-Goal',
} as const;
