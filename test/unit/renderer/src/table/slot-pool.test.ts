import { describe, expect, it } from 'vitest';
import { SlotPool } from '../../../../../renderer/src/table/slot-pool';

describe('SlotPool', () => {
  it('keeps the key of a row that stays in view and gives a row coming in a key that left', () => {
    const pool = new SlotPool();
    const first = pool.assign([0, 1, 2, 3]);
    expect(new Set(first).size).toBe(4);
    const second = pool.assign([2, 3, 4, 5]);
    expect(second.slice(0, 2)).toEqual(first.slice(2, 4));
    expect(new Set(second)).toEqual(new Set(first));
  });

  it('never gives two shown rows the same key, also after a jump and a longer window', () => {
    const pool = new SlotPool();
    pool.assign([0, 1, 2]);
    const jumped = pool.assign([500, 501, 502, 503, 504]);
    expect(new Set(jumped).size).toBe(5);
    const back = pool.assign([1, 2, 3]);
    expect(new Set(back).size).toBe(3);
  });
});
