/**
 * describeSource scans the whole source for identity codes in Latin-1 unless it also needs the
 * names (redaction), when it decodes UTF-8: both must find the same codes in the same order,
 * whatever stands next to a code (letters outside ASCII, bytes that are not UTF-8, UTF-16 text).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeSource } from '../../../../../electron/services/report/report-sources';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { leftXml, nonTestCode, patientCode } from './report-fixture-documents';

afterAll(async () => {
  await closeXmlWorkers();
});

/** The fixture with `inserted` bytes in a comment inside its body (past what the header reader reads). */
function withBodyBytes(inserted: Uint8Array): Uint8Array {
  const [before, after] = leftXml.split('<structuredBody>');
  const encode = (text: string) => new TextEncoder().encode(text);
  return Buffer.concat([
    encode(`${before}<structuredBody><!-- `),
    inserted,
    encode(` -->${after}`),
  ]);
}

async function codesOf(bytes: Uint8Array, forRedaction: boolean) {
  const described = await describeSource({ bytes, source: 'x.xml' }, { forRedaction });
  if (!described.ok) throw new Error(described.error.message);
  return described.value.identityCodes;
}

/** Hetu-shaped, and in no fixture. */
const inserted = '020202A987X';
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('describeSource: identity codes found in Latin-1 and in UTF-8 text', () => {
  it.each([
    ['letters outside ASCII around codes', utf8(`ä${inserted}ö 010594Y9032 Ä${patientCode}x`)],
    [
      'bytes that are not UTF-8 next to codes',
      latin1(`\u00e4${nonTestCode}\u00ff 010594Y9032\u00c4`),
    ],
    ['a lone continuation byte between a digit and a code', latin1(`1\u0080${nonTestCode}`)],
    [
      'codes inside longer ASCII runs (not codes)',
      utf8(`x${nonTestCode} 1${nonTestCode} ${nonTestCode}=`),
    ],
    ['UTF-16 text of a code', Buffer.from(`ä${inserted}`, 'utf16le')],
  ])('the same codes with %s', async (_what, inserted) => {
    const bytes = withBodyBytes(inserted);
    const fast = await codesOf(bytes, false);
    expect(fast).toEqual(await codesOf(bytes, true));
    expect(fast.map((code) => code.value)).toContain(patientCode);
  });

  it('finds a code standing right after a letter outside ASCII', async () => {
    const codes = await codesOf(withBodyBytes(utf8(`ä${inserted}ö`)), false);
    expect(codes.map((code) => code.value)).toContain(inserted);
  });

  it('does not take a code glued to an ASCII letter', async () => {
    const codes = await codesOf(withBodyBytes(utf8(`x010594Y9032`)), false);
    expect(codes.map((code) => code.value)).not.toContain('010594Y9032');
  });
});
