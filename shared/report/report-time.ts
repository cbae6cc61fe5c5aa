/**
 * A report's own times (when it was made, when its audit checkpoint was signed) in the form its
 * document times take (describe-value.ts readableTime: "2024-05-06 08:53:11 +02:00"): local time
 * with its offset, so a reader does not compare a UTC "Z" time with "+02:00" ones (issue 7 review
 * 9, defect 8).
 */

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * An ISO time as "YYYY-MM-DD HH:MM:SS ±HH:MM" at `offsetMinutes` east of UTC (the caller's local
 * offset for that instant); text that is not a time stays as it is.
 */
export function timeWithOffset(iso: string, offsetMinutes: number): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const local = new Date(instant + offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}-${twoDigits(local.getUTCMonth() + 1)}-${twoDigits(local.getUTCDate())}`;
  const clock = `${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}:${twoDigits(local.getUTCSeconds())}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const zone = Math.abs(offsetMinutes);
  return `${date} ${clock} ${sign}${twoDigits(Math.floor(zone / 60))}:${twoDigits(zone % 60)}`;
}
