import { describe, expect, it } from 'vitest';
import {
  isStorableMark,
  maxStoredChars,
  maxStoredComparisons,
  readComparisons,
  reviewedStorageKey,
  storeComparisons,
  withMarks,
  type MarkStorage,
} from '../../../../../renderer/src/compare/reviewed-store';

/** A Storage stand-in over a Map. */
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

function write(storage: MarkStorage, at: string, marks: Iterable<string>): boolean {
  return storeComparisons(storage, withMarks(readComparisons(storage), at, new Set(marks)));
}

function marksOf(storage: MarkStorage, at: string): Set<string> {
  return new Set(readComparisons(storage).find((entry) => entry.address === at)?.keys);
}

describe('reviewed marks in one storage', () => {
  it('reads back what was written, per comparison', () => {
    const storage = memoryStorage();
    write(storage, address(1), ['c:3:4', 'm:authors[1].role']);
    write(storage, address(2), ['c:10:12']);
    expect(marksOf(storage, address(1))).toEqual(new Set(['c:3:4', 'm:authors[1].role']));
    expect(marksOf(storage, address(2))).toEqual(new Set(['c:10:12']));
    expect(marksOf(storage, address(3))).toEqual(new Set());
  });

  it('stores only addresses and keys', () => {
    const storage = memoryStorage();
    write(storage, address(1), ['c:3:4']);
    expect(JSON.parse(storage.items.get(reviewedStorageKey) ?? '')).toEqual({
      version: 1,
      comparisons: [{ address: address(1), keys: ['c:3:4'] }],
    });
  });

  it.each([
    ['a name', 'm:Aino Virtanen'],
    ['an identity code', 'm:010101-123N'],
    ['a path holding an identity code', 'm:patient.010101A900R'],
    ['text', 'm:title=Lääkemääräys'],
    ['markup', 'c:1:<b>'],
  ])('admits no key holding %s', (_, key) => {
    expect(isStorableMark(key)).toBe(false);
    const storage = memoryStorage();
    write(storage, address(1), [key, 'c:1:2']);
    expect(storage.items.get(reviewedStorageKey)).not.toContain(key.slice(2));
    expect(marksOf(storage, address(1))).toEqual(new Set(['c:1:2']));
  });

  it('admits the model paths the metadata diff makes', () => {
    for (const key of ['m:title', 'm:authors[1].role', 'm:localHeader.auditTrail[0].id', 'c:0:0'])
      expect(isStorableMark(key)).toBe(true);
  });

  it('removes the item when the last mark is taken away', () => {
    const storage = memoryStorage();
    write(storage, address(1), ['c:3:4']);
    write(storage, address(1), []);
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
    expect(marksOf(storage, address(1))).toEqual(new Set());
    // And writing over it starts afresh rather than failing.
    write(storage, address(1), ['c:1:2']);
    expect(marksOf(storage, address(1))).toEqual(new Set(['c:1:2']));
  });

  it('ignores an oversized stored value, even a well-formed one', () => {
    const keys = Array.from({ length: 20_000 }, (_, k) => `c:${k}:${k}`);
    const text = JSON.stringify({ version: 1, comparisons: [{ address: address(1), keys }] });
    expect(text.length).toBeGreaterThan(maxStoredChars);
    expect(marksOf(memoryStorage(text), address(1))).toEqual(new Set());
  });

  it('keeps the most recently written comparisons, dropping the oldest past the limit', () => {
    expect(maxStoredComparisons).toBe(50);
    const storage = memoryStorage();
    for (let n = 0; n <= maxStoredComparisons; n++) write(storage, address(n), ['c:1:2']);
    expect(readComparisons(storage)).toHaveLength(maxStoredComparisons);
    expect(marksOf(storage, address(0))).toEqual(new Set());
    expect(marksOf(storage, address(1))).toEqual(new Set(['c:1:2']));
    expect(marksOf(storage, address(maxStoredComparisons))).toEqual(new Set(['c:1:2']));
  });

  it('stays under the size limit: older comparisons go, the newest stays', () => {
    const storage = memoryStorage();
    const many = (offset: number) =>
      Array.from({ length: 4_000 }, (_, k) => `c:${offset + k}:${offset + k + 1}`);
    for (let n = 0; n < 6; n++) write(storage, address(n), many(n * 100_000));
    expect((storage.items.get(reviewedStorageKey) ?? '').length).toBeLessThanOrEqual(
      maxStoredChars,
    );
    expect(marksOf(storage, address(5)).size).toBe(4_000);
    expect(marksOf(storage, address(0)).size).toBe(0);
  });

  it('on a quota error drops the older comparisons and keeps the newest', () => {
    const storage = memoryStorage();
    for (let n = 0; n < 8; n++) write(storage, address(n), [`c:${n}:${n}`]);
    // A storage that other data has nearly filled: room for about two comparisons.
    const roomFor = 2 * JSON.stringify({ address: address(0), keys: ['c:0:0'] }).length + 40;
    const full: MarkStorage = {
      ...storage,
      setItem: (key, value) => {
        if (value.length > roomFor) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(key, value);
      },
    };
    expect(write(full, address(8), ['c:8:8'])).toBe(true);
    expect(marksOf(storage, address(8))).toEqual(new Set(['c:8:8']));
    expect(marksOf(storage, address(0))).toEqual(new Set());
  });

  it('says so when nothing can be written, and never throws', () => {
    const broken: MarkStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(readComparisons(broken)).toEqual([]);
    expect(write(broken, address(1), ['c:1:2'])).toBe(false);
  });
});
