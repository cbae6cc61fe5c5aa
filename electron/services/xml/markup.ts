/**
 * The markup that is not an element: comments, CDATA sections, processing instructions, the XML
 * declaration, and the DTD constructs we refuse outright. Refusing every DTD is the whole defence
 * against entity expansion (billion laughs), external entities (file:// and http:// reads) and
 * parameter entities: with no DTD there is nothing to expand or fetch (OWASP XXE Prevention
 * Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html).
 */
import type { ReaderContext } from './reader-context';
import { isWhitespace, isXmlName, nameEnd } from './xml-chars';
import { formatSize, protectSuffix, quoteName } from './xml-errors';

/** A comment or CDATA section read from `<!`, and where reading continues. */
export interface BangMarkup {
  readonly kind: 'comment' | 'cdata';
  readonly value: string;
  readonly end: number;
}

const declaration =
  /<\?xml[ \t\n\r]+version[ \t\n\r]*=[ \t\n\r]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\n\r]+encoding[ \t\n\r]*=[ \t\n\r]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\n\r]+standalone[ \t\n\r]*=[ \t\n\r]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n\r]*\?>/y;

const dtdKeywords = ['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION'];

/** True when the text starts with an XML declaration (not a PI such as `<?xml-stylesheet`). */
export function startsWithDeclaration(text: string): boolean {
  if (!text.startsWith('<?xml')) return false;
  const next = text.charCodeAt(5);
  return isWhitespace(next) || next === 0x3f;
}

/** Checks the XML declaration at position 0 and returns where the document continues. */
export function readDeclaration(context: ReaderContext): number {
  declaration.lastIndex = 0;
  if (declaration.test(context.text)) return declaration.lastIndex;
  if (context.text.indexOf('?>') === -1) context.failTruncated('the XML declaration', 0);
  return context.fail(
    'xml-malformed',
    (where) =>
      `The XML declaration ${where} is not valid (it needs version="1.0" and optionally encoding and standalone, in that order); the document is not well-formed XML.`,
    0,
  );
}

/** Reads the markup at `<!`: a comment or CDATA section, or refuses a DTD construct. */
export function readBang(context: ReaderContext, lt: number, isInsideRoot: boolean): BangMarkup {
  const { text } = context;
  if (text.startsWith('<!--', lt)) return readComment(context, lt);
  if (text.startsWith('<![CDATA[', lt)) {
    if (!isInsideRoot) {
      context.fail(
        'xml-malformed',
        (where) =>
          `A CDATA section ${where} is outside the document element; the document is not well-formed XML.`,
        lt,
      );
    }
    const end = text.indexOf(']]>', lt + 9);
    if (end === -1) context.failTruncated('a CDATA section', lt);
    checkTextLength(context, end - lt - 9, lt, 'A CDATA section');
    return { kind: 'cdata', value: text.slice(lt + 9, end), end: end + 3 };
  }
  const word = text.slice(lt + 2, lt + 10).toUpperCase();
  const keyword = dtdKeywords.find((candidate) => word.startsWith(candidate));
  if (keyword === 'DOCTYPE') {
    context.fail(
      'xml-doctype-forbidden',
      (where) =>
        `The document contains a document type declaration (<!DOCTYPE) ${where}. Archivist refuses DTDs: they can define entities that expand without limit or read local files and web addresses.`,
      lt,
    );
  }
  if (keyword !== undefined) {
    context.fail(
      'xml-doctype-forbidden',
      (where) =>
        `The document contains a DTD declaration (<!${keyword}) ${where}. Archivist refuses DTD markup: entities can expand without limit or read local files and web addresses.`,
      lt,
    );
  }
  if (lt + 4 > text.length) context.failTruncated('markup', lt);
  return context.fail(
    'xml-malformed',
    (where) =>
      `The markup '<!' ${where} is neither a comment nor a CDATA section; the document is not well-formed XML.`,
    lt,
  );
}

function readComment(context: ReaderContext, lt: number): BangMarkup {
  const start = lt + 4;
  const end = context.text.indexOf('-->', start);
  if (end === -1) context.failTruncated('a comment', lt);
  // XML 1.0 §2.5: '--' may not occur inside a comment, and '--->' is not a valid end.
  if (context.next('--', start) < end) {
    context.fail(
      'xml-malformed',
      (where) =>
        `The comment ${where} contains '--', which XML does not allow inside comments; the document is not well-formed XML.`,
      lt,
    );
  }
  checkTextLength(context, end - start, lt, 'A comment');
  return { kind: 'comment', value: context.text.slice(start, end), end: end + 3 };
}

/** Refuses a text, CDATA section or comment longer than the text cap. */
export function checkTextLength(
  context: ReaderContext,
  length: number,
  position: number,
  what: string,
): void {
  const max = context.limits.maxTextLength;
  if (length > max) {
    context.fail(
      'xml-text-too-long',
      (where) =>
        `${what} ${where} is longer than ${formatSize(max, 'characters')}; ${protectSuffix}`,
      position,
    );
  }
}

/** Skips a processing instruction (they carry no document data) and returns where reading continues. */
export function readProcessingInstruction(context: ReaderContext, lt: number): number {
  const { text, limits } = context;
  const end = nameEnd(text, lt + 2, limits.maxNameLength);
  const target = text.slice(lt + 2, end);
  if (target.length > limits.maxNameLength) {
    context.fail(
      'xml-name-too-long',
      (where) =>
        `A processing instruction name ${where} is longer than ${formatSize(limits.maxNameLength, 'characters')}; ${protectSuffix}`,
      lt,
    );
  }
  if (end >= text.length) context.failTruncated('a processing instruction', lt);
  const follows = text.charCodeAt(end);
  if (
    target === '' ||
    !isXmlName(target) ||
    target.includes(':') ||
    !(isWhitespace(follows) || text.startsWith('?>', end))
  ) {
    context.fail(
      'xml-malformed',
      (where) =>
        `The processing instruction ${where} has no valid name; the document is not well-formed XML.`,
      lt,
    );
  }
  if (target.toLowerCase() === 'xml') {
    context.fail(
      'xml-malformed',
      (where) =>
        `An XML declaration ${where} is not at the very start of the document, the only place XML allows it; the document is not well-formed XML.`,
      lt,
    );
  }
  const close = text.indexOf('?>', end);
  if (close === -1) context.failTruncated(`the processing instruction ${quoteName(target)}`, lt);
  return close + 2;
}
