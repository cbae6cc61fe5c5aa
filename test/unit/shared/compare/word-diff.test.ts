import { describe, expect, it } from 'vitest';
import { diffWords, maxWordDiffLineLength } from '../../../../shared/compare/word-diff';
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
];

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

  it('refuses long lines and Base64 runs (shown replaced as a whole)', () => {
    expect(diffWords('a '.repeat(maxWordDiffLineLength), 'b')).toBeUndefined();
    expect(diffWords('QUJD'.repeat(20), 'REVG'.repeat(20))).toBeUndefined();
  });
});
