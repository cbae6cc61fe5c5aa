import { describe, expect, it } from 'vitest';
import { nextDiffering } from '../../../../../renderer/src/compare/narrative-steps';

describe('nextDiffering', () => {
  const differing = [1, 4, 6];

  it('steps forward and back from no current section and between them', () => {
    expect(nextDiffering(differing, -1, 1)).toBe(1);
    expect(nextDiffering(differing, 1, 1)).toBe(4);
    expect(nextDiffering(differing, 2, 1)).toBe(4);
    expect(nextDiffering(differing, 4, -1)).toBe(1);
    expect(nextDiffering(differing, -1, -1)).toBe(6);
  });

  it('wraps from the last to the first and back', () => {
    expect(nextDiffering(differing, 6, 1)).toBe(1);
    expect(nextDiffering(differing, 1, -1)).toBe(6);
  });

  it('has nowhere to go when no section differs', () => {
    expect(nextDiffering([], -1, 1)).toBe(-1);
    expect(nextDiffering([], 3, -1)).toBe(-1);
  });
});
