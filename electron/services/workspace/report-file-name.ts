/**
 * The file name the app suggests for a report. It names both sides (profile, a short document id,
 * the version) and the time, so exports of different pairs, of the same pair from AT and TK, or
 * of one pair twice do not share one name (issue 7 review 9, defect 8: every export was
 * "comparison-<id>-vs-<id>", every redacted one "comparison-redacted"). A redacted report's
 * name gives no document id and no local file name (a file name may hold a hetu).
 */
import type { ExportFormat } from '../../../shared/ipc/compare-types';

/** What the name says of one side. */
export interface NamedSide {
  /** env:PROFILE:id, or the local file's name. */
  readonly source: string;
  readonly id: string;
  readonly versionNumber?: number;
}

/** Only characters every file system takes. */
function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** The last two parts of an OID (its serial: 2026.50), else the id's last 12 characters. */
function shortId(id: string): string {
  const parts = id.split('.');
  return safe(parts.length > 2 ? parts.slice(-2).join('.') : id.slice(-12));
}

function sidePart(side: NamedSide, redact: boolean): string {
  const profile = /^env:([^:]+):/.exec(side.source)?.[1];
  const parts = [
    profile === undefined ? 'file' : safe(profile).slice(0, 24),
    ...(redact ? [] : [shortId(side.id)]),
    ...(side.versionNumber === undefined ? [] : [`v${side.versionNumber}`]),
  ];
  return parts.join('-');
}

/** YYYYMMDD-HHMMSS in the machine's local time, as the user reads the clock. */
function stamp(time: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${time.getFullYear()}${two(time.getMonth() + 1)}${two(time.getDate())}-${two(time.getHours())}${two(time.getMinutes())}${two(time.getSeconds())}`;
}

/** `comparison[-redacted]-<left>-vs-<right>-<time>.<format>`. */
export function reportFileName(
  left: NamedSide,
  right: NamedSide,
  format: ExportFormat,
  redact: boolean,
  time = new Date(),
): string {
  const kind = redact ? 'comparison-redacted' : 'comparison';
  return `${kind}-${sidePart(left, redact)}-vs-${sidePart(right, redact)}-${stamp(time)}.${format}`;
}
