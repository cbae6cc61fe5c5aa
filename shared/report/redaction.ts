/**
 * Redaction of identity codes and person names in a report (issue 8, "Redaction"). Masks are
 * consistent: the same value always gets the same mask (HETU-1, NAME-2), whichever field or
 * format it appears in, so a reader can still follow "the same patient" through the report.
 * Every hetu-shaped string is masked, not only the codes the documents list, because a code in
 * free text (narrative, a comment) is as personal as one in the header.
 */
import { identityValuesInXml } from './identity-values-in-xml';

const hetuRoot = '1.2.246.21';

/** What a redacted report says of the names it cannot find (issue 8: say so, do not pretend). */
export const redactionLimitation =
  'Identity codes are masked wherever they appear: every hetu-shaped string, and every value of another shape that a document header, an RCMR message wrapper or the report itself gives under the identity code root 1.2.246.21. Person names are masked where either document gives them as structured names (header, entries, performers, participants, informants, related persons), and wherever those names recur in text. For an HL7 V3 RCMR message this covers both its wrapper and the CDA it carries, decoded from Base64. Other Base64 payloads (attachments, social welfare bodies) and signatures are shown by hash and size only, never decoded. A person mentioned only in free text, with no structured name anywhere in either document, cannot be recognised reliably and is not masked.';

/** What a redactor must mask beyond every hetu-shaped string. */
export interface RedactionSecrets {
  /** Identity code values (any shape: a code under 1.2.246.21 need not look like a hetu). */
  readonly identityCodes: readonly string[];
  /** Person names: whole formatted names and their parts. */
  readonly names: readonly string[];
}

/** Masks text; the masks given so far are kept so that every later call reuses them. */
export interface Redactor {
  readonly text: (value: string) => string;
  /** How many distinct identity codes and names were masked. */
  readonly counts: () => { readonly identityCodes: number; readonly names: number };
}

// The hetu shape of shared/identity/hetu.ts findHetuCandidates, with its boundaries but one: a
// code right after "=" is masked too, as the change list writes ids "extension=010181-900C".
const hetuShape = String.raw`\d{6}[-+A-Z]\d{3}[0-9A-Z]`;
const codeBefore = String.raw`(?<![0-9A-Za-z.+/_-])`;
const codeAfter = String.raw`(?![0-9A-Za-z/=_-])`;
// Names match whole words in any script, case-insensitively ("ARTO" in the header, "Arto" in text).
const wordBefore = String.raw`(?<![\p{L}\p{N}])`;
const wordAfter = String.raw`(?![\p{L}\p{N}])`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest first, so that "Arto Alvar Männikkö" is one mask rather than three. */
function alternation(values: Iterable<string>): string {
  return [...new Set(values)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRegExp)
    .join('|');
}

/** Name parts shorter than this are not masked alone: "Li" would mask half the narrative. */
const minimumNameLength = 2;

/**
 * Finnish narrative inflects names ("Maijan", "Backmanille", "Lea:n"): a case ending (after a
 * colon, or after a connecting i for names ending in a consonant) and a clitic may follow a name.
 */
const caseEnding = String.raw`:?i?(?:n|a|ä|ta|tä|na|nä|ksi|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|tta|ttä|h[aeiouyäö]n|seen|ine|ineen|[aeiouyäö]n)(?:kin|kaan|kään)?`;
/** Names in -nen inflect on a stem in -s- ("Virtanen" → "Virtasen", "Virtaselle", "Virtasta"). */
const nenStemEnding = String.raw`s(?:[ei]\p{L}{0,5}|t[aä](?:kin|kaan|kään)?)`;

/** The key a name's mask is kept under: case and runs of whitespace do not matter. */
function nameKey(value: string): string {
  return value.toLocaleLowerCase('fi').replace(/\s+/g, ' ');
}

/** A name as a pattern in which any run of whitespace may separate its words. */
function namesPattern(values: Iterable<string>): string {
  return alternation(values).replace(/ /g, String.raw`\s+`);
}

