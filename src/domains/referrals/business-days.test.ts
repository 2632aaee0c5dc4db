import { describe, expect, it } from 'vitest';
import { answerDueOn, businessDayAfter, isBusinessDay, isOverdue, localDay } from './business-days';

// 2026-12-07 is a Monday.
describe('business days', () => {
  it('knows Monday to Friday', () => {
    const week = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
    expect(week.map(isBusinessDay)).toEqual([true, true, true, true, true, false, false]);
  });

  it('counts business days after a day, over weekends, months and years', () => {
    expect(businessDayAfter('2026-12-07', 1)).toBe('2026-12-08');
    expect(businessDayAfter('2026-12-07', 3)).toBe('2026-12-10');
    expect(businessDayAfter('2026-12-07', 5)).toBe('2026-12-14');
    // Thursday + 3: Friday, Monday, Tuesday.
    expect(businessDayAfter('2026-12-10', 3)).toBe('2026-12-15');
    // Friday + 1: Monday. Saturday and Sunday + 1: Monday too.
    expect(businessDayAfter('2026-12-11', 1)).toBe('2026-12-14');
    expect(businessDayAfter('2026-12-12', 1)).toBe('2026-12-14');
    expect(businessDayAfter('2026-12-13', 1)).toBe('2026-12-14');
    expect(businessDayAfter('2026-12-13', 3)).toBe('2026-12-16');
    // Across a month and a year.
    expect(businessDayAfter('2026-12-30', 3)).toBe('2027-01-04');
    expect(businessDayAfter('2024-02-28', 1)).toBe('2024-02-29');
    // 30 business days are six weeks.
    expect(businessDayAfter('2026-12-07', 30)).toBe('2027-01-18');
    // A count below one counts as one.
    expect(businessDayAfter('2026-12-07', 0)).toBe('2026-12-08');
  });

  it('gives n weekdays between a day and the day n business days after it, for every start and n', () => {
    for (let offset = 0; offset < 14; offset++) {
      const start = new Date(Date.UTC(2026, 11, 7 + offset)).toISOString().slice(0, 10);
      for (let days = 1; days <= 30; days++) {
        const due = businessDayAfter(start, days);
        expect(isBusinessDay(due)).toBe(true);
        let count = 0;
        for (let at = new Date(`${start}T00:00:00Z`); at.toISOString().slice(0, 10) < due;) {
          at.setUTCDate(at.getUTCDate() + 1);
          if (isBusinessDay(at.toISOString().slice(0, 10))) count += 1;
        }
        expect(count, `${start} + ${days}`).toBe(days);
      }
    }
  });

  it('reads the day of a moment in the network’s time zone', () => {
    // 03:00 UTC on Tuesday is still Monday evening in New York.
    expect(localDay(new Date('2026-12-08T03:00:00Z'), 'America/New_York')).toBe('2026-12-07');
    expect(localDay(new Date('2026-12-08T03:00:00Z'), 'UTC')).toBe('2026-12-08');
    expect(answerDueOn(new Date('2026-12-08T03:00:00Z'), 3, 'America/New_York')).toBe('2026-12-10');
  });

  it('is overdue the day after the last day to answer, only while still waiting for an answer', () => {
    const options = (now: string) => ({ now: new Date(now), days: 3, timeZone: 'America/New_York' });
    // Sent Monday noon: answer by the end of Thursday.
    const sent = { status: 'requested' as const, sentAt: new Date('2026-12-07T17:00:00Z') };
    expect(isOverdue(sent, options('2026-12-10T23:00:00Z'))).toBe(false);
    expect(isOverdue(sent, options('2026-12-11T04:59:00Z'))).toBe(false);
    expect(isOverdue(sent, options('2026-12-11T05:01:00Z'))).toBe(true);
    expect(isOverdue({ ...sent, status: 'accepted' }, options('2026-12-20T12:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'draft', sentAt: null }, options('2026-12-20T12:00:00Z'))).toBe(false);
    // Sent on a Saturday: Monday, Tuesday, Wednesday.
    const weekend = { status: 'requested' as const, sentAt: new Date('2026-12-12T15:00:00Z') };
    expect(isOverdue(weekend, options('2026-12-16T20:00:00Z'))).toBe(false);
    expect(isOverdue(weekend, options('2026-12-17T15:00:00Z'))).toBe(true);
    // A longer answer time.
    expect(isOverdue(sent, { ...options('2026-12-11T15:00:00Z'), days: 10 })).toBe(false);
  });
});
