/**
 * A strict RFC 4180 parser for tests: quoted fields with doubled quotes and line breaks, CRLF
 * records. Throws on anything RFC 4180 does not allow (a quote inside an unquoted field, text
 * after a closing quote, an unterminated quote), so "the CSV parses" means something.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at += 1;
      for (;;) {
        if (at >= text.length) throw new Error('unterminated quoted field');
        if (text[at] === '"') {
          if (text[at + 1] === '"') {
            field += '"';
            at += 2;
            continue;
          }
          at += 1;
          break;
        }
        field += text[at];
        at += 1;
      }
    } else {
      while (at < text.length && text[at] !== ',' && text[at] !== '\r' && text[at] !== '\n') {
        if (text[at] === '"') throw new Error(`quote inside an unquoted field at ${at}`);
        field += text[at];
        at += 1;
      }
    }
    record.push(field);
    if (text[at] === ',') {
      at += 1;
      continue;
    }
    if (text.startsWith('\r\n', at)) at += 2;
    else if (at < text.length) throw new Error(`unexpected character after a field at ${at}`);
    records.push(record);
    record = [];
  }
  return records;
}
