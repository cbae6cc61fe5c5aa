/** Validator for a calendar read from `profiles.json` or a `--calendar` file. */
import { err, ok, type Result } from '../result';
import { isPlainObject } from '../ipc/validate';
import {
  minutesOf,
  weekdayNames,
  type AnnouncedOutage,
  type EnvironmentCalendar,
  type MonthlyWindow,
  type WeekdayName,
} from './calendar';

const timePattern = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
const fail = <T>(message: string): Result<T> => err('invalid-calendar', message);

function checkKeys(raw: Record<string, unknown>, allowed: readonly string[], path: string) {
  const unknown = Object.keys(raw).find((key) => !allowed.includes(key));
  return unknown === undefined
    ? undefined
    : `${path} has an unknown field '${unknown.slice(0, 40)}'.`;
}

function parseSpan(
  raw: Record<string, unknown>,
  path: string,
): Result<{ start: string; end: string }> {
  const { start, end } = raw;
  if (typeof start !== 'string' || !timePattern.test(start) || start === '24:00')
    return fail(`${path}.start must be a time HH:MM such as 08:00.`);
  if (typeof end !== 'string' || !timePattern.test(end))
    return fail(`${path}.end must be a time HH:MM such as 16:00 (24:00 for midnight).`);
  if (minutesOf(end) <= minutesOf(start)) return fail(`${path}.end must be later than its start.`);
  return ok({ start, end });
}

function isWeekday(raw: unknown): raw is WeekdayName {
  return typeof raw === 'string' && (weekdayNames as readonly string[]).includes(raw);
}

function parseMonthly(raw: unknown, path: string): Result<MonthlyWindow> {
  if (!isPlainObject(raw)) return fail(`${path} must be an object.`);
  const keys = ['kind', 'weekday', 'occurrence', 'start', 'end', 'description', 'isOutage'];
  const unknown = checkKeys(raw, keys, path);
  if (unknown) return fail(unknown);
  if (raw.kind !== 'fault-testing' && raw.kind !== 'maintenance')
    return fail(`${path}.kind must be fault-testing or maintenance.`);
  if (!isWeekday(raw.weekday))
    return fail(`${path}.weekday must be one of ${weekdayNames.join(', ')}.`);
  const occurrence = raw.occurrence;
  if (
    occurrence !== 'last' &&
    !(typeof occurrence === 'number' && [1, 2, 3, 4, 5].includes(occurrence))
  )
    return fail(`${path}.occurrence must be 1–5 or "last".`);
  const span = parseSpan(raw, path);
  if (!span.ok) return span;
  if (typeof raw.description !== 'string' || raw.description.length > 300)
    return fail(`${path}.description must be a string of at most 300 characters.`);
  const isOutage = raw.isOutage ?? raw.kind === 'fault-testing';
  if (typeof isOutage !== 'boolean') return fail(`${path}.isOutage must be true or false.`);
  return ok({
    kind: raw.kind,
    weekday: raw.weekday,
    occurrence: occurrence as MonthlyWindow['occurrence'],
    ...span.value,
    description: raw.description,
    isOutage,
  });
}

function parseOutage(raw: unknown, path: string): Result<AnnouncedOutage> {
  if (!isPlainObject(raw)) return fail(`${path} must be an object.`);
  const unknown = checkKeys(raw, ['startsAt', 'endsAt', 'description'], path);
  if (unknown) return fail(unknown);
  const { startsAt, endsAt, description } = raw;
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof startsAt !== 'string' || !instant.test(startsAt) || Number.isNaN(Date.parse(startsAt)))
    return fail(
      `${path}.startsAt must be an ISO date-time with a zone, e.g. 2026-03-02T10:00:00Z.`,
    );
  if (typeof endsAt !== 'string' || !instant.test(endsAt) || Number.isNaN(Date.parse(endsAt)))
    return fail(`${path}.endsAt must be an ISO date-time with a zone, e.g. 2026-03-02T13:00:00Z.`);
  if (Date.parse(endsAt) <= Date.parse(startsAt))
    return fail(`${path}.endsAt must be after startsAt.`);
  if (typeof description !== 'string' || description.length > 300)
    return fail(`${path}.description must be a string of at most 300 characters.`);
  return ok({ startsAt, endsAt, description });
}

function parseList<T>(
  raw: unknown,
  path: string,
  item: (raw: unknown, path: string) => Result<T>,
): Result<T[]> {
  if (raw === undefined) return ok([]);
  if (!Array.isArray(raw) || raw.length > 100)
    return fail(`${path} must be a list of at most 100 entries.`);
  const items: T[] = [];
  for (const [index, entry] of raw.entries()) {
    const parsed = item(entry, `${path}[${index}]`);
    if (!parsed.ok) return parsed;
    items.push(parsed.value);
  }
  return ok(items);
}

/** Validates calendar JSON; every field is checked and unknown fields are refused. */
export function parseCalendar(raw: unknown, path = 'calendar'): Result<EnvironmentCalendar> {
  if (!isPlainObject(raw)) return fail(`${path} must be an object.`);
  const unknown = checkKeys(raw, ['timeZone', 'serviceHours', 'monthly', 'announcedOutages'], path);
  if (unknown) return fail(unknown);
  if (raw.timeZone !== undefined && raw.timeZone !== 'Europe/Helsinki')
    return fail(`${path}.timeZone must be Europe/Helsinki (the only zone Kanta's calendar uses).`);
  const hours = raw.serviceHours;
  if (!isPlainObject(hours)) return fail(`${path}.serviceHours must be an object.`);
  const hoursUnknown = checkKeys(hours, ['days', 'start', 'end'], `${path}.serviceHours`);
  if (hoursUnknown) return fail(hoursUnknown);
  if (!Array.isArray(hours.days) || !hours.days.every(isWeekday))
    return fail(`${path}.serviceHours.days must list weekdays such as "monday".`);
  const span = parseSpan(hours, `${path}.serviceHours`);
  if (!span.ok) return span;
  const monthly = parseList(raw.monthly, `${path}.monthly`, parseMonthly);
  if (!monthly.ok) return monthly;
  const outages = parseList(raw.announcedOutages, `${path}.announcedOutages`, parseOutage);
  if (!outages.ok) return outages;
  return ok({
    timeZone: 'Europe/Helsinki',
    serviceHours: { days: [...new Set(hours.days)], ...span.value },
    monthly: monthly.value,
    announcedOutages: outages.value,
  });
}
