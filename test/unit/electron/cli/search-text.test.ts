import { describe, expect, it } from 'vitest';
import { searchTextLines } from '../../../../electron/cli/commands/search-text';
import type { DocumentRow } from '../../../../shared/ipc/workspace-types';

function row(overrides: Partial<DocumentRow>): DocumentRow {
  return {
    resourceId: 'doc-1',
    documentId: '1.2.3.1',
    setId: '1.2.3',
    title: 'Yleislääketiede: käynti',
    date: '2024-05-06T08:53:11+03:00',
    patient: '010181-900C',
    register: '',
    view: '',
    organisation: '',
    status: 'current',
    identityProblems: [],
    ...overrides,
  };
}

describe('searchTextLines', () => {
  it('names the columns and lines up the version, title and ids of every row', () => {
    const lines = searchTextLines('2 documents of 010181-900C in local', [
      row({ versionNumber: 1, status: 'replaced', resourceId: 'doc-1' }),
      row({ versionNumber: 12, title: 'Lyhyt', documentId: '1.2.3.12', resourceId: 'doc-12' }),
    ]);
    expect(lines).toEqual([
      '2 documents of 010181-900C in local',
      'Date        Status    Version  Title                    Document id  [resource id]',
      '2024-05-06  replaced  1        Yleislääketiede: käynti  1.2.3.1      [doc-1]',
      '2024-05-06  current   12       Lyhyt                    1.2.3.12     [doc-12]',
    ]);
  });

  it('shows "-" for an unknown version or date and "(untitled)" for no title', () => {
    const [, , line] = searchTextLines('1 document', [
      row({ date: '', title: '', resourceId: 'x' }),
    ]);
    expect(line).toBe('-     current  -        (untitled)  1.2.3.1      [x]');
  });

  it('prints only the heading when nothing was found', () => {
    expect(searchTextLines('0 documents of 010181-900C in local', [])).toEqual([
      '0 documents of 010181-900C in local',
    ]);
  });
});
