/**
 * Metadata values in the words testers read them, for every place that shows one: the change
 * list (metadata-items.ts), the compare view's metadata table and the HTML and CSV reports. The
 * review of issue 7 found raw JSON in the table and the CSV beside readable change-list items.
 * Codes read "Korjaaja (KOR)", ids root^extension, HL7 times 2024-05-06 08:53:11 +02:00, an
 * author or a related document by its telling fields. The JSON report keeps the structured and
 * raw values: it is read by programs (the HTML report keeps the raw value as a tooltip).
 */
import { labelFor } from '../codes/labels';
import type { JsonValue } from './metadata-diff';

type JsonRecord = { readonly [key: string]: JsonValue };

/** Descriptions of structured values are cut here: they fill a cell or a sentence, not a dump. */
const maxLength = 200;

/** A code as testers name it: "Hoidollinen syy (1)", or the bare code when it has no name. */
export function codedText(code: string, name: string | undefined): string {
  return name ? `${name} (${code})` : code;
}

/** A model value in a few words; `label` is the code label the metadata diff found, if any. */
export function describeValue(value: JsonValue | undefined, label?: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return readableTime(value) ?? value;
  const text = describe(value, label);
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

/**
 * A metadata value as the report model holds it (report-changes.ts valueText: text as is,
 * anything else as compact JSON) in the same words. Text that merely looks like JSON but is not
 * an object or a list stays as it is.
 */
export function describeReportedValue(
  text: string | undefined,
  label?: string,
): string | undefined {
  if (text === undefined || !/^[[{]/.test(text)) return describeValue(text, label);
  try {
    const parsed = JSON.parse(text) as JsonValue;
    return typeof parsed === 'object' && parsed !== null
      ? describeValue(parsed, label)
      : describeValue(text, label);
  } catch {
    return describeValue(text, label);
  }
}

/**
 * HL7 TS (YYYYMMDD[HH[MM[SS[.S]]]][+-ZZZZ]) as "2024-05-06 08:53:11 +02:00", from a full date
 * on; anything else, or a date that cannot be one (month 13), is undefined and stays as it is.
 */
export function readableTime(text: string): string | undefined {
  const parts =
    /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?(\d{2}(?:\.\d{1,4})?)?)?(?:([+-])(\d{2})(\d{2}))?$/.exec(
      text,
    );
  if (!parts) return undefined;
  const [, year, month, day, hour, minute, second, sign, zoneHours, zoneMinutes] = parts;
  if (!inRange(month, 1, 12) || !inRange(day, 1, 31) || !inRange(hour, 0, 23)) return undefined;
  if (!inRange(minute, 0, 59) || !inRange(second?.slice(0, 2), 0, 60)) return undefined;
  const date = `${year}-${month}-${day}`;
  const clock = hour === undefined ? '' : ` ${[hour, minute, second].filter(Boolean).join(':')}`;
  const zone = sign === undefined ? '' : ` ${sign}${zoneHours}:${zoneMinutes}`;
  return `${date}${clock}${zone}`;
}

/** Whether two digits (absent counts as fine) lie within a calendar field's range. */
function inRange(digits: string | undefined, low: number, high: number): boolean {
  return digits === undefined || (Number(digits) >= low && Number(digits) <= high);
}

function isRecord(value: JsonValue | undefined): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCode(value: JsonRecord): boolean {
  return typeof value.code === 'string' && typeof value.codeSystem === 'string';
}

function describe(value: JsonValue, label?: string): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '(empty list)' : value.map((item) => describe(item)).join('; ');
  const record = value as JsonRecord;
  if (isCode(record)) return describeCode(record, label ?? labelOf(record));
  if (typeof record.root === 'string' && !('code' in record)) return describeId(record);
  if (typeof record.value === 'string' && typeof record.where === 'string')
    return describeIdentityCode(record);
  if (typeof record.formatted === 'string') return record.formatted;
  return describeInterval(record) ?? summarise(record) ?? listFields(record);
}

/** The label the code tables give, else the document's own (as metadata-diff.ts labels codes). */
function labelOf(code: JsonRecord): string | undefined {
  const known = labelFor({ code: String(code.code), codeSystem: String(code.codeSystem) });
  const own = known ?? code.label ?? code.displayName;
  return typeof own === 'string' ? own : undefined;
}

/**
 * "Korjaaja (KOR)"; a code no table names as "code 1 (1.2.246.777.5.1)" (testers did not read
 * "1 @ 1.2.246.777.5.1"); a code without a value by its nullFlavor or text.
 */
function describeCode(code: JsonRecord, label: string | undefined): string {
  if (code.code === '') {
    if (typeof code.nullFlavor === 'string') return `nullFlavor ${code.nullFlavor}`;
    return typeof code.originalText === 'string' ? code.originalText : '(no code)';
  }
  return label
    ? codedText(String(code.code), label)
    : `code ${String(code.code)} (${String(code.codeSystem)})`;
}

function describeId(id: JsonRecord): string {
  if (id.root === '')
    return typeof id.nullFlavor === 'string' ? `nullFlavor ${id.nullFlavor}` : '(no id)';
  return typeof id.extension === 'string' ? `${id.root}^${id.extension}` : String(id.root);
}

/**
 * An identity-code finding as "231069-9711 at recordTarget/patientRole/id": the metadata diff
 * reports one only when it was added or removed, and then where it is is what the tester looks
 * for (and whether the test service would refuse it).
 */
function describeIdentityCode(finding: JsonRecord): string {
  const refusal =
    finding.valid === false
      ? ' (not a valid identity code)'
      : finding.isTestCode === false
        ? ' (not a test code)'
        : '';
  return `${String(finding.value)} at ${String(finding.where)}${refusal}`;
}

/** A time or an interval ({ value } or { low, high }), its times made readable. */
function describeInterval(record: JsonRecord): string | undefined {
  const keys = Object.keys(record);
  if (keys.length === 0 || !keys.every((key) => ['value', 'low', 'high'].includes(key)))
    return undefined;
  const time = (part: JsonValue | undefined) =>
    typeof part === 'string' ? (readableTime(part) ?? part) : '…';
  if (typeof record.value === 'string') return time(record.value);
  return `${time(record.low)} – ${time(record.high)}`;
}

/**
 * Authors, participants, related documents and the like by their telling fields. A code that
 * holds no value (nullFlavor) tells nothing here and is left out: MIT's author read
 * "Mitätöijä (MIT),  @ 1.2.246.537.6.148.2008, ELLIDA MYLLYKOSKI".
 */
function summarise(record: JsonRecord): string | undefined {
  const parts: string[] = [];
  if (typeof record.typeCode === 'string') parts.push(record.typeCode);
  for (const key of ['functionCode', 'code', 'type']) {
    const code = record[key];
    if (isRecord(code) && isCode(code) && code.code !== '')
      parts.push(describeCode(code, labelOf(code)));
  }
  const name = record.name;
  if (isRecord(name) && typeof name.formatted === 'string') parts.push(name.formatted);
  else if (typeof name === 'string') parts.push(name);
  if (isRecord(record.id)) parts.push(describe(record.id));
  const telling = parts.filter((part) => part !== '');
  return telling.length > 0 ? telling.join(', ') : undefined;
}

/** Anything else field by field ("mediaType text/plain, bytes 686"), empty fields left out. */
function listFields(record: JsonRecord): string {
  const fields = Object.entries(record).filter(
    ([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0),
  );
  if (fields.length === 0) return '(empty)';
  return fields.map(([key, value]) => `${key} ${describe(value)}`).join(', ');
}
