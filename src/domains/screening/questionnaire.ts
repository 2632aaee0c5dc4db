// FHIR R4 Questionnaire JSON as Kith reads it: checked (a Questionnaire, with a url and a version,
// items with linkId, type and text, linkIds unique), and flattened into the questions a screening
// form shows. Pure logic, no database.
//
// Languages: the questionnaire's own text is its base language (`language`, default English);
// other languages come from the standard FHIR translation extension on `_text` (items) and
// `_display` (answer codings), e.g.
//   "text": "Do you feel safe at home?",
//   "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
//     "extension": [{ "url": "lang", "valueCode": "es" }, { "url": "content", "valueString": "¿Se siente seguro en casa?" }] }] }
//
// Sensitive items: an item carrying the extension `sensitiveExtension` with valueCode 'sud' holds
// substance-use answers; they and the needs they yield are shown only under a consent naming 'sud'.
import { AppError, type FieldError } from '../../platform/http/app-error';

export const translationExtension = 'http://hl7.org/fhir/StructureDefinition/translation';
export const sensitiveExtension = 'https://kith.health/fhir/StructureDefinition/sensitive';

const itemTypes = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
] as const;
export type ItemType = (typeof itemTypes)[number];
const answerableTypes = new Set<string>([
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'string',
  'text',
  'choice',
  'open-choice',
]);

/** Text in each language it is given in: `{ en: '…', es: '…' }`. */
export type Texts = Record<string, string>;

export interface QuestionOption {
  code: string;
  system: string | null;
  display: Texts;
}

/** A code the questionnaire gives an item (`item.code`, e.g. its LOINC question code). */
export interface QuestionCode {
  system: string | null;
  code: string;
  display: string | null;
}

/** One item of the questionnaire as the form shows it, in order, nested groups flattened. */
export interface Question {
  linkId: string;
  /** The linkId of the item this one is nested in (a group, or a question with follow-ups); null at the top. */
  parentLinkId: string | null;
  /** The item's codes, as the questionnaire gives them (none: the item is known by its linkId). */
  codes: QuestionCode[];
  type: ItemType;
  text: Texts;
  /** The texts of the groups the item is inside, outermost first. */
  groups: Texts[];
  required: boolean;
  repeats: boolean;
  options: QuestionOption[];
  sensitive: 'sud' | null;
  /** A display item (help text): shown, not answered. */
  answerable: boolean;
}

