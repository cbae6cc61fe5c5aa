import { describe, expect, it } from 'vitest';
import {
  indexedLines,
  lineRange,
  narrativePage,
  narrativePageChars,
} from '../../../../../electron/services/workspace/compare-line-ranges';
import type { NarrativeComparison } from '../../../../../shared/narrative-diff/narrative-diff';

describe('line ranges', () => {
  const lines = indexedLines({ left: 'a\nbb\n\nd', right: '' }, { left: 4, right: 0 });

  it('cuts lines out of the joined text, empty lines included, short at the end', () => {
    expect(lineRange(lines.left, 0, 2)).toEqual({
      ok: true,
      value: { start: 0, lines: ['a', 'bb'], total: 4 },
    });
    expect(lineRange(lines.left, 2, 10)).toEqual({
      ok: true,
      value: { start: 2, lines: ['', 'd'], total: 4 },
    });
    expect(lineRange(lines.right, 0, 5)).toEqual({
      ok: true,
      value: { start: 0, lines: [], total: 0 },
    });
  });

  it('refuses a start past the end with a sentence', () => {
    const past = lineRange(lines.left, 4, 1);
    expect(!past.ok && past.error).toMatchObject({
      code: 'compare-lines-range',
      message: 'Line 5 does not exist: that side has 4 lines.',
    });
  });
});

describe('narrative pages', () => {
  const row = (n: number, size: number) => ({ kind: 'same', note: `${n}${'x'.repeat(size)}` });
  const narrative = (rows: unknown[]) =>
    ({ rows, changedRows: 0, notes: [] }) as unknown as NarrativeComparison;

  it('stops a page near the size budget, but always gives at least one row', () => {
    const big = narrative([0, 1, 2, 3].map((n) => row(n, narrativePageChars / 2)));
    const first = narrativePage(big, 0, 500);
    expect(first.ok && first.value.narrative?.rows.length).toBe(2);
    expect(first.ok && first.value.narrative?.total).toBe(4);
    const huge = narrative([row(0, narrativePageChars * 2), row(1, 1)]);
    const one = narrativePage(huge, 0, 500);
    expect(one.ok && one.value.narrative?.rows.length).toBe(1);
  });

  it('gives small rows up to the count, and refuses a start past the end', () => {
    const small = narrative([0, 1, 2].map((n) => row(n, 10)));
    const page = narrativePage(small, 1, 500);
    expect(page.ok && page.value.narrative).toMatchObject({
      start: 1,
      total: 3,
      rows: [row(1, 10), row(2, 10)],
    });
    const past = narrativePage(small, 3, 1);
    expect(!past.ok && past.error.message).toBe(
      'Narrative row 4 does not exist: there are 3 rows.',
    );
  });
});
