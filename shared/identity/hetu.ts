/**
 * Finnish personal identity code (henkilötunnus, "hetu") validation, DOMAIN.md §5:
 * `DDMMYYCNNNK` = birth date, century sign, individual number, control character.
 * Real sample data contains codes with wrong control characters and codes outside the test range,
 * so this never throws: it reports what is wrong. The century sign is never normalised, because
 * since 2023 two people may differ only in it (for example `-` and `Y`).
 */

/** Why a code is not a valid hetu; the first problem found, checked in this order. */
export type HetuProblem =
  'format' | 'century-sign' | 'date' | 'individual-number' | 'control-character';

/** The result of checking one string as a hetu. */
export interface HetuCheck {
  readonly value: string;
  readonly valid: boolean;
  readonly reason?: HetuProblem;
  /** A sentence a tester understands, present when `valid` is false. */
  readonly message?: string;
  /** ISO date `YYYY-MM-DD`, when the date part is a real calendar date. */
  readonly birthDate?: string;
  /** From the parity of the individual number (odd male, even female). */
  readonly sex?: 'male' | 'female';
  /** Individual number 900–999: a test identity (DOMAIN.md §1, "Data rules"). */
  readonly isTestCode: boolean;
  readonly centurySign?: string;
}

/** Century signs valid since 2023 and the century each one stands for. */
export const CENTURY_SIGNS: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

/** Control characters indexed by `int(DDMMYY + NNN) mod 31`. */
export const CONTROL_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

const SHAPE = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})(.)$/;

function daysInMonth(year: number, month: number): number {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function invalid(
  value: string,
  reason: HetuProblem,
  message: string,
  extra: Partial<HetuCheck>,
): HetuCheck {
  return { value, valid: false, reason, message, isTestCode: false, ...extra };
}

/** Checks `value` as a hetu exactly as written (no trimming, no case folding). */
export function parseHetu(value: string): HetuCheck {
  const match = SHAPE.exec(value);
  if (!match) {
    return invalid(value, 'format', `"${value}" does not have the form DDMMYYCNNNK.`, {});
  }
  const [, dd = '', mm = '', yy = '', sign = '', nnn = '', control = ''] = match;
  const individual = Number(nnn);
  const isTestCode = individual >= 900;
  const sex = individual % 2 === 1 ? 'male' : 'female';
  const base = { centurySign: sign, isTestCode, sex } as const;
  const century = Object.hasOwn(CENTURY_SIGNS, sign) ? CENTURY_SIGNS[sign] : undefined;
  if (century === undefined) {
    return invalid(value, 'century-sign', `"${sign}" is not a century sign.`, base);
  }
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return invalid(value, 'date', `${day}.${month}.${year} is not a real date.`, base);
  }
  const birthDate = `${year}-${mm}-${dd}`;
  if (individual < 2) {
    return invalid(value, 'individual-number', `Individual number ${nnn} is never issued.`, {
      ...base,
      birthDate,
    });
  }
  const expected = CONTROL_CHARACTERS[Number(`${dd}${mm}${yy}${nnn}`) % 31];
  if (control !== expected) {
    return invalid(
      value,
      'control-character',
      `The control character is "${control}" but should be "${expected}".`,
      { ...base, birthDate },
    );
  }
  return { value, valid: true, birthDate, ...base };
}

/** Hetu-shaped: see findHetuCandidates. One shared global pattern; it is reset before each use. */
const CANDIDATE = /(?<![0-9A-Za-z.+/=_-])\d{6}[-+A-Z]\d{3}[0-9A-Z](?![0-9A-Za-z/=_-])/g;
/** The shortest text a hetu fits in. */
const HETU_LENGTH = 11;
const NONE: readonly string[] = Object.freeze([]);

/**
 * Finds hetu-shaped substrings in free text. Word boundaries keep HL7 timestamps with a time
 * zone (`201308151030-0800`), OIDs and Base64 from matching; the control character accepts any
 * capital letter so that codes with a wrong one are found and flagged rather than missed.
 * Called for every attribute value and text node of a document (over a million in a 20 MB CDA),
 * so a text too short for a hetu or without one allocates nothing.
 */
export function findHetuCandidates(text: string): readonly string[] {
  if (text.length < HETU_LENGTH) return NONE;
  CANDIDATE.lastIndex = 0;
  let match = CANDIDATE.exec(text);
  if (match === null) return NONE;
  const found: string[] = [];
  while (match !== null) {
    found.push(match[0]);
    match = CANDIDATE.exec(text);
  }
  return found;
}
