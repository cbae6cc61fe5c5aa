import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../../renderer/src/table/csv';
import { defaultLayout, documentColumns } from '../../../../../renderer/src/table/document-columns';
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

describe('default layout', () => {
  const defaults = { ...emptyLayout, columnVisibility: { date: false } };

  it('hides the default-hidden columns when nothing was stored, or garbage', () => {
    expect(readLayout(memoryStorage(), columns, defaults)).toEqual(defaults);
    expect(readLayout(memoryStorage({ [tableLayoutKey]: '{not json' }), columns, defaults)).toEqual(
      defaults,
    );
  });

  it('keeps what the tester chose over the defaults, and the defaults for the rest', () => {
    const storage = memoryStorage();
    writeLayout(storage, { ...emptyLayout, columnVisibility: { title: false } });
    expect(readLayout(storage, columns, defaults).columnVisibility).toEqual({
      date: false,
      title: false,
    });
    writeLayout(storage, { ...emptyLayout, columnVisibility: { date: true } });
    expect(readLayout(storage, columns, defaults).columnVisibility).toEqual({ date: true });
  });

  it('shows version and set id by default and fits 1400 px beside the sidebar', () => {
    const shown = documentColumns.filter((column) => !column.isHiddenByDefault);
    expect(shown.map((column) => column.id)).toEqual(
      expect.arrayContaining(['title', 'version', 'documentId', 'setId']),
    );
    expect(Object.keys(defaultLayout.columnVisibility).sort()).toEqual([
      'organisation',
      'register',
      'view',
    ]);
    // The main area at 1400 px is about 1090 px wide; 40 px is the selection column.
    const width = shown.reduce((sum, column) => sum + column.size, 40);
    expect(width).toBeLessThanOrEqual(1090);
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
