/**
 * The language document text is marked with (`lang`), so a screen reader reads Finnish titles,
 * narrative and quoted values with Finnish rules in an English interface (WCAG 3.1.2, Language
 * of Parts). The document's own languageCode when it is a well-formed language tag, else "fi":
 * Kanta documents are Finnish unless they say otherwise. The code comes from the document, so it
 * is checked before it reaches an attribute.
 */

/** Kanta's documents are Finnish when they do not say. */
export const defaultContentLanguage = 'fi';

/** A BCP 47 tag as CDA writes it (`fi-FI`, `sv`, `en-GB`): language, then short subtags. */
const languageTag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

export function contentLanguage(languageCode: string | undefined): string {
  const code = languageCode?.trim();
  return code && languageTag.test(code) ? code : defaultContentLanguage;
}

/** A stretch of a sentence: quoting the document, or the interface's own words. */
export interface TextRun {
  readonly text: string;
  readonly isDocument: boolean;
}

/**
 * Splits an interface sentence such as `section Lääkitys: title changed from "A" to "B"` into
 * runs: quoted values and the names given (section and entry names the document wrote) are the
 * document's; the rest is the interface's.
 */
export function documentTextRuns(text: string, names: readonly (string | undefined)[]): TextRun[] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/"[^"]*"/g))
    spans.push([match.index, match.index + match[0].length]);
  for (const name of names) {
    if (!name) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      spans.push([at, at + name.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const runs: TextRun[] = [];
  let done = 0;
  for (const [start, end] of spans) {
    if (end <= done) continue;
    const from = Math.max(start, done);
    if (from > done) runs.push({ text: text.slice(done, from), isDocument: false });
    const last = runs.at(-1);
    // Overlapping or touching spans make one run: one lang attribute, one reading.
    if (last?.isDocument && from === done)
      runs[runs.length - 1] = { text: last.text + text.slice(from, end), isDocument: true };
    else runs.push({ text: text.slice(from, end), isDocument: true });
    done = end;
  }
  if (done < text.length) runs.push({ text: text.slice(done), isDocument: false });
  return runs;
}
