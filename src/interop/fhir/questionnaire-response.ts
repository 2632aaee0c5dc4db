// QuestionnaireResponse: a completed screening as FHIR R4, shaped after the SDC
// QuestionnaireResponse the SDOH Clinical Care IG uses (its Hunger Vital Sign and PRAPARE
// examples): the questionnaire as canonical url|version, the patient, when it was done (authored),
// the organisation that recorded it (author), and the answers in the questionnaire's own tree of
// groups, each as the value type of its item (valueCoding for a choice, valueBoolean, valueInteger,
// valueDecimal, valueDate, valueDateTime, valueString). Answers the viewer may not see (items
// flagged 'sud', without a consent naming 'sud') are left out and meta.security says so.
//
// And the other way: a QuestionnaireResponse done in another app read into the screening domain's
// body (questionnaire, language, answers by linkId), every fault named by its element
// (QuestionnaireResponse.item[0].item[2].answer[0]).
import type {
  AnsweredItem,
  GivenAnswer,
  Question,
  RecordScreeningBody,
  ScreenedQuestionnaire,
  ScreeningRow,
} from '../../domains/screening';
import { RecordScreeningBodySchema } from '../../domains/screening';
import { AppError, type FieldError } from '../../platform/http/app-error';
import { hl7, identifierSystems } from './systems';

type Json = Record<string, unknown>;

export interface FhirQuestionnaireResponse extends Json {
  resourceType: 'QuestionnaireResponse';
  id: string;
}

/** A screening as the presenters of QuestionnaireResponse and Observation read it. */
export interface PresentedScreening {
  screening: Omit<ScreeningRow, 'answers' | 'questionnaire_title' | 'questionnaire_version'>;
  items: AnsweredItem[];
  withheld: boolean;
  questionnaire: ScreenedQuestionnaire;
  organizationNames: Map<string, string>;
}

const fhirDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const fhirDateTime =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;

/** A question's words in the screening's language, or in the questionnaire's own. */
export function textOf(question: Question, language: string, baseLanguage: string): string | undefined {
  return question.text[language] || question.text[baseLanguage] || undefined;
}

/** The coding of a choice answer, with the option's system and words where the questionnaire has them. */
export function codingOf(question: Question | undefined, code: string, language: string, baseLanguage: string) {
  const option = question?.options.find((candidate) => candidate.code === code);
  const display = option ? option.display[language] || option.display[baseLanguage] : undefined;
  return { ...(option?.system && { system: option.system }), code, ...(display && { display }) };
}

/** An answer as a QuestionnaireResponse answer value, by the item's type (a stored value of another shape as text). */
function answerValue(question: Question | undefined, answer: GivenAnswer, language: string, baseLanguage: string): Json {
  if (answer.code !== undefined) return { valueCoding: codingOf(question, answer.code, language, baseLanguage) };
  const value = answer.value;
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number')
    return question?.type === 'integer' && Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
  const text = String(value);
  if (question?.type === 'date' && fhirDate.test(text)) return { valueDate: text };
  if (question?.type === 'dateTime' && fhirDateTime.test(text)) return { valueDateTime: text };
  return { valueString: text };
}

export function presentQuestionnaireResponse(record: PresentedScreening): FhirQuestionnaireResponse {
  const { screening, questionnaire } = record;
  const { parsed } = questionnaire;
  const language = screening.language;
  const answered = new Map(record.items.map((item) => [item.linkId, item]));
  const children = new Map<string | null, Question[]>();
  for (const question of parsed.questions) {
    const siblings = children.get(question.parentLinkId) ?? [];
    siblings.push(question);
    children.set(question.parentLinkId, siblings);
  }
  const placed = new Set<string>();
  // The questionnaire's tree, keeping the groups and questions that hold an answer.
  const itemsUnder = (parent: string | null): Json[] =>
    (children.get(parent) ?? []).flatMap((question): Json[] => {
      const item = answered.get(question.linkId);
      const nested = itemsUnder(question.linkId);
      if (!item && nested.length === 0) return [];
      const text = textOf(question, language, parsed.baseLanguage);
      const head = { linkId: question.linkId, ...(text && { text }) };
      if (!item) return [{ ...head, item: nested }];
      placed.add(item.linkId);
      const answers: Json[] = item.answers.map((answer) => answerValue(question, answer, language, parsed.baseLanguage));
      // Follow-up questions of an answered question go under its (last) answer, as SDC nests them.
      if (nested.length > 0) answers[answers.length - 1] = { ...answers[answers.length - 1], item: nested };
      return [{ ...head, answer: answers }];
    });
  const tree = itemsUnder(null);
  // An answer to an item the questionnaire no longer has (never expected: answers are checked against it).
  for (const item of record.items) {
    if (!placed.has(item.linkId))
      tree.push({
        linkId: item.linkId,
        answer: item.answers.map((answer) => answerValue(undefined, answer, language, parsed.baseLanguage)),
      });
  }
  const organizationId = screening.recorded_by_organization_id;
  const organizationName = organizationId ? record.organizationNames.get(organizationId) : undefined;
  return {
    resourceType: 'QuestionnaireResponse',
    id: screening.id,
    meta: {
      lastUpdated: screening.completed_at.toISOString(),
      ...(record.withheld && { security: [{ system: hl7.observationValue, code: 'REDACTED', display: 'redacted' }] }),
    },
    language,
    questionnaire: `${questionnaire.url}|${questionnaire.version}`,
    status: 'completed',
    subject: { reference: `Patient/${screening.person_id}` },
    authored: screening.completed_at.toISOString(),
    ...(organizationId && {
      author: {
        type: 'Organization',
        identifier: { system: identifierSystems.organization, value: organizationId },
        ...(organizationName && { display: organizationName }),
      },
    }),
    ...(tree.length > 0 && { item: tree }),
  };
}

