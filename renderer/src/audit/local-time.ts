/**
 * A recorded time as the reader's local time with its offset from UTC: the journal records UTC
 * (`…Z`), and a bare "2026-11-30 00:49:26" reads as local time when it is not.
 */
const two = (n: number) => String(n).padStart(2, '0');

/** `{ date: '2026-11-30', time: '02:49:26 +02:00' }` in the zone `offsetMinutesOf` gives (the machine's by default). */
export function localTimeParts(
  iso: string,
  offsetMinutesOf: (date: Date) => number = (date) => -date.getTimezoneOffset(),
): { date: string; time: string } | undefined {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return undefined;
  const offset = offsetMinutesOf(instant);
  // Shifting by the offset and reading UTC fields gives the wall clock of that zone.
  const wall = new Date(instant.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return {
    date: `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`,
    time:
      `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())} ` +
      `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`,
  };
}
