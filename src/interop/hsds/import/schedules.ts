// Opening hours into HSDS 3 schedules (RRULE-like: freq=WEEKLY, byday=MO,TU…, opens_at/closes_at
// as HH:MM). Sources give weekday numbers (1.x: 1 = Monday … 7 = Sunday), day names, 12-hour
// clocks, or free text ("Mon-Fri 9am-5pm"). What can be read becomes structured fields; the
// original text is always kept in `description`, and text that cannot be read is kept there alone:
// hours are never dropped.
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const allDays = days.join(',');
const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const dayWords: Record<string, number> = {};
dayNames.forEach((capitalised, index) => {
  const name = capitalised.toLowerCase();
  for (const spelling of [name, name.slice(0, 3), name.slice(0, 2), `${name.slice(0, 3)}.`]) dayWords[spelling] = index;
});
Object.assign(dayWords, { tues: 1, tue: 1, weds: 2, wed: 2, thur: 3, thurs: 3, thu: 3, th: 3, sat: 5, sun: 6 });

const dayPattern =
  '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?';

/** Weekday codes of "Mon-Fri", "Monday, Wednesday", "weekdays", "daily", or a 1.x number (1 = Monday). */
export function parseWeekdays(text: string): string[] | undefined {
  const value = text.trim().toLowerCase();
  if (/^[1-7]$/.test(value)) return [days[Number(value) - 1]!];
  if (/^(daily|every ?day|7 days(?: a week)?|all week|mon(?:day)?\s*(?:-|–|to|through|thru)\s*sun(?:day)?)$/.test(value))
    return [...days];
  if (/^(weekdays|week ?days|m-f|m - f)$/.test(value)) return ['MO', 'TU', 'WE', 'TH', 'FR'];
  if (/^(weekends?)$/.test(value)) return ['SA', 'SU'];
  const found = new Set<number>();
  for (const part of value.split(/\s*(?:,|&|\band\b|\/)\s*/)) {
    if (part === '') continue;
    const range = part.match(new RegExp(`^(${dayPattern})\\s*(?:-|–|to|through|thru)\\s*(${dayPattern})$`));
    if (range) {
      const from = dayWords[range[1]!.replace('.', '')];
      const to = dayWords[range[2]!.replace('.', '')];
      if (from === undefined || to === undefined) return undefined;
      for (let day = from; ; day = (day + 1) % 7) {
        found.add(day);
        if (day === to) break;
      }
      continue;
    }
    const single = dayWords[part.replace(/\.$/, '')];
    if (single === undefined) return undefined;
    found.add(single);
  }
  return found.size ? [...found].sort().map((day) => days[day]!) : undefined;
}

