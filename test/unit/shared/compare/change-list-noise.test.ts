/**
 * Noise the reviews of `archivist compare` found in the change list (issue 7, "CDA-aware change
 * list"): identity codes reported again whenever the title of the section they sit under changed,
 * and two changed references of KOR → MIT reported as nine items under a neighbouring code's label.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { diffMetadata } from '../../../../shared/compare/metadata-diff';
import { readDocument } from '../../../../shared/documents/read-document';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const side = (text: string): CompareSide => {
  const tree = xmlTree(text);
  return { tree, metadata: unwrap(readDocument(tree)) };
};
const texts = (left: string, right: string): string[] =>
  compareDocuments(side(left), side(right)).changeList.shown.map((item) => item.text);

const hetuRoot = '1.2.246.21';
const patientCode = '231069-9711';
const otherCode = '081070-971L';

/** A prescription-like document: the patient's code in the header and in one section's entry. */
function withCodes(options: { title: string; header: string; inEntry: readonly string[] }): string {
  const subjects = options.inEntry
    .map(
      (code) =>
        `<entryRelationship typeCode="COMP"><supply classCode="SPLY" moodCode="EVN"><subject><relatedSubject classCode="PAT"><code code="${code}" codeSystem="${hetuRoot}"/></relatedSubject></subject></supply></entryRelationship>`,
    )
    .join('');
  return `<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.1"/><title>T</title>
  <recordTarget><patientRole><id root="${hetuRoot}" extension="${options.header}"/></patientRole></recordTarget>
  <component><structuredBody><component><section><code code="1" codeSystem="1.2.3"/><title>${options.title}</title>
    <entry><substanceAdministration classCode="SBADM" moodCode="INT"><id root="9.9.1"/><code code="1" codeSystem="1.2.3" displayName="Lääke"/>${subjects}</substanceAdministration></entry>
  </section></component></structuredBody></component></ClinicalDocument>`;
}

describe('identity codes in the change list', () => {
  it('does not repeat a renamed section as a changed identity code', () => {
    const left = withCodes({ title: 'Lääkemääräys', header: patientCode, inEntry: [patientCode] });
    const right = withCodes({ title: 'Korjaus', header: patientCode, inEntry: [patientCode] });
    // The finding's place does change with the title: that is what used to be reported.
    const wheres = [left, right].map((text) =>
      side(text).metadata.identityCodes.map((finding) => finding.where),
    );
    expect(wheres[0]).toContainEqual(expect.stringContaining("section 'Lääkemääräys'"));
    expect(wheres[1]).toContainEqual(expect.stringContaining("section 'Korjaus'"));
    expect(diffMetadata(side(left).metadata, side(right).metadata)).toEqual([]);
    expect(texts(left, right)).toEqual([
      'section Korjaus: title changed from "Lääkemääräys" to "Korjaus"',
    ]);
  });

  it('reports a code the other side does not hold, once per place, with where it is', () => {
    const left = withCodes({ title: 'Lääkitys', header: patientCode, inEntry: [patientCode] });
    const right = withCodes({
      title: 'Lääkitys',
      header: patientCode,
      inEntry: [patientCode, otherCode],
    });
    const metadata = texts(left, right).filter((text) => text.startsWith('Identity code '));
    expect(metadata).toEqual([
      `Identity code 3 added: "${otherCode} at section 'Lääkitys' entry/substanceAdministration/entryRelationship/supply/subject/relatedSubject/code"`,
    ]);
    const backward = diffMetadata(side(right).metadata, side(left).metadata);
    expect(backward.map((change) => [change.kind, change.path])).toEqual([
      ['removed', 'identityCodes[2]'],
    ]);
  });

  it('says when an added code is one the test service refuses', () => {
    // 131052-308T is well formed, but its individual number (308) is not in the test range.
    const left = withCodes({ title: 'Lääkitys', header: patientCode, inEntry: [] });
    const right = withCodes({ title: 'Lääkitys', header: patientCode, inEntry: ['131052-308T'] });
    expect(texts(left, right).filter((text) => text.startsWith('Identity code '))).toEqual([
      `Identity code 2 added: "131052-308T at section 'Lääkitys' entry/substanceAdministration/entryRelationship/supply/subject/relatedSubject/code (not a test code)"`,
    ]);
  });

  it('reports a replaced patient code as the old one removed and the new one added', () => {
    const left = withCodes({ title: 'Lääkitys', header: patientCode, inEntry: [] });
    const right = withCodes({ title: 'Lääkitys', header: otherCode, inEntry: [] });
    const changes = diffMetadata(side(left).metadata, side(right).metadata).filter((change) =>
      change.path.startsWith('identityCodes'),
    );
    expect(changes).toMatchObject([
      { kind: 'removed', path: 'identityCodes[0]', left: { value: patientCode } },
      { kind: 'added', path: 'identityCodes[0]', right: { value: otherCode } },
    ]);
  });
});

