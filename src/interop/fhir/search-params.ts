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
