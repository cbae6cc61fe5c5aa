import { describe, expect, it } from 'vitest';
import { readCdaDocument } from '../../../../shared/documents/cda';
import { REDACTED } from '../../../../shared/documents/model';
import { fixtureTree, unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const minimal = (inner: string): string =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3">${inner}</ClinicalDocument>`;

describe('readCdaDocument: what is not a CDA document', () => {
  it('refuses a root in the wrong namespace', () => {
    const result = readCdaDocument(xmlTree('<ClinicalDocument xmlns="urn:other"/>'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-cda',
        message:
          'This is not a CDA document: the root element is <ClinicalDocument> in namespace urn:other, expected <ClinicalDocument> in urn:hl7-org:v3.',
        // The real parser records where each element starts, and the refusal points there.
        line: 1,
      },
    });
  });

  it('refuses another root element, naming it', () => {
    const result = readCdaDocument(xmlTree('<html><body/></html>'));
    expect(!result.ok && result.error.message).toContain(
      'the root element is <html> in no namespace',
    );
  });
});

describe('readCdaDocument: tolerance', () => {
  it('reads an empty ClinicalDocument and says what is missing', () => {
    const meta = unwrap(readCdaDocument(xmlTree(minimal(''))));
    expect(meta).toMatchObject({
      format: 'cda',
      id: { root: '' },
      authors: [],
      participants: [],
      relatedDocuments: [],
      signatures: [],
      identityCodes: [],
      attachments: [],
      body: { kind: 'none' },
    });
    expect(meta.warnings.map((w) => w.code)).toEqual([
      'missing-id',
      'missing-set-id',
      'missing-version',
    ]);
  });

  it('keeps nullFlavor ids and ignores an unusable versionNumber', () => {
    const meta = unwrap(
      readCdaDocument(
        xmlTree(minimal('<id nullFlavor="NI"/><setId root="1.2.3"/><versionNumber value="two"/>')),
      ),
    );
    expect(meta.id).toEqual({ root: '', nullFlavor: 'NI' });
    expect(meta.versionNumber).toBeUndefined();
    expect(meta.warnings.map((w) => w.code)).toEqual(['missing-id', 'missing-version']);
  });

  it('warns about a nullFlavor setId', () => {
    const meta = unwrap(
      readCdaDocument(xmlTree(minimal('<id root="1.2"/><setId nullFlavor="NI"/>'))),
    );
    expect(meta.setId).toEqual({ root: '', nullFlavor: 'NI' });
    expect(meta.warnings.map((w) => w.code)).toEqual(['missing-set-id', 'missing-version']);
  });

  it('reads the header only when asked to skip the body', () => {
    const tree = fixtureTree('local-header-all-fields.xml');
    const meta = unwrap(readCdaDocument(tree, { body: false }));
    expect(meta.body).toEqual({ kind: 'none' });
    expect(meta.attachments).toEqual([]);
    expect(meta.title).toBe('Synteettinen kertomus');
    // The body is not walked: the narrative finding of the full read is absent.
    expect(meta.identityCodes.map((f) => f.where)).toEqual([
      'recordTarget/patientRole/id',
      'participant/associatedEntity/id',
    ]);
  });
});

