import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../../../../shared/compare/content-changes';
import { buildRows, viewChanges } from '../../../../../renderer/src/compare/diff-rows';
import {
  changeForItem,
  lineOfRow,
  mapLine,
  rowOfLine,
} from '../../../../../renderer/src/compare/line-mapping';

function change(
  left: number,
  right: number,
  removed: number,
  added: number,
  extra: Partial<ContentChange> = {},
): ContentChange {
  return {
    leftStart: left,
    leftEnd: left + removed,
    rightStart: right,
    rightEnd: right + added,
    path: '/ClinicalDocument',
    removed: Array.from({ length: removed }, () => 'old'),
    added: Array.from({ length: added }, () => 'new'),
    ...extra,
  };
}

// Left: lines 0-4 same, 5-6 removed, 7.. same. Right: 0-4 same, 5-7 added (replacing 5-6), 8.. same;
// then left line 20 removed entirely (right has nothing there).
const changes = [change(5, 5, 2, 3), change(20, 21, 1, 0)];

describe('mapLine', () => {
  it('maps unchanged lines across the changes before them, both ways', () => {
    expect(mapLine(changes, 'left', 0)).toBe(0);
    expect(mapLine(changes, 'left', 4)).toBe(4);
    expect(mapLine(changes, 'left', 7)).toBe(8);
    expect(mapLine(changes, 'left', 19)).toBe(20);
    expect(mapLine(changes, 'left', 21)).toBe(21);
    expect(mapLine(changes, 'right', 8)).toBe(7);
    expect(mapLine(changes, 'right', 21)).toBe(21);
  });

  it('maps a changed line into the other side of its change', () => {
    expect(mapLine(changes, 'left', 5)).toBe(5);
    expect(mapLine(changes, 'left', 6)).toBe(6);
    expect(mapLine(changes, 'right', 7)).toBe(6);
    expect(mapLine(changes, 'left', 20)).toBe(21);
  });

  it('is the identity without changes', () => {
    expect(mapLine([], 'left', 12)).toBe(12);
  });

  it('round-trips every unchanged line', () => {
    for (let line = 0; line < 40; line++) {
      const inChange = changes.some((c) => line >= c.leftStart && line < c.leftEnd);
      if (inChange) continue;
      expect(mapLine(changes, 'right', mapLine(changes, 'left', line))).toBe(line);
    }
  });
});

describe('rows and lines', () => {
  const views = viewChanges(changes, []);
  const options = {
    mode: 'side-by-side' as const,
    hasLines: true,
    leftLines: 40,
    rightLines: 40,
    expanded: new Set<string>(),
    revealed: new Set<string>(),
  };

  it('finds the row of a line in either mode, inside a collapsed region too', () => {
    for (const mode of ['side-by-side', 'inline'] as const) {
      const { rows } = buildRows(views, { ...options, mode });
      expect(lineOfRow(rows[rowOfLine(rows, 'left', 6)])).toEqual({ side: 'left', line: 6 });
      expect(lineOfRow(rows[rowOfLine(rows, 'left', 25)])).toEqual({ side: 'left', line: 24 });
      expect(rows[rowOfLine(rows, 'left', 35)]?.kind).toBe('collapsed');
    }
  });
});

describe('changeForItem', () => {
  const views = viewChanges(
    [
      change(5, 5, 1, 1, {
        path: '/ClinicalDocument/title[1]',
        leftSourceLine: 12,
        rightSourceLine: 12,
      }),
      change(40, 40, 1, 1, {
        path: '/ClinicalDocument/component[1]/structuredBody[1]/component[2]/section[1]/text[1]',
        leftSourceLine: 80,
        rightSourceLine: 81,
      }),
    ],
    [],
  );

  it('links a body item to the change at its source line under its path', () => {
    const item = {
      pathKind: 'canonical' as const,
      path: '/ClinicalDocument/component/structuredBody/component/section',
      leftLine: 79,
      rightLine: 81,
    };
    expect(changeForItem(item, views)).toBe(1);
  });

  it('links a header item to the change on the element of its field', () => {
    expect(changeForItem({ pathKind: 'model', path: 'title' }, views)).toBe(0);
  });

  it('links nothing for a metadata item with no content change on its element', () => {
    expect(changeForItem({ pathKind: 'model', path: 'effectiveTime' }, views)).toBeUndefined();
    expect(changeForItem({ pathKind: 'model', path: 'signatures[0].time' }, views)).toBeUndefined();
  });
});