// ----- a QuestionnaireResponse read into a screening -----

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far ahead of the server's clock `authored` may be (clocks differ a little). */
const clockSkewMs = 5 * 60 * 1000;

function fail(errors: FieldError[]): never {
  throw new AppError('validation_failed', errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
}

/** One answer as sent: the value Kith keeps, which value[x] it came as, and where it is. */
interface SentAnswer {
  path: string;
  kind: string;
  value: unknown;
}
interface SentItem {
  path: string;
  linkId: string;
  answers: SentAnswer[];
}

/** A QuestionnaireResponse's parts Kith records, checked for shape; not yet against its questionnaire. */
export interface SentResponse {
  canonical: { url: string; version?: string; text: string };
  personId: string;
  authored: Date;
  /** The response's language (its base part: es for es-MX), if it says one. */
  language?: string;
  items: SentItem[];
}

const answerKinds = [
  'valueCoding',
  'valueBoolean',
  'valueInteger',
  'valueDecimal',
  'valueString',
  'valueDate',
  'valueDateTime',
  'valueTime',
  'valueUri',
  'valueQuantity',
  'valueReference',
  'valueAttachment',
];

/** The parts of a QuestionnaireResponse that make a screening, or a 400 naming every faulty element. */
export function readQuestionnaireResponse(resource: unknown, now = new Date()): SentResponse {
  if (!isObject(resource)) fail([{ field: 'QuestionnaireResponse', message: 'must be a JSON object' }]);
  if (resource.resourceType !== 'QuestionnaireResponse')
    fail([{ field: 'QuestionnaireResponse.resourceType', message: 'must be QuestionnaireResponse' }]);
  const errors: FieldError[] = [];
  const fault = (field: string, message: string) => errors.push({ field, message });

  if (resource.status !== 'completed')
    fault('QuestionnaireResponse.status', 'must be completed: Kith records finished screenings only');

  let canonical: SentResponse['canonical'] = { url: '', text: '' };
  const questionnaire = resource.questionnaire;
  if (typeof questionnaire !== 'string' || !/^\S{1,600}$/.test(questionnaire))
    fault('QuestionnaireResponse.questionnaire', 'must be the canonical url of the questionnaire answered (url or url|version)');
  else {
    const bar = questionnaire.lastIndexOf('|');
    canonical =
      bar < 0
        ? { url: questionnaire, text: questionnaire }
        : { url: questionnaire.slice(0, bar), version: questionnaire.slice(bar + 1), text: questionnaire };
    if (!canonical.url || canonical.version === '')
      fault('QuestionnaireResponse.questionnaire', 'must be url or url|version, with neither part empty');
  }

  let personId = '';
  const subject = isObject(resource.subject) ? resource.subject.reference : undefined;
  const subjectId = typeof subject === 'string' ? /(?:^|\/)Patient\/([^/]+)$/.exec(subject)?.[1] : undefined;
  if (!subjectId || !uuid.test(subjectId))
    fault('QuestionnaireResponse.subject', 'must be a reference Patient/<id> to a person Kith holds');
  else personId = subjectId.toLowerCase();

  let authored = new Date(Number.NaN);
  const authoredText = resource.authored;
  if (typeof authoredText !== 'string') fault('QuestionnaireResponse.authored', 'is required: when the screening was done');
  else if (!fhirDateTime.test(authoredText) || authoredText.length < 10)
    fault('QuestionnaireResponse.authored', 'must be a day (YYYY-MM-DD) or a time with its zone (YYYY-MM-DDThh:mm:ssZ)');
  else {
    authored = new Date(authoredText.length === 10 ? `${authoredText}T00:00:00Z` : authoredText);
    if (Number.isNaN(authored.getTime())) fault('QuestionnaireResponse.authored', 'is not a time that exists');
    else if (authored.getTime() > now.getTime() + clockSkewMs)
      fault('QuestionnaireResponse.authored', 'is in the future: a screening is recorded once it is done');
    else if (authored.getUTCFullYear() < 1900) fault('QuestionnaireResponse.authored', 'must be after 1900');
  }

  let language: string | undefined;
  if (resource.language !== undefined) {
    if (typeof resource.language !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(resource.language))
      fault('QuestionnaireResponse.language', 'must be a language code such as en or es-MX');
    else language = resource.language.toLowerCase().split('-')[0];
  }

  const items: SentItem[] = [];
  const walk = (list: unknown, path: string, depth: number) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) return fault(path, 'must be a list of items');
    if (depth > 10) return fault(path, 'nests items more than ten deep');
    list.forEach((item, index) => {
      const at = `${path}[${index}]`;
      if (!isObject(item)) return fault(at, 'must be an object');
      const linkId = item.linkId;
      if (typeof linkId !== 'string' || linkId.length === 0 || linkId.length > 200)
        return fault(`${at}.linkId`, 'must be the linkId of an item of the questionnaire');
      const answers: SentAnswer[] = [];
      if (item.answer !== undefined) {
        if (!Array.isArray(item.answer)) fault(`${at}.answer`, 'must be a list of answers');
        else
          item.answer.forEach((answer, answerIndex) => {
            const answerAt = `${at}.answer[${answerIndex}]`;
            if (!isObject(answer)) return fault(answerAt, 'must be an object');
            const kinds = Object.keys(answer).filter((key) => key.startsWith('value'));
            if (kinds.length !== 1) return fault(answerAt, 'must hold exactly one value[x]');
            const kind = kinds[0]!;
            if (!answerKinds.includes(kind)) return fault(`${answerAt}.${kind}`, 'is not an answer type of FHIR R4');
            answers.push({ path: answerAt, kind, value: answer[kind] });
            walk(answer.item, `${answerAt}.item`, depth + 1);
          });
      }
      items.push({ path: at, linkId, answers });
      walk(item.item, `${at}.item`, depth + 1);
    });
  };
  walk(resource.item, 'QuestionnaireResponse.item', 0);
  if (errors.length === 0 && !items.some((item) => item.answers.length > 0))
    fault('QuestionnaireResponse.item', 'must hold at least one answered item');
  if (errors.length > 0) fail(errors);
  return { canonical, personId, authored, language, items };
}

