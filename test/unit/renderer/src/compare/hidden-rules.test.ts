import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HiddenCount } from '../../../../../shared/compare/compare-result';
import {
  counted,
  groupByReason,
  HiddenRules,
  ruleNames,
} from '../../../../../renderer/src/compare/hidden-rules';

const declared = 'declaredTime (storage time) is filled by the archive.';
const hidden: HiddenCount[] = [
  { rule: 'declared-time', reason: declared, metadata: 1, content: 0, changeList: 1 },
  {
    rule: 'retention-period',
    reason: 'retentionPeriod is filled.',
    metadata: 1,
    content: 0,
    changeList: 2,
  },
  { rule: 'archive-filled-xml', reason: declared, metadata: 0, content: 2, changeList: 0 },
];

function rendered(revealed: readonly string[]): string {
  return renderToStaticMarkup(
    createElement(HiddenRules, { hidden, revealed: new Set(revealed), onToggle: () => {} }),
  ).replace(/<\/?(code|span)[^>]*>/g, '');
}

describe('HiddenRules', () => {
  it('merges rules that give the same reason into one line naming both', () => {
    expect(groupByReason(hidden)).toEqual([
      {
        rules: ['declared-time', 'archive-filled-xml'],
        reason: declared,
        differences: 3,
        changeList: 1,
      },
      {
        rules: ['retention-period'],
        reason: 'retentionPeriod is filled.',
        differences: 1,
        changeList: 2,
      },
    ]);
    const html = rendered([]);
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain(
      `3 differences hidden by rules declared-time and archive-filled-xml: ${declared} (1 change-list item)`,
    );
    expect(html).toContain('1 difference hidden by rule retention-period');
    expect(html).toContain('(2 change-list items)');
    expect(html).toContain('Reveal rules declared-time and archive-filled-xml</button>');
  });

  it('shows a line as revealed only when all its rules are', () => {
    expect(rendered(['declared-time'])).toContain(
      'aria-pressed="false">Reveal rules declared-time and archive-filled-xml',
    );
    expect(rendered(['declared-time', 'archive-filled-xml'])).toContain(
      'aria-pressed="true">Hide rules declared-time and archive-filled-xml again',
    );
  });

  it('names rules and counts in the right number', () => {
    expect(ruleNames(['a'])).toBe('rule a');
    expect(ruleNames(['a', 'b', 'c'])).toBe('rules a, b and c');
    expect(counted(1, 'item', 'items')).toBe('1 item');
    expect(counted(0, 'item', 'items')).toBe('0 items');
  });
});
