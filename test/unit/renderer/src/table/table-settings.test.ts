import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../../renderer/src/table/csv';
import {
  emptyLayout,
  readLayout,
  tableLayoutKey,
  writeLayout,
} from '../../../../../renderer/src/table/table-settings';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

const columns = ['status', 'title', 'date'];

describe('table layout memory', () => {
  it('round-trips visibility, order and widths', () => {
    const storage = memoryStorage();
    const layout = {
      columnVisibility: { title: false },
      columnOrder: ['date', 'status', 'title'],
      columnSizing: { date: 220 },
    };
    writeLayout(storage, layout);
    expect(readLayout(storage, columns)).toEqual(layout);
  });

  it('drops unknown columns and bad values, and survives garbage', () => {
    const storage = memoryStorage({
      [tableLayoutKey]: JSON.stringify({
        columnVisibility: { title: false, gone: false },
        columnOrder: ['date', 7, 'gone'],
        columnSizing: { date: 1e9 },
      }),
    });
    expect(readLayout(storage, columns)).toEqual({
      columnVisibility: { title: false },
      columnOrder: ['date'],
      columnSizing: {},
    });
    expect(readLayout(memoryStorage({ [tableLayoutKey]: '{not json' }), columns)).toEqual(
      emptyLayout,
    );
  });
});

describe('CSV', () => {
  it('quotes, doubles quotes and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['=1+1', '-2'],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=1+1,\'-2\r\n');
  });
});
