/**
 * A small CDA pair for report tests: a test patient (010181-900C), a real-shaped non-test code in
 * the narrative (131052-308T, the public DVV example) that the test-data findings must name,
 * person names in the header and the narrative, a dosage text changed between the versions, and
 * people named only in the body: an entry's performer (Maija Virtanen, also mentioned in the
 * section text) and informant, who changes between the versions (Onni Omainen → Aino Omainen).
 * Plain strings only, so that the Playwright spec can import them too.
 */
export const patientCode = '010181-900C';
export const nonTestCode = '131052-308T';
export const names = ['Taina', 'Testinen', 'Lea', 'Lääkäri', 'Inkeri', 'Backman'];
export const leftDosage = '1 tabletti aamuisin.';
export const rightDosage = '+1 tabletti illalla (yhteensä 2 mg)';
/** Names given only in the body (structured in an entry; the performer also in section text). */
export const bodyNames = ['Maija', 'Virtanen', 'Onni', 'Aino', 'Omainen'];
/** "Virtanen" inflected in the section text (genitive), which redaction must mask too. */
export const inflectedBodyName = 'Virtasen';

function entry(informant: string): string {
  return `
          <entry>
            <observation classCode="OBS" moodCode="EVN">
              <id root="1.2.246.10.99999999.12.2024.1"/>
              <code code="8480-6" codeSystem="2.16.840.1.113883.6.1" displayName="Verenpaine"/>
              <performer><assignedEntity><id extension="9999993" root="1.2.246.537.26"/>
                <assignedPerson><name><prefix>LL</prefix><given>Maija</given><family>Virtanen</family></name></assignedPerson>
              </assignedEntity></performer>
              <informant><relatedEntity classCode="PRS">
                <relatedPerson><name><given>${informant}</given><family>Omainen</family></name></relatedPerson>
              </relatedEntity></informant>
            </observation>
          </entry>`;
}

function cda(version: number, dosage: string, extraAuthor: string): string {
  const filler = Array.from(
    { length: 40 },
    (_, index) => `        <paragraph>Rivi ${index + 1}: seuranta jatkuu ennallaan.</paragraph>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <typeId extension="POCD_HD000040" root="2.16.840.1.113883.1.3"/>
  <id root="1.2.246.10.99999999.11.2024.${version}"/>
  <code code="11" codeSystem="1.2.246.537.5.40150.2009" displayName="Muu asiakirja"/>
  <title>Lääkemääräys ${version}</title>
  <effectiveTime value="2024031510${version}000+0200"/>
  <setId root="1.2.246.10.99999999.11.2024.1"/>
  <versionNumber value="${version}"/>
  <recordTarget>
    <patientRole>
      <id extension="${patientCode}" root="1.2.246.21"/>
      <patient><name><given>Taina</given><family>Testinen</family></name></patient>
    </patientRole>
  </recordTarget>
  <author>
    <time value="20240315100000+0200"/>
    <assignedAuthor>
      <id extension="9999991" root="1.2.246.537.26"/>
      <assignedPerson><name><given>Lea</given><family>Lääkäri</family></name></assignedPerson>
    </assignedAuthor>
  </author>${extraAuthor}
  <component>
    <structuredBody>
      <component>
        <section>
          <title>Lääkitys</title>
          <text>
        <paragraph>Potilas Taina Testinen, puoliso ${nonTestCode}. Määrännyt Lea Lääkäri.</paragraph>
${filler}
        <paragraph>${dosage}</paragraph>
        <paragraph>Verenpaineen mittasi Maija Virtanen${version === 1 ? '' : ' uudelleen'}; Virtasen mukaan arvo oli normaali.</paragraph>
          </text>${entry(version === 1 ? 'Onni' : 'Aino')}
        </section>
      </component>
    </structuredBody>
  </component>
</ClinicalDocument>
`;
}

const corrector = `
  <author>
    <time value="20240316100000+0200"/>
    <assignedAuthor>
      <id extension="9999992" root="1.2.246.537.26"/>
      <assignedPerson><name><given>Inkeri</given><family>Backman</family></name></assignedPerson>
    </assignedAuthor>
  </author>`;

export const leftXml = cda(1, leftDosage, '');
export const rightXml = cda(2, rightDosage, corrector);
