// The demo's own short social-needs screening: six questions, in English and Spanish, as a FHIR R4
// Questionnaire. Spanish rides on the standard FHIR translation extension (on `_text` and on each
// answer's `_display`), so any FHIR tool reads the English and Kith offers both. Written here in
// our own words, with its scoring rules, so a fresh install has a screening to record.
import { translationExtension, type ScoringRule } from '../domains/screening';

const spanish = (content: string) => ({
  extension: [
    {
      url: translationExtension,
      extension: [
        { url: 'lang', valueCode: 'es' },
        { url: 'content', valueString: content },
      ],
    },
  ],
});

const system = 'https://kith.health/fhir/CodeSystem/demo-screening';
const option = (code: string, en: string, es: string) => ({ valueCoding: { system, code, display: en, _display: spanish(es) } });
const yesNo = (linkId: string, en: string, es: string) => ({
  linkId,
  type: 'choice',
  text: en,
  _text: spanish(es),
  answerOption: [option('yes', 'Yes', 'Sí'), option('no', 'No', 'No')],
});

export const demoScreeningUrl = 'https://kith.health/fhir/Questionnaire/kith-short-screening';

export const demoScreening = {
  resourceType: 'Questionnaire',
  id: 'kith-short-screening',
  url: demoScreeningUrl,
  version: '1',
  name: 'KithShortScreening',
  title: 'Short social-needs screening',
  status: 'active',
  language: 'en',
  subjectType: ['Patient'],
  item: [
    {
      linkId: 'food',
      type: 'choice',
      text: 'In the last year, did you worry that food would run out before you had money to buy more?',
      _text: spanish('En el último año, ¿le preocupó que la comida se acabara antes de tener dinero para comprar más?'),
      answerOption: [
        option('often', 'Often', 'Con frecuencia'),
        option('sometimes', 'Sometimes', 'A veces'),
        option('never', 'Never', 'Nunca'),
      ],
    },
    {
      linkId: 'housing',
      type: 'choice',
      text: 'Which best describes where you live today?',
      _text: spanish('¿Qué describe mejor el lugar donde vive hoy?'),
      answerOption: [
        option('steady', 'A steady place to live', 'Un lugar estable donde vivir'),
        option('worried', 'A place today, but I worry about losing it', 'Un lugar hoy, pero me preocupa perderlo'),
        option('none', 'No steady place to live', 'Ningún lugar estable donde vivir'),
      ],
    },
    yesNo(
      'transport',
      'In the last year, has a lack of transport kept you from appointments, work or getting what you need?',
      'En el último año, ¿la falta de transporte le impidió ir a citas, al trabajo o conseguir lo que necesita?',
    ),
    yesNo(
      'utilities',
      'In the last year, has a power, gas or water company threatened to shut off your service?',
      'En el último año, ¿alguna compañía de luz, gas o agua amenazó con cortarle el servicio?',
    ),
    yesNo('safety', 'Do you feel safe where you live?', '¿Se siente seguro o segura donde vive?'),
    yesNo('wants-help', 'Would you like help with any of these today?', '¿Le gustaría recibir ayuda con algo de esto hoy?'),
  ],
};

export const demoScreeningRules: ScoringRule[] = [
  { linkId: 'food', answer: 'often', needDomain: 'food-insecurity', severity: 'high' },
  { linkId: 'food', answer: 'sometimes', needDomain: 'food-insecurity', severity: 'medium' },
  { linkId: 'housing', answer: 'worried', needDomain: 'housing-instability', severity: 'medium' },
  { linkId: 'housing', answer: 'none', needDomain: 'homelessness', severity: 'urgent' },
  { linkId: 'transport', answer: 'yes', needDomain: 'transportation-insecurity', severity: 'medium' },
  { linkId: 'utilities', answer: 'yes', needDomain: 'utility-insecurity', severity: 'medium' },
  { linkId: 'safety', answer: 'no', needDomain: 'intimate-partner-violence', severity: 'high' },
];
