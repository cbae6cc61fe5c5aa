/**
 * The compare view's changed cells draw a word diff through the same runs as the text output
 * (shared/compare/word-marks.ts): a commented-out line shows `<!--` and `-->` as inserted, and
 * the indentation that changed with the depth as plain text (issue 7 review).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../../../../shared/compare/content-changes';
import { diffWords } from '../../../../../shared/compare/word-diff';
import { ChangeCells } from '../../../../../renderer/src/compare/diff-cells';
import type { ViewChange } from '../../../../../renderer/src/compare/diff-rows';

const removed = '                <paragraph>';
const added = '              <!--<paragraph>-->';
const change: ContentChange = {
  leftStart: 4,
  leftEnd: 5,
  rightStart: 4,
  rightEnd: 5,
  path: '/ClinicalDocument/section/text',
  removed: [removed],
  added: [added],
  words: [diffWords(removed, added) ?? null],
};
const view: ViewChange = { change, key: '4:4' };

function cells(mode: 'side-by-side' | 'inline', side: 'both' | 'removed' | 'added'): string {
  return renderToStaticMarkup(
    <ChangeCells
      row={{ kind: 'change', change: 0, pair: 0, left: 4, right: 4, side }}
      view={view}
      mode={mode}
      isReviewed={false}
      onToggleReviewed={() => {}}
    />,
  );
}

describe('ChangeCells', () => {
  it('marks the comment markup and leaves the changed indentation unmarked, side by side', () => {
    const html = cells('side-by-side', 'both');
    expect([...html.matchAll(/<(ins|del)>([^<]*)<\/\1>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'ins &lt;!--',
      'ins --&gt;',
    ]);
    // Each side keeps its own indentation, as text.
    expect(html).toContain(`<span>${removed.replace('<', '&lt;').replace('>', '&gt;')}</span>`);
    expect(html).toContain('<span>              </span><ins>&lt;!--</ins><span>&lt;paragraph&gt;');
  });

  it('marks the same on the inline rows', () => {
    expect(cells('inline', 'removed')).not.toMatch(/<(ins|del)>/);
    expect(cells('inline', 'added')).toContain(
      '<span>              </span><ins>&lt;!--</ins><span>&lt;paragraph&gt;</span><ins>--&gt;</ins>',
    );
  });
});
