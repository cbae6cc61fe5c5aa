/**
 * Where a JSON text first breaks the grammar (RFC 8259), as a line and column a tester can go to.
 * `JSON.parse` names a position only for some mistakes (Node 20: "Unexpected token ',', … is not
 * valid JSON" has none, and a trailing comma is the commonest mistake in a hand-written file), and
 * its wording differs between V8 versions; this scan answers the same way everywhere. It keeps
 * its own stack, so deep nesting cannot overflow the call stack.
 */

/** The first syntax error: 1-based line and column (in UTF-16 units) and what was found there. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  /** `unexpected ","`, or `the text ends too early`. */
  readonly found: string;
}

type Expecting = 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'colon' | 'comma-or-close' | 'end';

const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const hex4 = /^[0-9a-fA-F]{4}$/;

/** The offset just after the string starting at `start` (a `"`), or the offset of its error. */
function stringEnd(text: string, start: number): { end: number } | { error: number } {
  for (let at = start + 1; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (char === 0x22) return { end: at + 1 };
    if (char < 0x20) return { error: at };
    if (char !== 0x5c) continue;
    const escaped = text.charAt(at + 1);
    if (escaped === 'u') {
      if (!hex4.test(text.slice(at + 2, at + 6))) return { error: at };
      at += 5;
    } else if (escapes.has(escaped)) at += 1;
    else return { error: at };
  }
  return { error: text.length };
}

/** The offset just after a value's token at `at` that is not a container, or its error offset. */
function scalarEnd(text: string, at: number): { end: number } | { error: number } {
  if (text[at] === '"') return stringEnd(text, at);
  for (const literal of ['true', 'false', 'null']) {
    if (text[at] !== literal[0]) continue;
    for (let i = 1; i < literal.length; i += 1)
      if (text[at + i] !== literal[i]) return { error: at + i };
    return { end: at + literal.length };
  }
  number.lastIndex = at;
  return number.test(text) ? { end: number.lastIndex } : { error: at };
}

/** The offset of the first syntax error, or undefined for valid JSON. */
function errorOffset(text: string): number | undefined {
  const open: ('{' | '[')[] = [];
  const afterValue = (): Expecting => (open.length === 0 ? 'end' : 'comma-or-close');
  let expecting: Expecting = 'value';
  let at = 0;
  for (;;) {
    while (/[ \t\n\r]/.test(text.charAt(at))) at += 1;
    if (at >= text.length) return expecting === 'end' ? undefined : at;
    const char = text.charAt(at);
    const closing = open[open.length - 1] === '{' ? '}' : ']';
    let end: number;
    let next: Expecting;
    if (expecting === 'end') return at;
    if (expecting === 'colon') {
      if (char !== ':') return at;
      [end, next] = [at + 1, 'value'];
    } else if (expecting === 'comma-or-close' && char === ',') {
      [end, next] = [at + 1, closing === '}' ? 'key' : 'value'];
    } else if (
      (expecting === 'comma-or-close' && char === closing) ||
      (expecting === 'key-or-}' && char === '}') ||
      (expecting === 'value-or-]' && char === ']')
    ) {
      open.pop();
      [end, next] = [at + 1, afterValue()];
    } else if (expecting === 'comma-or-close') {
      return at;
    } else if (expecting === 'key' || expecting === 'key-or-}') {
      if (char !== '"') return at;
      const key = stringEnd(text, at);
      if ('error' in key) return key.error;
      [end, next] = [key.end, 'colon'];
    } else if (char === '{' || char === '[') {
      open.push(char);
      [end, next] = [at + 1, char === '{' ? 'key-or-}' : 'value-or-]'];
    } else {
      const scalar = scalarEnd(text, at);
      if ('error' in scalar) return scalar.error;
      [end, next] = [scalar.end, afterValue()];
    }
    [at, expecting] = [end, next];
  }
}

/** The first syntax error of a JSON text, or undefined when the text is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const offset = errorOffset(text);
  if (offset === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(0, lineStart).split('\n').length;
  const char = text.codePointAt(offset);
  const found =
    char === undefined
      ? 'the text ends too early'
      : `unexpected ${char < 0x20 ? `character U+${char.toString(16).toUpperCase().padStart(4, '0')}` : `"${String.fromCodePoint(char)}"`}`;
  return { line, column: offset - lineStart + 1, found };
}
