import { describe, expect, it } from 'vitest';
import { extractMimePart, headerParameter } from '../../../../shared/documents/mime';
import { decodeUtf8 } from '../../../../shared/crypto/utf8';

const XML = '<a>ä</a>';
const B64 = 'PGE+w6Q8L2E+'; // base64 of the UTF-8 bytes of XML

function extractedText(input: string): string {
  const result = extractMimePart(input);
  if (!result.ok) throw new Error(result.error.message);
  return decodeUtf8(result.value.bytes).text;
}

describe('headerParameter', () => {
  it.each([
    ['multipart/related; boundary="abc"; type="text/xml"', 'abc'],
    ['multipart/related;boundary=abc', 'abc'],
    ['multipart/related ;  BOUNDARY = "a b"', 'a b'],
  ])('reads the boundary of %j', (value, expected) => {
    expect(headerParameter(value, 'boundary')).toBe(expected);
  });

  it('is undefined when the parameter is absent', () => {
    expect(headerParameter('multipart/related; type="text/xml"', 'boundary')).toBeUndefined();
  });
});

describe('extractMimePart', () => {
  it('extracts a well-formed part with CRLF line ends', () => {
    const text = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/xml',
      'Content-Transfer-Encoding: base64',
      '',
      B64,
      '--b1--',
    ].join('\r\n');
    const result = extractMimePart(text);
    expect(result.ok && result.value).toMatchObject({
      boundary: 'b1',
      partContentType: 'text/xml',
      transferEncoding: 'base64',
      notes: [],
    });
    expect(extractedText(text)).toBe(XML);
  });

  it('picks the XML part among several', () => {
    const text =
      'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/plain\n\nhello\n--b\nContent-Type: application/xml\nContent-Transfer-Encoding: BASE64\n\n' +
      B64 +
      '\n--b--';
    expect(extractedText(text)).toBe(XML);
  });

  it('tolerates a missing boundary parameter, folded headers and no transfer encoding', () => {
    const text =
      'Content-Type: multipart/related;\n type="text/xml"\n\n--zz\ncontent-type : text/xml\n\n  ' +
      B64 +
      '  \n--zz--\n';
    const result = extractMimePart(text);
    expect(result.ok && result.value.notes).toEqual([
      'The Content-Type has no boundary parameter; the first delimiter line was used.',
      'The part has no Content-Transfer-Encoding; its content looked like Base64.',
    ]);
    expect(extractedText(text)).toBe(XML);
  });

  it('accepts a part that holds XML text with 8bit encoding', () => {
    const text =
      'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/xml\nContent-Transfer-Encoding: 8bit\n\n' +
      XML +
      '\n--b--';
    expect(extractedText(text)).toBe(XML);
  });

  it('accepts bare Base64 and bare XML without MIME', () => {
    expect(extractedText(`\n  ${B64}\n`)).toBe(XML);
    expect(extractedText(`  ${XML} `)).toBe(XML);
  });

  it.each([
    ['', 'rcmr-no-content'],
    ['   \n ', 'rcmr-no-content'],
    ['Content-Type: multipart/related; boundary="b"\n\nno parts', 'rcmr-mime-no-part'],
    [
      'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/xml\n\n%%%\n--b--',
      'rcmr-mime-undecodable',
    ],
    [
      'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Transfer-Encoding: quoted-printable\n\n=3Ca/=3E\n--b--',
      'rcmr-mime-undecodable',
    ],
    [
      'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Transfer-Encoding: base64\n\nPGE+*\n--b--',
      'base64-invalid',
    ],
    [
      'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/xml\n\n\n--b--',
      'rcmr-mime-undecodable',
    ],
  ])('refuses %j with %s', (text, code) => {
    const result = extractMimePart(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});
