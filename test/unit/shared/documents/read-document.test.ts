import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../../shared/crypto/utf8';
import { detectDocumentKind, readDocument } from '../../../../shared/documents/read-document';
import { ok } from '../../../../shared/result';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { fixtureText, fixtureTree, unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const parseEmbeddedXml = (bytes: Uint8Array) => ok(xmlTree(decodeUtf8(bytes).text));

describe('detectDocumentKind', () => {
  it('tells the supported kinds apart', () => {
    expect(detectDocumentKind(fixtureTree('local-header-all-fields.xml'))).toBe('cda');
    expect(detectDocumentKind(fixtureTree('rcmr-in100002-store.xml'))).toBe('rcmr');
    expect(detectDocumentKind(fixtureTree('fhir-document-reference.xml'))).toBe('fhir-xml');
    expect(detectDocumentKind(JSON.parse(fixtureText('fhir-document-reference.json')))).toBe(
      'fhir-json',
    );
    expect(detectDocumentKind(xmlTree('<html/>'))).toBe('unknown');
    expect(detectDocumentKind(42)).toBe('unknown');
  });
});

describe('readDocument', () => {
  it('reads a CDA document with its identity codes', () => {
    const meta = unwrap(readDocument(fixtureTree('local-header-all-fields.xml')));
    expect(meta.format).toBe('cda');
    expect(meta.identityCodes.length).toBeGreaterThan(0);
  });

  it('reads an RCMR message when given the embedded-document parser', () => {
    const meta = unwrap(
      readDocument(fixtureTree('rcmr-in100016-new-version.xml'), { parseEmbeddedXml }),
    );
    expect(meta).toMatchObject({
      format: 'rcmr',
      id: { root: '1.2.246.10.99999990.93.2024.12' },
      message: { interaction: 'RCMR_IN100016FI01', replacementReason: { code: '1' } },
    });
  });

  it('says what to do with an RCMR message when no parser is given', () => {
    expect(readDocument(fixtureTree('rcmr-in100002-store.xml'))).toEqual({
      ok: false,
      error: {
        code: 'rcmr-needs-parser',
        message:
          'This is an HL7 V3 RCMR_IN100002FI01 message: the CDA inside it must be parsed before it can be shown.',
      },
    });
  });

  it('passes a refusal of the embedded parser on, naming the message', () => {
    const refuse = () => ({
      ok: false as const,
      error: { code: 'xml-doctype', message: 'DOCTYPE is not allowed.' },
    });
    expect(
      readDocument(fixtureTree('rcmr-in100002-store.xml'), { parseEmbeddedXml: refuse }),
    ).toEqual({
      ok: false,
      error: {
        code: 'xml-doctype',
        message: 'The document inside the RCMR_IN100002FI01 message: DOCTYPE is not allowed.',
      },
    });
  });

  it('reads FHIR DocumentReference from JSON and from XML alike', () => {
    const fromJson = unwrap(readDocument(JSON.parse(fixtureText('fhir-document-reference.json'))));
    const fromXml = unwrap(readDocument(fixtureTree('fhir-document-reference.xml')));
    expect(fromJson.format).toBe('fhir');
    expect(fromXml).toEqual(fromJson);
  });

  it.each([
    [
      xmlTree('<html xmlns="http://www.w3.org/1999/xhtml"/>'),
      'the root element is <html> in namespace http://www.w3.org/1999/xhtml',
    ],
    [xmlTree('<note/>'), 'the root element is <note> in no namespace'],
    ['text', 'it is neither an XML tree nor a FHIR resource'],
  ])('refuses what it cannot read (%#)', (input, what) => {
    expect(readDocument(input)).toEqual({
      ok: false,
      error: {
        code: 'unknown-document',
        message: `Archivist cannot read this: ${what}. Expected a CDA ClinicalDocument, an HL7 V3 RCMR archive message or a FHIR DocumentReference.`,
      },
    });
  });

  it('turns a malformed tree into a refusal, never an exception', () => {
    const fake = {
      kind: 'element',
      name: 'ClinicalDocument',
      namespace: 'urn:hl7-org:v3',
      attributes: [null],
      children: [null],
    };
    const result = readDocument(fake);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('read-failed');
  });
});

describe.skipIf(!hasCorpus)(`readDocument on the corpus${corpusNote}`, () => {
  it('reads the OSVA document like readCdaDocument', () => {
    const meta = unwrap(readDocument(corpusTree('kanta-cda-api/Esim_OSVA_Omakannasta.xml')));
    expect(meta.register?.label).toBe('Arkistoasiakirjat');
  });
});
