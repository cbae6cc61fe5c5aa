/**
 * Text as the canonical form writes it (canonical-xml.ts): XML whitespace collapsed, content
 * escaped. Plain character loops: these run once or twice for every text of a document, and most
 * texts need no change, which one scan finds out.
 */

/** XML whitespace collapsed to one space, trimmed (a no-break space is content, not whitespace). */
export function collapseWhitespace(text: string): string {
  // Most texts have nothing to collapse; testing first saves a copy of each.
  if (!/[\t\r\n]| {2}|^ | $/.test(text)) return text;
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** False for whitespace-only text, which is insignificant: the canonical form drops it. */
export function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}

/**
 * Text as the canonical form writes it: whitespace collapsed, then escaped. Most texts need
 * neither, which one scan finds out without running two regular expressions.
 */
export function canonicalText(text: string): string {
  const last = text.length - 1;
  let isClean = last >= 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(last) !== 32;
  for (let i = 0; isClean && i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 38 || c === 60 || c === 62) isClean = false;
    else if (c === 32 && text.charCodeAt(i + 1) === 32) isClean = false;
  }
  return isClean ? text : escapeText(collapseWhitespace(text));
}

/**
 * Text escaped for element content. A loop over slices, not a replace with a callback: a fifth
 * of a generated document's texts hold an `&`, and the callback ran once per character found.
 */
export function escapeText(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const entity = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : undefined;
    if (entity === undefined) continue;
    out += value.slice(from, i) + entity;
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}
