import { describe, expect, it } from 'vitest';
import { decodeBase64, looksLikeBase64 } from '../../../../shared/crypto/base64';
import { decodeUtf8, encodeUtf8 } from '../../../../shared/crypto/utf8';

function decodedText(input: string): string {
  const result = decodeBase64(input);
  if (!result.ok) throw new Error(result.error.message);
  return decodeUtf8(result.value).text;
}

describe('decodeBase64', () => {
  it.each([
    ['', ''],
    ['Zg==', 'f'],
    ['Zm8=', 'fo'],
    ['Zm9v', 'foo'],
    ['Zm9vYg==', 'foob'],
    ['Zm9vYmE=', 'fooba'],
    ['Zm9vYmFy', 'foobar'],
  ])('decodes the RFC 4648 vector %j', (input, expected) => {
    expect(decodedText(input)).toBe(expected);
  });

  it('accepts missing padding and line-wrapped input with CRLF and tabs', () => {
    expect(decodedText('Zm9v\r\n\tYmE')).toBe('fooba');
  });

  it('decodes non-ASCII UTF-8 text', () => {
    expect(decodedText('TMOkw6RrZW3DpMOkcsOkeXM=')).toBe('Lääkemääräys');
  });

  it('accepts the URL-safe alphabet', () => {
    const result = decodeBase64('-_8');
    expect(result.ok && Array.from(result.value)).toEqual([0xfb, 0xff]);
  });

  it('refuses characters outside the alphabet with their position', () => {
    const result = decodeBase64('Zm9v*mFy');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'base64-invalid',
        message: "The Base64 content contains the character '*' at position 5.",
      },
    });
  });

  it('refuses data after padding and impossible lengths', () => {
    expect(decodeBase64('Zg==Zg==').ok).toBe(false);
    expect(decodeBase64('Zm9vY').ok).toBe(false);
    expect(decodeBase64('Zg===').ok).toBe(false);
  });
});

describe('looksLikeBase64', () => {
  it('tells Base64 from XML', () => {
    expect(looksLikeBase64('PD94bWwg\nZm9v')).toBe(true);
    expect(looksLikeBase64('<?xml version="1.0"?>')).toBe(false);
    expect(looksLikeBase64('  \n ')).toBe(false);
  });
});

describe('utf8', () => {
  it('round-trips all planes', () => {
    const text = 'aä€𝄞';
    expect(decodeUtf8(encodeUtf8(text))).toEqual({ text, replacements: 0 });
  });

  it('drops a byte order mark', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
  });

  it('replaces malformed sequences and counts them', () => {
    // lone continuation, truncated 2-byte sequence, overlong "/", encoded surrogate
    const bytes = Uint8Array.from([0x80, 0x41, 0xc3, 0x42, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80]);
    const decoded = decodeUtf8(bytes);
    expect(decoded.text).toBe('\ufffdA\ufffdB\ufffd\ufffd');
    expect(decoded.replacements).toBe(4);
  });

  it('decodes long input without overflowing the call stack', () => {
    const bytes = new Uint8Array(200_000).fill(0x61);
    expect(decodeUtf8(bytes).text.length).toBe(200_000);
  });
});
