/** Instants as a Finnish tester reads them in messages: `7.12.2026 15:00` in Helsinki time. */
import { toHelsinki } from '../../../../shared/environments/helsinki-time';

const pad = (value: number) => String(value).padStart(2, '0');

/** `d.m.yyyy HH:MM` (Europe/Helsinki). */
export function helsinkiDateTime(instant: Date): string {
  const local = toHelsinki(instant);
  return `${local.day}.${local.month}.${local.year} ${pad(local.hour)}:${pad(local.minute)}`;
}

/** `HH:MM:SS` (Europe/Helsinki), for waits measured in seconds. */
export function helsinkiClock(instant: Date): string {
  const local = toHelsinki(instant);
  return `${pad(local.hour)}:${pad(local.minute)}:${pad(instant.getUTCSeconds())}`;
}
