import { describe, expect, it } from 'vitest';
import { ColumnKeys } from '../../../../../renderer/src/table/column-keys';
import { columnById } from '../../../../../renderer/src/table/document-columns';
import type { DocumentRow } from '../../../../../shared/ipc/workspace-types';

const rows: DocumentRow[] = Array.from({ length: 30_000 }, (_, index) => ({
  resourceId: `doc-${index}`,
  documentId: `1.2.246.10.${(index * 7919) % 30_000}`,
  setId: `1.2.246.11.${Math.floor(index / 3)}`,
  versionNumber: index % 12,
  title: `Title ${(index * 104729) % 20_000}`,
  date: `2024-01-${String(1 + (index % 28)).padStart(2, '0')}T00:00:00Z`,
  patient: `p${index % 700}`,
  register: 'public',
  view: 'YLE',
  organisation: 'Testisairaala',
  status: index % 5 === 0 ? 'replaced' : 'current',
  identityProblems: [],
}));

describe('ColumnKeys', () => {
  it('prepares the search text and ranks in short steps, giving what a single build gives', () => {
    const stepwise = new ColumnKeys(rows);
    let steps = 0;
    while (!stepwise.prepare(0)) steps += 1;
    expect(steps).toBeGreaterThan(20);
    const direct = new ColumnKeys(rows);
    for (const id of ['date', 'title', 'version', 'documentId', 'status']) {
      const column = columnById.get(id)!;
      expect(stepwise.ranksOf(column)).toEqual(direct.ranksOf(column));
    }
    expect(stepwise.search.isBuilt).toBe(true);
    for (const row of [0, 12_345, rows.length - 1])
      expect(stepwise.search.rowText(row)).toBe(direct.search.rowText(row));
  });

  it('finishes a column that idle time only started when a sort needs it', () => {
    const keys = new ColumnKeys(rows);
    // 15 steps build the search text (prepared first), about 15 rank the dates, a few the titles.
    for (let step = 0; step < 35; step += 1) keys.prepare(0);
    const title = columnById.get('title')!;
    const { ranks, distinct } = keys.ranksOf(title);
    expect(distinct).toBe(new Set(rows.map((row) => row.title.toLowerCase())).size);
    const byRank = Array.from(ranks.keys()).sort((a, b) => ranks[a]! - ranks[b]!);
    const titles = byRank.map((index) => rows[index]!.title.toLowerCase());
    expect(titles).toEqual([...titles].sort());
  });

  it('ranks versions as numbers, 10 after 9', () => {
    const { ranks } = new ColumnKeys(rows).ranksOf(columnById.get('version')!);
    expect(ranks[10]! > ranks[9]!).toBe(true);
    expect(ranks[12]).toBe(ranks[0]);
  });
});