/** A redactor for the given secrets. */
export function createRedactor(secrets: RedactionSecrets): Redactor {
  const codeMasks = new Map<string, string>();
  const nameMasks = new Map<string, string>();
  const codeOf = (value: string): string => {
    let mask = codeMasks.get(value);
    if (mask === undefined) {
      mask = `HETU-${codeMasks.size + 1}`;
      codeMasks.set(value, mask);
    }
    return mask;
  };
  const nameOf = (value: string): string => {
    const key = nameKey(value);
    let mask = nameMasks.get(key);
    if (mask === undefined) {
      mask = `NAME-${nameMasks.size + 1}`;
      nameMasks.set(key, mask);
    }
    return mask;
  };
  // Masks are numbered in the order the secrets are listed, so two reports of the same pair agree.
  const codes = secrets.identityCodes.map((code) => code.trim()).filter((code) => code !== '');
  for (const code of codes) codeOf(code);
  const names = secrets.names
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length >= minimumNameLength);
  for (const name of names) nameOf(name);

  const codePatternOf = () =>
    new RegExp(
      `${codeBefore}(?:${codes.length > 0 ? `${alternation(codes)}|` : ''}${hetuShape})${codeAfter}`,
      'g',
    );
  let codePattern = codePatternOf();
  // A value the text itself gives under the hetu root is an identity code whatever its shape,
  // even when no source listed it (the plain-text output is masked as one string).
  const learnCodesIn = (value: string): void => {
    if (!value.includes(hetuRoot)) return;
    const learned = identityValuesInXml(value).filter((code) => !codeMasks.has(code));
    if (learned.length === 0) return;
    for (const code of learned) codeOf(code);
    codes.push(...learned);
    codePattern = codePatternOf();
  };
  // "Virtanen" → stem "Virta" (+ "sen", "selle", "sta"), found by the name it came from.
  const nameOfStem = new Map<string, string>();
  for (const name of names)
    if (/nen$/i.test(name) && name.length > 4) nameOfStem.set(nameKey(name.slice(0, -3)), name);
  // Stems first: at "Maija Virtasen" the name "Maija" alone would otherwise win. Without stems,
  // an alternative that never matches keeps the group numbers.
  const stems =
    nameOfStem.size > 0 ? `(${namesPattern(nameOfStem.keys())})(${nenStemEnding})|` : '(?!)()()|';
  const namePattern =
    names.length > 0
      ? new RegExp(
          `${wordBefore}(?:${stems}(${namesPattern(names)})(${caseEnding})?)${wordAfter}`,
          'giu',
        )
      : undefined;
  // An inflected name keeps its ending after the mask, as Finnish inflects abbreviations: NAME-1:n.
  const maskName = (
    _whole: string,
    stem: string | undefined,
    stemEnding: string | undefined,
    name: string | undefined,
    ending: string | undefined,
  ): string => {
    if (name !== undefined)
      return ending ? `${nameOf(name)}:${ending.replace(/^:/, '')}` : nameOf(name);
    return `${nameOf(nameOfStem.get(nameKey(stem ?? '')) ?? stem ?? '')}:${stemEnding ?? ''}`;
  };

  return {
    text: (value) => {
      learnCodesIn(value);
      const masked = value.replace(codePattern, (code) => codeOf(code));
      return namePattern ? masked.replace(namePattern, maskName) : masked;
    },
    counts: () => ({ identityCodes: codeMasks.size, names: nameMasks.size }),
  };
}

/** The same value with every string in it (keys excepted) passed through `mask`. */
export function maskStrings<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskStrings(item, mask)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = maskStrings(item, mask);
    return out as T;
  }
  return value;
}

/** Person names in a metadata object: every PersonName-shaped value, whole and in parts. */
export function personNamesIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) personNamesIn(item, into);
    return into;
  }
  if (typeof value !== 'object' || value === null) return into;
  const record = value as Record<string, unknown>;
  if (typeof record.formatted === 'string' && Array.isArray(record.family)) {
    into.push(record.formatted);
    for (const key of ['given', 'family'] as const) {
      const parts = record[key];
      if (Array.isArray(parts))
        for (const part of parts) if (typeof part === 'string') into.push(part);
    }
    if (typeof record.callName === 'string') into.push(record.callName);
    return into;
  }
  for (const item of Object.values(record)) personNamesIn(item, into);
  return into;
}
