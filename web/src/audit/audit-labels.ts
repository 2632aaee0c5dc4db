// Plain words for the audit log's codes. An action code (`user.create`) is also its key in the
// catalogue (audit.actions.user.create); actions without words yet show their code.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../api/types';
import en from '../i18n/en.json';

const actionWords: Record<string, Record<string, string>> = en.audit.actions;

/** Every action the catalogue has words for, as codes. */
export const knownActions: string[] = Object.entries(actionWords).flatMap(([recordType, verbs]) =>
  Object.keys(verbs).map((verb) => `${recordType}.${verb}`),
);

// These keys come from data, so they are checked against the catalogue here at run time
// rather than by the type checker.
function translateKey(t: TFunction, key: string): string {
  return (t as unknown as (key: string) => string)(key);
}

export function actionLabel(action: string, t: TFunction): string {
  return knownActions.includes(action) ? translateKey(t, `audit.actions.${action}`) : action;
}

export function actorLabel(entry: AuditEntry, t: TFunction): string {
  return entry.actorName ?? t(`audit.actorKinds.${entry.actorKind}`);
}

export function recordLabel(entry: AuditEntry, t: TFunction): string {
  if (!entry.recordType) return '';
  return entry.recordType in en.audit.recordTypes ? translateKey(t, `audit.recordTypes.${entry.recordType}`) : entry.recordType;
}
