// Turns one stored row into HSDS 3.0.1 JSON that validates: HSDS allows no nulls (empty values are
// left out), required strings that the data lacks become "", and values that break a declared
// format or enumeration are repaired when the repair is certain and left out otherwise. The
// format checks are ajv-formats' own, so what we emit passes the same validator the tests use.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { hsdsModel, type HsdsObjectName } from '../../../domains/directory/index';

export type HsdsJson = { [key: string]: HsdsValue };
export type HsdsValue = string | number | boolean | HsdsJson | HsdsValue[];
export type Row = Record<string, unknown>;

type FormatName = 'uri' | 'email' | 'date-time';

/** The `format` of each field that declares one in the 3.0.1 schemas (uuid ids come from uuid columns). */
export const formats: Partial<Record<HsdsObjectName, Record<string, FormatName>>> = {
  organization: { email: 'email', website: 'uri', uri: 'uri' },
  service: { url: 'uri', email: 'email', assurer_email: 'email', last_modified: 'date-time' },
  location: { url: 'uri' },
  contact: { email: 'email' },
  accessibility: { url: 'uri' },
  required_document: { uri: 'uri' },
  schedule: { schedule_link: 'uri' },
  taxonomy: { uri: 'uri' },
  taxonomy_term: { term_uri: 'uri' },
};

/** Enumerations of the 3.0.1 schemas, and the value a required one falls back to. */
const enums: Partial<Record<HsdsObjectName, Record<string, { values: readonly string[]; fallback?: string }>>> = {
  service: { status: { values: ['active', 'inactive', 'defunct', 'temporarily closed'], fallback: 'active' } },
  location: { location_type: { values: ['physical', 'postal', 'virtual'], fallback: 'physical' } },
  address: { address_type: { values: ['physical', 'postal', 'virtual'], fallback: 'physical' } },
  schedule: {
    wkst: { values: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
    freq: { values: ['WEEKLY', 'MONTHLY'] },
  },
};

function check(format: FormatName, value: string): boolean {
  const definition = fullFormats[format] as unknown;
  if (definition instanceof RegExp) return definition.test(value);
  if (typeof definition === 'function') return Boolean((definition as (text: string) => boolean)(value));
  return Boolean((definition as { validate: (text: string) => boolean }).validate(value));
}

/**
 * A value in its declared format, or undefined. Web addresses published without a scheme
 * ("www.example.org") are the one common repair: they get http://, which browsers upgrade.
 */
export function conformFormat(format: FormatName, value: string): string | undefined {
  if (check(format, value)) return value;
  if (format === 'uri') {
    const withScheme = `http://${value}`;
    if (/^[^\s/:@]+\.[^\s/:@]+/.test(value) && check('uri', withScheme)) return withScheme;
    return undefined;
  }
  if (format === 'email') {
    const bare = value.replace(/^mailto:/i, '').trim();
    return check('email', bare) ? bare : undefined;
  }
  // date-time: a parseable stamp is rewritten as RFC 3339 UTC to the millisecond.
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function conformEnum(values: readonly string[], value: string): string | undefined {
  if (values.includes(value)) return value;
  const loose = value.trim().replaceAll('_', ' ');
  return values.find((candidate) => candidate.toLowerCase() === loose.toLowerCase());
}

/**
 * The HSDS JSON of one stored row of `object`: its scalar fields in schema order, minus `omit`
 * (the link column a nested child need not repeat, since its place says it).
 */
export function hsdsScalars(object: HsdsObjectName, row: Row, omit: readonly string[] = []): HsdsJson {
  const model = hsdsModel[object];
  const out: HsdsJson = {};
  for (const [field, type] of Object.entries(model.fields)) {
    if (omit.includes(field)) continue;
    const value = type === 'number' ? numberValue(row[field]) : textValue(object, field, row[field]);
    if (value !== undefined) out[field] = value;
    else if (model.required.includes(field)) out[field] = enums[object]?.[field]?.fallback ?? '';
  }
  return out;
}

function numberValue(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function textValue(object: HsdsObjectName, field: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value);
  if (text.trim() === '') return undefined;
  const format = formats[object]?.[field];
  if (format) return conformFormat(format, text.trim());
  const enumeration = enums[object]?.[field];
  if (enumeration) return conformEnum(enumeration.values, text);
  return text;
}
