/**
 * The operating calendar of one test environment (DOMAIN.md §1): supported service hours, the
 * monthly maintenance window and the monthly fault-testing disconnection, all in Europe/Helsinki
 * time. The facts are per environment and partly unverified, so they are data with the
 * service's published values as defaults, never hard-coded in the client.
 */
import { addDays, fromHelsinki, isoWeekday, nthWeekdayOf, toHelsinki } from './helsinki-time';

export const weekdayNames = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type WeekdayName = (typeof weekdayNames)[number];

export type WindowKind =
  'fault-testing' | 'maintenance' | 'announced-outage' | 'outside-service-hours';

/** Weekly supported service time; times are `HH:MM` (end may be `24:00`). */
export interface ServiceHours {
  readonly days: readonly WeekdayName[];
  readonly start: string;
  readonly end: string;
}

/** A window that repeats monthly on the n-th (or last) given weekday. */
export interface MonthlyWindow {
  readonly kind: 'fault-testing' | 'maintenance';
  readonly weekday: WeekdayName;
  readonly occurrence: 1 | 2 | 3 | 4 | 5 | 'last';
  readonly start: string;
  readonly end: string;
  readonly description: string;
  /** True when the environment is (or may be) disconnected: the client refuses at once. */
  readonly isOutage: boolean;
}

/** A one-off outage announced by the service (by email, at least two days ahead). */
export interface AnnouncedOutage {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly description: string;
}

/** One environment's calendar, in Europe/Helsinki wall-clock time. */
export interface EnvironmentCalendar {
  readonly timeZone: 'Europe/Helsinki';
  readonly serviceHours: ServiceHours;
  readonly monthly: readonly MonthlyWindow[];
  readonly announcedOutages: readonly AnnouncedOutage[];
}

