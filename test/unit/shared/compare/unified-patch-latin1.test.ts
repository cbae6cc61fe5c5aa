/**
 * unifiedPatchLatin1, the command line's way to the unified patch (issue 7): for any two files
 * read one byte per character it gives exactly unifiedPatch's patch, so `archivist compare
 * --format unified` writes the same bytes as before. Generated pairs cover CRLF, empty lines,
 * bytes above 0x7f (UTF-8 text and not), missing final newlines, a last line without '\n' equal
 * to a line with one, identical and empty files, and a work budget small enough to go coarse.
 */
import { describe, expect, it } from 'vitest';
import { unifiedPatch, unifiedPatchLatin1 } from '../../../../shared/compare/unified-patch';
import { seededRandom as random } from '../../../../shared/seeded-random';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

const vocabulary = [
  '<a>',
  '</a>',
  '  <b x="1"/>',
  'tekstiä äö',
  '',
  '\t<c>',
  'same',
  'same',
  'x\r',
  '\u00ff\u0080 raw',
];

/** A file's bytes: lines of the vocabulary, as UTF-8 or (sometimes) as Latin-1 bytes. */
function randomFile(next: () => number, base?: string[]): { lines: string[]; bytes: Uint8Array } {
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
  const lines = base
    ? base.flatMap((line) =>
        next() < 0.15 ? [] : next() < 0.1 ? [line, pick()] : [next() < 0.1 ? `${line}!` : line],
      )
    : Array.from({ length: Math.floor(next() * 40) }, pick);
  const finalNewline = next() < 0.6;
  const text = lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : '');
  return { lines, bytes: Buffer.from(text, next() < 0.8 ? 'utf8' : 'latin1') };
}

/** unifiedPatchLatin1's bytes, checked against unifiedPatch on the same Latin-1 text. */
function expectSamePatch(left: Uint8Array, right: Uint8Array, workBudget?: number): string {
  const options = workBudget === undefined ? {} : { workBudget };
  const fast = unifiedPatchLatin1(latin1(left), latin1(right), 'docs/left.xml', options);
  const plain = unifiedPatch(latin1(left), latin1(right), 'docs/left.xml', options);
  expect(fast.patch).toBe(plain.patch);
  expect(fast.notes).toEqual(plain.notes);
  return fast.patch;
}

describe('unifiedPatchLatin1', () => {
  it('gives unifiedPatch’s patch on 300 generated pairs', () => {
    const next = random(71);
    let changed = 0;
    for (let round = 0; round < 300; round++) {
      const left = randomFile(next);
      const right = next() < 0.2 ? randomFile(next) : randomFile(next, left.lines);
      const budget = next() < 0.1 ? 10 : undefined;
      if (expectSamePatch(left.bytes, right.bytes, budget) !== '') changed++;
    }
    expect(changed).toBeGreaterThan(200);
  });

  it('keeps a last line without a newline apart from the same line with one', () => {
    const patch = expectSamePatch(Buffer.from('b\na\nb'), Buffer.from('b\nb\na\n'));
    expect(patch).toContain('\\ No newline at end of file\n');
    expectSamePatch(Buffer.from('same'), Buffer.from('same\n'));
    expectSamePatch(Buffer.from('x\r\n'), Buffer.from('x\r'));
  });

  it('gives the UTF-8 patch of the decoded files, byte for byte, for UTF-8 files', () => {
    const left = Buffer.from('<a>\nä 1\n\ufeffé\n</a>');
    const right = Buffer.from('<a>\nä 2\n\ufeffé\n</a>\n');
    const bytes = Buffer.from(
      unifiedPatchLatin1(latin1(left), latin1(right), 'l.xml').patch,
      'latin1',
    );
    const decoded = unifiedPatch(left.toString('utf8'), right.toString('utf8'), 'l.xml').patch;
    expect(bytes.equals(Buffer.from(decoded, 'utf8'))).toBe(true);
  });

  it('is empty for identical and for two empty files', () => {
    expect(expectSamePatch(Buffer.from('a\nb'), Buffer.from('a\nb'))).toBe('');
    expect(expectSamePatch(Buffer.alloc(0), Buffer.alloc(0))).toBe('');
    expect(expectSamePatch(Buffer.alloc(0), Buffer.from('\n'))).not.toBe('');
  });
});
