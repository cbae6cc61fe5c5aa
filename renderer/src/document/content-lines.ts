/**
 * The Content tab's model: the document's text as lines, re-indented only when it arrives
 * without line breaks (so a pretty document is shown exactly as stored), with long Base64 runs
 * folded into one line that says their size (the hash is computed when shown), and a small
 * tokeniser for syntax highlighting. Pure, so it is tested without a DOM.
 */

export type ContentLine =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'base64';
      /** What stood before and after the Base64 on its line(s), e.g. the element's tags. */
      readonly before: string;
      readonly after: string;
      readonly base64: string;
      /** Lines of the original text this fold stands for. */
      readonly lineCount: number;
    };

const tokenPattern = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<[^>]*>|[^<]+/g;

/** True when the text has too few line breaks to read (one-line or machine-written XML). */
export function needsIndenting(text: string): boolean {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i !== -1 && breaks < 4; i = text.indexOf('\n', i + 1)) breaks++;
  return breaks < 3 && text.length > 200;
}

/** Re-indents XML: one element per line, text kept inline when it is an element's only child. */
export function indentXml(text: string): string[] {
  const tokens = text.match(tokenPattern) ?? [];
  const lines: string[] = [];
  let depth = 0;
  const pad = () => '  '.repeat(Math.max(0, depth));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token.startsWith('</')) {
      depth--;
      lines.push(pad() + token);
    } else if (token.startsWith('<') && !token.startsWith('<!') && !token.startsWith('<?')) {
      const next = tokens[i + 1] ?? '';
      const after = tokens[i + 2] ?? '';
      if (token.endsWith('/>')) lines.push(pad() + token);
      else if (!next.startsWith('<') && after.startsWith('</')) {
        lines.push(pad() + token + next.trim() + after);
        i += 2;
      } else {
        lines.push(pad() + token);
        depth++;
      }
    } else if (token.trim() !== '') lines.push(pad() + token.trim());
  }
  return lines;
}

const base64Line = /^\s*[A-Za-z0-9+/]{40,}={0,2}\s*$/;
const inlineBase64 = /^(\s*(?:<[^>]*>)?)([A-Za-z0-9+/\r\n]{400,}={0,2})((?:<\/[^>]+>)?\s*)$/;

/** Lines with Base64 runs (≥ 5 wrapped lines, or one line ≥ 400 characters) folded. */
export function foldBase64(lines: readonly string[]): ContentLine[] {
  const out: ContentLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const inline = inlineBase64.exec(line);
    if (inline) {
      out.push({
        kind: 'base64',
        before: inline[1] ?? '',
        after: inline[3] ?? '',
        base64: (inline[2] ?? '').replace(/\s/g, ''),
        lineCount: 1,
      });
      continue;
    }
    let end = i;
    while (end < lines.length && base64Line.test(lines[end] ?? '')) end++;
    if (end - i >= 5) {
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      out.push({
        kind: 'base64',
        before: indent,
        after: '',
        base64: lines.slice(i, end).join('').replace(/\s/g, ''),
        lineCount: end - i,
      });
      i = end - 1;
    } else out.push({ kind: 'text', text: line });
  }
  return out;
}

/** The document's text as content lines. */
export function contentLines(text: string, kind: 'xml' | 'json'): ContentLine[] {
  const lines =
    kind === 'xml' && needsIndenting(text)
      ? indentXml(text)
      : text.replace(/\r\n?/g, '\n').split('\n');
  return foldBase64(lines);
}

export type TokenKind = 'tag' | 'attr' | 'value' | 'comment' | 'text' | 'punct';
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const inTag = /(\s+)|([\w:.-]+)(?==)|(=)|("[^"]*"?|'[^']*'?)|([^\s="']+)/g;

function tagTokens(tag: string, out: Token[]): void {
  const name = /^<\/?[\w:.-]*/.exec(tag)?.[0] ?? '<';
  out.push({ kind: 'tag', text: name });
  const close = tag.endsWith('/>') ? '/>' : tag.endsWith('>') ? '>' : '';
  const body = tag.slice(name.length, tag.length - close.length);
  for (const match of body.matchAll(inTag)) {
    if (match[2]) out.push({ kind: 'attr', text: match[0] });
    else if (match[4]) out.push({ kind: 'value', text: match[0] });
    else out.push({ kind: 'punct', text: match[0] });
  }
  if (close) out.push({ kind: 'tag', text: close });
}

/** Highlighting tokens of one XML line; joining their texts gives the line back. */
export function tokenizeXmlLine(line: string): Token[] {
  const out: Token[] = [];
  const pattern = /<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<\?.*?(?:\?>|$)|<[^>]*>?|[^<]+/g;
  for (const match of line.matchAll(pattern)) {
    const text = match[0];
    if (text.startsWith('<!--') || text.startsWith('<?')) out.push({ kind: 'comment', text });
    else if (text.startsWith('<![CDATA[')) out.push({ kind: 'text', text });
    else if (text.startsWith('<')) tagTokens(text, out);
    else out.push({ kind: 'text', text });
  }
  return out;
}

/** Indexes of the lines that contain `needle` (case-insensitive); folded Base64 is skipped. */
export function findLines(lines: readonly ContentLine[], needle: string): number[] {
  if (needle === '') return [];
  const wanted = needle.toLowerCase();
  const hits: number[] = [];
  lines.forEach((line, index) => {
    const text = line.kind === 'text' ? line.text : `${line.before}${line.after}`;
    if (text.toLowerCase().includes(wanted)) hits.push(index);
  });
  return hits;
}
