import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentLines,
  findLines,
  foldBase64,
  indentXml,
  needsIndenting,
  tokenizeXmlLine,
} from '../../../../../renderer/src/document/content-lines';

describe('content lines', () => {
  it('keeps a pretty document exactly as stored', () => {
    const text = '<a>\n  <b x="1">t</b>\n  <c/>\n</a>\n';
    expect(needsIndenting(text)).toBe(false);
    expect(
      contentLines(text, 'xml')
        .map((l) => (l.kind === 'text' ? l.text : ''))
        .join('\n'),
    ).toBe(text);
  });

  it('indents one-line XML, keeping an element with only text on one line', () => {
    const text = `<?xml version="1.0"?><a><b x="1">hello</b><c/><d><e>x</e></d></a>${' '.repeat(200)}`;
    expect(needsIndenting(text)).toBe(true);
    expect(indentXml(text)).toEqual([
      '<?xml version="1.0"?>',
      '<a>',
      '  <b x="1">hello</b>',
      '  <c/>',
      '  <d>',
      '    <e>x</e>',
      '  </d>',
      '</a>',
    ]);
  });

  it('folds wrapped and inline Base64 runs, and leaves short lines alone', () => {
    const wrapped = Array.from({ length: 6 }, () => '    ' + 'QUJD'.repeat(19));
    const folded = foldBase64(['<text>', ...wrapped, '</text>', 'QUJD']);
    expect(folded).toHaveLength(4);
    expect(folded[1]).toMatchObject({ kind: 'base64', lineCount: 6, before: '    ' });
    const inline = foldBase64([`  <data>${'QUJD'.repeat(200)}</data>`]);
    expect(inline[0]).toMatchObject({ kind: 'base64', before: '  <data>', after: '</data>' });
    expect(inline[0]?.kind === 'base64' && inline[0].base64.length).toBe(800);
  });

  it('tokenises a line into highlighted parts that join back to the line', () => {
    const line = '  <hl7fi:code code="YLE" codeSystem=\'1.2\'/> text <!-- note -->';
    const tokens = tokenizeXmlLine(line);
    expect(tokens.map((t) => t.text).join('')).toBe(line);
    expect(tokens.filter((t) => t.kind === 'attr').map((t) => t.text)).toEqual([
      'code',
      'codeSystem',
    ]);
    expect(tokens.find((t) => t.kind === 'comment')?.text).toBe('<!-- note -->');
  });

  it('finds lines case-insensitively, skipping folded Base64', () => {
    const lines = contentLines('<a>\n<setId root="1"/>\n<b>SETID</b>\n</a>', 'xml');
    expect(findLines(lines, 'setid')).toEqual([1, 2]);
    expect(findLines(lines, '')).toEqual([]);
  });

  it('handles a corpus CDA without losing a character of it', () => {
    const text = readFileSync('test/fixtures/documents/local-header-all-fields.xml', 'utf8');
    const lines = contentLines(text, 'xml');
    expect(lines.every((l) => l.kind === 'text')).toBe(true);
    expect(lines.map((l) => (l.kind === 'text' ? l.text : '')).join('\n')).toBe(
      text.replace(/\r\n?/g, '\n'),
    );
  });
});
