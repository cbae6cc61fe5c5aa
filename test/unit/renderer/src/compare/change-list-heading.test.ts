import { describe, expect, it } from 'vitest';
import { changeListHeading } from '../../../../../renderer/src/compare/change-list-heading';
import type { ChangeItem } from '../../../../../renderer/src/compare/change-list-rows';

const model = (text: string) =>
  ({ group: 'header', kind: 'changed', text, pathKind: 'model', path: text }) as ChangeItem;
const body = (text: string, hiddenBy?: string) =>
  ({
    group: 'entry',
    kind: 'changed',
    text,
    pathKind: 'canonical',
    path: `/${text}`,
    ...(hiddenBy ? { hiddenBy } : {}),
  }) as ChangeItem;

describe('changeListHeading', () => {
  const header = [model('title'), model('id')];
  const entries = [body('a'), body('b'), body('c')];

  it('counts the shown items of a complete list', () => {
    expect(changeListHeading([...header, ...entries], [...header, ...entries], false)).toBe(
      'Change list (5)',
    );
  });

  it('splits a cut-short list into header items and the body items the limit kept', () => {
    const all = [...header, ...entries];
    expect(changeListHeading(all, all, true)).toBe(
      'Change list (5: 2 header and metadata items, then the first 3 body items)',
    );
  });

  it('says how many of the kept body items a rule hides, so the parts add up', () => {
    const hidden = body('d', 'signatures');
    const all = [...header, ...entries, hidden];
    expect(changeListHeading([...header, ...entries], all, true)).toBe(
      'Change list (5: 2 header and metadata items, then the first 4 body items, 1 of them hidden by rules)',
    );
  });
});
