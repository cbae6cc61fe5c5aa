/**
 * Identity code values under the personal identity code root 1.2.246.21 in text (issue 8
 * redaction): an `id` with root 1.2.246.21 holds one in its extension, a code with code system
 * 1.2.246.21 in its code, whatever it looks like (a temporary or malformed value need not be
 * hetu-shaped, and only hetu-shaped strings are masked on sight). Reads XML tags with either
 * quote, the change list's "root^extension" (or older "extension=… root=…"), and the compact JSON of the report's
 * metadata values ({"root":"1.2.246.21",…}); for an
 * RCMR message, the CDA it carries as well (embedded-cda.ts).
 */
import { embeddedCdaTexts } from './embedded-cda';
import { decodeEntities } from './xml-character-data';

const hetuRoot = '1.2.246.21';
/** A tag or a JSON object holding the root is short; a longer stretch is not one element. */
const maxElementLength = 4096;

/** The value of attribute or JSON property `name` in `element`, entities resolved. */
function valueOf(element: string, name: string): string | undefined {
  const match = new RegExp(
    `(?:^|[\\s{,"])${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)')|"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)")`,
  ).exec(element);
  const xml = match?.[1] ?? match?.[2];
  if (xml !== undefined) return decodeEntities(xml).trim();
  const json = match?.[3];
  return json === undefined ? undefined : (JSON.parse(`"${json}"`) as string).trim();
}

/** The tag (`<…>`) or JSON object (`{…}`) around position `at`, or undefined. */
function elementAround(text: string, at: number): string | undefined {
  // Looked for in a window only: a backward search for a '{' the text lacks would read it all.
  const from = Math.max(0, at - maxElementLength);
  const window = text.slice(from, at);
  const inWindow = Math.max(window.lastIndexOf('<'), window.lastIndexOf('{'));
  if (inWindow < 0) return undefined;
  const open = from + inWindow;
  const closer = text[open] === '<' ? '>' : '}';
  const close = text.indexOf(closer, at);
  if (close < 0 || close - open > maxElementLength) return undefined;
  return text.slice(open, close + 1);
}

function valuesIn(text: string, into: Set<string>): void {
  for (let at = text.indexOf(hetuRoot); at >= 0; at = text.indexOf(hetuRoot, at + 1)) {
    const element = elementAround(text, at);
    if (element === undefined) continue;
    const pairs = [
      ['root', 'extension'],
      ['codeSystem', 'code'],
    ] as const;
    for (const [key, holder] of pairs) {
      if (valueOf(element, key) !== hetuRoot) continue;
      const value = valueOf(element, holder);
      if (value) into.add(value);
    }
  }
}

/**
 * The change list writes an id as "R^X" (attribute-words.ts); older reports wrote its attributes
 * unquoted, in name order: "extension=X root=R".
 */
const unquotedPairs = [
  /(?<![\w.-])1\.2\.246\.21\^([^\s"'<>,]+)/g,
  /(?<![\w.-])extension=([^\s"'<>]+)\s+root=1\.2\.246\.21(?![\w.-])/g,
  /(?<![\w.-])root=1\.2\.246\.21\s+extension=([^\s"'<>]+)/g,
  /(?<![\w.-])code=([^\s"'<>]+)\s+codeSystem=1\.2\.246\.21(?![\w.-])/g,
  /(?<![\w.-])codeSystem=1\.2\.246\.21\s+code=([^\s"'<>]+)/g,
];

function unquotedValuesIn(text: string, into: Set<string>): void {
  for (const pattern of unquotedPairs)
    for (const [, value] of text.matchAll(pattern)) if (value) into.add(value);
}

/**
 * Every value under the hetu root in `text` and in the CDA an RCMR message carries
 * (`embeddedCdas`: given when already decoded), each once.
 */
export function identityValuesInXml(
  text: string,
  embeddedCdas: readonly string[] = embeddedCdaTexts(text),
): string[] {
  const found = new Set<string>();
  valuesIn(text, found);
  unquotedValuesIn(text, found);
  for (const cda of embeddedCdas) {
    valuesIn(cda, found);
    unquotedValuesIn(cda, found);
  }
  return [...found];
}