export interface ParsedQuestionnaire {
  url: string;
  version: string;
  title: string;
  status: string;
  baseLanguage: string;
  languages: string[];
  questions: Question[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

function translations(element: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  if (!isObject(element) || !Array.isArray(element.extension)) return found;
  for (const extension of element.extension) {
    if (!isObject(extension) || extension.url !== translationExtension || !Array.isArray(extension.extension)) continue;
    const parts = extension.extension.filter(isObject);
    const lang = parts.find((part) => part.url === 'lang')?.valueCode;
    const content = parts.find((part) => part.url === 'content')?.valueString;
    if (isText(lang) && isText(content)) found[lang.toLowerCase().split('-')[0]!] = content;
  }
  return found;
}

function sensitivityOf(item: Json): 'sud' | null {
  if (!Array.isArray(item.extension)) return null;
  return item.extension.some(
    (extension) => isObject(extension) && extension.url === sensitiveExtension && extension.valueCode === 'sud',
  )
    ? 'sud'
    : null;
}

function codesOf(value: unknown): QuestionCode[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((coding) =>
    isText(coding.code)
      ? [
          {
            system: isText(coding.system) ? coding.system : null,
            code: coding.code,
            display: isText(coding.display) ? coding.display : null,
          },
        ]
      : [],
  );
}

/**
 * Reads a Questionnaire, or throws a validation error naming every faulty field by its path in
 * the resource (`item[2].item[0].linkId`). `source` names the file in the message.
 */
export function parseQuestionnaire(resource: unknown, source = 'the questionnaire'): ParsedQuestionnaire {
  const errors: FieldError[] = [];
  const fault = (field: string, message: string) => errors.push({ field, message });
  if (!isObject(resource)) throw AppError.field('resource', `${source} is not a JSON object`);
  if (resource.resourceType !== 'Questionnaire') {
    throw AppError.field(
      'resourceType',
      `${source} is not a FHIR Questionnaire (resourceType is ${JSON.stringify(resource.resourceType)})`,
    );
  }
  if (!isText(resource.url) || resource.url.length > 500)
    fault('url', 'must be the canonical url of the questionnaire (at most 500 characters)');
  if (!isText(resource.version) || resource.version.length > 50)
    fault('version', 'must name the version (at most 50 characters)');
  const statuses = ['draft', 'active', 'retired', 'unknown'];
  if (typeof resource.status !== 'string' || !statuses.includes(resource.status))
    fault('status', `must be one of ${statuses.join(', ')}`);
  const baseLanguage = isText(resource.language) ? resource.language.toLowerCase().split('-')[0]! : 'en';
  const languages = new Set<string>([baseLanguage]);
  const questions: Question[] = [];
  const seen = new Set<string>();

  const walk = (items: unknown, path: string, groups: Texts[], parentLinkId: string | null) => {
    if (!Array.isArray(items) || items.length === 0) {
      fault(path, 'must be a list of at least one item');
      return;
    }
    items.forEach((item, index) => {
      const at = `${path}[${index}]`;
      if (!isObject(item)) return fault(at, 'must be an object');
      const linkId = item.linkId;
      if (!isText(linkId) || linkId.length > 200) fault(`${at}.linkId`, 'must be a text of at most 200 characters');
      else if (seen.has(linkId)) fault(`${at}.linkId`, `repeats the linkId ${linkId}`);
      else seen.add(linkId);
      if (typeof item.type !== 'string' || !(itemTypes as readonly string[]).includes(item.type))
        fault(`${at}.type`, `must be a FHIR item type (${itemTypes.join(', ')})`);
      if (!isText(item.text)) fault(`${at}.text`, 'must be the question or heading in words');
      const text: Texts = { [baseLanguage]: isText(item.text) ? item.text : '', ...translations(item._text) };
      for (const language of Object.keys(text)) languages.add(language);
      const options: QuestionOption[] = [];
      if (item.answerOption !== undefined) {
        if (!Array.isArray(item.answerOption)) fault(`${at}.answerOption`, 'must be a list');
        else
          item.answerOption.forEach((option, optionIndex) => {
            const optionAt = `${at}.answerOption[${optionIndex}]`;
            if (!isObject(option)) return fault(optionAt, 'must be an object');
            const coding = option.valueCoding;
            if (isObject(coding)) {
              if (!isText(coding.code)) return fault(`${optionAt}.valueCoding.code`, 'must be a code');
              const display: Texts = {
                [baseLanguage]: isText(coding.display) ? coding.display : coding.code,
                ...translations(coding._display),
              };
              options.push({ code: coding.code, system: isText(coding.system) ? coding.system : null, display });
            } else if (isText(option.valueString)) {
              options.push({
                code: option.valueString,
                system: null,
                display: { [baseLanguage]: option.valueString, ...translations(option._valueString) },
              });
            } else if (typeof option.valueInteger === 'number') {
              const code = String(option.valueInteger);
              options.push({ code, system: null, display: { [baseLanguage]: code } });
            } else fault(optionAt, 'must hold a valueCoding, a valueString or a valueInteger');
          });
      }
      if (isText(linkId) && typeof item.type === 'string' && (itemTypes as readonly string[]).includes(item.type)) {
        questions.push({
          linkId,
          parentLinkId,
          codes: codesOf(item.code),
          type: item.type as ItemType,
          text,
          groups,
          required: item.required === true,
          repeats: item.repeats === true,
          options,
          sensitive: sensitivityOf(item),
          answerable: answerableTypes.has(item.type),
        });
      }
      if (item.item !== undefined)
        walk(item.item, `${at}.item`, item.type === 'group' ? [...groups, text] : groups, isText(linkId) ? linkId : parentLinkId);
      else if (item.type === 'group') fault(`${at}.item`, 'a group must hold items');
    });
  };
  walk(resource.item, 'item', [], null);
  if (errors.length > 0) {
    throw new AppError(
      'validation_failed',
      `${source} is not a valid FHIR Questionnaire: ${errors
        .slice(0, 5)
        .map((error) => `${error.field}: ${error.message}`)
        .join('; ')}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`,
      { errors },
    );
  }
  const title = isText(resource.title) ? resource.title : isText(resource.name) ? resource.name : (resource.url as string);
  return {
    url: resource.url as string,
    version: resource.version as string,
    title: title.slice(0, 300),
    status: resource.status as string,
    baseLanguage,
    languages: [...languages],
    questions,
  };
}

/** One answer as a screening records it: the code of a choice, or a value. */
export interface GivenAnswer {
  code?: string;
  value?: string | number | boolean;
}
export interface GivenItem {
  linkId: string;
  answers: GivenAnswer[];
}

/** The text a scoring rule matches an answer by: its code, or its value as text. */
export function answerKey(answer: GivenAnswer): string {
  return answer.code ?? String(answer.value);
}

/** Checks answers against the questions: known linkIds, answerable items, codes of the options, values of the type. */
export function checkAnswers(questions: Question[], items: GivenItem[]): void {
  const byLinkId = new Map(questions.map((question) => [question.linkId, question]));
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const question = byLinkId.get(item.linkId);
    const at = `answers.${index}`;
    if (!question || !question.answerable) throw AppError.field(`${at}.linkId`, 'is not a question of this questionnaire');
    if (seen.has(item.linkId)) throw AppError.field(`${at}.linkId`, 'is answered twice');
    seen.add(item.linkId);
    if (!question.repeats && item.answers.length > 1) throw AppError.field(`${at}.answers`, 'this question takes one answer');
    item.answers.forEach((answer, answerIndex) => {
      const answerAt = `${at}.answers.${answerIndex}`;
      if ((answer.code === undefined) === (answer.value === undefined))
        throw AppError.field(answerAt, 'must hold a code or a value');
      if (question.type === 'choice' || (question.type === 'open-choice' && answer.code !== undefined)) {
        if (answer.code === undefined) throw AppError.field(`${answerAt}.code`, 'must be the code of one of the options');
        if (question.options.length > 0 && !question.options.some((option) => option.code === answer.code))
          throw AppError.field(`${answerAt}.code`, 'is not one of the options of this question');
        return;
      }
      const value = answer.value;
      const ok =
        question.type === 'boolean'
          ? typeof value === 'boolean'
          : question.type === 'integer'
            ? Number.isInteger(value)
            : question.type === 'decimal'
              ? typeof value === 'number' && Number.isFinite(value)
              : typeof value === 'string';
      if (!ok) throw AppError.field(`${answerAt}.value`, `must be a ${question.type} answer`);
    });
  });
}

