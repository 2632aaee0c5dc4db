// Reading an error from the API for people: which field it is about, and what to tell them.
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';

/** The form field an error names: `roles.0` → `roles`, `query.to` → `to`. */
export function formFieldOf(path: string): string {
  const parts = path.split('.');
  const withoutPlace = parts[0] === 'query' || parts[0] === 'path' ? parts.slice(1) : parts;
  return withoutPlace[0] ?? path;
}

/** Server messages are sentence fragments ("must not be empty"); beside a field they read as a sentence. */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export interface SplitProblem<Field extends string> {
  /** Errors shown beside the field they name. */
  byField: Partial<Record<Field, string>>;
  /** Errors about something the form does not show. */
  unplaced: FieldError[];
}

export function splitFieldErrors<Field extends string>(error: unknown, fields: readonly Field[]): SplitProblem<Field> {
  const byField: Partial<Record<Field, string>> = {};
  const unplaced: FieldError[] = [];
  if (!(error instanceof ApiError)) return { byField, unplaced };
  for (const entry of error.problem.errors ?? []) {
    const field = formFieldOf(entry.field) as Field;
    if (fields.includes(field)) byField[field] ??= sentence(entry.message);
    else unplaced.push(entry);
  }
  return { byField, unplaced };
}

/** One sentence saying what went wrong, for an alert. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.isNetworkFailure) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  return error.problem.detail ?? error.problem.title ?? t('errors.unexpected');
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}
