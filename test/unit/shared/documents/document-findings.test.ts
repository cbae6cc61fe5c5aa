/**
 * The rules behind the document findings, one at a time on a small header: dates compared as
 * instants (zones and precision), a view among several, which code lists count as complete,
 * and which documents need a service event id. The seeded sandbox documents are tested through
 * the workspace (open-document-findings.test.ts) and `archivist show` (show-findings.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { documentFindings, formatFindings } from '../../../../shared/documents/document-findings';
import type { DocumentMetadata, DocumentId } from '../../../../shared/documents/model';
import { hl7TimeSpan } from '../../../../shared/documents/reference-disagreements';
import type { DocumentReference } from '../../../../shared/fhir/resources';

const REGISTER = '1.2.246.537.5.40150.2009';
const VIEW = '1.2.246.537.6.12.2002';

const header: DocumentMetadata = {
  format: 'cda',
  id: { root: '1.2.246.10.1.1' } as DocumentId,
  effectiveTime: '20241214084122+0200',
  templateIds: [],
  register: { code: '2', codeSystem: REGISTER },
  confidentiality: { code: '5', codeSystem: '1.2.246.777.5.99902.2006' },
  authors: [],
  serviceEventId: { root: '1.2.246.10.1.2026.1' },
  participants: [],
  relatedDocuments: [],
  localHeader: {
    tableOfContents: [
      { code: 'YLE', codeSystem: VIEW },
      { code: 'HOI', codeSystem: VIEW },
    ],
    auditTrail: [],
    serviceChainLink: [],
    episodeLink: [],
    product: [],
    otherElements: [],
  },
  signatures: [],
  identityCodes: [],
  attachments: [],
  body: { kind: 'none' },
  warnings: [],
};

const reference: DocumentReference = {
  resourceType: 'DocumentReference',
  status: 'current',
  masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.246.10.1.1' },
  date: '2024-12-14T06:41:22Z',
  type: { coding: [{ system: `urn:oid:${VIEW}`, code: 'HOI' }] },
  category: [{ coding: [{ system: `urn:oid:${REGISTER}`, code: '2' }] }],
  content: [],
};

describe('HL7 times as instants', () => {
  it('reads a zoned time to the second, and to the minute as the whole minute', () => {
    const at = Date.parse('2024-12-14T06:41:22Z');
    expect(hl7TimeSpan('20241214084122+0200')).toEqual({ start: at, end: at + 1000 });
    expect(hl7TimeSpan('202412140841-0500')).toEqual({
      start: Date.parse('2024-12-14T13:41:00Z'),
      end: Date.parse('2024-12-14T13:42:00Z'),
    });
  });

  it('names no instant without a zone or without the time of day', () => {
    expect(hl7TimeSpan('20241214084122')).toBe(undefined);
    expect(hl7TimeSpan('20241214+0200')).toBe(undefined);
  });
});

describe('DocumentReference against the header', () => {
  it('finds nothing when both say the same, the date written in another zone', () => {
    const sameMoment = { ...reference, date: '2024-12-14T08:41:22+02:00' };
    expect(documentFindings(header, reference)).toEqual([]);
    expect(documentFindings(header, sameMoment)).toEqual([]);
  });

  it('names a date one second off, with both values', () => {
    const [finding] = documentFindings(header, { ...reference, date: '2024-12-14T06:41:23Z' });
    expect(finding?.where).toBe('DocumentReference.date ↔ ClinicalDocument/effectiveTime');
    expect(finding?.message).toContain('says 2024-12-14T06:41:23Z');
    expect(finding?.message).toContain('says 2024-12-14 08:41:22 +0200');
  });

  it('does not compare a header time without a zone', () => {
    const unzoned = { ...header, effectiveTime: '20241214084122' };
    expect(documentFindings(unzoned, { ...reference, date: '2020-01-01T00:00:00Z' })).toEqual([]);
  });

  it('names each field that differs: id, patient, view, register', () => {
    const other: DocumentReference = {
      ...reference,
      masterIdentifier: { value: 'urn:oid:1.2.246.10.1.9' },
      subject: { identifier: { system: 'urn:oid:1.2.246.21', value: '010181-900C' } },
      type: { coding: [{ system: `urn:oid:${VIEW}`, code: 'LAB' }] },
      category: [{ coding: [{ system: `urn:oid:${REGISTER}`, code: '3' }] }],
    };
    const withPatient = {
      ...header,
      patient: { id: { root: '1.2.246.21', extension: '020202-902B' }, ids: [] },
    };
    expect(documentFindings(withPatient, other).map((f) => f.where.split(' ')[0])).toEqual([
      'DocumentReference.masterIdentifier',
      'DocumentReference.subject.identifier',
      'DocumentReference.type',
      'DocumentReference.category',
    ]);
  });

  it('leaves out what one side does not state', () => {
    const bare: DocumentReference = {
      resourceType: 'DocumentReference',
      status: 'current',
      content: [],
    };
    expect(documentFindings(header, bare)).toEqual([]);
  });
});

describe('codes and the service event id', () => {
  it('flags a code outside a complete Kanta list, not one missing from a partial table', () => {
    const views = { ...header.localHeader!, tableOfContents: [{ code: 'ZZZ', codeSystem: VIEW }] };
    expect(documentFindings({ ...header, localHeader: views })).toEqual([]);
    const secret = {
      ...header,
      confidentiality: { code: '7', codeSystem: '1.2.246.777.5.99902.2006' },
    };
    expect(documentFindings(secret)).toEqual([
      expect.objectContaining({
        kind: 'unknown-code',
        where: 'ClinicalDocument/confidentialityCode',
      }),
    ]);
  });

  it('wants a service event id on patient records, not on archive documents or prescriptions', () => {
    const { serviceEventId: _, ...without } = header;
    expect(documentFindings(without).map((f) => f.kind)).toEqual(['missing-service-event-id']);
    const archive = {
      ...without,
      localHeader: {
        ...header.localHeader!,
        documentType: { code: '3', codeSystem: '1.2.246.537.5.5001.2011' },
      },
    };
    expect(documentFindings(archive)).toEqual([]);
    const prescription = {
      ...without,
      register: { code: '1', codeSystem: '1.2.246.537.5.40105.2006' },
    };
    expect(documentFindings(prescription)).toEqual([]);
  });

  it('prints a findings block, or one line when there is nothing', () => {
    expect(formatFindings([])).toEqual(['Findings: none']);
    const lines = formatFindings(
      documentFindings({ ...header, register: { code: '99', codeSystem: REGISTER } }),
    );
    expect(lines[0]).toBe('Findings: 1');
    expect(lines[1]).toMatch(/^ {2}!! ClinicalDocument\/code \(register\) is 99,/);
  });
});
