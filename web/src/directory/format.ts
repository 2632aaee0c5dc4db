// Words and numbers of the directory pages: distances, how old a capacity report is, language names.
import type { TFunction } from 'i18next';
import i18n from '../i18n';

/** "1.2 km" in English, "1,2 km" in Spanish. */
export function formatDistance(km: number): string {
  const digits = km < 10 ? 1 : 0;
  return new Intl.NumberFormat(i18n.language, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(km);
}

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/** Reports older than this may be wrong by now; the page says so. */
export const staleAfterDays = 30;

export function ageInDays(iso: string, now = Date.now()): number {
  return (now - Date.parse(iso)) / (day * 1000);
}

/** "updated just now", "updated 5 minutes ago", "updated yesterday", "updated 3 days ago". */
export function updatedAgo(iso: string, t: TFunction, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  // A server clock a little ahead of this one still means "just now".
  if (!Number.isFinite(seconds) || seconds < minute) return t('directory.capacity.updatedJustNow');
  const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  let when: string;
  if (seconds < hour) when = format.format(-Math.floor(seconds / minute), 'minute');
  else if (seconds < day) when = format.format(-Math.floor(seconds / hour), 'hour');
  else if (seconds < 30 * day) when = format.format(-Math.floor(seconds / day), 'day');
  else if (seconds < 365 * day) when = format.format(-Math.floor(seconds / (30 * day)), 'month');
  else when = format.format(-Math.floor(seconds / (365 * day)), 'year');
  return t('directory.capacity.updatedAgo', { when });
}

/** "Spanish" for "es"; an unknown code stays as it is. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Display names of languages, each once, whether the data gives codes ("es") or names ("Spanish"). */
export function languageNames(codesOrNames: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of codesOrNames) {
    const name = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value) ? languageName(value) : value;
    const shown = name.charAt(0).toLocaleUpperCase(i18n.language) + name.slice(1);
    const key = shown.toLocaleLowerCase(i18n.language);
    if (!seen.has(key)) seen.set(key, shown);
  }
  return [...seen.values()];
}

/** Languages often asked for in community services (ISO 639-1), offered in the "Speaks" filter. */
export const commonLanguages = [
  'en', 'es', 'zh', 'vi', 'ar', 'ko', 'ru', 'fr', 'ht', 'pt', 'tl', 'so', 'hi', 'pl', 'fa', 'am', 'uk', 'ne', 'my', 'sw',
  'ase',
] as const;
