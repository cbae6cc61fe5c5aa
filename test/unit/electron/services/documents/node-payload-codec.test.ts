/**
 * Node's Base64 and SHA-256 must behave exactly like the pure ones in shared/crypto, which define
 * what a payload is: same bytes, same refusals, same sentences. Only the speed may differ.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodePayloadCodec } from '../../../../../electron/services/documents/node-payload-codec';
import { decodePayload, pureCodec } from '../../../../../shared/documents/payload';

describe('nodePayloadCodec', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\f'],
    ['unpadded', 'QQ'],
    ['one padding', 'QUI='],
    ['two padding', 'QQ=='],
    ['padding split by whitespace', 'QQ=\n='],
    ['wrapped at 76 with CRLF', `${'QUJD'.repeat(19)}\r\n${'QUJD'.repeat(5)}`],
    ['URL-safe alphabet', '-_-_'],
    ['a character outside Base64', 'QU*D'],
    ['non-Latin-1 text', 'QUJ€'],
    ['data after padding', 'QQ==QQ=='],
    ['three padding characters', 'Q==='],
    ['one character too many', 'QUJDR'],
    ['padding that does not complete a group', 'QQ='],
    ['vertical tab (not whitespace here)', 'QU\vJD'],
  ])('decodes %s exactly as the pure decoder does', (_name, text) => {
    const native = nodePayloadCodec.decodeBase64(text);
    const pure = pureCodec.decodeBase64(text);
    expect(native.ok).toBe(pure.ok);
    if (native.ok && pure.ok) expect([...native.value]).toEqual([...pure.value]);
    else expect(native).toEqual(pure);
  });

  it('refuses a corrupt payload with the position of the bad character', () => {
    expect(nodePayloadCodec.decodeBase64('QUJD\nQU!D')).toEqual({
      ok: false,
      error: {
        code: 'base64-invalid',
        message: "The Base64 content contains the character '!' at position 8.",
      },
    });
  });

  it('decodes and hashes random payloads of many sizes like the pure codec', () => {
    for (const size of [0, 1, 2, 3, 4, 57, 1000, 65_537, 1_000_003]) {
      const bytes = randomBytes(size);
      const wrapped = bytes.toString('base64').replace(/.{76}/g, '$&\n');
      const native = nodePayloadCodec.decodeBase64(wrapped);
      expect(native.ok && Buffer.from(native.value).equals(bytes)).toBe(true);
      expect(nodePayloadCodec.sha256Hex(bytes)).toBe(pureCodec.sha256Hex(bytes));
    }
  });

  it('gives decodePayload the same result as the pure codec, warnings included', () => {
    const cases: [string, string, boolean][] = [
      [Buffer.from('Potilas 010181-900C\n').toString('base64'), 'text/plain', true],
      ['/w==', 'text/plain', true],
      ['QU*D', 'application/pdf', true],
      ['{"a": 1}', 'application/json', false],
      [randomBytes(100_000).toString('base64'), 'application/pdf', true],
    ];
    for (const [content, mediaType, isBase64] of cases) {
      expect(decodePayload(content, mediaType, isBase64, 'x', nodePayloadCodec)).toEqual(
        decodePayload(content, mediaType, isBase64, 'x'),
      );
    }
  });
});
