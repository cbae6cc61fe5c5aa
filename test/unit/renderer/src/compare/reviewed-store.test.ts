import { describe, expect, it } from 'vitest';
import {
  maxStoredChars,
  maxStoredComparisons,
  readMarks,
  reviewedStorageKey,
  writeMarks,
  type MarkStorage,
} from '../../../../../renderer/src/compare/reviewed-store';

/** A Storage stand-in over a Map, counting writes. */
function memoryStorage(initial?: string): MarkStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  if (initial !== undefined) items.set(reviewedStorageKey, initial);
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const address = (n: number) =>
  `#/compare?left=file%3Afile-aaaaaaaa${n}&right=env%3Asandbox%3Adoc-1`;

describe('reviewed marks in sessionStorage', () => {
  it('reads back what was written, per comparison', () => {
    const storage = memoryStorage();
    writeMarks(storage, address(1), new Set(['c:3:4', 'm:authors[1].role']));
    writeMarks(storage, address(2), new Set(['c:10:12']));
    expect(readMarks(storage, address(1))).toEqual(new Set(['c:3:4', 'm:authors[1].role']));
    expect(readMarks(storage, address(2))).toEqual(new Set(['c:10:12']));
    expect(readMarks(storage, address(3))).toEqual(new Set());
  });

  it('stores only addresses and keys', () => {
    const storage = memoryStorage();
    writeMarks(storage, address(1), new Set(['c:3:4']));
    expect(JSON.parse(storage.items.get(reviewedStorageKey) ?? '')).toEqual({
      version: 1,
      comparisons: [{ address: address(1), keys: ['c:3:4'] }],
    });
  });

  it('removes the item when the last mark is taken away', () => {
    const storage = memoryStorage();
    writeMarks(storage, address(1), new Set(['c:3:4']));
    writeMarks(storage, address(1), new Set());
    expect(storage.items.has(reviewedStorageKey)).toBe(false);
  });

  it.each([
    ['not JSON', '{"version":1,"comparisons":['],
    ['another version', JSON.stringify({ version: 2, comparisons: [] })],
    [
      'a key of another shape',
      JSON.stringify({ version: 1, comparisons: [{ address: address(1), keys: ['c:1:<b>'] }] }),
    ],
    [
      'keys that are not strings',
      JSON.stringify({ version: 1, comparisons: [{ address: address(1), keys: [42] }] }),
    ],
    [
      'an address of another page',
      JSON.stringify({ version: 1, comparisons: [{ address: '#/search?x=1', keys: ['c:1:2'] }] }),
    ],
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['__proto__ keys', '{"__proto__":{"version":1},"comparisons":[]}'],
  ])('ignores a stored value that is %s', (_, text) => {
    const storage = memoryStorage(text);
    expect(readMarks(storage, address(1))).toEqual(new Set());
    // And writing over it starts afresh rather than failing.
    writeMarks(storage, address(1), new Set(['c:1:2']));
    expect(readMarks(storage, address(1))).toEqual(new Set(['c:1:2']));
  });

  it('ignores an oversized stored value, even a well-formed one', () => {
    const keys = Array.from({ length: 20_000 }, (_, k) => `c:${k}:${k}`);
    const text = JSON.stringify({ version: 1, comparisons: [{ address: address(1), keys }] });
    expect(text.length).toBeGreaterThan(maxStoredChars);
    expect(readMarks(memoryStorage(text), address(1))).toEqual(new Set());
  });

  it('drops the oldest comparisons past the limit, keeping the newest', () => {
    const storage = memoryStorage();
    for (let n = 0; n <= maxStoredComparisons; n++)
      writeMarks(storage, address(n), new Set(['c:1:2']));
    expect(readMarks(storage, address(0))).toEqual(new Set());
    expect(readMarks(storage, address(1))).toEqual(new Set(['c:1:2']));
    expect(readMarks(storage, address(maxStoredComparisons))).toEqual(new Set(['c:1:2']));
  });

  it('stays under the size limit: older comparisons go, the newest stays', () => {
    const storage = memoryStorage();
    const many = (offset: number) =>
      new Set(Array.from({ length: 4_000 }, (_, k) => `c:${offset + k}:${offset + k + 1}`));
    for (let n = 0; n < 6; n++) writeMarks(storage, address(n), many(n * 100_000));
    expect((storage.items.get(reviewedStorageKey) ?? '').length).toBeLessThanOrEqual(
      maxStoredChars,
    );
    expect(readMarks(storage, address(5)).size).toBe(4_000);
    expect(readMarks(storage, address(0)).size).toBe(0);
  });

  it('keeps going when the storage refuses to be read or written', () => {
    const broken: MarkStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(readMarks(broken, address(1))).toEqual(new Set());
    expect(() => writeMarks(broken, address(1), new Set(['c:1:2']))).not.toThrow();
  });
});
