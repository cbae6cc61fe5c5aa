import { describe, expect, it } from 'vitest';
import { personNamesInXml } from '../../../../shared/report/person-names-in-xml';
import type { XmlElement } from '../../../../shared/xml/tree';
import { rcmrAround, wrapperOnly } from './rcmr-corpus-pair';
import { corpusBytes, corpusDocuments, corpusNote, corpusTree, hasCorpus } from '../support/corpus';

describe('personNamesInXml', () => {
  it('finds a performer and an informant in an entry, whole and in parts', () => {
    const xml = `<entry><observation>
      <performer><assignedEntity><assignedPerson>
        <name><prefix>Dr.</prefix><given>Maija</given><family>Virtanen</family><suffix>LL</suffix></name>
      </assignedPerson></assignedEntity></performer>
      <informant><relatedEntity classCode="PRS"><relatedPerson>
        <name><given>Onni</given><given>Olavi</given><family>Omainen</family></name>
      </relatedPerson></relatedEntity></informant>
    </observation></entry>`;
    expect(personNamesInXml(xml)).toEqual([
      'Maija Virtanen',
      'Maija',
      'Virtanen',
      'Onni Olavi Omainen',
      'Onni',
      'Olavi',
      'Omainen',
    ]);
  });

  it('reads any namespace prefix, entities, CDATA and the call name', () => {
    const xml = `<ns1:name><ns1:given qualifier="CL">Ari</ns1:given><ns1:given>Ar&#228;tti</ns1:given>
      <ns1:family><![CDATA[M&ouml; <Kö>]]></ns1:family></ns1:name>`;
    expect(personNamesInXml(xml)).toEqual([
      'Arätti M&ouml; <Kö>',
      'Arätti',
      'Ari',
      'M&ouml; <Kö>',
      'M&ouml;',
      '<Kö>',
    ]);
  });

  it('splits multi-word parts into words of three letters or more', () => {
    expect(
      personNamesInXml('<name><given>Li</given><family>de la Talvinen</family></name>'),
    ).toEqual(['Li de la Talvinen', 'Li', 'de la Talvinen', 'Talvinen']);
  });

  it('reads FHIR HumanName value attributes', () => {
    const xml = `<name><use value="official"/><family value="Virtanen"/><given value="Maija"/></name>`;
    expect(personNamesInXml(xml)).toEqual(['Maija Virtanen', 'Maija', 'Virtanen']);
  });

  it('takes a plain-text name inside a person, never an organisation, place or coded name', () => {
    const xml = `<assignedPerson><name>Maija Virtanen</name></assignedPerson>
      <patient classCode="PSN"><name use="L">Taina Testinen</name><name use="P">Tiina</name></patient>
      <representedOrganization><name>Terveyskeskus Keskus</name></representedOrganization>
      <location><name>Päivystys</name></location>
      <name code="151" codeSystem="1.2.246.537.6.12.2002.126" displayName="Ammattioikeus"/>`;
    expect(personNamesInXml(xml)).toEqual([
      'Maija Virtanen',
      'Maija',
      'Virtanen',
      'Taina Testinen',
      'Taina',
      'Testinen',
      'Tiina',
    ]);
  });

  it('does not treat the text after a titles-only name or a far end tag as a name', () => {
    expect(personNamesInXml('<name><prefix>Dr.</prefix></name>')).toEqual([]);
    expect(personNamesInXml(`<given>${'x'.repeat(2000)}</given>`)).toEqual([]);
  });

  it("reads an RCMR message: the wrapper's names, then those of the CDA it carries as Base64", () => {
    const cda = `<ClinicalDocument xmlns="urn:hl7-org:v3"><component><structuredBody><component><section>
      <entry><act><performer><assignedEntity><assignedPerson>
        <name><given>Ilmari</given><family>Sisälläolija</family></name>
      </assignedPerson></assignedEntity></performer></act></entry>
      <recordTarget><patientRole><patient><name><given>Testi</given><family>Potilas</family></name></patient></patientRole></recordTarget>
    </section></component></structuredBody></component></ClinicalDocument>`;
    const patient = { hetu: '010181-900C', given: ['Testi'], family: 'Potilas' };
    const message = rcmrAround(new TextEncoder().encode(cda), patient, '5');
    expect(message).not.toContain('Sisälläolija');
    expect(personNamesInXml(message)).toEqual([
      'Testi Potilas',
      'Testi',
      'Potilas',
      `${wrapperOnly.senderGiven} ${wrapperOnly.senderFamily}`,
      wrapperOnly.senderGiven,
      wrapperOnly.senderFamily,
      'Ilmari Sisälläolija',
      'Ilmari',
      'Sisälläolija',
    ]);
  });
});

/** Every given and family part of every name element, read by the real XML parser. */
function partsInTree(element: XmlElement, into: string[] = []): string[] {
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (child.name === 'given' || child.name === 'family') {
      const text = child.children
        .map((node) => (node.kind === 'text' ? node.text : ''))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (text !== '') into.push(text);
    }
    partsInTree(child, into);
  }
  return into;
}

describe.skipIf(!hasCorpus)(`personNamesInXml on the corpus${corpusNote}`, () => {
  it('finds every given and family name the XML parser finds, in every corpus document', () => {
    let total = 0;
    for (const file of corpusDocuments()) {
      const names = personNamesInXml(new TextDecoder().decode(corpusBytes(file)));
      const parts = partsInTree(corpusTree(file));
      total += parts.length;
      for (const part of parts) expect(names, file).toContain(part);
    }
    expect(total).toBeGreaterThan(100);
  });
});