/** A document whose one entry has a supply (coded "Kokonaismäärä") with these references. */
function withReferences(...references: readonly [string, string, string][]): string {
  const xml = references
    .map(
      ([typeCode, id, code]) =>
        `<reference typeCode="${typeCode}"><externalDocument><id root="${id}"/><code code="${code}" codeSystem="1.2.246.537.5.40105.2006" displayName="Tyyppi ${code}"/><setId root="1.2.3.1"/></externalDocument></reference>`,
    )
    .join('');
  return `<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.1"/><title>T</title>
  <component><structuredBody><component><section><code code="1" codeSystem="1.2.3"/><title>Lääkitys</title>
    <entry><substanceAdministration classCode="SBADM" moodCode="INT"><id root="9.9.1"/><code code="1" codeSystem="1.2.3" displayName="Lääke"/>
      <entryRelationship typeCode="COMP"><supply classCode="SPLY" moodCode="EVN"><code code="2" codeSystem="1.2.4" displayName="Kokonaismäärä"/><quantity value="400" unit="fol"/>${xml}</supply></entryRelationship>
    </substanceAdministration></entry>
  </section></component></structuredBody></component></ClinicalDocument>`;
}

const described = (id: string, code: string) =>
  `"id ${id}, code Tyyppi ${code} (${code}), setId 1.2.3.1"`;

describe('references in the change list', () => {
  it('names each re-pointed reference once, by its typeCode (the KOR → MIT shape)', () => {
    const kor = withReferences(['RPLC', '1.2.3.1', '1'], ['SPRT', '1.2.3.2', '3']);
    const mit = withReferences(['RPLC', '1.2.3.2', '3'], ['SPRT', '1.2.3.3', '2']);
    expect(texts(kor, mit)).toEqual([
      `section Lääkitys, entry Lääke: reference (RPLC) changed from ${described('1.2.3.1', '1')} to ${described('1.2.3.2', '3')}`,
      `section Lääkitys, entry Lääke: reference (SPRT) changed from ${described('1.2.3.2', '3')} to ${described('1.2.3.3', '2')}`,
    ]);
  });

  it('names an added reference once and does not label it by the statement around it', () => {
    const lm = withReferences(['SPRT', '1.2.3.1', '1']);
    const kor = withReferences(['RPLC', '1.2.3.1', '1'], ['SPRT', '1.2.3.2', '3']);
    const items = texts(lm, kor);
    expect(items).toEqual([
      `section Lääkitys, entry Lääke: reference (RPLC) added: ${described('1.2.3.1', '1')}`,
      `section Lääkitys, entry Lääke: reference (SPRT) changed from ${described('1.2.3.1', '1')} to ${described('1.2.3.2', '3')}`,
    ]);
    expect(items.join('\n')).not.toContain('Kokonaismäärä');
  });

  it("keeps a text value's reference into the narrative a plain leaf of its statement", () => {
    const pointing = (target: string) =>
      withReferences(['SPRT', '1.2.3.1', '1']).replace(
        '<quantity',
        `<text><reference value="#${target}"/></text><quantity`,
      );
    expect(texts(pointing('a'), pointing('b'))).toEqual([
      'section Lääkitys, entry Lääke: Kokonaismäärä › reference changed from "#a" to "#b"',
    ]);
  });

  it('finds nothing in the change list when only the order of the references changed', () => {
    const forward = withReferences(['RPLC', '1.2.3.1', '1'], ['SPRT', '1.2.3.2', '3']);
    const swapped = withReferences(['SPRT', '1.2.3.2', '3'], ['RPLC', '1.2.3.1', '1']);
    const result = compareDocuments(side(forward), side(swapped));
    expect(result.content.shown.length).toBeGreaterThan(0);
    expect(result.changeList.shown).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(`the LM → KOR → MIT chain${corpusNote}`, () => {
  const read = (name: string): CompareSide => {
    const tree = corpusTree(`kanta-cda-api/Esko__4_Renitec_${name}.xml`);
    return { tree, metadata: unwrap(readDocument(tree)) };
  };

  it('reports no identity code for a renamed section and each reference once', () => {
    const [lm, kor, mit] = [read('LM'), read('KOR'), read('MIT')];
    for (const [left, right] of [
      [lm, kor],
      [kor, mit],
    ] as const) {
      const items = compareDocuments(left, right).changeList.shown;
      expect(items.filter((item) => item.path.startsWith('identityCodes'))).toEqual([]);
      // Each side holds the patient's code in its section, under the section's own title.
      expect(left.metadata.identityCodes.map((code) => code.value)).toContain('231069-9711');
    }
    const references = compareDocuments(kor, mit).changeList.shown.filter(
      (item) => item.entry === 'Lääkevalmisteen ja pakkauksen tiedot',
    );
    expect(references.map((item) => [item.kind, item.field])).toEqual([
      ['changed', 'reference (RPLC)'],
      ['changed', 'reference (SPRT)'],
    ]);
    // RPLC now points at KOR (…415), SPRT at MIT itself (…416).
    expect(references.map((item) => item.right)).toEqual([
      expect.stringContaining('id 1.2.246.10.6794809.93001.2015.415,'),
      expect.stringContaining('id 1.2.246.10.6794809.93001.2015.416,'),
    ]);
  });
});
