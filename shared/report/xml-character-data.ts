/**
 * XML character data read from raw text without a parser, for the redaction scans that run over
 * whole sources (person-names-in-xml.ts, embedded-cda.ts): the five predefined entities and
 * numeric references resolved, CDATA kept as it is. Anything else stays as written.
 */

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback;
}

/** Resolves the predefined entities and numeric character references in `text`. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
    return entities[name] ?? whole;
  });
}

/**
 * The character data of raw element content, whitespace and line ends kept (a MIME text needs
 * its lines): CDATA as is, entities resolved outside it, comments dropped.
 */
export function characterData(raw: string): string {
  // A MIME text escapes each CR as "&#13;" (hundreds of thousands in a 20 MB message): replaced
  // in one native pass first, the general replacement has almost nothing left to call back for.
  if (!raw.includes('<')) return decodeEntities(raw.replaceAll('&#13;', '\r'));
  let out = '';
  for (const [piece, cdata] of raw.matchAll(
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|[^<]+|</g,
  )) {
    if (cdata !== undefined) out += cdata;
    else if (!piece.startsWith('<!--')) out += decodeEntities(piece);
  }
  return out;
}
