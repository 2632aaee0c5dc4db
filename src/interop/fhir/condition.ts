// Condition: a person's need as an SDOH health concern, shaped after the SDOH Clinical Care IG's
// SDOHCC-Condition (compare its SDOHCC-ConditionFoodInsecurityExample): categories health-concern,
// SDOH and the need domain's Gravity category (sdoh-categories.ts); the code is Kith's need-domain
// code, with SNOMED CT and ICD-10-CM where the IG's examples give them; clinicalStatus from the
// need's status (below), verificationStatus confirmed (the person screened positive or a
// coordinator recorded it); onset the day it was identified, abatement the day it was resolved;
// evidence the screenings that found it (QuestionnaireResponse) and the answers in them that did
// (Observation). The id is the need's id: a Goal's `addresses` points at Condition/<needId>.
//
//   Kith need status    Condition.clinicalStatus
//   identified          active
//   in_scope            active      (the team meets it)
//   out_of_scope        active      (a partner must meet it)
//   being_addressed     active
//   met                 resolved    (abatement: the day it was met)
//   declined            inactive    (the person declined help: no longer worked on, not known to be gone)
//   not_applicable      inactive    (no longer applies)
//
// Kith's own status rides along in the extension need-status, since the mapping loses it.
import type { NeedEvidence, NeedRow, NeedStatus } from '../../domains/screening';
import { observationId } from './observation';
import { clinicalCodes, gravityCategory, sdohCategory } from './sdoh-categories';
import { codeSystems, extensions, hl7 } from './systems';

export interface FhirCondition extends Record<string, unknown> {
  resourceType: 'Condition';
  id: string;
}

export type ClinicalStatus = 'active' | 'inactive' | 'resolved';

export const clinicalStatusOf: Record<NeedStatus, ClinicalStatus> = {
  identified: 'active',
  in_scope: 'active',
  out_of_scope: 'active',
  being_addressed: 'active',
  met: 'resolved',
  declined: 'inactive',
  not_applicable: 'inactive',
};

const clinicalDisplay: Record<ClinicalStatus, string> = { active: 'Active', inactive: 'Inactive', resolved: 'Resolved' };

/** Kith's severities as SNOMED CT's severity qualifiers (urgent is severe, said in words). */
const severityCodes: Record<string, { code: string; display: string }> = {
  low: { code: '255604002', display: 'Mild' },
  medium: { code: '6736007', display: 'Moderate' },
  high: { code: '24484000', display: 'Severe' },
  urgent: { code: '24484000', display: 'Severe' },
};
const severityWords: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };

const day = (value: Date | string) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10));

export function presentCondition(need: NeedRow, evidence: NeedEvidence[], needDomainNames: Map<string, string>): FhirCondition {
  const status = clinicalStatusOf[need.status];
  const name = needDomainNames.get(need.need_domain) ?? need.need_domain;
  const gravity = gravityCategory(need.need_domain);
  const severity = severityCodes[need.severity];
  return {
    resourceType: 'Condition',
    id: need.id,
    meta: { lastUpdated: need.updated_at.toISOString() },
    extension: [{ url: extensions.needStatus, valueCode: need.status }],
    clinicalStatus: { coding: [{ system: hl7.conditionClinical, code: status, display: clinicalDisplay[status] }] },
    verificationStatus: { coding: [{ system: hl7.conditionVerification, code: 'confirmed', display: 'Confirmed' }] },
    category: [
      { coding: [{ system: hl7.conditionCategory, code: 'health-concern', display: 'Health Concern' }] },
      { coding: [sdohCategory] },
      ...(gravity ? [{ coding: [gravity] }] : []),
    ],
    ...(severity && {
      severity: {
        coding: [
          { system: hl7.snomed, ...severity },
          { system: codeSystems.needSeverity, code: need.severity, display: severityWords[need.severity] },
        ],
        text: severityWords[need.severity],
      },
    }),
    code: {
      coding: [
        ...(clinicalCodes[need.need_domain] ?? []),
        { system: codeSystems.needDomain, code: need.need_domain, display: name },
      ],
      text: name,
    },
    subject: { reference: `Patient/${need.person_id}` },
    onsetDateTime: day(need.identified_on),
    ...(status !== 'active' && need.resolved_on && { abatementDateTime: day(need.resolved_on) }),
    recordedDate: need.created_at.toISOString(),
    ...(evidence.length > 0 && {
      evidence: evidence.map((found) => ({
        detail: [
          { reference: `QuestionnaireResponse/${found.screeningId}` },
          ...found.items.map((number) => ({ reference: `Observation/${observationId(found.screeningId, number)}` })),
        ],
      })),
    }),
  };
}
