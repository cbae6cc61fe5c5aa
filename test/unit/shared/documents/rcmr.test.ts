import { describe, expect, it } from 'vitest';
import { readCdaDocument } from '../../../../shared/documents/cda';
import {
  rcmrInteraction,
  readRcmrDocument,
  unwrapRcmr,
  withMessage,
} from '../../../../shared/documents/rcmr';
import { sha256Hex } from '../../../../shared/crypto/sha256';
import { decodeUtf8, encodeUtf8 } from '../../../../shared/crypto/utf8';
import { fixtureText, fixtureTree, unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const INNER = fixtureText('rcmr-inner-cda.xml');

function readMessage(name: string) {
  const root = fixtureTree(name);
  const unwrapped = unwrap(unwrapRcmr(root));
  // Step two is the caller's: parse the bytes again (here with the test parser).
  const cda = xmlTree(decodeUtf8(unwrapped.cdaBytes).text);
  return { unwrapped, meta: unwrap(readRcmrDocument(root, unwrapped, cda)) };
}

describe('rcmrInteraction', () => {
  it('detects the three archive interactions only in the HL7 V3 namespace', () => {
    expect(rcmrInteraction(xmlTree('<RCMR_IN100016FI01 xmlns="urn:hl7-org:v3"/>'))).toBe(
      'RCMR_IN100016FI01',
    );
    expect(rcmrInteraction(xmlTree('<RCMR_IN100016FI01/>'))).toBeUndefined();
    expect(rcmrInteraction(xmlTree('<RCMR_IN999999FI01 xmlns="urn:hl7-org:v3"/>'))).toBeUndefined();
    expect(rcmrInteraction(xmlTree('<ClinicalDocument xmlns="urn:hl7-org:v3"/>'))).toBeUndefined();
  });
});

describe('unwrapRcmr: store message with well-formed MIME (CRLF)', () => {
  const { unwrapped, meta } = readMessage('rcmr-in100002-store.xml');

  it('returns exactly the bytes of the carried CDA', () => {
    expect(sha256Hex(unwrapped.cdaBytes)).toBe(sha256Hex(encodeUtf8(INNER)));
  });

  it('exposes the message fields, unknown codes unlabelled', () => {
    expect(unwrapped.message).toEqual({
      interaction: 'RCMR_IN100002FI01',
      messageId: { root: '1.2.246.10.99999990.98.2024.100' },
      creationTime: '20240201091500',
      senderId: { root: '1.2.246.10.99999990.97.2' },
      receiverId: { root: '1.2.246.10.99999990.97.1' },
      serviceRequest: { code: 'PP1', codeSystem: '1.2.246.537.5.40157.2008' },
      completionCode: { code: '1', codeSystem: '1.2.246.537.5.40115.2006' },
      storageCode: { code: '1', codeSystem: '1.2.246.537.5.40116.2006' },
      documentId: { root: '1.2.246.10.99999990.93.2024.12' },
      mime: {
        boundary: '----=_Part_0_1234',
        partContentType: 'text/xml; charset=UTF-8',
        transferEncoding: 'base64',
        notes: [],
      },
    });
  });

  it('reads the carried CDA as format "rcmr" with the message beside it', () => {
    expect(meta).toMatchObject({
      format: 'rcmr',
      id: { root: '1.2.246.10.99999990.93.2024.12' },
      setId: { root: '1.2.246.10.99999990.93.2024.11' },
      versionNumber: 2,
      title: 'Hoitokertomus',
      message: { interaction: 'RCMR_IN100002FI01' },
      warnings: [],
    });
  });

  it('scans the message wrapper for identity codes too, but not its Base64 text', () => {
    expect(meta.identityCodes.map((f) => [f.value, f.where])).toEqual([
      ['010181-900C', 'recordTarget/patientRole/id'],
      [
        '010181-900C',
        'message/controlActProcess/subject/clinicalDocument/recordTarget/patientRole/id',
      ],
    ]);
  });
});

describe('unwrapRcmr: new version with imperfect MIME', () => {
  const { unwrapped, meta } = readMessage('rcmr-in100016-new-version.xml');

  it('tolerates the missing boundary, mixed line ends, whitespace and no transfer encoding', () => {
    expect(decodeUtf8(unwrapped.cdaBytes).text).toBe(INNER);
    expect(unwrapped.message.mime).toEqual({
      boundary: 'XYZ',
      partContentType: 'text/xml',
      notes: [
        'The Content-Type has no boundary parameter; the first delimiter line was used.',
        'The part has no Content-Transfer-Encoding; its content looked like Base64.',
      ],
    });
  });

  it('reads the replacement reason and the replaced document', () => {
    expect(unwrapped.message).toMatchObject({
      interaction: 'RCMR_IN100016FI01',
      replacementReason: { code: '1', codeSystem: '1.2.246.537.5.40178.2008', label: 'correction' },
      replacedDocumentId: { root: '1.2.246.10.99999990.93.2024.11' },
    });
    expect(meta.relatedDocuments[0]).toMatchObject({
      typeCode: 'RPLC',
      id: { root: '1.2.246.10.99999990.93.2024.11' },
    });
  });
});

describe('unwrapRcmr: social welfare interaction with bare Base64', () => {
  it('decodes the text without MIME headers and notes it', () => {
    const { unwrapped } = readMessage('rcmr-in200002-bare-base64.xml');
    expect(unwrapped.message.interaction).toBe('RCMR_IN200002FI01');
    expect(unwrapped.message.mime.notes).toEqual([
      'The text has no MIME headers; it was decoded as Base64.',
    ]);
    expect(decodeUtf8(unwrapped.cdaBytes).text).toBe(INNER);
  });
});

describe('unwrapRcmr: refusals', () => {
  it.each([
    ['rcmr-broken-no-part.xml', 'rcmr-mime-no-part'],
    ['rcmr-broken-base64.xml', 'base64-invalid'],
  ])('%s ends in %s', (name, code) => {
    const result = unwrapRcmr(fixtureTree(name));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('refuses a CDA root', () => {
    const result = unwrapRcmr(xmlTree('<ClinicalDocument xmlns="urn:hl7-org:v3"/>'));
    expect(!result.ok && result.error).toEqual({
      code: 'rcmr-not-message',
      message:
        '<ClinicalDocument> is not an HL7 V3 archive message (RCMR_IN100002FI01, RCMR_IN100016FI01, RCMR_IN200002FI01).',
    });
  });

  it('refuses a message without clinicalDocument/text', () => {
    const result = unwrapRcmr(
      xmlTree('<RCMR_IN100002FI01 xmlns="urn:hl7-org:v3"><controlActProcess/></RCMR_IN100002FI01>'),
    );
    expect(!result.ok && result.error.code).toBe('rcmr-no-document');
  });

  it('reports a carried document that is not CDA, naming the message', () => {
    const root = fixtureTree('rcmr-in100002-store.xml');
    const unwrapped = unwrap(unwrapRcmr(root));
    const result = readRcmrDocument(root, unwrapped, xmlTree('<html/>'));
    expect(!result.ok && result.error.message).toMatch(
      /^The document inside the RCMR_IN100002FI01 message: This is not a CDA document/,
    );
  });
});

describe('withMessage', () => {
  it('warns when the message and the document disagree about the id', () => {
    const { unwrapped } = readMessage('rcmr-in100002-store.xml');
    const other = unwrap(
      readCdaDocument(
        xmlTree('<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="9.9"/></ClinicalDocument>'),
      ),
    );
    const merged = withMessage(other, unwrapped.message);
    expect(merged.format).toBe('rcmr');
    expect(merged.warnings.map((w) => w.code)).toContain('rcmr-id-mismatch');
  });
});
