import { describe, expect, it } from 'vitest';
import {
  changeListRows,
  type ChangeItem,
} from '../../../../../renderer/src/compare/change-list-rows';

const item = (group: ChangeItem['group'], text: string) =>
  ({ group, kind: 'changed', text, path: `/${text}` }) as unknown as ChangeItem;

describe('changeListRows', () => {
  const entries = [item('entry', 'e1'), item('entry', 'e2'), item('entry', 'e3')];
  const header = item('header', 'title');
  const items = [entries[0]!, header, entries[1]!, entries[2]!];

  it('puts each group under its heading in the fixed group order, leaving empty groups out', () => {
    const { rows } = changeListRows(items);
    expect(
      rows.map((row) => (row.kind === 'heading' ? `# ${row.title} (${row.count})` : row.item)),
    ).toEqual(['# Header (1)', header, '# Entries (3)', ...entries]);
  });

  it('gives each item its place in its group and finds its row', () => {
    const { rows, rowOfItem } = changeListRows(items);
    const last = rows[rowOfItem.get(entries[2]!)!];
    expect(last).toMatchObject({ kind: 'item', item: entries[2], position: 3, groupSize: 3 });
    expect(rows[rowOfItem.get(header)!]).toMatchObject({ position: 1, groupSize: 1 });
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('has no rows for no items', () => {
    expect(changeListRows([]).rows).toEqual([]);
  });
});
