/**
 * Formatting helpers for the readable summary (summary.ts): times, ids, codes, names. Values
 * from the document are shown as they are, with the project's label beside a code when it has
 * one and `code @ codeSystem` when it does not (never dropped, never guessed).
 */
import { labelFor, type LabelLanguage } from '../codes/labels';
import type { CodedValue, InstanceId, Organisation, PersonName, TimeInterval } from './model';

const HL7_TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\.\d+)?([+-]\d{4})?$/;

/** An HL7 TS (`20150430114738`, `201308151030-0800`) as `2015-04-30 11:47:38`; others as given. */
export function formatTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = HL7_TS.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const date = [year, month, day].filter(Boolean).join('-');
  const time =
    hour === undefined
      ? ''
      : ` ${[hour, minute ?? '00', second].filter(Boolean).join(':')}${fraction ?? ''}`;
  return `${date}${time}${zone ? ` ${zone}` : ''}`;
}

/** A time interval: value, or low – high. */
export function formatInterval(interval: TimeInterval | undefined): string | undefined {
  if (!interval) return undefined;
  if (interval.value !== undefined) return formatTime(interval.value);
  return `${formatTime(interval.low) ?? '…'} – ${formatTime(interval.high) ?? '…'}`;
}

/** An id as `extension @ root`, or `root`, or `nullFlavor NI`. */
export function formatId(id: InstanceId | undefined): string | undefined {
  if (!id) return undefined;
  if (id.root === '')
    return id.nullFlavor === undefined ? '(no id)' : `nullFlavor ${id.nullFlavor}`;
  return id.extension === undefined ? id.root : `${id.extension} @ ${id.root}`;
}

/** Several ids, comma-separated. */
export function formatIds(ids: readonly InstanceId[]): string | undefined {
  return ids.length === 0 ? undefined : ids.map((id) => formatId(id)).join(', ');
}

/**
 * A code: `label (code)` when the tables know it, else `code @ codeSystem` with the document's
 * own displayName quoted, so it is clear the label comes from the document.
 */
export function formatCode(
  code: CodedValue | undefined,
  language: LabelLanguage,
): string | undefined {
  if (!code) return undefined;
  if (code.code === '' && code.nullFlavor !== undefined) return `nullFlavor ${code.nullFlavor}`;
  if (code.code === '' && code.codeSystem === '') return code.originalText;
  const label = labelFor(code, language);
  if (label !== undefined) return `${label} (${code.code})`;
  const own = code.displayName ?? code.originalText;
  return `${code.code} @ ${code.codeSystem}${own === undefined ? '' : ` "${own}"`}`;
}

/** A person name for display. */
export function formatName(name: PersonName | undefined): string | undefined {
  if (!name) return undefined;
  const prefix = name.prefix.length > 0 ? `${name.prefix.join(' ')} ` : '';
  const suffix = name.suffix.length > 0 ? `, ${name.suffix.join(' ')}` : '';
  return `${prefix}${name.formatted}${suffix}`;
}

/** An organisation: name (ids), with its parent. */
export function formatOrganisation(organisation: Organisation | undefined): string | undefined {
  if (!organisation) return undefined;
  const ids = formatIds(organisation.ids);
  const own = [organisation.name, ids === undefined ? undefined : `(${ids})`]
    .filter(Boolean)
    .join(' ');
  const parent = formatOrganisation(organisation.partOf);
  return parent === undefined ? own : `${own}, part of ${parent}`;
}
