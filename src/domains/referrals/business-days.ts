// An organisation's answer time in business days (Monday to Friday), and when a sent referral is
// overdue: pure, no clock. A referral sent on a day (any time of it, a weekend day too, in the
// network's time zone) is to be answered by the end of the n-th business day after that day; from
// the next day on, while it is still waiting for an answer, it is overdue. The same rule runs in
// SQL for lists (`referral_business_day_after` in the migration); a test holds the two together.
import type { ReferralStatus } from './referral-states';

/** The answer time of an organisation that has not set one. */
export const DEFAULT_ANSWER_DAYS = 3;
export const MIN_ANSWER_DAYS = 1;
export const MAX_ANSWER_DAYS = 30;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateOf(day: string): Date {
  const match = dayPattern.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const dayText = (date: Date) => date.toISOString().slice(0, 10);

/** Whether a day (YYYY-MM-DD) is Monday to Friday. */
export function isBusinessDay(day: string): boolean {
  const weekday = dateOf(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day `days` business days after `day` (days ≥ 1; a smaller number counts as 1). */
export function businessDayAfter(day: string, days: number): string {
  const date = dateOf(day);
  let left = Math.max(1, Math.floor(days));
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isBusinessDay(dayText(date))) left -= 1;
  }
  return dayText(date);
}

/** The calendar day of a moment in a time zone (YYYY-MM-DD). */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The last day to answer a referral sent at `sentAt`. */
export function answerDueOn(sentAt: Date, days: number, timeZone: string): string {
  return businessDayAfter(localDay(sentAt, timeZone), days);
}

/** A referral sent and not answered (still requested) after the last day to answer it. */
export function isOverdue(
  referral: { status: ReferralStatus; sentAt: Date | null },
  options: { now: Date; days: number; timeZone: string },
): boolean {
  if (referral.status !== 'requested' || !referral.sentAt) return false;
  return localDay(options.now, options.timeZone) > answerDueOn(referral.sentAt, options.days, options.timeZone);
}
