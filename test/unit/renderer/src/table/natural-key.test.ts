import { describe, expect, it } from 'vitest';
import { naturalKey } from '../../../../../renderer/src/table/natural-key';

const sorted = (values: string[]) =>
  [...values].sort((a, b) =>
    naturalKey(a) < naturalKey(b) ? -1 : naturalKey(a) > naturalKey(b) ? 1 : 0,
  );

describe('naturalKey', () => {
  it('orders digit runs as numbers, so an OID ending in .10 follows .9', () => {
    expect(sorted(['1.2.10.10', '1.2.10.9', '1.2.9.100', '1.2.10.1'])).toEqual([
      '1.2.9.100',
      '1.2.10.1',
      '1.2.10.9',
      '1.2.10.10',
    ]);
  });

  it('puts digits after text, a shorter text run first, and ignores leading zeros', () => {
    expect(sorted(['a1', 'ab1', 'a'])).toEqual(['a', 'a1', 'ab1']);
    expect(sorted(['1a', 'a', 'x9', 'xy'])).toEqual(['a', 'x9', 'xy', '1a']);
    expect(naturalKey('v007')).toBe(naturalKey('v7'));
    expect(sorted(['v10', 'v007'])).toEqual(['v007', 'v10']);
  });
});

describe('naturalKey against react-table', () => {
  it('orders generated OIDs and codes as react-table’s alphanumeric sort does', async () => {
    const { sortFn_alphanumeric } = await import('@tanstack/react-table');
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const parts = ['1', '2', '10', '9', '246', '.', 'a', 'b', '-', 'x'];
    const values = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + (next() % 6) }, () => parts[next() % parts.length]).join(''),
    );
    const compare = sortFn_alphanumeric.sort as (a: string, b: string) => number;
    const sign = (value: number) => Math.sign(value);
    for (const a of values.slice(0, 100))
      for (const b of values) {
        const [x, y] = [naturalKey(a), naturalKey(b)];
        if (a.replace(/(^|\D)0+(?=\d)/g, '$1') === b.replace(/(^|\D)0+(?=\d)/g, '$1')) continue;
        expect([a, b, sign(x < y ? -1 : x > y ? 1 : 0)]).toEqual([a, b, sign(compare(a, b))]);
      }
  });
});
