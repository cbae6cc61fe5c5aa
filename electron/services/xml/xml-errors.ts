/**
 * The typed refusals of the safe XML layer. Every failure a caller can see has a stable
 * kebab-case code and one sentence a tester understands; positions go into `line`/`column`,
 * and nothing from the input is quoted except short, sanitised names.
 */
import type { AppError } from '../../../shared/result';

/** Every code the safe XML layer returns. */
export type XmlErrorCode =
  | 'xml-too-large'
  | 'xml-empty'
  | 'xml-not-xml'
  | 'xml-encoding'
  | 'xml-invalid-character'
  | 'xml-doctype-forbidden'
  | 'xml-unknown-entity'
  | 'xml-malformed'
  | 'xml-duplicate-attribute'
  | 'xml-namespace'
  | 'xml-too-deep'
  | 'xml-too-many-attributes'
  | 'xml-too-many-nodes'
  | 'xml-name-too-long'
  | 'xml-attribute-too-long'
  | 'xml-text-too-long'
  | 'xml-header-too-large'
  | 'xml-timeout'
  | 'xml-resources'
  | 'xml-worker-missing';

/** An AppError whose code is one of ours. */
export interface XmlError extends AppError {
  readonly code: XmlErrorCode;
}

/** Builds the message from the position phrase ("at line 3, column 7") once it is known. */
export type MessageAt = (at: string) => string;

/**
 * Thrown inside the reader only, caught at the parse boundary and turned into a Result: the
 * public functions never throw. `isEndOfInput` tells the header reader that more input might
 * have completed the construct.
 */
export class XmlReadFailure extends Error {
  constructor(
    readonly code: XmlErrorCode,
    readonly describe: MessageAt,
    readonly position: number,
    readonly isEndOfInput = false,
  ) {
    super(code);
  }
}

const maxQuotedLength = 40;

/** A name safe to put in a message: at most 40 characters, no control or layout characters. */
export function quoteName(name: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029'"\\]/g, '?');
  const cut = clean.length > maxQuotedLength ? `${clean.slice(0, maxQuotedLength)}…` : clean;
  return `'${cut}'`;
}

/** Formats a byte or character count for a message: "50 MB", "1,024 characters". */
export function formatSize(count: number, unit: 'bytes' | 'characters'): string {
  if (unit === 'bytes' && count >= 1024 * 1024 && count % (1024 * 1024) === 0) {
    return `${count / (1024 * 1024)} MB`;
  }
  return `${count.toLocaleString('en-US')} ${unit}`;
}

/** Line and column (both 1-based) of a position in decoded text. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(position, text.length));
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** The error value for a failure at a position of the decoded text. */
export function errorAt(text: string, failure: XmlReadFailure): XmlError {
  const { line, column } = lineAndColumn(text, failure.position);
  return {
    code: failure.code,
    message: failure.describe(`at line ${line}, column ${column}`),
    line,
    column,
  };
}

/** An error value with no position (size, encoding, worker problems). */
export function xmlError(code: XmlErrorCode, message: string): XmlError {
  return { code, message };
}

/** The sentence every refusal made to protect the application ends with. */
export const protectSuffix = 'Archivist refuses such files to protect itself.';
