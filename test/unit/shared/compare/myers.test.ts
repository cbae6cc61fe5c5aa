import { describe, expect, it } from 'vitest';
import { applyBlocks } from '../../../../shared/compare/line-diff';
import { internLines } from '../../../../shared/compare/line-interner';
import { myersBlocks, type ChangeBlock } from '../../../../shared/compare/myers';
import { seededRandom as random } from '../../../../shared/seeded-random';

/** The length of the longest common subsequence, by the textbook table. */
function lcsLength(left: readonly string[], right: readonly string[]): number {
  let row = new Array<number>(right.length + 1).fill(0);
  for (const line of left) {
    const next = [0];
    for (let j = 0; j < right.length; j++)
      next.push(line === right[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[right.length]!;
}

function edits(blocks: readonly ChangeBlock[]): number {
  return blocks.reduce(
    (sum, block) => sum + block.leftEnd - block.leftStart + block.rightEnd - block.rightStart,
    0,
  );
}

function randomLines(next: () => number, length: number, alphabet: number): string[] {
  return Array.from({ length }, () => `l${Math.floor(next() * alphabet)}`);
}

/** The script of a whole pair with at most maxD edits. */
function script(left: string[], right: string[], maxD: number): ChangeBlock[] | undefined {
  const { a, b } = internLines(left, right);
  return myersBlocks({ a, aStart: 0, aEnd: a.length, b, bStart: 0, bEnd: b.length }, maxD);
}

describe('myersBlocks', () => {
  it('gives a shortest edit script (as many edits as the LCS leaves) on 300 random pairs', () => {
    const next = random(41);
    for (let round = 0; round < 300; round++) {
      const alphabet = 1 + Math.floor(next() * 8);
      const left = randomLines(next, Math.floor(next() * 60), alphabet);
      const right = randomLines(next, Math.floor(next() * 60), alphabet);
      const blocks = script(left, right, left.length + right.length)!;
      expect(edits(blocks)).toBe(left.length + right.length - 2 * lcsLength(left, right));
      expect(applyBlocks(left, right, blocks)).toEqual(right);
      // Blocks are in order, do not touch (touching edits are one block) and are not empty.
      for (let k = 1; k < blocks.length; k++)
        expect(blocks[k]!.leftStart).toBeGreaterThan(blocks[k - 1]!.leftEnd);
      for (const block of blocks)
        expect(block.leftEnd - block.leftStart + block.rightEnd - block.rightStart).toBeGreaterThan(
          0,
        );
    }
  });

  it('gives up when the script needs more edits than allowed, and exactly then', () => {
    const left = ['a', 'b', 'c', 'd'];
    const right = ['a', 'x', 'c', 'y'];
    expect(script(left, right, 3)).toBeUndefined();
    expect(edits(script(left, right, 4)!)).toBe(4);
  });

  it('gives the same scripts whatever ran before it (its buffers are kept between calls)', () => {
    const next = random(43);
    const pairs = Array.from({ length: 40 }, (_, k) => {
      // Every tenth pair is big enough to need buffers larger than the kept ones.
      const length = k % 10 === 9 ? 400 : Math.floor(next() * 80);
      const left = randomLines(next, length, 6);
      return [left, randomLines(next, length, 6)] as const;
    });
    const maxD = (k: number) => (k % 3 === 0 ? 10 : 1000);
    const forwards = pairs.map(([left, right], k) => script(left, right, maxD(k)));
    const backwards = [...pairs.entries()]
      .reverse()
      .map(([k, [left, right]]) => [k, script(left, right, maxD(k))] as const);
    for (const [k, blocks] of backwards) expect(blocks).toEqual(forwards[k]);
    expect(forwards.some((blocks) => blocks === undefined)).toBe(true);
  });
});
