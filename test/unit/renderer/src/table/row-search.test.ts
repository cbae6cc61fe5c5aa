import { describe, expect, it } from 'vitest';
import { documentColumns } from '../../../../../renderer/src/table/document-columns';
import {
  blockRows,
  columnScope,
  RowSearch,
  rowScope,
  searchedColumns,
} from '../../../../../renderer/src/table/row-search';
import type { DocumentRow, RowStatus } from '../../../../../shared/ipc/workspace-types';

/** The row text "Filter all columns" searched before RowSearch (rowTextOf), kept as the oracle. */
function oldRowText(row: DocumentRow): string {
  const texts = documentColumns.flatMap((column) => (column.filterText ? [column.filterText] : []));
  let text = '';
  for (let index = 0; index < texts.length; index += 1)
    text += (index === 0 ? '' : '\n') + (texts[index]?.(row) ?? '');
  return text.toLowerCase();
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function randomFrom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

// Finnish letters in both cases, empty values, line breaks inside values, U+0130 (lower-cases to
// two code units), a final sigma (lower-cases by context) and a surrogate pair.
const pieces = [
  'Ä',
  'ä',
  'Ö',
  'ö',
  'Å',
  'å',
  'A',
  'h',
  'E',
  'te',
  ' ',
  '-',
  '1',
  '0',
  '\n',
  'İ',
  'ΟΣ',
  '😀',
];

function rows(count: number, seed: number, letters: readonly string[]): DocumentRow[] {
  const random = randomFrom(seed);
  const text = (max: number) => {
    let value = '';
    for (let length = random(max + 1); length > 0; length -= 1)
      value += letters[random(letters.length)];
    return value;
  };
  const statuses: RowStatus[] = ['current', 'replaced', 'invalidated'];
  return Array.from({ length: count }, (_, index) => ({
    resourceId: `r${index}`,
    documentId: random(9) === 0 ? '' : `1.2.246.${random(1000)}${text(2)}`,
    setId: text(4),
    title: text(12),
    date:
      random(7) === 0
        ? text(6)
        : `202${random(10)}-0${1 + random(9)}-1${random(10)}T0${random(10)}:00:00Z`,
    patient: text(5),
    register: random(3) === 0 ? '' : `Rekisteri ${text(3)}`,
    view: text(6),
    organisation: text(8),
    status: statuses[random(3)]!,
    identityProblems: random(5) === 0 ? ['Not a test identity code.'] : [],
  }));
}

function needlesOf(texts: readonly string[], seed: number): string[] {
  const random = randomFrom(seed);
  const needles = ['h', 'ä', 'åh', '\n', 'e\nr', 'problem', 'current', 'i̇', 'σ', 'ς', '😀', 'zzz'];
  for (let index = 0; index < 60; index += 1) {
    // Pieces of real row texts, often across a value's line break.
    const text = texts[random(texts.length)]!;
    const start = random(text.length + 1);
    needles.push(text.slice(start, start + 1 + random(6)));
  }
  return needles.filter((needle) => needle !== '');
}

const all = (count: number) => Uint32Array.from({ length: count }, (_, index) => index);

// With U+0130 every block takes the slower path that lower-cases each value on its own.
describe.each([
  ['without U+0130', pieces.filter((piece) => piece !== 'İ')],
  ['with U+0130', pieces],
])('RowSearch, values %s', (_, letters) => {
  const data = rows(blockRows * 2 + 300, 7, letters);
  const search = new RowSearch(data);
  const texts = data.map(oldRowText);
  const needles = needlesOf(texts, 11);

  it('holds each row text exactly as the old rowTextOf made it, across blocks', () => {
    for (const row of [0, 1, blockRows - 1, blockRows, data.length - 1])
      expect(search.rowText(row)).toBe(texts[row]);
    expect(data.every((_row, row) => search.rowText(row) === texts[row])).toBe(true);
  });

  it('keeps the same rows for "Filter all columns" as includes over the old row texts', () => {
    for (const needle of needles) {
      const expected = texts.flatMap((text, row) => (text.includes(needle) ? [row] : []));
      const kept = all(data.length);
      const count = search.keep(needle, rowScope, kept, kept);
      expect([needle, Array.from(kept.subarray(0, count))]).toEqual([needle, expected]);
    }
  });

  it('keeps the same rows for each column filter as includes over the lower-cased value', () => {
    for (const column of searchedColumns) {
      const scope = columnScope(column.id)!;
      const values = data.map((row) => column.filterText!(row).toLowerCase());
      for (const needle of needles.slice(0, 30)) {
        const expected = values.flatMap((value, row) => (value.includes(needle) ? [row] : []));
        const out = new Uint32Array(data.length);
        const count = search.keep(needle, scope, all(data.length), out);
        expect([column.id, needle, Array.from(out.subarray(0, count))]).toEqual([
          column.id,
          needle,
          expected,
        ]);
      }
    }
  });

  it('tests only the candidates it is given', () => {
    const random = randomFrom(3);
    const candidates = all(data.length).filter(() => random(3) === 0);
    for (const needle of needles.slice(0, 20)) {
      const expected = Array.from(candidates).filter((row) => texts[row]!.includes(needle));
      const kept = candidates.slice();
      const count = search.keep(needle, rowScope, kept, kept);
      expect(Array.from(kept.subarray(0, count))).toEqual(expected);
    }
  });

  it('builds block by block, and a search before the last block builds the rest', () => {
    const stepwise = new RowSearch(data);
    expect(stepwise.buildNext()).toBe(true);
    expect(stepwise.isBuilt).toBe(false);
    const kept = all(data.length);
    const count = stepwise.keep('h', rowScope, kept, kept);
    expect(stepwise.isBuilt).toBe(true);
    expect(count).toBe(texts.filter((text) => text.includes('h')).length);
    expect(stepwise.buildNext()).toBe(false);
  });

  it('has no column scope for a column without a filter, and handles no rows', () => {
    expect(columnScope('version')).toBeUndefined();
    expect(columnScope('nope')).toBeUndefined();
    const empty = new RowSearch([]);
    expect(empty.isBuilt).toBe(true);
    expect(empty.keep('a', rowScope, new Uint32Array(0), new Uint32Array(0))).toBe(0);
  });
});

describe('the searched text of one row', () => {
  const row: DocumentRow = {
    resourceId: 'seed-doc-1',
    documentId: '1.2.246.10.99990001.2026.1',
    setId: '1.2.246.10.99990001.2026.1',
    versionNumber: 1,
    title: 'Yleislääketiede: Käynti',
    date: '2024-05-06T08:53:11Z',
    patient: '150173-998H',
    register: 'public healthcare (2)',
    view: 'YLE',
    organisation: 'Kokeilulan Klinikka',
    status: 'current',
    identityProblems: [],
  };

  it('holds every filterable value lower-cased, one per line, the date as shown', () => {
    const text = new RowSearch([row]).rowText(0);
    for (const value of ['current', 'yleislääketiede: käynti', '150173-998h', 'yle', 'kokeilulan'])
      expect(text).toContain(value);
    expect(text).toContain('2024-05-06 08:53:11');
    expect(text).not.toContain('problem');
    expect(text.includes('998hpublic')).toBe(false);
    expect(text).toBe(oldRowText(row));
  });

  it('marks a row with identity problems', () => {
    const flagged = { ...row, identityProblems: ['Not a test identity code.'] };
    expect(new RowSearch([flagged]).rowText(0)).toContain('problem');
  });
});
