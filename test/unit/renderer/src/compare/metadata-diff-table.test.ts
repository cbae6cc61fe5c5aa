import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  MetadataDiffTable,
  type ShownMetadataChange,
} from '../../../../../renderer/src/compare/metadata-diff-table';

const author = {
  functionCode: {
    code: 'KOR',
    codeSystem: '1.2.246.537.5.40006.2003',
    displayName: 'Korjaaja',
    label: 'Korjaaja',
  },
  code: { code: '76111', codeSystem: '1.2.246.537.6.148.2008', label: 'lääkärin tutkinto' },
  name: {
    given: ['Inkeri'],
    family: ['Backman Tes'],
    prefix: [],
    suffix: [],
    formatted: 'Inkeri Backman Tes',
  },
};

function table(changes: readonly ShownMetadataChange[]): string {
  return renderToStaticMarkup(
    createElement(MetadataDiffTable, {
      changes,
      reviewed: new Set<string>(),
      markKeyOf: (change: ShownMetadataChange) => `m:${change.path}`,
      onToggleReviewed: () => {},
    }),
  );
}

/** The text, title and language of the value cells of the first row. */
function valueCells(
  html: string,
): { text: string; title: string | undefined; lang?: string | undefined }[] {
  const cells = [
    ...html.matchAll(
      /<td class="(?:muted|is-removed|is-added)"( title="([^"]*)")?( lang="([^"]*)")?>([^<]*)<\/td>/g,
    ),
  ];
  return cells.map((cell) => ({
    text: cell[5] ?? '',
    title: cell[2],
    ...(cell[4] ? { lang: cell[4] } : {}),
  }));
}

describe('MetadataDiffTable', () => {
  it('shows an added author in the change list words, the raw value as the tooltip', () => {
    const html = table([{ path: 'authors[1]', kind: 'added', right: author }]);
    const [left, right] = valueCells(html);
    // The document's value is Finnish (lang) in the English view; "(none)" is the view's word.
    expect(left).toEqual({ text: '(none)', title: undefined });
    expect(right?.lang).toBe('fi');
    expect(right?.text).toBe('Korjaaja (KOR), lääkärin tutkinto (76111), Inkeri Backman Tes');
    expect(right?.title?.replace(/&quot;/g, '"')).toBe(JSON.stringify(author));
    expect(html).not.toContain('>{'); // no JSON as a cell's text
  });

  it('shows codes as "label (code)" and ids as root^extension, text without a tooltip', () => {
    const html = table([
      {
        path: 'register',
        kind: 'changed',
        left: { code: '1', codeSystem: '1.2.246.537.5.40105.2006' },
        right: { code: '2', codeSystem: '1.2.246.537.5.40105.2006' },
        leftLabel: 'Lääkemääräys',
        rightLabel: 'Lääkemääräyksen mitätöinti',
      },
    ]);
    expect(valueCells(html).map((cell) => cell.text)).toEqual([
      'Lääkemääräys (1)',
      'Lääkemääräyksen mitätöinti (2)',
    ]);
    const ids = table([
      {
        path: 'patient.id',
        kind: 'changed',
        left: { root: '1.2.246.21', extension: '010181-900C' },
        right: 'plain text',
      },
    ]);
    expect(valueCells(ids)).toEqual([
      {
        text: '1.2.246.21^010181-900C',
        title:
          '{&quot;root&quot;:&quot;1.2.246.21&quot;,&quot;extension&quot;:&quot;010181-900C&quot;}',
        lang: 'fi',
      },
      { text: 'plain text', title: undefined, lang: 'fi' },
    ]);
  });

  it('shows an HL7 time readable, the raw time as the tooltip', () => {
    const html = table([
      {
        path: 'effectiveTime',
        kind: 'changed',
        left: '20240506085311+0200',
        right: '20250512102457+0200',
      },
    ]);
    expect(valueCells(html)).toEqual([
      { text: '2024-05-06 08:53:11 +02:00', title: '20240506085311+0200', lang: 'fi' },
      { text: '2025-05-12 10:24:57 +02:00', title: '20250512102457+0200', lang: 'fi' },
    ]);
  });

  it('caps a long table with a "Show all N" button, and shows a short one whole', () => {
    const rows = (count: number): ShownMetadataChange[] =>
      Array.from({ length: count }, (_, index) => ({
        path: `field${index}`,
        kind: 'changed',
        left: 'a',
        right: 'b',
      }));
    const long = table(rows(19));
    expect(long).toContain('class="metadata-diff-scroll is-capped"');
    expect(long).toContain('aria-expanded="false"');
    expect(long).toContain('Show all 19 metadata differences');
    expect(long.match(/<tr/g)).toHaveLength(20); // every row is there, for keyboard and search
    const short = table(rows(4));
    expect(short).not.toContain('is-capped');
    expect(short).not.toContain('Show all');
  });

  it('names a field in words, the model path under it when it has more than one step', () => {
    const change = (path: string): ShownMetadataChange => ({
      path,
      kind: 'changed',
      left: 'a',
      right: 'b',
    });
    expect(table([change('authors[0].organisation.ids[0]')])).toContain(
      '<th scope="row" title="authors[0].organisation.ids[0]">Author 1 › organisation › id 1<code class="field-path">authors[0].organisation.ids[0]</code></th>',
    );
    expect(table([change('title')])).toContain('<th scope="row" title="title">Title</th>');
  });
});
