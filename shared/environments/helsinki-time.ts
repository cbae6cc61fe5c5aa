/**
 * Europe/Helsinki wall-clock time without a time-zone library, so `shared/` stays pure and the
 * answer never depends on the ICU data of the machine. Finland follows the EU rule (Directive
 * 2000/84/EC): UTC+2, and UTC+3 from the last Sunday of March 01:00 UTC to the last Sunday of
 * October 01:00 UTC.
 */

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** A Helsinki wall-clock moment; `weekday` is ISO (1 = Monday … 7 = Sunday), `month` 1–12. */
export interface HelsinkiParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
  /** Offset from UTC in minutes (120 or 180). */
  readonly offsetMinutes: number;
}

/** Day of month of the last Sunday of `month` (1–12) in `year`. */
export function lastSundayOf(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/** The UTC instants (ms) at which summer time starts and ends in `year`. */
export function summerTimeBounds(year: number): { readonly start: number; readonly end: number } {
  return {
    start: Date.UTC(year, 2, lastSundayOf(year, 3), 1),
    end: Date.UTC(year, 9, lastSundayOf(year, 10), 1),
  };
}

/** Helsinki's offset from UTC, in minutes, at the UTC instant `utcMs`. */
export function helsinkiOffsetMinutes(utcMs: number): number {
  const { start, end } = summerTimeBounds(new Date(utcMs).getUTCFullYear());
  return utcMs >= start && utcMs < end ? 180 : 120;
}

/** The Helsinki wall-clock reading of a UTC instant. */
export function toHelsinki(instant: Date): HelsinkiParts {
  const offsetMinutes = helsinkiOffsetMinutes(instant.getTime());
  const local = new Date(instant.getTime() + offsetMinutes * minuteMs);
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour,
    minute,
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
    minuteOfDay: hour * 60 + minute,
    offsetMinutes,
  };
}

/**
 * The UTC instant of a Helsinki wall-clock time. `minuteOfDay` may be 1440 (end of day). In the
 * hour that repeats in October the earlier (summer-time) reading wins; a time that does not exist
 * in March (03:xx) maps as if it were still winter time, an hour later in wall-clock terms.
 */
export function fromHelsinki(year: number, month: number, day: number, minuteOfDay: number): Date {
  const wall = Date.UTC(year, month - 1, day) + minuteOfDay * minuteMs;
  const asSummer = wall - 180 * minuteMs;
  if (helsinkiOffsetMinutes(asSummer) === 180) return new Date(asSummer);
  return new Date(wall - 120 * minuteMs);
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole days to a calendar date (no time zone involved). */
export function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { readonly year: number; readonly month: number; readonly day: number } {
  const moved = new Date(Date.UTC(year, month - 1, day) + days * dayMs);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/**
 * Day of month of the n-th (1–5) or last (`'last'`) given ISO weekday; undefined when the month
 * has no fifth one.
 */
export function nthWeekdayOf(
  year: number,
  month: number,
  weekday: number,
  occurrence: number | 'last',
): number | undefined {
  if (occurrence === 'last') {
    const last = daysInMonth(year, month);
    return last - ((isoWeekday(year, month, last) - weekday + 7) % 7);
  }
  const first = 1 + ((weekday - isoWeekday(year, month, 1) + 7) % 7);
  const day = first + (occurrence - 1) * 7;
  return day <= daysInMonth(year, month) ? day : undefined;
}