/** "9", "9am", "9:30 PM", "09:30:00", "0930", "17:00Z", "noon" → "HH:MM" (a zone suffix is kept). */
export function parseClock(text: string): string | undefined {
  const value = text.trim().toLowerCase().replace(/\./g, '');
  if (value === 'noon') return '12:00';
  if (value === 'midnight') return '00:00';
  const match = value.match(/^(\d{1,2})(?::?(\d{2}))?(?::(\d{2}))?\s*(am|pm|a|p)?\s*(z|[+-]\d{2}:?\d{2})?$/);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const half = match[4];
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    if (half.startsWith('p') && hour !== 12) hour += 12;
    if (half.startsWith('a') && hour === 12) hour = 0;
  } else if (match[2] === undefined && match[1]!.length > 2) return undefined;
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return undefined;
  const zone = match[5] ? match[5].toUpperCase() : '';
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}${zone}`;
}

export interface Hours {
  byday: string;
  opens_at: string;
  closes_at: string;
}

const clockPattern = '(?:\\d{1,2}(?::\\d{2})?\\s*(?:a\\.?m\\.?|p\\.?m\\.?|a|p)?|noon|midnight)';

/**
 * Free-text hours: "Mon-Fri 9am-5pm; Sat 10-2", "Monday through Friday, 8:30 AM - 4:30 PM".
 * Undefined unless every part is understood: a half-read text would claim hours it does not say.
 */
export function parseHoursText(text: string): Hours[] | undefined {
  const segments = text
    .replace(/\b([ap])\.m\.?/gi, '$1m')
    .replace(/\b(hours|open)\s*:?/gi, ' ')
    .split(/\s*(?:;|\n|\.\s|\.$)\s*/)
    .map((segment) => segment.trim())
    .filter(Boolean);
  if (segments.length === 0) return undefined;
  const result: Hours[] = [];
  const segmentPattern = new RegExp(`^(.+?)[\\s,:]+(${clockPattern})\\s*(?:-|–|to|until)\\s*(${clockPattern})$`, 'i');
  for (const segment of segments) {
    const match = segment.match(segmentPattern);
    if (!match) return undefined;
    const weekdays = parseWeekdays(match[1]!.replace(/[,:]$/, ''));
    let opens = parseClock(match[2]!);
    const closes = parseClock(match[3]!);
    if (!weekdays || !opens || !closes) return undefined;
    // "9-5": a bare opening hour without am/pm is the morning, a closing hour before it the afternoon.
    const closesBare = !/[ap]/i.test(match[3]!) && !/noon|midnight/i.test(match[3]!);
    let closing = closes;
    if (closesBare && closing < opens && Number(closing.slice(0, 2)) < 12) {
      closing = `${String(Number(closing.slice(0, 2)) + 12).padStart(2, '0')}${closing.slice(2)}`;
    }
    if (!/[ap]/i.test(match[2]!) && Number(opens.slice(0, 2)) === 12 && closing < opens) opens = `00${opens.slice(2)}`;
    result.push({ byday: weekdays.join(','), opens_at: opens, closes_at: closing });
  }
  return result;
}

type ScheduleFields = Record<string, string | undefined>;

/** A 1.x regular_schedule row (weekday, opens_at, closes_at) as 3.0 schedule fields. */
export function regularSchedule(
  weekday: string | undefined,
  opensAt: string | undefined,
  closesAt: string | undefined,
): ScheduleFields {
  const byday = weekday === undefined ? undefined : parseWeekdays(weekday);
  const opens = opensAt === undefined ? undefined : parseClock(opensAt);
  const closes = closesAt === undefined ? undefined : parseClock(closesAt);
  const readable = byday && (opensAt === undefined || opens) && (closesAt === undefined || closes);
  if (readable) return { freq: 'WEEKLY', byday: byday.join(','), opens_at: opens, closes_at: closes };
  // Kept as the publisher wrote it, so nobody loses the hours we could not read.
  const day = byday ? byday.map((code) => dayNames[days.indexOf(code as (typeof days)[number])]).join(', ') : weekday;
  const text = [day, [opensAt, closesAt].filter(Boolean).join(' - ')].filter(Boolean).join(': ');
  return { description: text || undefined };
}

const truthy = (value: string | undefined) => value !== undefined && /^(true|t|yes|y|1|closed)$/i.test(value);

/** A 1.x holiday_schedule row: dates become valid_from/valid_to; `closed` has no 3.0 flag, so it is said in words. */
export function holidaySchedule(row: Record<string, string | undefined>): ScheduleFields {
  const opens = row.opens_at === undefined ? undefined : parseClock(row.opens_at);
  const closes = row.closes_at === undefined ? undefined : parseClock(row.closes_at);
  const unread = [row.opens_at && !opens ? row.opens_at : undefined, row.closes_at && !closes ? row.closes_at : undefined].filter(
    Boolean,
  );
  const range = [row.start_date, row.end_date].filter(Boolean).join(' to ');
  const words = truthy(row.closed) ? `Closed${range ? ` ${range}` : ''}` : `Holiday hours${range ? ` ${range}` : ''}`;
  return {
    valid_from: row.start_date,
    valid_to: row.end_date,
    opens_at: opens,
    closes_at: closes,
    description: unread.length ? `${words} (${unread.join(' - ')})` : words,
  };
}

/** A 2.0 schedule row: DAILY becomes WEEKLY on every day; YEARLY has no 3.0 equivalent and is said in notes. */
export function schedule2(row: Record<string, string | undefined>): ScheduleFields {
  const fields: ScheduleFields = { ...row };
  const freq = row.freq?.toUpperCase();
  if (freq === 'DAILY') {
    fields.freq = 'WEEKLY';
    fields.byday = row.byday ?? allDays;
  } else if (freq === 'YEARLY') {
    fields.freq = undefined;
    fields.notes = [row.notes, 'Repeats yearly (no HSDS 3.0 equivalent).'].filter(Boolean).join(' ');
  } else fields.freq = freq;
  // 2.0 typed wkst and count as dates by mistake; keep only values that mean something.
  const wkst = row.wkst?.slice(0, 2).toUpperCase();
  fields.wkst = wkst && (days as readonly string[]).includes(wkst) ? wkst : undefined;
  fields.count = row.count && /^\d+$/.test(row.count) ? row.count : undefined;
  for (const clock of ['opens_at', 'closes_at'] as const) {
    const value = row[clock];
    if (value !== undefined && parseClock(value)) fields[clock] = parseClock(value);
  }
  return fields;
}

/** Free-text hours as schedule fields: one per readable part, or the text alone. */
export function hoursFromText(text: string): ScheduleFields[] {
  const parsed = parseHoursText(text);
  if (!parsed) return [{ description: text }];
  return parsed.map((hours) => ({ freq: 'WEEKLY', ...hours, description: text }));
}
