import { describe, expect, it } from 'vitest';
import { readFhirDocumentReference } from '../../../../shared/documents/fhir';
import { fhirXmlToJson } from '../../../../shared/documents/fhir-xml';
import type { DocumentMetadata } from '../../../../shared/documents/model';
import { fixtureText, fixtureTree, unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const fromJson = (): DocumentMetadata =>
  unwrap(readFhirDocumentReference(JSON.parse(fixtureText('fhir-document-reference.json'))));
const fromXml = (): DocumentMetadata =>
  unwrap(
    readFhirDocumentReference(unwrap(fhirXmlToJson(fixtureTree('fhir-document-reference.xml')))),
  );

describe('readFhirDocumentReference (synthetic JSON fixture)', () => {
  const meta = fromJson();

  it('maps identifiers, status, type and dates', () => {
    expect(meta).toMatchObject({
      format: 'fhir',
      id: { root: '1.2.246.10.99999990.93.2024.12' },
      title: 'Hoitokertomus',
      effectiveTime: '2024-02-01T09:10:00+02:00',
      languageCode: 'fi',
      register: {
        code: '2',
        codeSystem: '1.2.246.537.5.40150.2009',
        displayName: 'Julkinen terveydenhuolto',
        label: 'public healthcare',
      },
      confidentiality: {
        code: '5',
        codeSystem: '1.2.246.777.5.99902.2006',
        label: 'Terveydenhuollon salassapidettävä',
      },
      warnings: [],
    });
    expect(meta.setId).toBeUndefined();
    expect(meta.versionNumber).toBeUndefined();
    expect(meta.fhir).toEqual({
      resourceId: 'dr-2',
      versionId: '3',
      lastUpdated: '2024-02-01T09:20:00+02:00',
      profiles: ['https://example.invalid/fhir/StructureDefinition/synthetic-document-reference'],
      status: 'current',
      docStatus: 'final',
      identifiers: [{ root: '1.2.246.10.99999990.93', extension: '2024.12' }],
      categories: [
        {
          code: '362',
          codeSystem: '1.2.246.537.6.12.2002',
          label: 'Ostopalvelun valtuutus asiakirja',
        },
      ],
      securityLabels: [
        {
          code: '5',
          codeSystem: '1.2.246.777.5.99902.2006',
          label: 'Terveydenhuollon salassapidettävä',
        },
      ],
      description: 'Synteettinen hoitokertomus',
      facilityType: { code: 'F1', codeSystem: '1.2.246.10.99999990.76' },
      practiceSetting: { code: '', codeSystem: '', originalText: 'Yleislääketiede' },
    });
  });

  it('maps the subject hetu, authors and custodian', () => {
    expect(meta.patient).toEqual({
      id: { root: '1.2.246.21', extension: '010181-900C' },
      ids: [{ root: '1.2.246.21', extension: '010181-900C' }],
      name: { given: [], family: [], prefix: [], suffix: [], formatted: 'Testi Potilas' },
      reference: 'Patient/p-1',
    });
    expect(meta.authors).toEqual([
      {
        ids: [{ root: '1.2.246.537.26', extension: '99999999997' }],
        name: { given: [], family: [], prefix: [], suffix: [], formatted: 'Kaisa Kirjaaja' },
        reference: 'Practitioner/pr-1',
      },
    ]);
    expect(meta.custodian).toEqual({
      ids: [{ root: '1.2.246.10.99999990.19.0' }],
      name: 'Synteettinen rekisterinpitäjä',
    });
  });

  it('maps relatesTo replaces to RPLC with the target reference', () => {
    expect(meta.relatedDocuments).toEqual([
      {
        typeCode: 'RPLC',
        id: { root: '1.2.246.10.99999990.93.2024.11' },
        reference: 'DocumentReference/dr-1',
      },
    ]);
  });

  it('maps attachments by url and by inline data', () => {
    expect(meta.attachments).toEqual([
      {
        mediaType: 'application/xml',
        bytes: 2326,
        where: 'content[0].attachment',
        url: 'Binary/b-2',
        title: 'Hoitokertomus',
      },
      {
        mediaType: 'text/plain',
        bytes: 38,
        sha256: 'a3dfc6642bbcb3155858cd74e2c5ee495f7a7171e6e99b3733918e2bdecf3c22',
        where: 'content[1].attachment',
        title: 'Muistiinpano',
      },
    ]);
  });

  it('maps context to the service event', () => {
    expect(meta.serviceEventId).toEqual({ root: '1.2.246.10.99999990.14', extension: '2024.5' });
    expect(meta.serviceEvent).toEqual({
      ids: [],
      code: { code: 'X1', codeSystem: '1.2.246.10.99999990.77', originalText: 'Kontrolli' },
      effectiveTime: { low: '2024-02-01', high: '2024-02-02' },
    });
  });

  it('finds identity codes in identifiers and decoded attachment text', () => {
    expect(meta.identityCodes.map((f) => [f.value, f.where])).toEqual([
      ['010181-900C', 'subject.identifier'],
      ['010181-900C', 'content[1].attachment.data (decoded)'],
    ]);
  });
});

describe('fhirXmlToJson + readFhirDocumentReference (synthetic XML fixture)', () => {
  it('gives the same metadata as the JSON form', () => {
    expect(fromXml()).toEqual(fromJson());
  });

  it('refuses XML outside the FHIR namespace', () => {
    const result = fhirXmlToJson(xmlTree('<DocumentReference/>'));
    expect(!result.ok && result.error.code).toBe('fhir-not-fhir-xml');
  });

  it('never turns element names into prototype keys', () => {
    const json = unwrap(
      fhirXmlToJson(
        xmlTree(
          '<DocumentReference xmlns="http://hl7.org/fhir"><__proto__><polluted value="yes"/></__proto__><status value="current"/></DocumentReference>',
        ),
      ),
    );
    expect(Object.keys(json)).toEqual(['status', 'resourceType']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readFhirDocumentReference: untrusted input', () => {
  it.each([
    [null, 'fhir-not-object', 'The FHIR input is not a JSON object.'],
    [[1, 2], 'fhir-not-object', 'The FHIR input is not a JSON object.'],
    ['DocumentReference', 'fhir-not-object', 'The FHIR input is not a JSON object.'],
    [
      { resourceType: 'Bundle' },
      'fhir-not-document-reference',
      'This FHIR resource is a Bundle, not a DocumentReference.',
    ],
    [
      {},
      'fhir-not-document-reference',
      'This FHIR resource is a resource without resourceType, not a DocumentReference.',
    ],
  ])('refuses %j', (input, code, message) => {
    expect(readFhirDocumentReference(input)).toEqual({ ok: false, error: { code, message } });
  });

  it('ignores fields of the wrong type with a warning per field', () => {
    const meta = unwrap(
      readFhirDocumentReference({
        resourceType: 'DocumentReference',
        masterIdentifier: 'urn:oid:1.2.3',
        subject: 42,
        date: { nested: true },
        author: ['Practitioner/1'],
        content: [{ attachment: { contentType: 'text/plain', data: 'not base64!', size: -1 } }],
      }),
    );
    expect(meta.id).toEqual({ root: '' });
    expect(meta.patient).toBeUndefined();
    expect(meta.effectiveTime).toBeUndefined();
    expect(meta.authors).toEqual([]);
    expect(meta.warnings.map((w) => w.message)).toEqual([
      'The DocumentReference has no masterIdentifier or identifier.',
      'masterIdentifier is not an object; it was ignored.',
      "content[0].attachment.data: The Base64 content contains the character '!' at position 11.",
      'content[0].attachment.size is not a non-negative integer; it was ignored.',
      'date is not a string; it was ignored.',
      'subject is not an object; it was ignored.',
      'author[0] is not an object; it was ignored.',
    ]);
  });

  it('flags a declared size that does not match the data', () => {
    const meta = unwrap(
      readFhirDocumentReference({
        resourceType: 'DocumentReference',
        masterIdentifier: { value: 'x' },
        content: [{ attachment: { data: 'Zm9v', size: 4 } }],
      }),
    );
    expect(meta.warnings).toEqual([
      {
        code: 'fhir-size-mismatch',
        message: 'content[0].attachment.size says 4 bytes, the data has 3.',
      },
    ]);
  });

  it('does not read inherited properties', () => {
    const input = Object.create({ resourceType: 'DocumentReference' }) as object;
    expect(readFhirDocumentReference(input).ok).toBe(false);
  });
});