describe('readCdaDocument: every header element (synthetic fixture)', () => {
  const meta = unwrap(readCdaDocument(fixtureTree('local-header-all-fields.xml')));

  it('reads ids, version, times and codes with labels', () => {
    expect(meta.id).toEqual({ root: '1.2.246.10.99999990.91.2024.2' });
    expect(meta.setId).toEqual({ root: '1.2.246.10.99999990.91.2024.1' });
    expect(meta.versionNumber).toBe(2);
    expect(meta.copyTime).toBe('20240201091500');
    expect(meta.register).toEqual({
      code: '2',
      codeSystem: '1.2.246.537.5.40150.2009',
      displayName: 'Julkinen terveydenhuolto',
      label: 'public healthcare',
    });
  });

  it('prefers the hetu id as the patient id and reads a plain-text name', () => {
    expect(meta.patient?.id).toEqual({ root: '1.2.246.21', extension: '010181-900C' });
    expect(meta.patient?.ids).toHaveLength(2);
    expect(meta.patient?.name?.formatted).toBe('Testi Potilas');
  });

  it('reads authors with function codes, unknown ones unlabelled, and devices', () => {
    expect(meta.authors.map((a) => [a.functionCode?.code, a.functionCode?.label])).toEqual([
      ['MER', 'record maker'],
      ['ZZZ', undefined],
    ]);
    expect(meta.authors[0]?.name).toEqual({
      given: ['Taina'],
      family: ['Testilääkäri'],
      prefix: ['LL'],
      suffix: [],
      formatted: 'Taina Testilääkäri',
    });
    expect(meta.authors[1]).toMatchObject({
      ids: [{ root: '', nullFlavor: 'NI' }],
      device: 'Synteettinen järjestelmä 1.0',
    });
    expect(meta.authors[1]?.time).toBeUndefined();
  });

  it('reads participants CST and SBJ', () => {
    expect(meta.participants).toEqual([
      {
        typeCode: 'CST',
        classCode: 'PROV',
        ids: [{ root: '1.2.246.10.99999990.10.5' }],
        organisation: { ids: [{ root: '1.2.246.10.99999990.10.5' }], name: 'Arkistonmuodostaja' },
      },
      {
        typeCode: 'SBJ',
        classCode: 'PRS',
        ids: [{ root: '1.2.246.21', extension: '150523A9443' }],
        name: {
          given: ['Toinen'],
          family: ['Henkilö'],
          prefix: [],
          suffix: [],
          formatted: 'Toinen Henkilö',
        },
      },
    ]);
  });

  it('reads the service event, the encounter and the related document', () => {
    expect(meta.serviceEventId).toEqual({ root: '1.2.246.10.99999990.14.2024.5' });
    expect(meta.serviceEvent).toEqual({
      ids: [{ root: '1.2.246.10.99999990.14.2024.5' }],
      code: { code: 'X1', codeSystem: '1.2.246.10.99999990.77' },
      effectiveTime: { low: '20240201', high: '20240202' },
    });
    expect(meta.relatedDocuments).toEqual([
      {
        typeCode: 'RPLC',
        id: { root: '1.2.246.10.99999990.91.2024.1' },
        setId: { root: '1.2.246.10.99999990.91.2024.1' },
        versionNumber: 1,
      },
    ]);
  });

  it('reads every localHeader element of the schema', () => {
    const header = meta.localHeader!;
    expect(header.description).toBe('Kuvaus');
    expect(header.tableOfContents.map((c) => [c.code, c.label])).toEqual([
      ['362', 'Ostopalvelun valtuutus asiakirja'],
      ['999', undefined],
    ]);
    expect(header).toMatchObject({
      registratedTime: '20240201090100',
      declaredTime: '20240201091500',
      typeCode: { code: 'T1' },
      fileFormat: { code: '1', label: 'CDA R2' },
      softwareSupport: {
        text: 'Testi Oy Synteettinen 1.0',
        moderator: 'Testi Oy',
        product: 'Synteettinen',
        version: '1.0',
      },
      documentType: { code: '1', label: 'narrative text' },
      currentLocation: 'Arkisto',
      retentionPeriod: '21000101',
      functionCode: { code: '06.00.02' },
      recordStatus: { code: '3', label: 'Arkistointivalmis' },
      auditTrail: [
        {
          code: { code: 'A1', codeSystem: '1.2.246.10.99999990.79' },
          time: '20240201090200',
          id: { root: '1.2.246.10.99999990.80.1' },
          idEnd: { root: '1.2.246.10.99999990.80.2' },
        },
      ],
      serviceChainLink: [{ id: { root: '1.2.246.10.99999990.81.1' }, name: 'Hoitoketju' }],
      episodeLink: [{ id: { root: '1.2.246.10.99999990.82.1' }, code: { code: 'E1' } }],
      product: [{ moderator: 'Testi Oy', product: 'Lisäosa', version: '2' }],
      sender: { code: { code: '1' }, name: 'Lähettäjä' },
      patientRegistrySpecifier: { root: '1.2.246.10.99999990.85', extension: 'R1' },
      patientRegistrySpecifierName: 'Tarkenne',
      custodianTypeCode: { code: '1', label: 'Julkinen' },
      encompassingEncounterCode: { code: 'P1' },
      activeCustodian: { root: '1.2.246.10.99999990.19.1' },
      activeCustodianName: 'Aktiivinen rekisterinpitäjä',
      encompassingEncounterMasterCode: { code: 'M1' },
      secondaryEncompassingEncounterId: { root: '1.2.246.10.99999990.14.2024.6' },
      outsourcingServiceCustomer: { root: '1.2.246.10.99999990.10.9' },
      outsourcingServiceCustomerName: 'Tilaaja',
      retentionPeriodClass: { code: '2' },
      extendedRetentionPeriod: '22000101',
      sensitiveDocument: { code: 'S1' },
      eprServiceProvider: { root: '1.2.246.10.99999990.10.7' },
      eprServiceProviderName: 'Palveluntuottaja',
      releaseDateForPatientViewing: '20240301',
      patientHomeMunicipality: { code: '091', codeSystem: '1.2.246.537.6.21.2003' },
    });
  });

  it('never copies the password', () => {
    expect(meta.localHeader?.password).toBe(REDACTED);
    expect(JSON.stringify(meta)).not.toContain('salainen');
  });

  it('keeps unknown and repeated elements instead of dropping them', () => {
    expect(meta.localHeader?.otherElements).toEqual([
      {
        name: 'futureElement',
        namespace: 'urn:hl7finland',
        text: 'Uusi',
        attributes: [{ name: 'level', value: '9' }],
        children: [],
      },
      {
        name: 'declaredTime',
        namespace: 'urn:hl7finland',
        attributes: [{ name: 'value', value: '20990101000000' }],
        children: [],
      },
    ]);
  });

  it('reads signatures as metadata', () => {
    expect(meta.signatures).toEqual([
      {
        id: 'sig-1',
        type: {
          code: '1',
          codeSystem: '1.2.246.537.5.40127.2006',
          label: 'Ammattihenkilön tekemä tavanomainen allekirjoitus',
        },
        time: '2024-02-01T09:00:00+02:00',
        timestampId: 'ts-1',
        referenceIds: ['#body', '#ts-1'],
        canonicalizationMethod: 'http://www.w3.org/2001/10/xml-exc-c14n#',
        signatureMethod: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
        digestMethods: [
          'http://www.w3.org/2001/04/xmlenc#sha256',
          'http://www.w3.org/2001/04/xmlenc#sha256',
        ],
        signerSubject: 'CN=Testilääkäri Taina',
        multipleDocumentRefs: [],
      },
    ]);
  });

  it('summarises sections and hashes observationMedia', () => {
    expect(meta.body).toEqual({
      kind: 'structured',
      sections: [
        {
          templateIds: [{ root: '1.2.246.10.99999990.90' }],
          code: {
            code: '362',
            codeSystem: '1.2.246.537.6.12.2002',
            label: 'Ostopalvelun valtuutus asiakirja',
          },
          title: 'Tiedot',
          sections: [{ templateIds: [], title: 'Lääkitys', sections: [] }],
        },
      ],
    });
    expect(meta.attachments).toEqual([
      {
        mediaType: 'image/png',
        bytes: 8,
        sha256: '4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6',
        where: 'observationMedia kuva1',
      },
    ]);
  });

  it('finds identity codes in ids, participants and narrative, but not in signatures or timestamps', () => {
    expect(meta.identityCodes).toEqual([
      { value: '010181-900C', where: 'recordTarget/patientRole/id', valid: true, isTestCode: true },
      {
        value: '150523A9443',
        where: 'participant/associatedEntity/id',
        valid: true,
        isTestCode: true,
      },
      {
        value: '010181-900D',
        where: "section 'Tiedot' text",
        valid: false,
        isTestCode: true,
        problem: 'The control character is "D" but should be "C".',
      },
    ]);
  });

  it('has no warnings for a complete header', () => {
    expect(meta.warnings).toEqual([]);
  });
});

