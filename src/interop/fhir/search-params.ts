// Reading FHIR search values: a token `system|value`, a date `[eq]YYYY-MM-DD`, a reference
// `Patient/<id>` or `<id>`. A value that is not one is a 400 naming the parameter.
import { AppError } from '../../platform/http/app-error';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function token(param: string, value: string): { system?: string; value: string } {
  const bar = value.indexOf('|');
  const parts = bar < 0 ? { value } : { system: value.slice(0, bar), value: value.slice(bar + 1) };
  if (!parts.value) throw AppError.field(param, 'must name a value, as system|value or value');
  return parts;
}

export function day(param: string, value: string): string {
  const match = /^(?:eq)?(\d{4}-\d{2}-\d{2})$/.exec(value);
  const date = match && new Date(`${match[1]}T00:00:00Z`);
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[1]) {
    throw AppError.field(param, 'must be a day as YYYY-MM-DD (eq only)');
  }
  return match[1]!;
}

export function reference(param: string, value: string, type: string): string {
  const id = value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
  if (!uuid.test(id)) throw AppError.field(param, `must be ${type}/<id> or <id>, an id Kith gave out`);
  return id.toLowerCase();
}

/** A token list `a,b` (any of them): each as `system|value` or `value`. */
export function tokens(param: string, value: string): { system?: string; value: string }[] {
  return value.split(',').map((part) => token(param, part));
}

type Prefix = 'eq' | 'ge' | 'le' | 'gt' | 'lt';
const dateValue = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2}))?$/;

/** A time range, as a search of a date parameter asks it: from (inclusive) and before (exclusive). */
export interface TimeRange {
  from?: Date;
  before?: Date;
}

/** The instants a search may name (PostgreSQL keeps no year 0, and JavaScript writes year 10000 as +010000). */
const earliest = new Date('0001-01-01T00:00:00Z');
const latest = new Date('9999-12-31T00:00:00Z');

/**
 * The range the values of a date parameter ask for, each `[prefix]YYYY-MM-DD` (a day in UTC) or
 * `[prefix]YYYY-MM-DDThh:mm[:ss[.sss]](Z|±hh:mm)` (an instant), the prefix one of eq (default),
 * ge, le, gt and lt; several values narrow the range together (`ge2026-01-01&le2026-01-31`).
 */
export function dateRange(param: string, values: string[]): TimeRange {
  const range: TimeRange = {};
  const narrowFrom = (date: Date) => {
    if (!range.from || date > range.from) range.from = date;
  };
  const narrowBefore = (date: Date) => {
    if (!range.before || date < range.before) range.before = date;
  };
  for (const value of values) {
    const [, given, text] = /^(eq|ge|le|gt|lt)?(.*)$/s.exec(value)!;
    const prefix = (given ?? 'eq') as Prefix;
    const match = dateValue.exec(text!);
    const day = match && new Date(`${match[1]}T00:00:00Z`);
    if (!match || !day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== match[1]) {
      throw AppError.field(
        param,
        'must be a day (YYYY-MM-DD) or a time with its zone (YYYY-MM-DDThh:mm:ssZ), after eq, ge, le, gt or lt',
      );
    }
    let start: Date;
    let end: Date;
    if (match[2]) {
      start = new Date(`${match[1]}T${match[2]}${match[3]}`);
      if (Number.isNaN(start.getTime())) throw AppError.field(param, 'is not a time that exists');
      // An instant given to the second (or minute) covers that second (or minute).
      const step = match[2].includes('.') ? 1 : match[2].length > 5 ? 1000 : 60_000;
      end = new Date(start.getTime() + step);
    } else {
      start = day;
      end = new Date(day.getTime() + 24 * 60 * 60 * 1000);
    }
    if (start < earliest || end.getTime() > latest.getTime() + 1) throw AppError.field(param, 'must fall in the years 1 to 9999');
    if (prefix === 'eq') {
      narrowFrom(start);
      narrowBefore(end);
    } else if (prefix === 'ge') narrowFrom(start);
    else if (prefix === 'gt') narrowFrom(end);
    else if (prefix === 'lt') narrowBefore(start);
    else narrowBefore(end);
  }
  return range;
}
