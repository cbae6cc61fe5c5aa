/**
 * The real-world sample documents of ../shared/corpus/. Expected values were read from the XML
 * files by hand (not produced by the code under test); comments name the elements they come from.
 */
import { describe, expect, it } from 'vitest';
import { readCdaDocument } from '../../../../shared/documents/cda';
import type { DocumentMetadata } from '../../../../shared/documents/model';
import { corpusDocuments, corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';

const read = (path: string): DocumentMetadata => unwrap(readCdaDocument(corpusTree(path)));
const KANTA = 'kanta-cda-api';
const CCDA = 'hl7-ccda-examples';
const PRESCRIPTION_TYPE = '1.2.246.537.5.40105.2006';
const SET_413 = { root: '1.2.246.10.6794809.93001.2015.413' };

describe.skipIf(!hasCorpus)(`corpus: every document reads${corpusNote}`, () => {
  it.each(corpusDocuments())('%s', (path) => {
    const result = readCdaDocument(corpusTree(path));
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
  });

  it('found all 24 documents', () => {
    expect(corpusDocuments()).toHaveLength(24);
  });
});

describe.skipIf(!hasCorpus)(`corpus: Esko LM -> KOR -> MIT chain${corpusNote}`, () => {
  it('LM v1: header, author, custodian, encounter, signatures', () => {
    const lm = read(`${KANTA}/Esko__4_Renitec_LM.xml`);
    expect(lm).toMatchObject({
      format: 'cda',
      id: SET_413,
      setId: SET_413,
      versionNumber: 1,
      title: 'Lääkemääräys',
      effectiveTime: '20150430114738',
      languageCode: 'fi',
      realmCode: 'FI',
      templateIds: [{ root: '1.2.246.777.11.2015.1' }],
      register: {
        code: '1',
        codeSystem: PRESCRIPTION_TYPE,
        displayName: 'Lääkemääräys',
        label: 'Lääkemääräys',
      },
      confidentiality: {
        code: '5',
        codeSystem: '1.2.246.777.5.99902.2006',
        label: 'Terveydenhuollon salassapidettävä',
      },
      relatedDocuments: [],
      participants: [],
    });
    expect(lm.patient).toEqual({
      id: { root: '1.2.246.21', extension: '231069-9711' },
      ids: [{ root: '1.2.246.21', extension: '231069-9711' }],
      name: {
        given: ['ARTO', 'ALVAR'],
        family: ['MÄNNIKKÖ'],
        prefix: [],
        suffix: [],
        callName: 'ARTO',
        formatted: 'ARTO ALVAR MÄNNIKKÖ',
      },
      birthTime: '19691023',
      gender: {
        code: '1',
        codeSystem: '1.2.246.537.5.1.1997',
        codeSystemName: 'AR/YDIN - Sukupuoli',
        displayName: 'Mies',
      },
    });
    expect(lm.authors).toHaveLength(1);
    expect(lm.authors[0]).toMatchObject({
      functionCode: { code: 'LAL', displayName: 'Lääkityksen aloittanut lääkäri' },
      time: '20150430114738',
      ids: [
        { root: '1.2.246.537.25', extension: '030700' },
        { root: '1.2.246.537.26', extension: '01098701608' },
      ],
      code: { code: '86182-510', displayName: 'erikoislääkäri lastenpsykiatria' },
      name: { formatted: 'Laina Talvinen Tes', suffix: ['ll'] },
      organisation: {
        ids: [{ root: '1.2.246.10.6794809.10.99999998' }],
        name: 'Atk.os.er, OYS, PPSHP',
        partOf: { ids: [{ root: '1.2.246.10.6794809.10.0' }], name: 'PPSHP' },
      },
    });
    expect(lm.custodian).toEqual({
      ids: [{ root: '1.2.246.10.2462460.19.1' }],
      name: 'Kansaneläkelaitos',
    });
    expect(lm.serviceEventId).toBeUndefined(); // encompassingEncounter has no id here
    expect(lm.encounter).toEqual({
      effectiveTime: { value: '20150430114738' },
      serviceUnit: {
        ids: [{ root: '1.2.246.10.6794809.10.99999998' }],
        name: 'Atk.os.er, OYS, PPSHP',
      },
      serviceProvider: { ids: [{ root: '1.2.246.10.6794809.10.0' }], name: 'PPSHP' },
    });
    expect(lm.localHeader).toMatchObject({
      declaredTime: '20150430104841',
      softwareSupport: { text: 'Esko laakehoito v. 3.1.17-lakisääteiset' },
      tableOfContents: [],
      otherElements: [],
    });
    expect(lm.signatures.map((s) => [s.id, s.type?.code, s.time, s.referenceIds])).toEqual([
      [
        'reseptisignature',
        '2',
        '2015-04-30T10:48:41+03:00',
        ['#TS_001', '#moniallekirjoitusRakenne'],
      ],
      [
        'OID1.2.246.10.6794809.93001.2015.413.20150430.114748788',
        '4',
        '2015-04-30T11:47:48+03:00',
        ['#mainbody', '#ID2015.04.30.11.47.48.0788'],
      ],
    ]);
    expect(lm.signatures[0]).toMatchObject({
      timestampId: 'TS_001',
      canonicalizationMethod: 'http://www.w3.org/2001/10/xml-exc-c14n#',
      signatureMethod: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      digestMethods: [
        'http://www.w3.org/2000/09/xmldsig#sha1',
        'http://www.w3.org/2000/09/xmldsig#sha1',
      ],
      signerIssuer:
        'C=FI, ST=Finland, O=Vaestorekisterikeskus TEST, OU=Terveydenhuollon testiammattivarmenteet, CN=VRK TEST CA for Healthcare Professionals',
      multipleDocumentRefs: [
        { oid: '1.2.246.10.6794809.93001.2015.411', hash: 'Y98b959QFM62NBWwSDKocnO28Nc=' },
        { oid: '1.2.246.10.6794809.93001.2015.412', hash: 'z+/7vj6bKiLXkahk5CjVdibxvk4=' },
        { oid: '1.2.246.10.6794809.93001.2015.413', hash: 'RObmT5/T2kR9tQwuAv2j5h/4aR8=' },
        { oid: '1.2.246.10.6794809.93001.2015.414', hash: '6FfPySZ2IAa+7QK2u8ZBSdXMsq8=' },
      ],
    });
    expect(lm.body).toEqual({
      kind: 'structured',
      sections: [
        {
          templateIds: [{ root: '1.2.246.777.11.2015.2' }],
          id: { root: '1.2.246.10.6794809.93001.2015.413.1' },
          code: {
            code: '1',
            codeSystem: PRESCRIPTION_TYPE,
            codeSystemName: 'Reseptisanoman tyyppi',
            displayName: 'Lääkemääräys',
            label: 'Lääkemääräys',
          },
          title: 'Lääkemääräys',
          sections: [
            {
              templateIds: [],
              id: { root: '1.2.246.10.6794809.93001.2015.413.2' },
              sections: [
                {
                  templateIds: [],
                  id: { root: '1.2.246.10.6794809.93001.2015.413.3' },
                  sections: [],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(lm.identityCodes.map((f) => [f.value, f.where, f.valid, f.isTestCode])).toEqual([
      ['231069-9711', 'recordTarget/patientRole/id', true, true],
      [
        '231069-9711',
        "section 'Lääkemääräys' section/section/entry/organizer/substanceAdministration/entryRelationship/supply/subject/relatedSubject/code",
        true,
        true,
      ],
    ]);
    expect(lm.warnings).toEqual([]);
  });

  it('KOR v2: corrector author and RPLC of LM v1', () => {
    const kor = read(`${KANTA}/Esko__4_Renitec_KOR.xml`);
    expect(kor).toMatchObject({
      id: { root: '1.2.246.10.6794809.93001.2015.415' },
      setId: SET_413,
      versionNumber: 2,
      title: 'Lääkemääräyksen korjaus',
      effectiveTime: '20150430115828',
      register: { code: '3', label: 'Lääkemääräyksen korjaus' },
      localHeader: { declaredTime: '20150430115828' },
    });
    expect(kor.authors.map((a) => [a.functionCode?.code, a.time, a.name?.formatted])).toEqual([
      ['LAL', '20150430114738', 'Laina Talvinen Tes'],
      ['KOR', '20150430115828', 'Inkeri Backman Tes'],
    ]);
    expect(kor.authors[1]?.ids).toEqual([
      { root: '1.2.246.537.25', extension: '100073' },
      { root: '1.2.246.537.26', extension: '00398703108' },
    ]);
    expect(kor.relatedDocuments).toEqual([
      {
        typeCode: 'RPLC',
        id: SET_413,
        setId: SET_413,
        code: {
          code: '1',
          codeSystem: PRESCRIPTION_TYPE,
          codeSystemName: 'Reseptisanoman tyyppi',
          displayName: 'Lääkemääräys',
          label: 'Lääkemääräys',
        },
      },
    ]);
  });

  it('MIT v3: invalidator author and RPLC of KOR v2', () => {
    const mit = read(`${KANTA}/Esko__4_Renitec_MIT.xml`);
    expect(mit).toMatchObject({
      id: { root: '1.2.246.10.6794809.93001.2015.416' },
      setId: SET_413,
      versionNumber: 3,
      title: 'Lääkemääräyksen mitätöinti',
      effectiveTime: '20150430120216',
      register: { code: '2', label: 'Lääkemääräyksen mitätöinti' },
      relatedDocuments: [
        { typeCode: 'RPLC', id: { root: '1.2.246.10.6794809.93001.2015.415' }, setId: SET_413 },
      ],
    });
    expect(mit.authors.map((a) => [a.functionCode?.code, a.functionCode?.label, a.time])).toEqual([
      ['LAL', 'Lääkityksen aloittanut henkilö', '20150430114738'],
      ['MIT', 'Mitätöijä', '20150430120216'],
    ]);
  });
});

describe.skipIf(!hasCorpus)(`corpus: OSVA archive document${corpusNote}`, () => {
  const osva = hasCorpus ? read(`${KANTA}/Esim_OSVA_Omakannasta.xml`) : undefined;

  it('reads the header with register 13 and four templateIds', () => {
    expect(osva).toMatchObject({
      id: { root: '1.2.246.10.99999984.10.0.91.2009.58' },
      setId: { root: '1.2.246.10.99999984.10.0.91.2009.58' },
      versionNumber: 1,
      title: 'Ostopalvelun valtuutus asiakirja',
      effectiveTime: '20140513104421',
      register: {
        code: '13',
        codeSystem: '1.2.246.537.5.40150.2009',
        displayName: 'Arkistoasiakirjat',
        label: 'Arkistoasiakirjat',
      },
      confidentiality: { code: '5' },
      templateIds: [
        { root: '1.2.246.777.5.1', extension: '2018.10.3' },
        { root: '1.2.246.777.11.2015.36' },
        { root: '1.2.246.777.11.2015.38' },
        { root: '1.2.246.777.11.2015.30' },
      ],
      custodian: { ids: [{ root: '1.2.246.10.99999984.19.0' }], name: 'Testi tk' },
      encounter: {
        responsibleOrganisation: { ids: [{ root: '1.2.246.10.99999984.10.0' }], name: 'Testi tk' },
      },
    });
    expect(osva?.patient?.name).toEqual({
      given: ['Teemu', 'Testi-Pekka', 'Sakari'],
      family: ['Potilas'],
      prefix: [],
      suffix: [],
      callName: 'Testi-Pekka',
      formatted: 'Teemu Testi-Pekka Sakari Potilas',
    });
  });

  it('keeps the nullFlavor author of a citizen-made document', () => {
    expect(osva?.authors).toEqual([{ ids: [{ root: '', nullFlavor: 'NA' }] }]);
  });

  it('reads the local header: view 362, archive document, ready for archiving', () => {
    expect(osva?.localHeader).toMatchObject({
      tableOfContents: [
        {
          code: '362',
          codeSystem: '1.2.246.537.6.12.2002',
          displayName: 'Ostopalvelun valtuutus asiakirja',
        },
      ],
      fileFormat: { code: '1', displayName: 'CDA R2' },
      softwareSupport: {
        text: 'Omakanta',
        moderator: 'Kansaneläkelaitos',
        product: 'Omakanta',
        version: '2.0',
      },
      documentType: { code: '3', label: 'Arkistoasiakirja' },
      functionCode: { code: '06.00.02', codeSystem: '1.2.246.537.6.300.2010' },
      recordStatus: { code: '3', label: 'Arkistointivalmis' },
      custodianTypeCode: { code: '1', label: 'Julkinen' },
      retentionPeriodClass: {
        code: '2',
        displayName: '12 vuotta potilaan kuolemasta tai 120 vuotta syntymästä',
      },
      otherElements: [],
    });
    expect(osva?.signatures).toEqual([]);
  });

  it('finds the patient and the recorder identity codes in ids and narrative', () => {
    expect(osva?.identityCodes.map((f) => [f.value, f.where])).toEqual([
      ['030875-999Y', 'recordTarget/patientRole/id'],
      ['030875-999Y', "section 'Henkilötunnus' text"],
      ['030875-999Y', "section 'Henkilötunnus' entry/observation/value"],
      ['290165-980W', "section 'ammattihenkilön tunniste' text"],
      ['290165-980W', "section 'ammattihenkilön tunniste' entry/observation/value"],
    ]);
    expect(osva?.identityCodes.every((f) => f.valid && f.isTestCode)).toBe(true);
  });

  it('summarises the form sections', () => {
    if (osva?.body.kind !== 'structured') throw new Error('expected a structured body');
    const form = osva.body.sections[0]!;
    expect(form.templateIds).toEqual([{ root: '1.2.246.537.6.12.2002.362.20140311' }]);
    expect(form.code?.code).toBe('362');
    expect(form.sections.map((s) => s.title)).toEqual([
      'Asiakirjan tunniste',
      'Ostopalvelun tyyppi',
      'Ostopalvelun valtuutuksen voimassaolo',
      'Palvelun järjestäjä',
      'Palvelun tuottaja',
      'Ostopalvelun tuottajan oikeus hakea asiakirjoja palvelun järjestäjän rekisteristä',
      'Ostopalvelun tuottajan oikeus tallentaa syntyneet asiakirjat palvelun järjestäjän rekisteriin',
      'Potilas',
      'Luovutettavat asiakirjat',
      'Asiakirjan tallentaja',
    ]);
  });
});

describe.skipIf(!hasCorpus)(`corpus: "all fields" prescription${corpusNote}`, () => {
  const esim = hasCorpus
    ? read(`${KANTA}/ESIM lääkemääräys_laaja_kaikki_tietokentat.xml`)
    : undefined;

  it('reads the header of the CRLF file without stray carriage returns', () => {
    expect(esim).toMatchObject({
      id: { root: '1.2.246.10.1602257.93.2019.855' },
      setId: { root: '1.2.246.10.1602257.93.2019.855' },
      versionNumber: 1,
      title: 'Lääkemääräys',
      effectiveTime: '20191016184416',
      templateIds: [{ root: '1.2.246.777.11.2020.2' }],
      register: { code: '1', codeSystem: PRESCRIPTION_TYPE },
      serviceEventId: { root: '1.2.246.10.1602257.14.2019.860' },
      custodian: { ids: [{ root: '1.2.246.10.2462460.19.1' }], name: 'Kansaneläkelaitos' },
      encounter: {
        effectiveTime: { value: '20191016184416' },
        serviceUnit: { ids: [{ root: '1.2.246.10.1602257.10.1' }], name: 'Testi terveysasema' },
        serviceProvider: {
          ids: [{ root: '1.2.246.10.1602257.10.0' }],
          name: 'Testi palvelunantaja',
        },
      },
      localHeader: {
        declaredTime: '20191016184416',
        softwareSupport: {
          text: 'Yritys Oy Potilastietojärjestelmä XXX v. 3.4',
          moderator: 'Yritys Oy',
          product: 'Potilastietojärjestelmä XXX',
          version: '3.4',
        },
      },
      signatures: [],
      relatedDocuments: [],
    });
  });

  it('reads the prescriber', () => {
    expect(esim?.authors).toEqual([
      {
        functionCode: {
          code: 'LAL',
          codeSystem: '1.2.246.537.5.40006.2003',
          codeSystemName: 'eArkisto - tekninen CDA R2 henkilötarkennin',
          displayName: 'Lääkityksen aloittanut henkilö',
          label: 'Lääkityksen aloittanut henkilö',
        },
        time: '20191016184416',
        ids: [
          { root: '1.2.246.537.25', extension: '123455' },
          { root: '1.2.246.537.26', extension: '01234567890' },
        ],
        code: {
          code: '86173-680',
          codeSystem: '1.2.246.537.6.148.2008',
          codeSystemName: 'Valvira - Koulutusluokitus',
          displayName: 'erikoislääkäri yleislääketiede',
        },
        name: {
          given: ['Timo', 'Tapio'],
          family: ['Markka'],
          prefix: [],
          suffix: ['Lääketieteen lisensiaatti'],
          formatted: 'Timo Tapio Markka',
        },
        organisation: {
          ids: [{ root: '1.2.246.10.1602257.10.1' }],
          name: 'Testi terveysasema',
          partOf: { ids: [{ root: '1.2.246.10.1602257.10.0' }], name: 'Testi palvelunantaja' },
        },
      },
    ]);
  });

  it('flags the patient code: its control character is wrong in the sample', () => {
    // recordTarget/patientRole/id/@extension = 030810A999Y; int(030810999) mod 31 = 25 -> "6".
    expect(esim?.patient?.id).toEqual({ root: '1.2.246.21', extension: '030810A999Y' });
    expect(esim?.identityCodes).toHaveLength(2);
    expect(esim?.identityCodes[0]).toEqual({
      value: '030810A999Y',
      where: 'recordTarget/patientRole/id',
      valid: false,
      isTestCode: true,
      problem: 'The control character is "Y" but should be "6".',
    });
  });

  it('reads the patient', () => {
    expect(esim?.patient).toMatchObject({
      name: { given: ['Pekka', 'Pietari'], family: ['Potilas'], callName: 'Pekka' },
      birthTime: '20100803',
      gender: { code: '1', displayName: 'Mies' },
    });
  });
});

describe.skipIf(!hasCorpus)(`corpus: C-CDA documents${corpusNote}`, () => {
  it('CCD 1: US realm header, LOINC code without a Kanta label', () => {
    const ccd = read(`${CCDA}/CCD 1__CCD.XML`);
    expect(ccd).toMatchObject({
      id: { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT988' },
      setId: { root: '2.16.840.1.113883.19.5.99999.19', extension: 'sTT988' },
      versionNumber: 1,
      title: 'Patient Chart Summary',
      effectiveTime: '201308151030-0800',
      languageCode: 'en-US',
      realmCode: 'US',
      templateIds: [{ root: '2.16.840.1.113883.10.20.22.1.2', extension: '2014-06-09' }],
      register: {
        code: '34133-9',
        codeSystem: '2.16.840.1.113883.6.1',
        codeSystemName: 'LOINC',
        displayName: 'Summary of episode note',
      },
      confidentiality: { code: 'N', codeSystem: '2.16.840.1.113883.5.25', displayName: 'normal' },
      custodian: {
        ids: [{ root: '2.16.840.1.113883.4.6', extension: '321CX' }],
        name: 'Good Health HIE',
      },
      serviceEvent: { ids: [], effectiveTime: { low: '19750501', high: '20130815' } },
      identityCodes: [],
      attachments: [],
    });
    expect(ccd.register?.label).toBeUndefined();
    expect(ccd.localHeader).toBeUndefined();
    expect(ccd.patient).toMatchObject({
      id: { root: '2.16.840.1.113883.4.1', extension: '444222222' },
      name: { given: ['Eve'], family: ['Betterhalf'] },
      birthTime: '19750501',
      gender: { code: 'F' },
    });
    expect(ccd.authors).toEqual([
      {
        time: '201308151030-0800',
        ids: [{ root: '2.16.840.1.113883.4.6', extension: '5555555555' }],
        code: {
          code: '207QA0505X',
          codeSystem: '2.16.840.1.113883.6.101',
          codeSystemName: 'Healthcare Provider Taxonomy (HIPAA)',
          displayName: 'Allopathic & Osteopathic Physicians; Family Medicine, Adult Medicine',
        },
        name: {
          given: ['Patricia'],
          family: ['Primary'],
          prefix: [],
          suffix: ['M.D.'],
          callName: 'Patty',
          formatted: 'Patricia Primary',
        },
      },
    ]);
    expect(ccd.participants.map((p) => [p.typeCode, p.classCode, p.name?.formatted])).toEqual([
      ['IND', 'NOK', 'Boris Betterhalf'],
      ['IND', 'ECON', 'Boris Betterhalf'],
    ]);
    if (ccd.body.kind !== 'structured') throw new Error('expected a structured body');
    expect(ccd.body.sections).toHaveLength(15);
    expect(ccd.body.sections[0]).toMatchObject({
      templateIds: [{ root: '2.16.840.1.113883.10.20.22.2.21', extension: '2014-06-09' }],
      code: { code: '42348-3' },
      title: 'ADVANCE DIRECTIVES',
    });
  });

  it('Discharge Summary: service event, encounter id and two patient ids', () => {
    const discharge = read(`${CCDA}/Discharge_Summary.xml`);
    expect(discharge).toMatchObject({
      id: { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT988' },
      setId: { root: '2.16.840.1.113883.19.5.99999.19', extension: 'sTT988' },
      versionNumber: 1,
      title: 'Community Health and Hospitals: Discharge Summary',
      effectiveTime: '201409171904-0500',
      register: { code: '18842-5', displayName: 'Discharge summary' },
      serviceEventId: { root: '2.16.840.1.113883.19', extension: '9937012' },
      serviceEvent: {
        ids: [],
        code: {
          code: '6025007',
          codeSystem: '2.16.840.1.113883.6.96',
          displayName: 'Laparoscopic appendectomy',
        },
        effectiveTime: { low: '201409091904-0500', high: '201409161904-0500' },
      },
      encounter: {
        effectiveTime: { low: '201409091904-0500', high: '201409161904-0500' },
        serviceUnit: { ids: [{ root: '2.16.540.1.113883.19.2' }] },
      },
    });
    expect(discharge.patient?.ids).toEqual([
      { root: '2.16.840.1.113883.19.5.99999.2', extension: '998991' },
      { root: '2.16.840.1.113883.4.1', extension: '111-00-2330' },
    ]);
    expect(discharge.authors.map((a) => [a.ids, a.device])).toEqual([
      [[{ root: '2.16.840.1.113883.4.6', extension: '99999999' }], undefined],
      [
        [{ root: '', nullFlavor: 'NI' }],
        'Generic EHR C-CDA Factory 2.0.0.0.0.0 - C-CDA Transform 2.0.0.0.0',
      ],
    ]);
    expect(discharge.participants).toEqual([
      expect.objectContaining({
        typeCode: 'IND',
        classCode: 'NOK',
        time: { low: '19890101', high: '20140916' },
      }),
    ]);
  });

  it('Parent Document Replace: RPLC with parent setId and versionNumber', () => {
    const replace = read(`${CCDA}/CCD Parent Document Replace (C-CDAR2.1).xml`);
    expect(replace).toMatchObject({
      id: { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT662' },
      setId: { root: '004bb033-b948-4f4c-b5bf-a8dbd7d8dd40' },
      versionNumber: 2,
      title: 'CCD Demonstrating Replacement of Prior CCD',
      relatedDocuments: [
        {
          typeCode: 'RPLC',
          id: { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT661' },
          setId: { root: '004bb033-b948-4f4c-b5bf-a8dbd7d8dd40' },
          versionNumber: 1,
          code: { code: '34133-9' },
        },
      ],
    });
  });

  it('Embedded text/plain: nonXMLBody decoded with size and SHA-256', () => {
    // Bytes and hash computed independently (python base64 + hashlib) from nonXMLBody/text.
    const embedded = read(`${CCDA}/CDA_Embedded_Text_Plain_Surgical_Consult.xml`);
    expect(embedded.id).toEqual({
      root: '2.16.840.1.113883.19.5.999535454.1',
      extension: 'X451212',
    });
    if (embedded.body.kind !== 'nonXml') throw new Error('expected a nonXml body');
    expect(embedded.body.content).toMatchObject({
      mediaType: 'text/plain',
      bytes: 686,
      sha256: '945b31f1cc5b29b4fdde767c6b0b73f5dfd2d35b1b264253c3771d0a40a04daf',
    });
    expect(embedded.body.content.text).toMatch(/^LOCAL TITLE: SURGICAL CONSULT/);
    expect(embedded.attachments).toEqual([
      {
        mediaType: 'text/plain',
        bytes: 686,
        sha256: '945b31f1cc5b29b4fdde767c6b0b73f5dfd2d35b1b264253c3771d0a40a04daf',
        where: 'nonXMLBody/text',
      },
    ]);
  });
});

describe.skipIf(!hasCorpus)(`corpus: edge cases of INDEX.md${corpusNote}`, () => {
  it('palveluyksikon_id_puuttuu: missing service-unit id is a warning, prefixed namespaces read', () => {
    const doc = read(`${KANTA}/palveluyksikon_id_puuttuu.xml`);
    expect(doc).toMatchObject({
      id: { root: '1.2.246.10.8282559.93.2016.232120' },
      setId: { root: '1.2.246.10.8282559.93.2015.493256' },
      versionNumber: 2,
      encounter: { effectiveTime: { value: '20151216130532' }, serviceUnit: { ids: [] } },
      localHeader: {
        softwareSupport: { text: 'Uranus 8.4.4.8' },
        sender: { code: { code: '1', codeSystem: '1.2.246.10.1234567.18' }, name: 'shp.fi' },
      },
    });
    expect(doc.localHeader?.declaredTime).toBeUndefined(); // <ns2:declaredTime/> is empty
    expect(doc.warnings).toEqual([
      {
        code: 'missing-service-unit-id',
        message:
          'The service unit (componentOf/encompassingEncounter/location/healthCareFacility) has no id.',
      },
    ]);
    expect(doc.authors.map((a) => a.functionCode?.code)).toEqual(['LAL', 'KOR']);
    expect(doc.signatures.map((s) => s.id)).toEqual([
      'eres-sig',
      'OID1.2.246.10.8282559.93.2016.232120.20160602.103728835',
    ]);
  });

  it('palveluyksikon_id_puuttuu: masked identity codes are flagged, not fatal', () => {
    const doc = read(`${KANTA}/palveluyksikon_id_puuttuu.xml`);
    expect(doc.identityCodes.map((f) => [f.value, f.valid, f.isTestCode])).toEqual([
      ['XXXXXX-XX8X', false, false],
      ['XXXXXX-XXXX', false, false],
    ]);
  });

  it('eDoctoral KOR: a nullFlavor patient id gives no identity code', () => {
    const doc = read(`${KANTA}/eDoctoral__5 Nutrilon KOR.xml`);
    expect(doc.patient?.id).toEqual({ root: '', nullFlavor: 'NI' });
    expect(doc.identityCodes).toEqual([]);
    expect(doc.serviceEventId).toEqual({ root: '1.2.246.10.2242396.14.2015.204076' });
  });

  it('LM_annosjakelu: a code outside the test range is valid but flagged as not a test code', () => {
    const doc = read(`${KANTA}/LM_annosjakelu.xml`);
    expect(doc.identityCodes).toEqual([
      {
        value: '050775-0251',
        where: 'recordTarget/patientRole/id',
        valid: true,
        isTestCode: false,
      },
    ]);
    expect(doc.relatedDocuments).toMatchObject([
      { typeCode: 'APND', id: { root: '1.2.246.537.25.1.30411.93.2016.803.91514' } },
    ]);
  });

  it('up_omakanta: no XML declaration, a nullFlavor author, APND to the prescription', () => {
    const doc = read(`${KANTA}/up_omakanta.xml`);
    expect(doc.authors).toEqual([
      {
        ids: [{ root: '', nullFlavor: 'NA' }],
        organisation: { ids: [{ root: '1.2.246.553.18.1' }] },
        nullFlavor: 'NA',
      },
    ]);
    expect(doc.relatedDocuments[0]?.typeCode).toBe('APND');
  });

  it('the mislabelled duplicate reads identically to its twin', () => {
    const twin = read(`${KANTA}/DynamicHealth__1 diatsepaami lm.xml`);
    const duplicate = read(`${KANTA}/DynamicHealth__1 leponex lm.xml`);
    expect(duplicate).toEqual(twin);
  });

  it('the ei_nayttomuotoa variant differs from its pair only below the header', () => {
    const withText = read(`${KANTA}/LM4_perusvoide_kokonaismaaralla.xml`);
    const without = read(`${KANTA}/LM4_perusvoide_kokonaismaaralla_ei_nayttomuotoa.xml`);
    expect(without.id).toEqual(withText.id);
    expect(without.authors).toEqual(withText.authors);
  });

  it('the V3.0 single-line document reads', () => {
    const doc = read(`${KANTA}/V3_0__Esko__Diatsepaami LM.xml`);
    expect(doc.id).toEqual({ root: '1.2.246.10.6794809.93001.2012.3238' });
    expect(doc.identityCodes[0]).toMatchObject({
      value: '051061-970A',
      valid: true,
      isTestCode: true,
    });
  });
});
