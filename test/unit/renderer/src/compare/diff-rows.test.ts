import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../../../../shared/compare/content-changes';
import {
  buildRows,
  navigableChanges,
  stepChange,
  viewChanges,
  type RowOptions,
} from '../../../../../renderer/src/compare/diff-rows';

/** A change replacing `removed` lines at `left` with `added` lines at `right`. */
function change(left: number, right: number, removed: number, added: number): ContentChange {
  return {
    leftStart: left,
    leftEnd: left + removed,
    rightStart: right,
    rightEnd: right + added,
    path: '/ClinicalDocument',
    removed: Array.from({ length: removed }, (_, k) => `old ${left + k}`),
    added: Array.from({ length: added }, (_, k) => `new ${right + k}`),
  };
}

const base: RowOptions = {
  mode: 'side-by-side',
  hasLines: true,
  leftLines: 40,
  rightLines: 41,
  expanded: new Set(),
  revealed: new Set(),
};

describe('buildRows', () => {
  // Left 40 lines, right 41: line 10 replaced by two lines, line 30 removed... kept simple:
  const changes = viewChanges([change(10, 10, 1, 2), change(30, 31, 1, 1)], []);

  it('collapses unchanged regions to three lines of context around each change', () => {
    const { rows, changeRows } = buildRows(changes, base);
    expect(rows[0]).toEqual({ kind: 'collapsed', region: '0:0', left: 0, right: 0, count: 7 });
    expect(rows.slice(1, 4)).toEqual([7, 8, 9].map((n) => ({ kind: 'same', left: n, right: n })));
    expect(changeRows[0]).toBe(4);
    expect(rows[4]).toEqual({
      kind: 'change',
      change: 0,
      pair: 0,
      left: 10,
      right: 10,
      side: 'both',
    });
    expect(rows[5]).toEqual({ kind: 'change', change: 0, pair: 1, right: 11, side: 'added' });
    // Between the changes: 11..29 on the left (19 lines) = 3 + 13 collapsed + 3.
    expect(rows[9]).toEqual({ kind: 'collapsed', region: '11:12', left: 14, right: 15, count: 13 });
    // After the last change: 31..39, 3 lines of context then 6 collapsed.
    expect(rows.at(-1)).toEqual({
      kind: 'collapsed',
      region: '31:32',
      left: 34,
      right: 35,
      count: 6,
    });
  });

  it('expands a region the user opened, every line in step on both sides', () => {
    const { rows } = buildRows(changes, { ...base, expanded: new Set(['11:12']) });
    const middle = rows.filter((row) => row.kind === 'same' && row.left >= 11 && row.left < 30);
    expect(middle).toHaveLength(19);
    expect(middle.every((row) => row.kind === 'same' && row.right === row.left + 1)).toBe(true);
    expect(rows.filter((row) => row.kind === 'collapsed')).toHaveLength(2);
  });

  it('does not collapse short regions', () => {
    const { rows } = buildRows(viewChanges([change(5, 5, 1, 1)], []), {
      ...base,
      leftLines: 12,
      rightLines: 12,
    });
    expect(rows.some((row) => row.kind === 'collapsed')).toBe(false);
    expect(rows).toHaveLength(12);
  });

  it('lists removed then added lines in inline mode', () => {
    const { rows } = buildRows(changes, { ...base, mode: 'inline' });
    const first = rows.filter((row) => row.kind === 'change' && row.change === 0);
    expect(first.map((row) => row.kind === 'change' && row.side)).toEqual([
      'removed',
      'added',
      'added',
    ]);
  });

  it('shows a hidden change as one placeholder until its rule is revealed', () => {
    const mixed = viewChanges(
      [change(30, 31, 1, 1)],
      [{ ...change(10, 10, 1, 2), hiddenBy: 'sig' }],
    );
    expect(mixed.map((view) => view.hiddenBy)).toEqual(['sig', undefined]);
    const hidden = buildRows(mixed, base);
    expect(hidden.rows[hidden.changeRows[0]!]).toEqual({ kind: 'hidden', change: 0, rule: 'sig' });
    expect(navigableChanges(mixed, new Set())).toEqual([1]);
    const revealed = buildRows(mixed, { ...base, revealed: new Set(['sig']) });
    expect(revealed.rows[revealed.changeRows[0]!]).toMatchObject({ kind: 'change', change: 0 });
    expect(navigableChanges(mixed, new Set(['sig']))).toEqual([0, 1]);
  });

  it('says how many unchanged lines were not sent, and how many changed lines were cut', () => {
    const cut = { ...change(10, 10, 1, 1), omittedLines: 2500 };
    const { rows } = buildRows(viewChanges([cut], []), { ...base, hasLines: false });
    expect(rows).toEqual([
      { kind: 'unsent', count: 10 },
      { kind: 'change', change: 0, pair: 0, left: 10, right: 10, side: 'both' },
      { kind: 'omitted', change: 0, count: 2500 },
      { kind: 'unsent', count: 29 },
    ]);
  });

  it('gives identical documents one collapsed region', () => {
    const { rows, changeRows } = buildRows([], { ...base, rightLines: 40 });
    expect(rows).toEqual([{ kind: 'collapsed', region: '0:0', left: 0, right: 0, count: 40 }]);
    expect(changeRows).toEqual([]);
  });
});

describe('stepChange', () => {
  it('moves to the next and previous change and wraps around', () => {
    const navigable = [0, 2, 5];
    expect(stepChange(navigable, -1, 1)).toBe(0);
    expect(stepChange(navigable, 0, 1)).toBe(2);
    expect(stepChange(navigable, 2, 1)).toBe(5);
    expect(stepChange(navigable, 5, 1)).toBe(0);
    expect(stepChange(navigable, 5, -1)).toBe(2);
    expect(stepChange(navigable, 0, -1)).toBe(5);
    expect(stepChange(navigable, 3, -1)).toBe(2);
    expect(stepChange([], 0, 1)).toBeUndefined();
  });
});
