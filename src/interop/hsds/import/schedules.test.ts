// Opening hours as directories write them, into HSDS 3 schedules. Story: a coordinator filters by
// "open now"; that only works for hours we could read, and hours we could not read must still be
// shown to her as the publisher wrote them.
import { describe, expect, it } from 'vitest';
import {
  holidaySchedule,
  hoursFromText,
  parseClock,
  parseHoursText,
  parseWeekdays,
  regularSchedule,
  schedule2,
} from './schedules';

describe('weekdays', () => {
  it('reads 1.x weekday numbers (1 = Monday … 7 = Sunday), names, ranges and lists', () => {
    expect(parseWeekdays('1')).toEqual(['MO']);
    expect(parseWeekdays('7')).toEqual(['SU']);
    expect(parseWeekdays('Tuesday')).toEqual(['TU']);
    expect(parseWeekdays('Mon-Fri')).toEqual(['MO', 'TU', 'WE', 'TH', 'FR']);
    expect(parseWeekdays('Tues & Thurs')).toEqual(['TU', 'TH']);
    expect(parseWeekdays('Fri-Mon')).toEqual(['MO', 'FR', 'SA', 'SU']);
    expect(parseWeekdays('weekends')).toEqual(['SA', 'SU']);
    expect(parseWeekdays('daily')).toHaveLength(7);
  });

  it('refuses what is not a day rather than guessing', () => {
    expect(parseWeekdays('8')).toBeUndefined();
    expect(parseWeekdays('by appointment')).toBeUndefined();
  });
});

describe('clock times', () => {
  it('writes HH:MM from 12- and 24-hour clocks, keeping a zone suffix', () => {
    expect(parseClock('9:30 AM')).toBe('09:30');
    expect(parseClock('9:30 PM')).toBe('21:30');
    expect(parseClock('12am')).toBe('00:00');
    expect(parseClock('12 p.m.')).toBe('12:00');
    expect(parseClock('0930')).toBe('09:30');
    expect(parseClock('17:00:00')).toBe('17:00');
    expect(parseClock('17:00Z')).toBe('17:00Z');
    expect(parseClock('noon')).toBe('12:00');
  });

  it('refuses impossible times', () => {
    expect(parseClock('25:00')).toBeUndefined();
    expect(parseClock('13pm')).toBeUndefined();
    expect(parseClock('soon')).toBeUndefined();
  });
});

describe('free-text hours', () => {
  it('reads common shapes into one schedule per part', () => {
    expect(parseHoursText('Mon-Fri 9am-5pm')).toEqual([{ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }]);
    expect(parseHoursText('Monday through Friday, 8:30 AM - 4:30 PM')).toEqual([
      { byday: 'MO,TU,WE,TH,FR', opens_at: '08:30', closes_at: '16:30' },
    ]);
    expect(parseHoursText('Mon&Thur,8:30AM-9PM; Fri,8:30AM-3PM')).toEqual([
      { byday: 'MO,TH', opens_at: '08:30', closes_at: '21:00' },
      { byday: 'FR', opens_at: '08:30', closes_at: '15:00' },
    ]);
    // "9-5": the closing hour is the afternoon.
    expect(parseHoursText('Sat 10-2')).toEqual([{ byday: 'SA', opens_at: '10:00', closes_at: '14:00' }]);
  });

  it('reads nothing from text it only half understands', () => {
    expect(parseHoursText('Will see clients Mon-Tues,8:30AM-5PM and Thurs and Fri by appointment only.')).toBeUndefined();
    expect(parseHoursText('Call for hours')).toBeUndefined();
  });

  it('always keeps the text: structured where readable, the text alone otherwise', () => {
    expect(hoursFromText('Mon-Fri 9am-5pm')).toEqual([
      { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00', description: 'Mon-Fri 9am-5pm' },
    ]);
    expect(hoursFromText('Most evenings, call ahead')).toEqual([{ description: 'Most evenings, call ahead' }]);
  });
});

describe('1.x and 2.0 schedule rows', () => {
  it('turns a regular schedule into a weekly rule, or keeps unreadable hours as text', () => {
    expect(regularSchedule('1', '9:00 AM', '5:00 PM')).toEqual({
      freq: 'WEEKLY',
      byday: 'MO',
      opens_at: '09:00',
      closes_at: '17:00',
    });
    expect(regularSchedule('2', 'by appointment', undefined)).toEqual({ description: 'Tuesday: by appointment' });
  });

  it('says a holiday closure in words (3.0 has no closed flag)', () => {
    expect(holidaySchedule({ closed: 'true', start_date: '2024-12-25', end_date: '2024-12-26' })).toMatchObject({
      valid_from: '2024-12-25',
      valid_to: '2024-12-26',
      description: 'Closed 2024-12-25 to 2024-12-26',
    });
  });

  it('maps 2.0 DAILY to every weekday, keeps YEARLY in notes, and drops 2.0 date-typed wkst/count', () => {
    expect(schedule2({ freq: 'DAILY', opens_at: '8:00', closes_at: '16:00' })).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR,SA,SU',
      opens_at: '08:00',
    });
    expect(schedule2({ freq: 'YEARLY', description: 'Tax clinic' })).toMatchObject({
      freq: undefined,
      notes: 'Repeats yearly (no HSDS 3.0 equivalent).',
    });
    expect(schedule2({ freq: 'WEEKLY', wkst: '2019-01-01', count: '2019-01-01' })).toMatchObject({
      wkst: undefined,
      count: undefined,
    });
  });
});
