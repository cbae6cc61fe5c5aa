import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embeddedCdaTexts, rootElementName } from '../../../../shared/report/embedded-cda';
import { rcmrAround } from './rcmr-corpus-pair';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/documents/${name}`, import.meta.url), 'utf8');
const innerCda = fixture('rcmr-inner-cda.xml');
const patient = { hetu: '010181-900C', given: ['Testi'], family: 'Potilas' };

describe('embeddedCdaTexts', () => {
  it('decodes the CDA of each RCMR fixture (MIME with CRLF, a new version, bare Base64) to the CDA it was made from', () => {
    for (const name of [
      'rcmr-in100002-store.xml',
      'rcmr-in100016-new-version.xml',
      'rcmr-in200002-bare-base64.xml',
    ])
      expect(embeddedCdaTexts(fixture(name)), name).toEqual([innerCda]);
  });

  it('decodes a generated message with namespace prefixes and a CDATA section around the MIME text', () => {
    const message = rcmrAround(new TextEncoder().encode(innerCda), patient, '7')
      .replace(/<(\/?)(RCMR_IN100002FI01|clinicalDocument|text)\b/g, '<$1v3:$2')
      .replace('xmlns="urn:hl7-org:v3"', 'xmlns:v3="urn:hl7-org:v3"')
      .replace(
        /(<v3:text [^>]*>)([\s\S]*?)(<\/v3:text>)/,
        (_all, open: string, body: string, close: string) =>
          `${open}<![CDATA[${body.replace(/&#13;/g, '\r')}]]>${close}`,
      );
    expect(message).toContain('<![CDATA[');
    expect(embeddedCdaTexts(message)).toEqual([innerCda]);
  });

  it('finds nothing in a CDA, in FHIR, or in a message whose part cannot be decoded', () => {
    expect(embeddedCdaTexts(innerCda)).toEqual([]);
    expect(embeddedCdaTexts('<DocumentReference xmlns="http://hl7.org/fhir"/>')).toEqual([]);
    expect(embeddedCdaTexts(fixture('rcmr-broken-base64.xml'))).toEqual([]);
    expect(embeddedCdaTexts(fixture('rcmr-broken-no-part.xml'))).toEqual([]);
    expect(embeddedCdaTexts('')).toEqual([]);
  });

  it('goes by the root element, not by a comment that mentions a message', () => {
    const commented = `<!-- was <RCMR_IN100002FI01> once -->\n${innerCda}`;
    expect(rootElementName(commented)).toBe('ClinicalDocument');
    expect(embeddedCdaTexts(commented)).toEqual([]);
    expect(
      rootElementName('\uFEFF<?xml version="1.0"?><!-- a --><v3:RCMR_IN100016FI01 x="1"/>'),
    ).toBe('RCMR_IN100016FI01');
    expect(rootElementName('<!-- never closed')).toBeUndefined();
    expect(rootElementName('no markup at all')).toBeUndefined();
  });
});
