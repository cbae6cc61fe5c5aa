import { describe, expect, it } from 'vitest';
import { sha256Hex, toHex } from '../../../../shared/crypto/sha256';
import { encodeUtf8 } from '../../../../shared/crypto/utf8';

// Known answers: FIPS 180-4 / NIST CSRC examples; the others computed with node:crypto.
const VECTORS: ReadonlyArray<readonly [string, string]> = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  [
    'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
    'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
  ],
  ['Lääkemääräys', '0a5994c5a9d455209374b6e8e814ad7a721dd3393237a990de9ee18588ba3e1a'],
];

describe('sha256', () => {
  it.each(VECTORS)('hashes %j', (input, expected) => {
    expect(sha256Hex(encodeUtf8(input))).toBe(expected);
  });

  it('hashes one million "a" (multi-block input)', () => {
    const data = new Uint8Array(1_000_000).fill(0x61);
    expect(sha256Hex(data)).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('handles every length around the padding boundary', () => {
    // 55 bytes fit one padded block, 56 need two: the classic off-by-one spot.
    expect(sha256Hex(new Uint8Array(55))).toBe(
      '02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7',
    );
    expect(sha256Hex(new Uint8Array(56))).toBe(
      'd4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb',
    );
    expect(sha256Hex(new Uint8Array(64))).toBe(
      'f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b',
    );
  });

  it('renders hex with leading zeros', () => {
    expect(toHex(Uint8Array.from([0, 1, 0xab, 0xff]))).toBe('0001abff');
  });
});
