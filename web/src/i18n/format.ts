// Dates and lists written the way the reader's language writes them.
import i18n from './index';

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "a, b and c" in English, "a, b y c" in Spanish. */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(items);
}