/** What each item type takes, as FHIR value[x] names (a string, text or other item: valueString). */
const kindsOfType: Partial<Record<Question['type'], string[]>> = {
  choice: ['valueCoding'],
  'open-choice': ['valueCoding', 'valueString'],
  boolean: ['valueBoolean'],
  integer: ['valueInteger'],
  decimal: ['valueDecimal', 'valueInteger'],
  date: ['valueDate'],
  dateTime: ['valueDateTime'],
};
const expectedKinds = (type: Question['type']) => kindsOfType[type] ?? ['valueString'];

/** Where each field of the screening body came from, so that the domain's errors name the element. */
export type Origins = Map<string, string>;

/**
 * The screening domain's body from a checked response and the questionnaire it answers: each
 * answered item by linkId, each answer by the value type its item takes (a choice by the code of one
 * of its options). Errors name the element.
 */
export function screeningBody(
  sent: SentResponse,
  questionnaire: { id: string; url: string; version: string; questions: Question[]; baseLanguage: string },
): { body: RecordScreeningBody; origins: Origins } {
  const errors: FieldError[] = [];
  const fault = (field: string, message: string) => errors.push({ field, message });
  const byLinkId = new Map(questionnaire.questions.map((question) => [question.linkId, question]));
  const seen = new Map<string, string>();
  const origins: Origins = new Map([
    ['questionnaireId', 'QuestionnaireResponse.questionnaire'],
    ['language', 'QuestionnaireResponse.language'],
    ['completedAt', 'QuestionnaireResponse.authored'],
    ['answers', 'QuestionnaireResponse.item'],
  ]);
  const answers: RecordScreeningBody['answers'] = [];
  for (const item of sent.items) {
    const question = byLinkId.get(item.linkId);
    if (!question) {
      fault(`${item.path}.linkId`, `is not an item of ${questionnaire.url}|${questionnaire.version}`);
      continue;
    }
    if (item.answers.length === 0) continue;
    if (!question.answerable) {
      fault(`${item.path}.answer`, `${item.linkId} is a ${question.type} item: it takes no answer`);
      continue;
    }
    const before = seen.get(item.linkId);
    if (before) {
      fault(`${item.path}.linkId`, `answers the same item as ${before}: give all its answers in one item`);
      continue;
    }
    seen.set(item.linkId, item.path);
    if (!question.repeats && item.answers.length > 1) fault(`${item.path}.answer`, `${item.linkId} takes one answer`);
    const index = answers.length;
    origins.set(`answers.${index}`, item.path);
    origins.set(`answers.${index}.linkId`, `${item.path}.linkId`);
    origins.set(`answers.${index}.answers`, `${item.path}.answer`);
    const given: GivenAnswer[] = [];
    item.answers.forEach((answer, answerIndex) => {
      origins.set(`answers.${index}.answers.${answerIndex}`, answer.path);
      origins.set(`answers.${index}.answers.${answerIndex}.code`, `${answer.path}.valueCoding.code`);
      origins.set(`answers.${index}.answers.${answerIndex}.value`, `${answer.path}.${answer.kind}`);
      const expected = expectedKinds(question.type);
      if (!expected.includes(answer.kind)) {
        fault(
          `${answer.path}.${answer.kind}`,
          `${item.linkId} is a ${question.type} item: its answer is a ${expected.join(' or ')}`,
        );
        return;
      }
      const { value } = answer;
      if (answer.kind === 'valueCoding') {
        const coding = isObject(value) ? value : {};
        if (typeof coding.code !== 'string' || coding.code.length === 0)
          return fault(`${answer.path}.valueCoding.code`, 'must be the code of the answer');
        const option = question.options.find((candidate) => candidate.code === coding.code);
        if (question.options.length > 0 && !option)
          return fault(`${answer.path}.valueCoding.code`, `is not one of the answers ${item.linkId} offers`);
        if (option?.system && coding.system !== undefined && coding.system !== option.system)
          return fault(`${answer.path}.valueCoding.system`, `must be ${option.system}, as the questionnaire codes this answer`);
        given.push({ code: coding.code });
        return;
      }
      const ok =
        answer.kind === 'valueBoolean'
          ? typeof value === 'boolean'
          : answer.kind === 'valueInteger'
            ? Number.isSafeInteger(value)
            : answer.kind === 'valueDecimal'
              ? typeof value === 'number' && Number.isFinite(value)
              : answer.kind === 'valueDate'
                ? typeof value === 'string' && fhirDate.test(value)
                : answer.kind === 'valueDateTime'
                  ? typeof value === 'string' && fhirDateTime.test(value)
                  : typeof value === 'string' && value.length > 0;
      if (!ok) return fault(`${answer.path}.${answer.kind}`, `is not a valid ${answer.kind.slice(5)}`);
      given.push({ value: value as string | number | boolean });
    });
    answers.push({ linkId: item.linkId, answers: given });
  }
  if (errors.length > 0) fail(errors);
  const parsed = RecordScreeningBodySchema.safeParse({
    questionnaireId: questionnaire.id,
    language: sent.language ?? questionnaire.baseLanguage,
    answers,
  });
  if (!parsed.success)
    fail(parsed.error.issues.map((issue) => ({ field: originOf(origins, issue.path.join('.')), message: issue.message })));
  return { body: parsed.data, origins };
}

/** The element a field of the screening body came from: the nearest field the origins know. */
export function originOf(origins: Origins, field: string): string {
  for (let parts = field.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const origin = origins.get(parts.join('.'));
    if (origin) return origin;
  }
  return 'QuestionnaireResponse';
}

/** A domain error of the screening made from the response, restated by the elements of the response. */
export function restated(error: unknown, origins: Origins): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === 'not_found') {
    // The subject is a person the caller may not see (or nobody): the same answer either way.
    const errors = [{ field: 'QuestionnaireResponse.subject', message: 'names no Patient you may see' }];
    return new AppError('not_found', 'QuestionnaireResponse.subject: names no Patient you may see', { ...error.extra, errors });
  }
  const fieldErrors = error.extra.errors;
  if (!fieldErrors?.length) return error;
  const errors = fieldErrors.map((fieldError) => ({ field: originOf(origins, fieldError.field), message: fieldError.message }));
  return new AppError(error.code, errors.map((fieldError) => `${fieldError.field}: ${fieldError.message}`).join('; '), {
    ...error.extra,
    errors,
  });
}