export interface ScoringRule {
  linkId: string;
  answer: string;
  needDomain: string;
  severity: Severity;
}
export const severities = ['low', 'medium', 'high', 'urgent'] as const;
export type Severity = (typeof severities)[number];

/** The need domains the answers screen positive for, each with the highest severity of its rules and whether a sensitive item gave it. */
export function score(
  questions: Question[],
  rules: ScoringRule[],
  items: GivenItem[],
): { needDomain: string; severity: Severity; sensitive: 'sud' | null }[] {
  const sensitiveItems = new Set(questions.filter((question) => question.sensitive).map((question) => question.linkId));
  const found = new Map<string, { severity: Severity; sensitive: boolean }>();
  for (const item of items) {
    for (const answer of item.answers) {
      const key = answerKey(answer);
      for (const rule of rules) {
        if (rule.linkId !== item.linkId || rule.answer !== key) continue;
        const before = found.get(rule.needDomain);
        const sensitive = sensitiveItems.has(item.linkId);
        if (!before) found.set(rule.needDomain, { severity: rule.severity, sensitive });
        else {
          if (severities.indexOf(rule.severity) > severities.indexOf(before.severity)) before.severity = rule.severity;
          // A need is sensitive only when every answer that yields it is.
          before.sensitive = before.sensitive && sensitive;
        }
      }
    }
  }
  return [...found].map(([needDomain, { severity, sensitive }]) => ({
    needDomain,
    severity,
    sensitive: sensitive ? 'sud' : null,
  }));
}
