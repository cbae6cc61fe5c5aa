import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import {
  decodeXmlBytes,
  firstInvalidUtf8,
} from '../../../../../electron/services/xml/decode-xml-bytes';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Concatenates parts; strings are taken as Latin-1, one byte per character. */
const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );
const utf16 = (text: string, order: 'le' | 'be'): Uint8Array => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

function textOf(input: Uint8Array): string {
  const result = parseXml(input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  const first = result.value.children[0];
  return first?.kind === 'text' ? first.text : '';
}

function codeOf(input: Uint8Array): string {
  const result = parseXml(input);
  return result.ok ? 'ok' : result.error.code;
}

describe('encodings Archivist reads', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(textOf(utf8('<a>Äyräpää</a>'))).toBe('Äyräpää');
    expect(
      textOf(bytes([0xef, 0xbb, 0xbf], utf8('<?xml version="1.0" encoding="UTF-8"?><a>ö</a>'))),
    ).toBe('ö');
  });

  it('reads UTF-16 LE and BE with a byte order mark, declared or not', () => {
    expect(textOf(utf16('<a>Äö€😀</a>', 'le'))).toBe('Äö€😀');
    expect(textOf(utf16('<?xml version="1.0" encoding="UTF-16"?><a>Äö€</a>', 'be'))).toBe('Äö€');
    expect(decodeXmlBytes(utf16('<a/>', 'be'))).toMatchObject({
      ok: true,
      value: { encoding: 'utf-16be' },
    });
  });

  it('reads declared ISO-8859-1 as real Latin-1 and windows-1252 with its 0x80–0x9F letters', () => {
    expect(
      textOf(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>', [0xe4, 0x80], '</a>')),
    ).toBe('ä\u0080');
    expect(
      textOf(bytes('<?xml version="1.0" encoding="windows-1252"?><a>', [0xe4, 0x80, 0x9f], '</a>')),
    ).toBe('ä€Ÿ');
    expect(textOf(bytes('<?xml version="1.0" encoding="us-ascii"?><a>x</a>'))).toBe('x');
  });
});

describe('encodings and byte sequences Archivist refuses', () => {
  const cases: [string, Uint8Array, string][] = [
    ['invalid UTF-8', bytes('<a>', [0xc3, 0x28], '</a>'), 'xml-encoding'],
    ['an overlong UTF-8 slash', bytes('<a>', [0xc0, 0xaf], '</a>'), 'xml-encoding'],
    ['a UTF-8 encoded surrogate', bytes('<a>', [0xed, 0xa0, 0x80], '</a>'), 'xml-encoding'],
    ['UTF-8 cut inside a character', bytes('<a>x</a><!--', [0xc3]), 'xml-encoding'],
    ['Latin-1 bytes without a declaration', bytes('<a>', [0xe4], '</a>'), 'xml-encoding'],
    [
      'UTF-16 without a byte order mark',
      Buffer.from('<?xml version="1.0"?><a/>', 'utf16le'),
      'xml-encoding',
    ],
    ['UTF-16 with an odd byte count', bytes([0xff, 0xfe, 0x3c, 0x00, 0x61]), 'xml-encoding'],
    [
      'UTF-16 with an unpaired surrogate',
      bytes(
        [0xff, 0xfe],
        Buffer.from('<a>', 'utf16le'),
        [0x00, 0xd8],
        Buffer.from('</a>', 'utf16le'),
      ),
      'xml-encoding',
    ],
    [
      'UTF-16 declaring UTF-8',
      utf16('<?xml version="1.0" encoding="UTF-8"?><a/>', 'le'),
      'xml-encoding',
    ],
    [
      'a UTF-8 mark declaring Latin-1',
      bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0" encoding="ISO-8859-1"?><a/>'),
      'xml-encoding',
    ],
    [
      'UTF-16 declared without a mark',
      bytes('<?xml version="1.0" encoding="UTF-16"?><a/>'),
      'xml-encoding',
    ],
    [
      'an unsupported encoding',
      bytes('<?xml version="1.0" encoding="Shift_JIS"?><a/>'),
      'xml-encoding',
    ],
    [
      'US-ASCII with a high byte',
      bytes('<?xml version="1.0" encoding="US-ASCII"?>\n<a>', [0xe4], '</a>'),
      'xml-encoding',
    ],
    ['UTF-32', bytes([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]), 'xml-encoding'],
    ['U+FFFE', bytes('<a>', [0xef, 0xbf, 0xbe], '</a>'), 'xml-invalid-character'],
    ['a UTF-8 mark only', bytes([0xef, 0xbb, 0xbf]), 'xml-empty'],
    ['a UTF-16 mark and whitespace only', utf16('  ', 'le'), 'xml-empty'],
    ['a PNG header', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'xml-not-xml'],
  ];
  it.each(cases)('%s', (_name, input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('says where invalid UTF-8 is', () => {
    const result = parseXml(bytes('<a>\n  ', [0xc3, 0xa4, 0xff], '</a>'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'xml-encoding', line: 2, column: 4 },
    });
    if (!result.ok) expect(result.error.message).toContain('byte 0xFF at byte offset 8');
  });

  it('finds the first invalid UTF-8 byte the way the decoder does', () => {
    expect(firstInvalidUtf8(utf8('aä€😀'))).toBe(10);
    expect(firstInvalidUtf8(bytes('ab', [0xe2, 0x82]))).toBe(4);
    expect(firstInvalidUtf8(bytes('ab', [0xf4, 0x90, 0x80, 0x80]))).toBe(2);
  });
});
