import { describe, expect, it } from 'vitest';
import { contentLanguage, documentTextRuns } from '../../../../shared/documents/content-language';

describe('contentLanguage', () => {
  it("takes the document's language tag, Finnish when it has none or a malformed one", () => {
    expect(contentLanguage('fi-FI')).toBe('fi-FI');
    expect(contentLanguage('sv')).toBe('sv');
    expect(contentLanguage(undefined)).toBe('fi');
    expect(contentLanguage('')).toBe('fi');
    expect(contentLanguage('"><script>')).toBe('fi');
    expect(contentLanguage('fi FI')).toBe('fi');
  });
});

describe('documentTextRuns', () => {
  it('marks quoted values and the given names as the document, the rest as the interface', () => {
    const text = 'section Lääkitys: title changed from "Lääkitys" to "Lääkitys (versio 2)"';
    expect(documentTextRuns(text, ['Lääkitys'])).toEqual([
      { text: 'section ', isDocument: false },
      { text: 'Lääkitys', isDocument: true },
      { text: ': title changed from ', isDocument: false },
      { text: '"Lääkitys"', isDocument: true },
      { text: ' to ', isDocument: false },
      { text: '"Lääkitys (versio 2)"', isDocument: true },
    ]);
  });

  it('joins back to the sentence, overlapping spans included, and leaves plain text alone', () => {
    const text = 'entry Annos 1 › "1 tabletti" added; entry Annos 1';
    const runs = documentTextRuns(text, ['Annos 1', 'Annos 1 › "1', undefined, '']);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(runs.filter((run) => run.isDocument).map((run) => run.text)).toEqual([
      'Annos 1 › "1 tabletti"',
      'Annos 1',
    ]);
    expect(documentTextRuns('versionNumber changed', [])).toEqual([
      { text: 'versionNumber changed', isDocument: false },
    ]);
  });
});