describe('readCdaDocument: social welfare document (synthetic fixture)', () => {
  const meta = unwrap(readCdaDocument(fixtureTree('social-welfare-nonxml.xml')));

  it('reads the localSocialHeader by name and keeps unknown parts', () => {
    expect(meta.localHeader).toBeUndefined();
    expect(meta.localSocialHeader).toMatchObject({
      creationTime: '20240115101500',
      documentGroup: { code: '7', codeSystem: '1.2.246.537.6.1505.201601' },
      fileFormat: { code: '2' },
      structuredFileFormat: { code: '5' },
      softwareSupport: { product: 'Synteettinen' },
      recordStatus: { code: '3', label: 'Arkistointivalmis' },
      registryType: { code: '1' },
      outsourcingServiceCustomer: { root: '1.2.246.10.99999990.10.9' },
      outsourcingServiceCustomerName: 'Synteettinen tilaaja',
      contentSpecificationId: { root: '1.2.246.777.11.2024.99' },
    });
    expect(meta.localSocialHeader?.otherElements.map((e) => e.name)).toEqual([
      'encompassingClientRelationship',
    ]);
  });

  it('decodes the XHTML display form and the JSON part for display', () => {
    if (meta.body.kind !== 'nonXml') throw new Error('expected a nonXml body');
    expect(meta.body.content).toMatchObject({
      mediaType: 'application/xhtml+xml',
      bytes: 175,
      sha256: '306cae35f5573a2fbb87ea2b9714b96b9b4de6b49d2be5017f607af6e2410a35',
    });
    expect(meta.body.content.text).toContain('<h1>Palvelutarpeen arvio</h1>');
    expect(meta.body.structured).toEqual([
      {
        mediaType: 'application/json',
        bytes: 92,
        sha256: '5ba1e6b27d49025e8cde5846b6b0bbc91e0d2cdcdb95f9267d6f8ff0947c2e45',
        text: JSON.stringify(
          {
            henkilotunnus: { value: '010181-900C' },
            palvelu: 'kotihoito',
            arvio: { pvm: '2024-01-15' },
          },
          null,
          2,
        ),
        isValidJson: true,
      },
    ]);
    expect(meta.attachments.map((a) => a.where)).toEqual(['nonXMLBody/text', 'hl7fi:json']);
  });

  it('scans the decoded payloads for identity codes', () => {
    expect(meta.identityCodes.map((f) => [f.value, f.where])).toEqual([
      ['010181-900C', 'recordTarget/patientRole/id'],
      ['010181-900C', 'nonXMLBody/text (decoded)'],
      ['150523A9443', 'nonXMLBody/text (decoded)'],
      ['010181-900C', 'hl7fi:json (decoded)'],
    ]);
  });
});

describe('readCdaDocument: broken payloads', () => {
  it('warns about invalid Base64 instead of failing', () => {
    const meta = unwrap(
      readCdaDocument(
        xmlTree(
          minimal(
            '<component><nonXMLBody><text mediaType="text/plain" representation="B64">@@@</text></nonXMLBody></component>',
          ),
        ),
      ),
    );
    expect(meta.body).toEqual({
      kind: 'nonXml',
      content: { mediaType: 'text/plain' },
      structured: [],
    });
    expect(meta.warnings.map((w) => w.code)).toContain('payload-base64-invalid');
  });

  it('keeps a reference-only body as a URL', () => {
    const meta = unwrap(
      readCdaDocument(
        xmlTree(
          minimal(
            '<component><nonXMLBody><text mediaType="application/pdf"><reference value="doc.pdf"/></text></nonXMLBody></component>',
          ),
        ),
      ),
    );
    expect(meta.attachments).toEqual([
      { mediaType: 'application/pdf', where: 'nonXMLBody/text', url: 'doc.pdf' },
    ]);
  });
});