/** A concrete window in time. */
export interface CalendarWindow {
  readonly kind: WindowKind;
  /** ISO 8601 UTC instants. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly description: string;
  readonly isOutage: boolean;
}

/** What the calendar says about one instant. */
export interface CalendarState {
  readonly inServiceHours: boolean;
  /** The most significant window in force (outages first), if any. */
  readonly activeWindow?: CalendarWindow;
  readonly activeWindows: readonly CalendarWindow[];
  /** The next fault-testing, maintenance or announced window starting after now. */
  readonly nextWindow?: CalendarWindow;
}

/** The Kanta client test service's monthly maintenance window (first Thursday 08–16). */
export const maintenanceWindow: MonthlyWindow = {
  kind: 'maintenance',
  weekday: 'thursday',
  occurrence: 1,
  start: '08:00',
  end: '16:00',
  description: 'Monthly maintenance: outages possible (first Thursday, 08:00–16:00 Finnish time).',
  isOutage: false,
};

/** The monthly fault test of production-image environments (first Monday 12–15). */
export const faultTestingWindow: MonthlyWindow = {
  kind: 'fault-testing',
  weekday: 'monday',
  occurrence: 1,
  start: '12:00',
  end: '15:00',
  description:
    'Monthly fault testing: the environment is disconnected on purpose (first Monday, 12:00–15:00 Finnish time).',
  isOutage: true,
};

/** Supported service time Mon–Fri 08:00–16:00 Finnish time. */
export const defaultServiceHours: ServiceHours = {
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  start: '08:00',
  end: '16:00',
};

/** The published defaults; fault testing applies to production-image (TK) environments. */
export function defaultCalendar(options: { faultTesting: boolean }): EnvironmentCalendar {
  return {
    timeZone: 'Europe/Helsinki',
    serviceHours: defaultServiceHours,
    monthly: options.faultTesting ? [maintenanceWindow, faultTestingWindow] : [maintenanceWindow],
    announcedOutages: [],
  };
}

/** A calendar with no windows, always in service (the local sandbox, a folder). */
export const alwaysOpenCalendar: EnvironmentCalendar = {
  timeZone: 'Europe/Helsinki',
  serviceHours: { days: weekdayNames, start: '00:00', end: '24:00' },
  monthly: [],
  announcedOutages: [],
};

/** The default calendar for an environment kind. */
export function defaultCalendarForKind(kind: string): EnvironmentCalendar {
  if (kind === 'TK') return defaultCalendar({ faultTesting: true });
  if (kind === 'AT' || kind === 'fhir') return defaultCalendar({ faultTesting: false });
  return alwaysOpenCalendar;
}

/** `HH:MM` → minutes since midnight (validated by the parser). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function isoDay(name: WeekdayName): number {
  return weekdayNames.indexOf(name) + 1;
}

function window(
  kind: WindowKind,
  startsAt: Date,
  endsAt: Date,
  description: string,
  isOutage: boolean,
): CalendarWindow {
  return {
    kind,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    description,
    isOutage,
  };
}

/** Monthly windows of the months from `year-month` onwards, `months` of them. */
function monthlyOccurrences(
  calendar: EnvironmentCalendar,
  year: number,
  month: number,
  months: number,
): CalendarWindow[] {
  const found: CalendarWindow[] = [];
  for (let step = 0; step < months; step += 1) {
    const y = year + Math.floor((month - 1 + step) / 12);
    const m = ((month - 1 + step) % 12) + 1;
    for (const rule of calendar.monthly) {
      const day = nthWeekdayOf(y, m, isoDay(rule.weekday), rule.occurrence);
      if (day === undefined) continue;
      const startsAt = fromHelsinki(y, m, day, minutesOf(rule.start));
      const endsAt = fromHelsinki(y, m, day, minutesOf(rule.end));
      found.push(window(rule.kind, startsAt, endsAt, rule.description, rule.isOutage));
    }
  }
  return found;
}

function isServiceDay(calendar: EnvironmentCalendar, weekday: number): boolean {
  return calendar.serviceHours.days.some((name) => isoDay(name) === weekday);
}

/** Service hours are contiguous only within a day: find the gap around `now`, if any. */
function outsideServiceWindow(
  calendar: EnvironmentCalendar,
  now: Date,
): CalendarWindow | undefined {
  const local = toHelsinki(now);
  const start = minutesOf(calendar.serviceHours.start);
  const end = minutesOf(calendar.serviceHours.end);
  const todayIsService = isServiceDay(calendar, local.weekday);
  if (todayIsService && local.minuteOfDay >= start && local.minuteOfDay < end) return undefined;
  const serviceBoundary = (offset: number, edge: number): Date | undefined => {
    const date = addDays(local.year, local.month, local.day, offset);
    if (!isServiceDay(calendar, isoWeekday(date.year, date.month, date.day))) return undefined;
    return fromHelsinki(date.year, date.month, date.day, edge);
  };
  let previousEnd: Date | undefined;
  for (let back = 0; back <= 7 && previousEnd === undefined; back += 1) {
    const candidate = serviceBoundary(-back, end);
    if (candidate && candidate.getTime() <= now.getTime()) previousEnd = candidate;
  }
  let nextStart: Date | undefined;
  for (let ahead = 0; ahead <= 7 && nextStart === undefined; ahead += 1) {
    const candidate = serviceBoundary(ahead, start);
    if (candidate && candidate.getTime() > now.getTime()) nextStart = candidate;
  }
  if (!previousEnd || !nextStart) return undefined;
  return window(
    'outside-service-hours',
    previousEnd,
    nextStart,
    'Outside supported service time: the environment is usually available, but update and maintenance outages are possible.',
    false,
  );
}

const priority: Record<WindowKind, number> = {
  'fault-testing': 0,
  'announced-outage': 1,
  maintenance: 2,
  'outside-service-hours': 3,
};

/** What the calendar says at `now`: in service hours, the window in force, and the next one. */
export function calendarStateAt(calendar: EnvironmentCalendar, now: Date): CalendarState {
  const local = toHelsinki(now);
  const previousMonth =
    local.month === 1 ? { y: local.year - 1, m: 12 } : { y: local.year, m: local.month - 1 };
  const scheduled = [
    ...monthlyOccurrences(calendar, previousMonth.y, previousMonth.m, 4),
    ...calendar.announcedOutages.map((outage) =>
      window(
        'announced-outage',
        new Date(outage.startsAt),
        new Date(outage.endsAt),
        outage.description,
        true,
      ),
    ),
  ];
  const at = now.getTime();
  const contains = (w: CalendarWindow) => Date.parse(w.startsAt) <= at && at < Date.parse(w.endsAt);
  const outside = outsideServiceWindow(calendar, now);
  const active = [...scheduled.filter(contains), ...(outside ? [outside] : [])].sort(
    (a, b) => priority[a.kind] - priority[b.kind],
  );
  const upcoming = scheduled
    .filter((w) => Date.parse(w.startsAt) > at)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return {
    inServiceHours: outside === undefined,
    ...(active[0] ? { activeWindow: active[0] } : {}),
    activeWindows: active,
    ...(upcoming[0] ? { nextWindow: upcoming[0] } : {}),
  };
}

/** The window that makes the environment unavailable at `now`, if any (for the client). */
export function outageAt(calendar: EnvironmentCalendar, now: Date): CalendarWindow | undefined {
  return calendarStateAt(calendar, now).activeWindows.find((w) => w.isOutage);
}
