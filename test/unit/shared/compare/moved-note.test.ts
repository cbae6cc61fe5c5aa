import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../../../shared/compare/content-changes';
import { movedNote } from '../../../../shared/compare/content-moves';

const change = (moved: ContentChange['moved']): ContentChange =>
  ({
    leftStart: 10,
    leftEnd: 14,
    rightStart: 20,
    rightEnd: 22,
    path: '/ClinicalDocument',
    removed: [],
    added: [],
    ...(moved ? { moved } : {}),
  }) as ContentChange;

describe('movedNote', () => {
  const moved = change([
    { side: 'removed', start: 10, end: 13, otherStart: 40 },
    { side: 'added', start: 21, end: 22, otherStart: 2 },
  ]);

  it('names the other side’s line on the first line of a run, with its length', () => {
    expect(movedNote(moved, 'left', 10)).toBe('moved to line 41 (3 lines)');
    expect(movedNote(moved, 'right', 21)).toBe('moved from line 3');
  });

  it('says nothing on the run’s other lines, on lines of no run and on the other side', () => {
    expect(movedNote(moved, 'left', 11)).toBeUndefined();
    expect(movedNote(moved, 'left', 13)).toBeUndefined();
    expect(movedNote(moved, 'right', 10)).toBeUndefined();
    expect(movedNote(change(undefined), 'left', 10)).toBeUndefined();
  });
});
