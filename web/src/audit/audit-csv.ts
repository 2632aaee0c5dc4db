// The loaded audit rows as a CSV file, made in the browser.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../api/types';
import { actionLabel, actorLabel, recordLabel } from './audit-labels';

/** Quotes a cell; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function auditCsv(entries: AuditEntry[], t: TFunction): string {
  const header = [
    t('audit.csv.time'),
    t('audit.csv.who'),
    t('audit.csv.actorKind'),
    t('audit.csv.action'),
    t('audit.csv.actionCode'),
    t('audit.csv.outcome'),
    t('audit.csv.recordType'),
    t('audit.csv.recordName'),
    t('audit.csv.recordId'),
    t('audit.csv.ip'),
  ];
  const rows = entries.map((entry) => [
    entry.at,
    actorLabel(entry, t),
    t(`audit.actorKinds.${entry.actorKind}`),
    actionLabel(entry.action, t),
    entry.action,
    t(`audit.outcomes.${entry.outcome}`),
    recordLabel(entry, t),
    entry.recordName,
    entry.recordId,
    entry.ip,
  ]);
  // CRLF line ends (RFC 4180) and a byte-order mark, so spreadsheet programs read the accents right.
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
