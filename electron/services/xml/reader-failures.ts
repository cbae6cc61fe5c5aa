/**
 * The reader's refusals of a document's structure (xml-reader.ts), each with the sentence a tester
 * reads. Kept apart from the reader's loop: they run at most once per document.
 */
import type { ReaderContext } from './reader-context';
import { XmlReadFailure, protectSuffix, quoteName } from './xml-errors';

/** An engine error (say, a string too long) is still a refusal, not a crash. */
export function resourcesFailure(): XmlReadFailure {
  return new XmlReadFailure(
    'xml-resources',
    (where) =>
      `Reading the document failed ${where} because it needs more resources than Archivist allows; ${protectSuffix}`,
    0,
  );
}

export function failUnclosed(context: ReaderContext, qname: string, line: number): never {
  return context.fail(
    'xml-malformed',
    (where) =>
      `The document ends ${where} while the element ${quoteName(qname)} from line ${line} is still open: it is truncated or not well-formed XML.`,
    context.length,
    true,
  );
}

export function failNoRoot(context: ReaderContext): never {
  return context.fail(
    'xml-malformed',
    (where) =>
      `The document has no document element (it ends ${where}); it is not well-formed XML.`,
    context.length,
    true,
  );
}

export function failTooDeep(context: ReaderContext, lt: number): never {
  const max = context.limits.maxDepth;
  return context.fail(
    'xml-too-deep',
    (where) => `The document is nested deeper than ${max} levels ${where}; ${protectSuffix}`,
    lt,
  );
}

export function failSecondRoot(context: ReaderContext, lt: number): never {
  return context.fail(
    'xml-malformed',
    (where) =>
      `A second document element starts ${where}; XML allows exactly one, so the document is not well-formed.`,
    lt,
  );
}

export function failEndTagJunk(context: ReaderContext, qname: string, lt: number): never {
  return context.fail(
    'xml-malformed',
    (where) =>
      `The end tag ${quoteName(qname)} ${where} has something other than '>' after its name; the document is not well-formed XML.`,
    lt,
  );
}

export function failUnmatchedEndTag(context: ReaderContext, qname: string, lt: number): never {
  return context.fail(
    'xml-malformed',
    (where) =>
      `The end tag ${quoteName(qname)} ${where} has no matching start tag; the document is not well-formed XML.`,
    lt,
  );
}

export function failMismatchedEndTag(
  context: ReaderContext,
  qname: string,
  openQname: string,
  openLine: number,
  lt: number,
): never {
  return context.fail(
    'xml-malformed',
    (where) =>
      `The end tag ${quoteName(qname)} ${where} does not match the open element ${quoteName(openQname)} from line ${openLine}; the document is not well-formed XML.`,
    lt,
  );
}

export function failCdataEndInText(context: ReaderContext, position: number): never {
  return context.fail(
    'xml-malformed',
    (where) =>
      `The text ${where} contains ']]>', which XML allows only at the end of a CDATA section; the document is not well-formed XML.`,
    position,
  );
}

/** `where` is "before the document element" or "after the document element". */
export function failOutsideText(context: ReaderContext, where: string, position: number): never {
  return context.fail(
    'xml-malformed',
    (at) =>
      `There is text ${where} ${at}; XML allows only comments and processing instructions there, so the document is not well-formed.`,
    position,
  );
}
