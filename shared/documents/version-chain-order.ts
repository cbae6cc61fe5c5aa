/**
 * Which of two picked versions goes left, and a warning when that order is not obvious. The
 * Versions tab lists a chain by version number, then by date; review 9 (defect 6) found a planted
 * second "version 1", dated a year after version 3, put on the left as the older without a word.
 */

const HL7_TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-])?(\d{2})?(\d{2})?$/;

/** An HL7 TS as milliseconds since the epoch (no zone: read as UTC); undefined when it is not one. */
export function instantOf(value: string | undefined): number | undefined {
  const match = value === undefined ? null : HL7_TS.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, sign, zoneHours, zoneMinutes] = match;
  const utc = Date.UTC(
    Number(year),
    Number(month ?? 1) - 1,
    Number(day ?? 1),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
  );
  const offset = (Number(zoneHours ?? 0) * 60 + Number(zoneMinutes ?? 0)) * 60_000;
  return sign === '-' ? utc + offset : utc - offset;
}

/** A version as the Versions tab lists it. */
export interface PickedVersion {
  readonly resourceId: string;
  readonly versionNumber?: number;
  /** ISO date (the server's) or an HL7 TS (the document's effectiveTime); may be empty. */
  readonly date: string;
}

function timeOf(date: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) {
    const parsed = Date.parse(date);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return instantOf(date);
}

function named(version: PickedVersion): string {
  const day = /^\d{4}-\d{2}-\d{2}/.test(version.date) ? version.date.slice(0, 10) : version.date;
  return `version ${version.versionNumber ?? '?'} (${version.resourceId}${day ? `, ${day}` : ''})`;
}

/**
 * A sentence when the left (lower-numbered) of two picked versions shares its number with the
 * right one or is dated after it; undefined when numbers and dates agree.
 */
export function pickedOrderNote(left: PickedVersion, right: PickedVersion): string | undefined {
  if (left.versionNumber !== undefined && left.versionNumber === right.versionNumber)
    return `Both picked documents are version ${left.versionNumber}: which is older is not known; ${named(left)} goes on the left.`;
  const [tl, tr] = [timeOf(left.date), timeOf(right.date)];
  if (tl === undefined || tr === undefined || tl <= tr) return undefined;
  const sentence = `${named(left)} is dated after ${named(right)}; it goes on the left by its version number.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
