/**
 * Person names anywhere in a document's XML text, for redaction (issue 8): the metadata gives
 * only the header's people (patient, authors, …), but entries, performers, participants,
 * informants and related persons in the body carry names too, and the report shows those lines.
 *
 * A plain text scan rather than a parse: it runs over both whole sources for every redacted
 * report (20 MB each at worst) in the main process, where a second full parse would cost seconds,
 * and it needs no tree, only the `name` elements and their parts. It reads:
 * - HL7 V3 / CDA person names (`<name><given>…</given><family>…</family></name>`, any namespace
 *   prefix, entities and CDATA resolved), wherever they are;
 * - FHIR XML HumanName parts (`<given value="…"/>`, `<family value="…"/>`);
 * - a plain-text `<name>` directly inside a person element (`…Person`, `patient`), as CDA allows.
 * Prefixes and suffixes ("Dr.", "RN", "Lääketieteen lisensiaatti") are titles: masking them
 * alone would mask a profession wherever it appears, and they identify no one by themselves.
 * An HL7 V3 RCMR message carries its CDA as Base64, which a text scan cannot see into, while the
 * report shows that CDA decoded: so the CDA is decoded (embedded-cda.ts) and scanned too, after
 * the message's own names (the wrapper's patient and sender).
 */

import { embeddedCdaTexts } from './embedded-cda';
import { decodeEntities } from './xml-character-data';

// Start and end tags of a name and its parts; `[^>]*` is the attributes (and a self-closing "/").
const tagPattern = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(name|given|family)(?=[\s/>])([^>]*)>/g;
// A plain-text name counts only directly inside a person (or after that person's previous name).
const personBefore =
  /<(?:[A-Za-z_][\w.-]*:)?(?:\w*Person|patient)(?:\s[^>]*)?>\s*$|<\/(?:[A-Za-z_][\w.-]*:)?name\s*>\s*$/;
/** Names are short; text longer than this between a part's tags is not a name. */
const maxNameText = 300;
/** Words of a multi-word part shorter than this are not masked alone ("de", "la"). */
const minimumWordLength = 3;

/** Character data as text: CDATA kept as is, comments and any stray tags dropped, entities resolved. */
function textOf(raw: string): string {
  let out = '';
  for (const [piece, cdata] of raw.matchAll(
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[^>]*>|[^<]+|</g,
  )) {
    if (cdata !== undefined) out += cdata;
    else if (piece.startsWith('<!--')) continue;
    else if (piece.startsWith('<')) out += ' ';
    else out += decodeEntities(piece);
  }
  return out.replace(/\s+/g, ' ').trim();
}

function attributeValue(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decodeEntities(value).replace(/\s+/g, ' ').trim();
}

/** The text up to the next end tag, or undefined when there is none near (not a name). */
function contentAfter(text: string, start: number): string | undefined {
  const end = text.indexOf('</', start);
  if (end < 0 || end - start > maxNameText * 4) return undefined;
  const raw = text.slice(start, end);
  // A CDATA section may hold "</"; then read to its end instead.
  if (raw.includes('<![CDATA[') && !raw.includes(']]>')) {
    const cdataEnd = text.indexOf(']]>', end);
    const close = cdataEnd < 0 ? -1 : text.indexOf('</', cdataEnd);
    if (close < 0 || close - start > maxNameText * 4) return undefined;
    return textOf(text.slice(start, close));
  }
  return textOf(raw);
}

interface NameInProgress {
  readonly start: number;
  readonly isInPerson: boolean;
  readonly given: string[];
  readonly family: string[];
  readonly callNames: string[];
}

function namesOf(group: NameInProgress, plain: string | undefined): string[] {
  const parts = [...group.given, ...group.callNames, ...group.family];
  if (parts.length === 0) return plain !== undefined && group.isInPerson ? withWords([plain]) : [];
  // The whole name as the metadata formats it (given then family; the call name apart).
  const whole = [...group.given, ...group.family].join(' ');
  return [...(whole.includes(' ') ? [whole] : []), ...withWords(parts)];
}

/** Each part, then the words of a multi-word part ("Talvinen Tes" → "Talvinen", "Tes"). */
function withWords(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    out.push(part);
    const words = part.split(' ');
    if (words.length > 1) out.push(...words.filter((word) => word.length >= minimumWordLength));
  }
  return out;
}

/**
 * Every person name in the XML text, whole and in parts, in document order, each once; for an
 * RCMR message, then those of the CDA it carries (`embeddedCdas`: given when already decoded).
 */
export function personNamesInXml(
  text: string,
  embeddedCdas: readonly string[] = embeddedCdaTexts(text),
): string[] {
  const found = namesInText(text);
  for (const cda of embeddedCdas) found.push(...namesInText(cda));
  return [...new Set(found)];
}

function namesInText(text: string): string[] {
  const found: string[] = [];
  let group: NameInProgress | undefined;
  for (const match of text.matchAll(tagPattern)) {
    const [whole, slash, tag, attributes = ''] = match;
    const at = match.index;
    const isSelfClosing = attributes.endsWith('/');
    if (tag === 'name') {
      if (slash === '/') {
        if (group) {
          const raw = text.slice(group.start, at);
          const plain = raw.length <= maxNameText && !/<(?!!)/.test(raw) ? textOf(raw) : undefined;
          found.push(...namesOf(group, plain === '' ? undefined : plain));
        }
        group = undefined;
      } else if (!isSelfClosing) {
        const before = text.slice(Math.max(0, at - 200), at);
        group = {
          start: at + whole.length,
          isInPerson: personBefore.test(before),
          given: [],
          family: [],
          callNames: [],
        };
      }
      continue;
    }
    if (slash === '/') continue;
    const value = isSelfClosing
      ? attributeValue(attributes, 'value')
      : contentAfter(text, at + whole.length);
    if (value === undefined || value === '' || value.length > maxNameText) continue;
    const isCallName = tag === 'given' && attributeValue(attributes, 'qualifier') === 'CL';
    if (!group) {
      found.push(...withWords([value])); // a part outside any name element is still a name
      continue;
    }
    if (isCallName) group.callNames.push(value);
    else if (tag === 'given') group.given.push(value);
    else group.family.push(value);
  }
  return found;
}
