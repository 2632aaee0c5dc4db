// Factories of screening, needs and goals: a short questionnaire (English and Spanish, one item
// flagged substance use) loaded as the CLI would, and needs and goals recorded through the use cases.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/platform/db/database';
import {
  addGoal,
  addNeed,
  importQuestionnaire,
  recordScreening,
  type RecordScreeningBody,
  sensitiveExtension,
  translationExtension,
  type AddGoalBody,
  type AddNeedBody,
  type ScoringRule,
} from '../../src/domains/screening';

const system = (db: Database) => ({ db, actor: 'system' as const });
const es = (content: string) => ({
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
const coding = (code: string, en: string, spanish: string) => ({ valueCoding: { code, display: en, _display: es(spanish) } });
const yesNo = [coding('yes', 'Yes', 'Sí'), coding('no', 'No', 'No')];

/** A Questionnaire resource of four questions: food, housing, transport, and drinking (flagged 'sud'). */
export function testQuestionnaire(options: { url?: string; version?: string } = {}) {
  return {
    resourceType: 'Questionnaire',
    url: options.url ?? `https://example.org/Questionnaire/test-${randomBytes(4).toString('hex')}`,
    version: options.version ?? '1',
    title: 'Test screening',
    status: 'active',
    item: [
      {
        linkId: 'food',
        type: 'choice',
        text: 'Did food run out?',
        _text: es('¿Se acabó la comida?'),
        answerOption: [coding('often', 'Often', 'A menudo'), coding('never', 'Never', 'Nunca')],
      },
      {
        linkId: 'housing',
        type: 'choice',
        text: 'Worried about housing?',
        _text: es('¿Le preocupa la vivienda?'),
        answerOption: yesNo,
      },
      { linkId: 'transport', type: 'boolean', text: 'Trouble getting to appointments?' },
      {
        linkId: 'drinking',
        type: 'choice',
        text: 'Would you like help with drinking or drugs?',
        extension: [{ url: sensitiveExtension, valueCode: 'sud' }],
        answerOption: yesNo,
      },
      { linkId: 'notes', type: 'string', text: 'Anything else?' },
    ],
  };
}

export const testRules: ScoringRule[] = [
  { linkId: 'food', answer: 'often', needDomain: 'food-insecurity', severity: 'high' },
  { linkId: 'housing', answer: 'yes', needDomain: 'housing-instability', severity: 'medium' },
  { linkId: 'transport', answer: 'true', needDomain: 'transportation-insecurity', severity: 'low' },
  { linkId: 'drinking', answer: 'yes', needDomain: 'behavioral-health', severity: 'medium' },
];

export async function buildQuestionnaire(db: Database, options: { url?: string; version?: string; rules?: ScoringRule[] } = {}) {
  return importQuestionnaire(system(db), { resource: testQuestionnaire(options), rules: options.rules ?? testRules });
}

export async function buildNeed(db: Database, personId: string, body: Partial<AddNeedBody> = {}) {
  return addNeed(system(db), {
    personId,
    body: { needDomain: 'food-insecurity', severity: 'medium', status: 'identified', ...body },
  });
}

/**
 * A completed screening of the test questionnaire, recorded as the operator would: by default food
 * "often" (a need for food) and housing "no"; `answers` replaces them.
 */
export async function buildScreening(
  db: Database,
  personId: string,
  questionnaireId: string,
  answers: RecordScreeningBody['answers'] = [
    { linkId: 'food', answers: [{ code: 'often' }] },
    { linkId: 'housing', answers: [{ code: 'no' }] },
  ],
) {
  return recordScreening(system(db), { personId, body: { questionnaireId, language: 'en', answers } });
}

export async function buildGoal(db: Database, personId: string, body: Partial<AddGoalBody> = {}) {
  const record = await addGoal(system(db), {
    personId,
    body: { description: 'Eat three meals a day', lifecycleStatus: 'active', expressedBy: 'person', ...body },
  });
  return record.goal;
}
