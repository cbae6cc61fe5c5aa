/** The line and column of a JSON mistake, where JSON.parse names none (issue 7 new-user review). */
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../../shared/json-syntax-error';

describe('jsonSyntaxError', () => {
  const mistakes: [string, string, { line: number; column: number; found: string }][] = [
    [
      'a trailing comma',
      '{\n  "rules": [\n    {},\n  ]\n}',
      { line: 4, column: 3, found: 'unexpected "]"' },
    ],
    [
      'a missing comma',
      '{"id": "a"\n "title": "A"}',
      { line: 2, column: 2, found: 'unexpected """' },
    ],
    ['a cut-off file', '{"id": "a",', { line: 1, column: 12, found: 'the text ends too early' }],
    ['an empty file', '', { line: 1, column: 1, found: 'the text ends too early' }],
    ['single quotes', "{'id': 1}", { line: 1, column: 2, found: `unexpected "'"` }],
    ['a misspelt literal', '[tru]', { line: 1, column: 5, found: 'unexpected "]"' }],
    [
      'a line break in a string',
      '["a\nb"]',
      { line: 1, column: 4, found: 'unexpected character U+000A' },
    ],
    ['a bad escape', '["a\\qb"]', { line: 1, column: 4, found: 'unexpected "\\"' }],
    ['text after the value', '{}\n}', { line: 2, column: 1, found: 'unexpected "}"' }],
    ['a leading zero', '[01]', { line: 1, column: 3, found: 'unexpected "1"' }],
    ['CRLF line ends', '{\r\n"a": 1,\r\n}', { line: 3, column: 1, found: 'unexpected "}"' }],
  ];
  for (const [what, text, expected] of mistakes)
    it(`places ${what}`, () => {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonSyntaxError(text)).toEqual(expected);
    });

  it('finds nothing wrong wherever JSON.parse accepts the text', () => {
    for (const text of [
      '{}',
      ' [1, -2.5e3, "a\\u00e4\\n", true, false, null, {"a": [[]]}] ',
      '"x"',
      '0',
    ])
      expect(jsonSyntaxError(text)).toBeUndefined();
  });

  it('agrees with JSON.parse on many small generated texts', () => {
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"',
      '1',
      '-',
      '0',
      '.5',
      'e3',
      'true',
      'nul',
      ' ',
      '\n',
      '\\',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
    for (let round = 0; round < 20_000; round += 1) {
      const text = Array.from({ length: 1 + (round % 7) }, () => pieces[next()]).join('');
      let isValid = true;
      try {
        JSON.parse(text);
      } catch {
        isValid = false;
      }
      expect(jsonSyntaxError(text) === undefined, JSON.stringify(text)).toBe(isValid);
    }
  });

  it('reads deep nesting without overflowing the call stack', () => {
    expect(jsonSyntaxError('['.repeat(200_000))).toMatchObject({
      found: 'the text ends too early',
    });
  });
});
