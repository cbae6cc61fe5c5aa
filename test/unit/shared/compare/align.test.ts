import { describe, expect, it } from 'vitest';
import { align } from '../../../../shared/compare/align';
import { seededRandom } from '../../../../shared/seeded-random';

/** An item with a few short key fields, so that keys repeat and some are missing. */
interface Item {
  readonly index: number;
  readonly a: string | undefined;
  readonly b: string | undefined;
}

const keys: readonly ((item: Item) => string | undefined)[] = [
  (x) => (x.a !== undefined && x.b !== undefined ? `${x.a}|${x.b}` : undefined),
  (x) => x.a,
  (x) => x.b,
];

/**
 * The greedy passes written plainly: each pass takes the unused left items in order, each with
 * the first unused right item of the same key.
 */
function alignPlainly(left: readonly Item[], right: readonly Item[]) {
  const usedLeft = new Set<Item>();
  const usedRight = new Set<Item>();
  const pairs: [Item, Item][] = [];
  for (const key of keys)
    for (const l of left) {
      const wanted = key(l);
      if (usedLeft.has(l) || wanted === undefined) continue;
      const r = right.find((x) => !usedRight.has(x) && key(x) === wanted);
      if (!r) continue;
      usedLeft.add(l);
      usedRight.add(r);
      pairs.push([l, r]);
    }
  return {
    pairs,
    removed: left.filter((x) => !usedLeft.has(x)),
    added: right.filter((x) => !usedRight.has(x)),
  };
}

function randomItems(next: () => number, count: number): Item[] {
  const field = () => (next() < 0.15 ? undefined : String(Math.floor(next() * 4)));
  return Array.from({ length: count }, (_, index) => ({ index, a: field(), b: field() }));
}

/** Right: a copy of the left with a few items changed, moved, dropped or added. */
function edited(next: () => number, left: readonly Item[]): Item[] {
  const items = left.map((x) => ({ ...x }));
  const edits = Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (items.length + 1));
    const kind = next();
    if (kind < 0.25) items.splice(at, 1);
    else if (kind < 0.5) items.splice(at, 0, ...randomItems(next, 1));
    else if (kind < 0.75 && items[at]) items[at] = { ...items[at], b: 'changed' };
    else items.splice(Math.floor(next() * items.length), 0, ...items.splice(at, 2));
  }
  return items.map((x, index) => ({ ...x, index }));
}

describe('align', () => {
  it('pairs, removes and adds as the plain greedy passes do, shared prefixes or not', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = seededRandom(seed);
      const left = randomItems(next, Math.floor(next() * 14));
      const right = next() < 0.7 ? edited(next, left) : randomItems(next, Math.floor(next() * 14));
      expect(align(left, right, keys), `seed ${seed}`).toEqual(alignPlainly(left, right));
    }
  });
});
