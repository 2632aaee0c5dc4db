// Opening hours on the server are data, never words: the database reads each schedule into
// {days, opens, closes, description, notes} (directory_schedule_hours, in the migrations), the
// pages get that, and the web app writes it in the reader's language. Here: the order the pages
// show them in, and the minute of the week that "open now" and "open at" test.
import { weekdays, type OpeningHours } from './directory.schema';

/** The blocks of the week that directory_hour_tokens (in the migrations) writes as 'h:' facets. */
export const HOUR_BLOCK_MINUTES = 180;

const shortWeekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdayClocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since Monday 00:00 in the given time zone (the unit of directory_search_entry.open_minutes). */
export function minuteOfWeek(instant: Date, timeZone: string): number {
  // Building a formatter costs more than the rest of a search's own work; one per time zone.
  let clock = weekdayClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    weekdayClocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '0';
  return shortWeekdays.indexOf(part('weekday')) * 1440 + Number(part('hour')) * 60 + Number(part('minute'));
}

const firstDay = (hours: OpeningHours) => (hours.opens === null ? 7 : hours.days ? weekdays.indexOf(hours.days[0]!) : -1);

/**
 * A place's schedules, each once, in the order of the week: every-day hours first, then by the
 * first day and the opening time, then the schedules that are only words.
 */
export function orderedHours(hours: readonly OpeningHours[] | null): OpeningHours[] {
  const unique = new Map((hours ?? []).map((entry) => [JSON.stringify(entry), entry]));
  return [...unique.values()].sort(
    (a, b) =>
      firstDay(a) - firstDay(b) ||
      (a.opens ?? '').localeCompare(b.opens ?? '') ||
      (a.description ?? a.notes ?? '').localeCompare(b.description ?? b.notes ?? ''),
  );
}
