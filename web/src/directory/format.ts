// Words and numbers of the directory pages: distances, how old a capacity report is, language names,
// opening hours. The server sends data (codes, HH:MM times); the words are made here, in the
// reader's language.
import type { TFunction } from 'i18next';
import { weekdayCodes, type OpeningHours, type WeekdayCode } from '../api/directory';
import type { DistanceUnit } from '../api/types';
import i18n from '../i18n';

export const KM_PER_MILE = 1.609344;

/** "1.2 km" in English, "1,2 km" in Spanish; "0.7 mi" where the network counts in miles. */
export function formatDistance(km: number, unit: DistanceUnit = 'km'): string {
  const value = unit === 'mi' ? km / KM_PER_MILE : km;
  // Whole numbers stay whole ("within 5 mi"); other distances below 10 get one decimal.
  const digits = value < 10 && Math.abs(value - Math.round(value)) > 0.01 ? 1 : 0;
  return new Intl.NumberFormat(i18n.language, {
    style: 'unit',
    unit: unit === 'mi' ? 'mile' : 'kilometer',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
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

/**
 * "Spanish" for "es", in the reader's language; where that language has no name for the code
 * (Spanish has none for "ase", American Sign Language), its English name; only a code no
 * language names stays as it is.
 */
export function languageName(code: string): string {
  for (const language of [i18n.language, 'en']) {
    try {
      const name = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(code);
      if (name && name.toLowerCase() !== code.toLowerCase()) return name;
    } catch {
      // not a well-formed code: shown as it is
    }
  }
  return code;
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
  'en',
  'es',
  'zh',
  'vi',
  'ar',
  'ko',
  'ru',
  'fr',
  'ht',
  'pt',
  'tl',
  'so',
  'hi',
  'pl',
  'fa',
  'am',
  'uk',
  'ne',
  'my',
  'sw',
  'ase',
] as const;

/** "Mon" in English, "lun" in French: the short weekday name of a schedule's day code. */
export function weekdayName(code: WeekdayCode, locale = i18n.language): string {
  // 1 January 2024 was a Monday.
  const day = new Date(Date.UTC(2024, 0, 1 + weekdayCodes.indexOf(code)));
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(day);
}

/** "9:00 AM" in English, "09:00" in German, from a schedule's "09:00" ("24:00" is midnight). */
export function clockTime(hhmm: string, locale = i18n.language): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  const time = new Date(Date.UTC(2024, 0, 1, hours % 24, minutes));
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(time);
}

/** "Mon–Fri", "Mon, Wed, Fri", "Mon–Wed, Sat": three days or more in a row become a range. */
export function weekdaysText(days: readonly WeekdayCode[], t: TFunction, locale = i18n.language): string {
  const positions = [...new Set(days.map((day) => weekdayCodes.indexOf(day)))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let start = 0; start < positions.length;) {
    let end = start;
    while (end + 1 < positions.length && positions[end + 1] === positions[end]! + 1) end++;
    const name = (index: number) => weekdayName(weekdayCodes[positions[index]!]!, locale);
    if (end - start >= 2) parts.push(t('directory.hours.dayRange', { from: name(start), to: name(end) }));
    else for (let index = start; index <= end; index++) parts.push(name(index));
    start = end + 1;
  }
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts);
}

/** One schedule as a line: "Mon–Fri 9:00 AM – 5:00 PM · Closed on holidays", or its words alone. */
export function hoursLine(hours: OpeningHours, t: TFunction, locale = i18n.language): string {
  const words = [hours.description, hours.notes].filter((part): part is string => Boolean(part?.trim()));
  if (!hours.opens || !hours.closes) return words.join(' · ');
  const when = t('directory.hours.line', {
    days: hours.days ? weekdaysText(hours.days, t, locale) : t('directory.hours.everyDay'),
    opens: clockTime(hours.opens, locale),
    closes: clockTime(hours.closes, locale),
  });
  return [when, ...words].join(' · ');
}
