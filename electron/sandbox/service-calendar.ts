/**
 * `--calendar`: the Kanta client test service's monthly fault testing (DOMAIN.md §1): the
 * production-image environments are disconnected on purpose on the first Monday of each month,
 * 12:00–15:00 Finnish time. A minimal rule kept inside the sandbox because the shared calendar
 * (shared/environments/calendar.ts) was not in the repository when this was written; switch to
 * its `outageAt(defaultCalendar({ faultTesting: true }), now)` once it lands.
 */

/** A scheduled outage in force. */
export interface ScheduledOutage {
  readonly description: string;
  readonly endsAt: Date;
}

const helsinki = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  weekday: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

function helsinkiParts(now: Date): Record<string, string> {
  return Object.fromEntries(helsinki.formatToParts(now).map((part) => [part.type, part.value]));
}

/** The fault-testing window in force at `now`, if any (Europe/Helsinki wall-clock time). */
export function scheduledOutageAt(now: Date): ScheduledOutage | undefined {
  const parts = helsinkiParts(now);
  const day = Number(parts['day']);
  const secondsIntoDay =
    Number(parts['hour']) * 3600 + Number(parts['minute']) * 60 + Number(parts['second']);
  const start = 12 * 3600;
  const end = 15 * 3600;
  if (parts['weekday'] !== 'Mon' || day > 7 || secondsIntoDay < start || secondsIntoDay >= end)
    return undefined;
  return {
    description:
      'Monthly fault testing: the environment is disconnected on purpose (first Monday, 12:00–15:00 Finnish time).',
    // The window never spans a DST change (those happen on Sunday nights), so wall-clock
    // seconds to the end equal real seconds.
    endsAt: new Date(now.getTime() + (end - secondsIntoDay) * 1000),
  };
}
