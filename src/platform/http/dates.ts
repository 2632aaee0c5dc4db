// Dates and date-times Kith accepts in a query or body: ISO 8601, a day the calendar has
// (2026-02-30 is refused rather than rolled over to March), and a year PostgreSQL can store
// and people mean (0001–9999; year 0 does not exist in PostgreSQL's calendar).
import { z } from 'zod';

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** Parses, names a day the calendar has, and falls within years 1–9999. */
export function isRealInstant(value: string): boolean {
  if (Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 date-time with an offset (`2026-12-02T09:30:00-05:00`), checked as above. */
export const isoDateTime = (message = 'must be an ISO 8601 date-time') =>
  z.iso
    .datetime({ offset: true, message })
    .refine(isRealInstant, `${message} on a real day between the years ${MIN_YEAR} and ${MAX_YEAR}`);
