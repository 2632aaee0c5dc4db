// The words of a referral's moments and history: how long ago it was sent, the day it must be
// answered by, and each event of its history ("Accepted by Ian Quintero, Chestnut Street Pantry").
import type { TFunction } from 'i18next';
import type { ReferralEvent, ReferralStatus } from '../api/types';
import i18n from '../i18n';
import { daysSince } from './referral-rules';

/** "Sent today", "Sent yesterday", "Sent 4 days ago". */
export function sentAgoText(sentAt: string, t: TFunction, now = Date.now()): string {
  return t('referrals.sentDaysAgo', { count: daysSince(sentAt, now) });
}

/** A day (YYYY-MM-DD, the network's calendar) as the reader writes it: "Mon, Dec 7". */
export function formatDay(day: string, locale = i18n.language): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

export function answerByText(day: string, t: TFunction): string {
  return t('referrals.answerBy', { day: formatDay(day) });
}

/** One event of the history: what happened, and who did it (a person of an organisation, or the organisation). */
export function eventText(event: ReferralEvent, t: TFunction): string {
  const what =
    event.fromStatus === null
      ? event.toStatus === 'draft'
        ? t('referrals.history.madeDraft')
        : t('referrals.history.madeSent')
      : t('referrals.history.moved', { status: t(`referrals.statuses.${event.toStatus as ReferralStatus}`) });
  const reason = event.reason
    ? ` ${t('referrals.history.reason', {
        reason: event.reason.text
          ? `${t(`referrals.reasons.${event.reason.code}`)}: ${event.reason.text}`
          : t(`referrals.reasons.${event.reason.code}`),
      })}`
    : '';
  const who = event.actor
    ? event.actor.name
      ? t('referrals.history.byPerson', { name: event.actor.name, organisation: event.actor.organizationName })
      : t('referrals.history.byOrganisation', { organisation: event.actor.organizationName })
    : t('referrals.history.bySystem');
  return `${what} ${who}.${reason}`;
}
