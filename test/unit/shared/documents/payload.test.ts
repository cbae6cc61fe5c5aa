import { describe, expect, it } from 'vitest';
import { readCdaDocument } from '../../../../shared/documents/cda';
import { decodePayload, isTextual, MAX_DISPLAY_TEXT } from '../../../../shared/documents/payload';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

describe('isTextual', () => {
  it.each([
    ['text/plain', true],
    ['text/html; charset=utf-8', true],
    ['application/xhtml+xml', true],
    ['application/fhir+json', true],
    ['application/xml', true],
    ['application/pdf', false],
    ['image/png', false],
    [undefined, false],
  ])('%s -> %s', (mediaType, expected) => {
    expect(isTextual(mediaType)).toBe(expected);
  });
});

describe('decodePayload', () => {
  it('hashes but does not decode binary media types', () => {
    const { payload } = decodePayload('AAEC', 'application/pdf', true, 'x');
    expect(payload).toEqual({
      mediaType: 'application/pdf',
      bytes: 3,
      sha256: 'ae4b3280e56e2faf83f414a6e3dabe9d5fbe18976544c05fed121accb85b53fc',
    });
  });

  it('keeps invalid JSON as text and says so', () => {
    const { payload } = decodePayload('{"a":', 'application/json', false, 'x');
    expect(payload).toMatchObject({ text: '{"a":', isValidJson: false });
  });

  it('warns about bytes that are not UTF-8', () => {
    const { warnings } = decodePayload('/w==', 'text/plain', true, 'nonXMLBody/text');
    expect(warnings).toEqual([
      {
        code: 'payload-not-utf8',
        message: 'nonXMLBody/text: 1 byte sequence(s) are not valid UTF-8 and are shown as �.',
      },
    ]);
  });

  it('caps the display text but keeps the full text for the identity scan', () => {
    const long = `${'a'.repeat(MAX_DISPLAY_TEXT)} 010181-900C`;
    const result = decodePayload(long, 'text/plain', false, 'x');
    expect(result.payload.text).toHaveLength(MAX_DISPLAY_TEXT);
    expect(result.payload.isTextTruncated).toBe(true);
    expect(result.fullText).toBe(long);
  });
});

describe('identity codes beyond the display cap', () => {
  it('are still found in a decoded nonXMLBody', () => {
    const text = Buffer.from(`${'x '.repeat(MAX_DISPLAY_TEXT)}Potilas 010181-900C`).toString(
      'base64',
    );
    const xml = `<ClinicalDocument xmlns="urn:hl7-org:v3"><component><nonXMLBody><text mediaType="text/plain" representation="B64">${text}</text></nonXMLBody></component></ClinicalDocument>`;
    const meta = unwrap(readCdaDocument(xmlTree(xml)));
    expect(meta.identityCodes.map((f) => [f.value, f.where])).toEqual([
      ['010181-900C', 'nonXMLBody/text (decoded)'],
    ]);
  });

  it('are found once in a plain-text nonXMLBody', () => {
    const xml = `<ClinicalDocument xmlns="urn:hl7-org:v3"><component><nonXMLBody><text mediaType="text/plain">Potilas 010181-900C</text></nonXMLBody></component></ClinicalDocument>`;
    const meta = unwrap(readCdaDocument(xmlTree(xml)));
    expect(meta.identityCodes.map((f) => f.where)).toEqual(['nonXMLBody/text']);
  });
});
