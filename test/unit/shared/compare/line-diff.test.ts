import { describe, expect, it } from 'vitest';
import {
  applyBlocks,
  diffIds,
  diffLineArrays,
  type ChangeBlock,
} from '../../../../shared/compare/line-diff';
import { internLines } from '../../../../shared/compare/line-interner';
import { seededRandom as random } from '../../../../shared/seeded-random';

/** Checks the script is well formed: ordered blocks, and equal lines everywhere between them. */
function expectValidScript(left: string[], right: string[], blocks: readonly ChangeBlock[]): void {
  let a = 0;
  let b = 0;
  for (const block of blocks) {
    expect(block.leftStart - a).toBe(block.rightStart - b);
    for (let i = a; i < block.leftStart; i++) expect(left[i]).toBe(right[b + i - a]);
    expect(block.leftEnd).toBeGreaterThanOrEqual(block.leftStart);
    expect(block.rightEnd).toBeGreaterThanOrEqual(block.rightStart);
    expect(block.leftEnd - block.leftStart + block.rightEnd - block.rightStart).toBeGreaterThan(0);
    a = block.leftEnd;
    b = block.rightEnd;
  }
  expect(left.length - a).toBe(right.length - b);
  for (let i = a; i < left.length; i++) expect(left[i]).toBe(right[b + i - a]);
  expect(applyBlocks(left, right, blocks)).toEqual(right);
}

function mutate(lines: string[], next: () => number, edits: number): string[] {
  const out = [...lines];
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const what = next();
    if (what < 0.33) out.splice(at, 1);
    else if (what < 0.66) out.splice(at, 0, `new ${Math.floor(next() * 5)}`);
    else out.splice(at, 1, `changed ${Math.floor(next() * 5)}`);
  }
  return out;
}

describe('diffLineArrays', () => {
  it('finds nothing in a list against itself', () => {
    const lines = ['<a>', '  <b/>', '</a>'];
    expect(diffLineArrays(lines, lines).blocks).toEqual([]);
  });

  it('gives the minimal script for one changed line', () => {
    const diff = diffLineArrays(['a', 'b', 'c'], ['a', 'x', 'c']);
    expect(diff.blocks).toEqual([{ leftStart: 1, leftEnd: 2, rightStart: 1, rightEnd: 2 }]);
  });

  it('is a correct edit script on 400 random pairs (small alphabets, many repeats)', () => {
    const next = random(7);
    for (let round = 0; round < 400; round++) {
      const size = Math.floor(next() * 300);
      const alphabet = 1 + Math.floor(next() * 40);
      const left = Array.from({ length: size }, () => `l${Math.floor(next() * alphabet)}`);
      const right =
        next() < 0.3
          ? Array.from(
              { length: Math.floor(next() * 300) },
              () => `l${Math.floor(next() * alphabet)}`,
            )
          : mutate(left, next, Math.floor(next() * 30));
      expectValidScript(left, right, diffLineArrays(left, right).blocks);
    }
  });

  it('gives the same script with its equal head and tail trimmed first as without', () => {
    const next = random(23);
    for (let round = 0; round < 300; round++) {
      const alphabet = 1 + Math.floor(next() * 30);
      const line = () => `l${Math.floor(next() * alphabet)}`;
      const head = Array.from({ length: Math.floor(next() * 40) }, line);
      const tail = Array.from({ length: Math.floor(next() * 40) }, line);
      const middle = Array.from({ length: Math.floor(next() * 200) }, line);
      const left = [...head, ...middle, ...tail];
      const right = [...head, ...mutate(middle, next, Math.floor(next() * 40)), ...tail];
      const budget = next() < 0.3 ? { workBudget: Math.floor(next() * 3000) } : {};
      const { a, b, distinct } = internLines(left, right);
      const whole = diffIds(a, b, distinct, budget);
      const trimmed = diffLineArrays(left, right, budget);
      expect(trimmed).toEqual(whole);
      expectValidScript(left, right, trimmed.blocks);
    }
  });

  it('stays correct and notes it when the work budget runs out', () => {
    const next = random(11);
    const left = Array.from({ length: 5000 }, () => `x${Math.floor(next() * 50)}`);
    const right = Array.from({ length: 5000 }, () => `x${Math.floor(next() * 50)}`);
    const diff = diffLineArrays(left, right, { workBudget: 10_000 });
    expectValidScript(left, right, diff.blocks);
    expect(diff.isCoarse).toBe(true);
    expect(diff.notes[0]).toMatch(/too little in common/);
  });

  it('aligns a moved block as one deletion and one insertion', () => {
    const left = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
    const moved = left.slice(100, 200);
    const right = [...left.slice(0, 100), ...left.slice(200, 900), ...moved, ...left.slice(900)];
    const diff = diffLineArrays(left, right);
    expectValidScript(left, right, diff.blocks);
    expect(diff.blocks).toEqual([
      { leftStart: 100, leftEnd: 200, rightStart: 100, rightEnd: 100 },
      { leftStart: 900, leftEnd: 900, rightStart: 800, rightEnd: 900 },
    ]);
  });

  it('ends on unrelated 300,000-line inputs with one replaced block', () => {
    const next = random(3);
    const left = Array.from(
      { length: 300_000 },
      (_, i) => `<a n="${i}">${Math.floor(next() * 1e9)}</a>`,
    );
    const right = Array.from(
      { length: 300_000 },
      (_, i) => `<b n="${i}">${Math.floor(next() * 1e9)}</b>`,
    );
    // No timing assertion (speed is benchmarked); Vitest's per-test timeout catches a hang.
    const diff = diffLineArrays(left, right);
    expect(diff.blocks).toEqual([
      { leftStart: 0, leftEnd: 300_000, rightStart: 0, rightEnd: 300_000 },
    ]);
  });
});
