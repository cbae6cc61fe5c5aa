/**
 * Entity and character references (XML 1.0 §4.1, §4.6). Only the five predefined entities and
 * numeric character references exist here: documents may not declare entities (no DTD), so
 * nothing can expand into something larger or reach outside the document. HTML names such as
 * `&nbsp;` are refused: they are not XML, however many parsers accept them.
 */
import { isXmlChar, isXmlName } from './xml-chars';
import { XmlReadFailure, quoteName } from './xml-errors';

/** Longest reference we read (`&#x10FFFF;` is 10); longer ones are refused rather than scanned. */
const maxReferenceLength = 32;

function predefined(name: string): string | undefined {
  // A switch, not an object lookup: a name like `__proto__` must not find anything.
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return undefined;
  }
}

function characterReference(body: string, at: number): string {
  const isHex = body.startsWith('#x');
  const digits = body.slice(isHex ? 2 : 1);
  const isValid = isHex ? /^[0-9A-Fa-f]+$/.test(digits) : /^[0-9]+$/.test(digits);
  if (!isValid) {
    throw new XmlReadFailure(
      'xml-malformed',
      (where) =>
        `The character reference ${quoteName(`&${body};`)} ${where} is not a number; the document is not well-formed XML.`,
      at,
    );
  }
  const codePoint = Number.parseInt(digits, isHex ? 16 : 10);
  if (!isXmlChar(codePoint)) {
    throw new XmlReadFailure(
      'xml-invalid-character',
      (where) =>
        `The character reference ${quoteName(`&${body};`)} ${where} stands for a character XML does not allow.`,
      at,
    );
  }
  return String.fromCodePoint(codePoint);
}

/** The replacement text of the reference whose `&` is at `at` and whose `;` is at `semicolon`. */
function resolveReference(text: string, at: number, semicolon: number): string {
  const body = text.slice(at + 1, semicolon);
  if (body.startsWith('#')) return characterReference(body, at);
  const value = predefined(body);
  if (value !== undefined) return value;
  if (!isXmlName(body)) {
    throw new XmlReadFailure(
      'xml-malformed',
      (where) =>
        `An '&' ${where} does not start a valid reference; write '&amp;' for a literal ampersand. The document is not well-formed XML.`,
      at,
    );
  }
  throw new XmlReadFailure(
    'xml-unknown-entity',
    (where) =>
      `The document uses the entity ${quoteName(`&${body};`)} ${where}, which XML does not define (only &lt; &gt; &amp; &quot; &apos; and numeric references exist; HTML names such as &nbsp; are not XML).`,
    at,
  );
}

/**
 * Text between `start` and `end` with references replaced. In attribute values, literal
 * tab/newline/CR become spaces (XML 1.0 §3.3.3) while the same characters written as references
 * stay, which is why normalisation happens here segment by segment.
 */
export function expandReferences(
  text: string,
  start: number,
  end: number,
  isAttribute: boolean,
): string {
  const parts: string[] = [];
  let at = start;
  for (let amp = text.indexOf('&', at); amp !== -1 && amp < end; amp = text.indexOf('&', at)) {
    const literal = text.slice(at, amp);
    parts.push(isAttribute ? literal.replace(/[\t\n\r]/g, ' ') : literal);
    const semicolon = text.indexOf(';', amp + 1);
    if (semicolon === -1 || semicolon >= end || semicolon - amp > maxReferenceLength) {
      throw new XmlReadFailure(
        'xml-malformed',
        (where) =>
          `An '&' ${where} is not followed by a complete reference; write '&amp;' for a literal ampersand. The document is not well-formed XML.`,
        amp,
      );
    }
    parts.push(resolveReference(text, amp, semicolon));
    at = semicolon + 1;
  }
  const rest = text.slice(at, end);
  parts.push(isAttribute ? rest.replace(/[\t\n\r]/g, ' ') : rest);
  return parts.join('');
}
