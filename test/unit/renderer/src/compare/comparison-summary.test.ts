import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HiddenCount } from '../../../../../shared/compare/compare-result';
import {
  ComparisonSummary,
  summaryText,
} from '../../../../../renderer/src/compare/comparison-summary';

const hiddenByRule: HiddenCount[] = [
  { rule: 'signatures', reason: 'Signed.', metadata: 1, content: 0, changeList: 1 },
  { rule: 'signature-xml', reason: 'Signed.', metadata: 0, content: 4, changeList: 0 },
];
const counts = {
  contentChanges: 13,
  metadataChanges: 7,
  changeListItems: 20,
  hiddenByRule,
  revealed: new Set<string>(),
  profileName: 'Oletus',
};
const reviewed = { count: 3, total: 20 };

describe('summaryText', () => {
  it('says what changed and how much the profile hid, in one line', () => {
    expect(summaryText(counts)).toBe(
      '13 content changes, 7 metadata changes, 20 change-list items · 5 hidden by profile “Oletus”',
    );
  });

  it('counts a revealed rule as shown, and says so when nothing is hidden', () => {
    expect(summaryText({ ...counts, revealed: new Set(['signature-xml']) })).toContain(
      '· 1 hidden by',
    );
    expect(
      summaryText({
        ...counts,
        contentChanges: 1,
        metadataChanges: 1,
        changeListItems: 1,
        hiddenByRule: [],
      }),
    ).toBe(
      '1 content change, 1 metadata change, 1 change-list item · none hidden by profile “Oletus”',
    );
  });
});

describe('ComparisonSummary', () => {
  it('opens the hidden rules from the line when the profile hid something', () => {
    const rules = createElement('ul', null, 'the rules');
    const hiding = renderToStaticMarkup(
      createElement(ComparisonSummary, { counts, reviewed, children: rules }),
    );
    expect(hiding).toMatch(
      /^<details class="compare-summary"><summary>13 content changes.*<ul>the rules<\/ul><\/details>$/,
    );
    const plain = renderToStaticMarkup(
      createElement(ComparisonSummary, {
        counts: { ...counts, hiddenByRule: [] },
        reviewed,
        children: rules,
      }),
    );
    expect(plain).toMatch(
      /^<p class="compare-summary">13 content changes[^<]* · <span class="reviewed-count">3 of 20 reviewed<\/span><\/p>$/,
    );
  });

  it('ends the line with how many changes are marked reviewed', () => {
    const line = renderToStaticMarkup(
      createElement(ComparisonSummary, {
        counts,
        reviewed: { count: 0, total: 7 },
        children: null,
      }),
    );
    expect(line).toContain(
      'hidden by profile “Oletus” · <span class="reviewed-count">0 of 7 reviewed</span></summary>',
    );
  });
});
