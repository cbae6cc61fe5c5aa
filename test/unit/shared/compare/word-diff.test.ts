import { describe, expect, it } from 'vitest';
import { diffWords, maxWordDiffLineLength, tokenize } from '../../../../shared/compare/word-diff';
import { seededRandom as random } from '../../../../shared/seeded-random';

const pieces = [
  '<td>',
  '</td>',
  ' ',
  '  ',
  '\t',
  'äö',
  'tabletti',
  '1',
  '&amp;',
  '😀',
  'x_y',
  '.',
  '"',
  // Letters and digits outside ASCII and the BMP, a lone surrogate, a no-break space.
  '𝐀',
  '٣',
  '²',
  '中文',
  '\ud800',
  '\u00a0',
];

/** The length of the longest common subsequence, by the textbook table. */
function lcsLength(left: readonly string[], right: readonly string[]): number {
  let row = new Array<number>(right.length + 1).fill(0);
  for (const token of left) {
    const next = [0];
    for (let j = 0; j < right.length; j++)
      next.push(token === right[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[right.length]!;
}

/** Changed tokens of a minimal diff: a differing indentation is one token each side, apart. */
function fewestChangedTokens(left: string, right: string): number {
  const [leftIndentation] = /^[ \t]*/.exec(left)!;
  const [rightIndentation] = /^[ \t]*/.exec(right)!;
  const [a, b] = [tokenize(left), tokenize(right)];
  if (leftIndentation === rightIndentation) return a.length + b.length - 2 * lcsLength(a, b);
  const [restA, restB] = [a.slice(leftIndentation ? 1 : 0), b.slice(rightIndentation ? 1 : 0)];
  return (
    (leftIndentation ? 1 : 0) +
    (rightIndentation ? 1 : 0) +
    restA.length +
    restB.length -
    2 * lcsLength(restA, restB)
  );
}

function line(next: () => number): string {
  let out = '';
  const count = Math.floor(next() * 30);
  for (let i = 0; i < count; i++) out += pieces[Math.floor(next() * pieces.length)]!;
  return out;
}

describe('diffWords', () => {
  it('gives segments that spell out both lines exactly, on 500 random pairs', () => {
    const next = random(7);
    for (let run = 0; run < 500; run++) {
      const left = line(next);
      const right = next() < 0.5 ? line(next) : left.replace('1', '2') + line(next);
      const segments = diffWords(left, right);
      expect(segments).toBeDefined();
      const side = (kind: 'removed' | 'added') =>
        segments!
          .filter((segment) => segment.kind === 'equal' || segment.kind === kind)
          .map((segment) => segment.text)
          .join('');
      expect(side('removed')).toBe(left);
      expect(side('added')).toBe(right);
      for (let k = 1; k < segments!.length; k++)
        expect(segments![k]!.kind).not.toBe(segments![k - 1]!.kind);
    }
  });

  it("changes as few of tokenize's tokens as possible (an indentation that differs apart), on 500 random pairs", () => {
    const next = random(9);
    for (let run = 0; run < 500; run++) {
      const left = line(next);
      const right = next() < 0.5 ? line(next) : left.replace('1', '2') + line(next);
      const segments = diffWords(left, right)!;
      // Segments are cut at token boundaries, so each one's tokens are the line's.
      const changed = segments
        .filter((segment) => segment.kind !== 'equal')
        .reduce((sum, segment) => sum + tokenize(segment.text).length, 0);
      expect(changed).toBe(fewestChangedTokens(left, right));
    }
  });

  it('word-diffs a long pair with scattered changes (more than Myers takes at once)', () => {
    const next = random(13);
    const left = Array.from({ length: 600 }, () => `w${Math.floor(next() * 40)}`).join(' ');
    const right = left.replaceAll('w7 ', 'muutettu ');
    const segments = diffWords(left, right)!;
    expect(segments.filter((segment) => segment.kind === 'removed').length).toBeGreaterThan(5);
    const side = (kind: 'removed' | 'added') =>
      segments
        .filter((segment) => segment.kind === 'equal' || segment.kind === kind)
        .map((segment) => segment.text)
        .join('');
    expect(side('removed')).toBe(left);
    expect(side('added')).toBe(right);
    for (const segment of segments.filter((segment) => segment.kind !== 'equal'))
      expect(segment.text).toMatch(/^(w7|muutettu)$/);
  });

  it('marks only the changed words', () => {
    expect(diffWords('annos 1 tabletti', 'annos 2 tablettia')).toEqual([
      { kind: 'equal', text: 'annos ' },
      { kind: 'removed', text: '1' },
      { kind: 'added', text: '2' },
      { kind: 'equal', text: ' ' },
      { kind: 'removed', text: 'tabletti' },
      { kind: 'added', text: 'tablettia' },
    ]);
  });

  it('word-diffs a long narrative line: one changed word in 60 KB of text is all it marks', () => {
    const words = Array.from({ length: 7000 }, (_, i) => `sana${i}`);
    const left = words.join(' ');
    const right = [...words.slice(0, 3000), 'muutettu', ...words.slice(3001)].join(' ');
    expect(left.length).toBeGreaterThan(60_000);
    const segments = diffWords(left, right)!;
    expect(segments.filter((s) => s.kind !== 'equal')).toEqual([
      { kind: 'removed', text: 'sana3000' },
      { kind: 'added', text: 'muutettu' },
    ]);
    expect(
      segments
        .filter((s) => s.kind !== 'added')
        .map((s) => s.text)
        .join(''),
    ).toBe(left);
    expect(
      segments
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
    ).toBe(right);
  });

  it('diffs a changed indentation apart, so its spaces are never matched inside the line', () => {
    // Diffed with the words, the left's indentation would be "equal" to the spaces after `b`.
    expect(diffWords('    a', '  b    a')).toEqual([
      { kind: 'removed', text: '    ' },
      { kind: 'added', text: '  b    ' },
      { kind: 'equal', text: 'a' },
    ]);
  });

  it('marks markup put around a line as whole tags: <!-- and --> added or removed', () => {
    // The token diff alone marks `<{+!--<+}text{+>--+}>`: as few tokens, but not what changed.
    expect(diffWords('<text>', '<!--<text>-->')).toEqual([
      { kind: 'added', text: '<!--' },
      { kind: 'equal', text: '<text>' },
      { kind: 'added', text: '-->' },
    ]);
    expect(diffWords('<!--<content>Testi</content>-->', '<content>Testi</content>')).toEqual([
      { kind: 'removed', text: '<!--' },
      { kind: 'equal', text: '<content>Testi</content>' },
      { kind: 'removed', text: '-->' },
    ]);
  });

  it('keeps the place it found for a run that has no tag boundary to move to', () => {
    expect(diffWords('a b', 'a b b')).toEqual([
      { kind: 'equal', text: 'a b' },
      { kind: 'added', text: ' b' },
    ]);
  });

  it('refuses long lines and Base64 runs (shown replaced as a whole)', () => {
    expect(diffWords('a '.repeat(maxWordDiffLineLength), 'b')).toBeUndefined();
    expect(diffWords('QUJD'.repeat(20), 'REVG'.repeat(20))).toBeUndefined();
  });
});
