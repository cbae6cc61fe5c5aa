import { describe, expect, it } from 'vitest';
import {
  contextRows,
  maxRowsPerRegion,
  unchangedRegions,
} from '../../../../shared/report/unchanged-regions';

const lines = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe('unchangedRegions', () => {
  it('keeps context rows next to each change and collapses the middle', () => {
    const left = lines(20, 'l');
    const right = lines(20, 'r');
    const change = { leftStart: 10, leftEnd: 11, rightStart: 10, rightEnd: 11 };
    const [before, after] = unchangedRegions([change], { left, right });
    expect(before).toMatchObject({ beforeChange: 0, leftStart: 0, leftEnd: 10, middleOmitted: 0 });
    expect(before!.head).toEqual([]);
    expect(before!.tail).toEqual([
      ['l7', 'r7'],
      ['l8', 'r8'],
      ['l9', 'r9'],
    ]);
    expect(before!.middle).toHaveLength(10 - contextRows);
    expect(after).toMatchObject({ beforeChange: 1, leftStart: 11, leftEnd: 20 });
    expect(after!.head).toEqual([
      ['l11', 'r11'],
      ['l12', 'r12'],
      ['l13', 'r13'],
    ]);
    expect(after!.tail).toEqual([]);
  });

  it('pairs rows by position when hidden changes made the sides differ in length', () => {
    const [region] = unchangedRegions([], { left: ['a'], right: ['a', 'b'] });
    expect(region!.middle).toEqual([
      ['a', 'a'],
      [null, 'b'],
    ]);
  });

  it('caps a huge region and says how many rows it left out', () => {
    const big = lines(50_000, 'x');
    const [region] = unchangedRegions([], { left: big, right: big });
    expect(region!.middle).toHaveLength(maxRowsPerRegion);
    expect(region!.middleOmitted).toBe(50_000 - maxRowsPerRegion);
  });

  it('gives no region for identical line runs of zero length (adjacent changes)', () => {
    const changes = [
      { leftStart: 0, leftEnd: 1, rightStart: 0, rightEnd: 1 },
      { leftStart: 1, leftEnd: 2, rightStart: 1, rightEnd: 2 },
    ];
    expect(unchangedRegions(changes, { left: ['a', 'b'], right: ['c', 'd'] })).toEqual([]);
  });
});
