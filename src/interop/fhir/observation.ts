// Observation: one answered item of a completed screening, shaped after the SDOH Clinical Care IG's
// SDOHCC-ObservationScreeningResponse (compare its SDOHCC-ObservationResponseHungerVitalSignQuestion3
// example): status final; categories social-history, survey, SDOH and the Gravity category of each need domain the
// questionnaire's scoring rules tie the item to (Kith's need-domain code for Kith's own domains);
// the item's code from the questionnaire, with its linkId as a code of the questionnaire's url so
// an item without a code is still named; the answer as value[x] (several answers to one item: a
// component each); positive or negative where a rule reads the item; derived from the
// QuestionnaireResponse. Its id is the screening's id and the item's number: `<screeningId>-<n>`.
import type { AnsweredItem, GivenAnswer, Question, ScreenedQuestionnaire, ScreeningRow } from '../../domains/screening';
import { codingOf, textOf } from './questionnaire-response';
import { gravityCategory, sdohCategory } from './sdoh-categories';
import { codeSystems, hl7 } from './systems';

type Json = Record<string, unknown>;

export interface FhirObservation extends Json {
  resourceType: 'Observation';
  id: string;
}

/** The id of the Observation of one item of a screening. */
export const observationId = (screeningId: string, itemNumber: number) => `${screeningId}-${itemNumber}`;
/** A screening id and an item number, from an Observation id. */
export const observationIdPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([1-9][0-9]{0,4})$/i;

const fhirDateTime =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;

function valueOf(question: Question | undefined, answer: GivenAnswer, language: string, baseLanguage: string): Json {
  if (answer.code !== undefined) {
    const coding = codingOf(question, answer.code, language, baseLanguage);
    return { valueCodeableConcept: { coding: [coding], ...(coding.display && { text: coding.display }) } };
  }
  const value = answer.value;
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number')
    return question?.type === 'integer' && Number.isInteger(value) ? { valueInteger: value } : { valueQuantity: { value } };
  const text = String(value);
  if ((question?.type === 'date' || question?.type === 'dateTime') && fhirDateTime.test(text)) return { valueDateTime: text };
  return { valueString: text };
}

export function presentObservation(
  screening: Pick<ScreeningRow, 'id' | 'person_id' | 'completed_at' | 'language'>,
  item: AnsweredItem,
  questionnaire: ScreenedQuestionnaire,
): FhirObservation {
  const { parsed } = questionnaire;
  const question = parsed.questions.find((candidate) => candidate.linkId === item.linkId);
  const rules = questionnaire.rules.filter((rule) => rule.linkId === item.linkId);
  const domains = [...new Set(rules.map((rule) => rule.needDomain))];
  const keys = item.answers.map((answer) => answer.code ?? String(answer.value));
  const positive = rules.some((rule) => keys.includes(rule.answer));
  const text = question ? textOf(question, parsed.baseLanguage, parsed.baseLanguage) : undefined;
  const code = {
    coding: [
      ...(question?.codes ?? []).map((coding) => ({
        ...(coding.system && { system: coding.system }),
        code: coding.code,
        ...(coding.display && { display: coding.display }),
      })),
      { system: questionnaire.url, code: item.linkId },
    ],
    ...(text && { text }),
  };
  const values = item.answers.map((answer) => valueOf(question, answer, screening.language, parsed.baseLanguage));
  return {
    resourceType: 'Observation',
    id: observationId(screening.id, item.number),
    meta: { lastUpdated: screening.completed_at.toISOString() },
    status: 'final',
    category: [
      { coding: [{ system: hl7.observationCategory, code: 'social-history', display: 'Social History' }] },
      { coding: [{ system: hl7.observationCategory, code: 'survey', display: 'Survey' }] },
      { coding: [sdohCategory] },
      ...domains.map((domain) => ({
        coding: [gravityCategory(domain) ?? { system: codeSystems.needDomain, code: domain }],
      })),
    ],
    code,
    subject: { reference: `Patient/${screening.person_id}` },
    effectiveDateTime: screening.completed_at.toISOString(),
    issued: screening.completed_at.toISOString(),
    // One answer: the value. Several (a question that takes more than one): a component each, under the same code.
    ...(values.length === 1 ? values[0] : { component: values.map((value) => ({ code, ...value })) }),
    ...(rules.length > 0 && {
      interpretation: [
        {
          coding: [
            positive
              ? { system: hl7.observationInterpretation, code: 'POS', display: 'Positive' }
              : { system: hl7.observationInterpretation, code: 'NEG', display: 'Negative' },
          ],
        },
      ],
    }),
    derivedFrom: [{ reference: `QuestionnaireResponse/${screening.id}` }],
  };
}
