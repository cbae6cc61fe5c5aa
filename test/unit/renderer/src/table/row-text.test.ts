import { describe, expect, it } from 'vitest';
import { rowTextOf } from '../../../../../renderer/src/table/row-text';
import type { DocumentRow } from '../../../../../shared/ipc/workspace-types';

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

describe('rowTextOf', () => {
  it('holds every filterable value lower-cased, one per line, so no match spans two values', () => {
    const text = rowTextOf(row);
    for (const value of ['current', 'yleislääketiede: käynti', '150173-998h', 'yle', 'kokeilulan'])
      expect(text).toContain(value);
    expect(text).toContain('2024-05-06 08:53:11');
    expect(text).not.toContain('problem');
    expect(text.includes('998hpublic')).toBe(false);
  });

  it('marks a row with identity problems and returns the same text for the same row object', () => {
    const flagged = { ...row, identityProblems: ['Not a test identity code.'] };
    expect(rowTextOf(flagged)).toContain('problem');
    expect(rowTextOf(flagged)).toBe(rowTextOf(flagged));
    expect(rowTextOf(row)).not.toBe(rowTextOf(flagged));
  });
});
