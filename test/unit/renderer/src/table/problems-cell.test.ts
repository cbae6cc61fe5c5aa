import { describe, expect, it } from 'vitest';
import { problemsCoverage } from '../../../../../renderer/src/table/check-controls';
import { problemsMark, rowProblems } from '../../../../../renderer/src/table/problems-cell';
import type { DocumentRow } from '../../../../../shared/ipc/workspace-types';

const base = { identityProblems: [] } as unknown as DocumentRow;

describe('the problems column', () => {
  it('is empty before a check when the DocumentReference shows nothing', () => {
    expect(problemsMark(base)).toBe('');
    expect(rowProblems(base)).toEqual([]);
  });

  it("joins the DocumentReference's problems and the check's", () => {
    const row = {
      ...base,
      identityProblems: ['from the reference'],
      contentCheck: { problems: ['from the contents'] },
    };
    expect(rowProblems(row)).toEqual(['from the reference', 'from the contents']);
    expect(problemsMark(row)).toBe('problem');
  });

  it('tells a checked row without problems from one whose read failed', () => {
    expect(problemsMark({ ...base, contentCheck: { problems: [] } })).toBe('checked');
    expect(problemsMark({ ...base, contentCheck: { problems: [], note: 'Timed out.' } })).toBe(
      'not read',
    );
  });

  it('says in its header what it covers, before, during and after a check', () => {
    expect(problemsCoverage({ phase: 'idle', done: 0, total: 0 })).toBe(
      'from the DocumentReference',
    );
    expect(problemsCoverage({ phase: 'running', done: 1, total: 4 })).toBe('checking contents…');
    expect(problemsCoverage({ phase: 'stopped', done: 1, total: 4 })).toBe(
      'checked: contents of 1 of 4',
    );
    expect(problemsCoverage({ phase: 'done', done: 4, total: 4 })).toBe('checked: contents');
  });
});
