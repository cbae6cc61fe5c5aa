/**
 * Entries on both sides whose fields change shape or repeat (issue 7 review): an effectiveTime
 * that becomes an interval read as one item per leaf (value removed, low added, high added), and
 * a second observation of the same code put in front of the first shifted the positional keys,
 * so that every following one read as changed. Now each is one item.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { readDocument } from '../../../../shared/documents/read-document';
import { seededRandom } from '../../../../shared/seeded-random';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const side = (text: string): CompareSide => {
  const tree = xmlTree(text);
  return { tree, metadata: unwrap(readDocument(tree)) };
};
const texts = (left: string, right: string) =>
  compareDocuments(side(left), side(right))
    .changeList.shown.filter((item) => item.pathKind === 'canonical')
    .map((item) => item.text);

const cda = (entries: readonly string[]) =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="1.2.246.10.1"/><title>T</title>
  <component><structuredBody><component><section><code code="1" codeSystem="1.2.3"/><title>Lääkitys</title><text><paragraph>Lääkitys</paragraph></text>${entries.join('')}</section></component></structuredBody></component></ClinicalDocument>`;

const medication = (effectiveTime: string, dose: string) =>
  `<entry><substanceAdministration classCode="SBADM" moodCode="INT"><id root="1.2.4.1"/><code code="10" codeSystem="1.2.246.537.6.1" displayName="Lääkitys"/><text>1 tabletti</text>${effectiveTime}${dose}<consumable><manufacturedProduct><manufacturedMaterial><name>Valmiste</name></manufacturedMaterial></manufacturedProduct></consumable></substanceAdministration></entry>`;

const time = (value: string) => `<effectiveTime value="${value}"/>`;
const interval = (low: string, high: string) =>
  `<effectiveTime xsi:type="IVL_TS"><low value="${low}"/><high value="${high}"/></effectiveTime>`;
const dose = (value: number) => `<doseQuantity value="${value}" unit="tbl"/>`;
const doseRange = (low: number, high: number) =>
  `<doseQuantity><low value="${low}" unit="tbl"/><high value="${high}" unit="tbl"/></doseQuantity>`;

const where = 'section Lääkitys, entry Lääkitys';

describe('a field of an entry that changes shape', () => {
  it('is one item from a single value to an interval and back, for generated pairs', () => {
    const next = seededRandom(7);
    for (let run = 0; run < 20; run++) {
      const day = `2024${String(1 + Math.floor(next() * 9)).padStart(2, '0')}01`;
      const end = `2025${String(1 + Math.floor(next() * 9)).padStart(2, '0')}28`;
      const tablets = 1 + Math.floor(next() * 3);
      const single = cda([medication(time(day), dose(tablets))]);
      const ranged = cda([medication(interval(day, end), doseRange(tablets, tablets + 1))]);
      expect(texts(single, ranged), `run ${run}`).toEqual([
        `${where}: effectiveTime changed from "${day}" to "${day} – ${end}"`,
        `${where}: doseQuantity changed from "${tablets} tbl" to "${tablets} tbl – ${tablets + 1} tbl"`,
      ]);
      expect(texts(ranged, single), `run ${run}`).toEqual([
        `${where}: effectiveTime changed from "${day} – ${end}" to "${day}"`,
        `${where}: doseQuantity changed from "${tablets} tbl – ${tablets + 1} tbl" to "${tablets} tbl"`,
      ]);
    }
  });

  it('keeps the lines of both sides, so the view can jump to either', () => {
    const [item] = compareDocuments(
      side(cda([medication(time('20240101'), '')])),
      side(cda([medication(interval('20240101', '20241231'), '')])),
    ).changeList.shown.filter((found) => found.pathKind === 'canonical');
    expect(item?.leftLine).toBeGreaterThan(0);
    expect(item?.rightLine).toBeGreaterThan(0);
    expect(item?.path).toMatch(/substanceAdministration\/effectiveTime$/);
  });

  it('names an open end of an interval and reads parts other than low and high by name', () => {
    expect(
      texts(
        cda([medication(time('20240101'), '')]),
        cda([medication('<effectiveTime><low value="20240101"/></effectiveTime>', '')]),
      ),
    ).toEqual([`${where}: effectiveTime changed from "20240101" to "20240101 – …"`]);
    expect(
      texts(
        cda([medication(time('20240101'), '')]),
        cda([
          medication(
            '<effectiveTime><center value="20240101"/><width value="2" unit="d"/></effectiveTime>',
            '',
          ),
        ]),
      ),
    ).toEqual([`${where}: effectiveTime changed from "20240101" to "center 20240101, width 2 d"`]);
  });

  it('still reads a changed bound of an interval as that bound', () => {
    expect(
      texts(
        cda([medication(interval('20240101', '20241231'), '')]),
        cda([medication(interval('20240101', '20250630'), '')]),
      ),
    ).toEqual([`${where}: high changed from "20241231" to "20250630"`]);
  });
});

/** An organizer (id 5.5.1) of reason observations, all with the same code. */
const organizer = (components: readonly string[]) =>
  `<entry><organizer classCode="CLUSTER" moodCode="EVN"><id root="5.5.1"/><code code="98" codeSystem="1.2.4" displayName="Muut tiedot"/><statusCode code="completed"/>${components.join('')}</organizer></entry>`;
const reason = (text: string, id?: string) =>
  `<component><observation classCode="OBS" moodCode="EVN">${id ? `<id root="${id}"/>` : ''}<code code="95" codeSystem="1.2.4" displayName="Syy"/><value xsi:type="ST">${text}</value></observation></component>`;
/** A substanceAdministration with entryRelationships of one kind (the same code). */
const withSupplies = (quantities: readonly number[]) =>
  medication(
    time('20240101'),
    quantities
      .map(
        (quantity) =>
          `<entryRelationship typeCode="COMP"><supply classCode="SPLY" moodCode="RQO"><code code="7" codeSystem="1.2.4" displayName="Toimitus"/><quantity value="${quantity}" unit="kpl"/></supply></entryRelationship>`,
      )
      .join(''),
  );
const organizerWhere = 'section Lääkitys, entry Muut tiedot';

describe('repeated children of the same code in an entry on both sides', () => {
  it('is one added or removed item wherever one is inserted, for generated pairs', () => {
    const next = seededRandom(11);
    for (let run = 0; run < 20; run++) {
      const count = 2 + Math.floor(next() * 4);
      const reasons = Array.from({ length: count }, (_, i) => `syy ${i} ${Math.floor(next() * 9)}`);
      const at = run % 2 === 0 ? 0 : Math.floor(next() * (count + 1));
      const inserted = [...reasons.slice(0, at), 'uusi syy', ...reasons.slice(at)];
      const before = cda([organizer(reasons.map((text) => reason(text)))]);
      const after = cda([organizer(inserted.map((text) => reason(text)))]);
      const added = `${organizerWhere}: observation "Syy" (code 95) "uusi syy" added`;
      expect(texts(before, after), `run ${run}, at ${at} of ${count}`).toEqual([added]);
      expect(texts(after, before), `run ${run}, at ${at} of ${count}`).toEqual([
        added.replace(/added$/, 'removed'),
      ]);
    }
  });

  it('is one item for an entryRelationship of the same kind put in front', () => {
    expect(texts(cda([withSupplies([30, 60])]), cda([withSupplies([10, 30, 60])]))).toEqual([
      `${where}: supply "Toimitus" (code 7) added`,
    ]);
  });

  it('pairs them by id first, even when an added one says the same as another', () => {
    const before = cda([organizer([reason('sama', '9.1'), reason('toinen', '9.2')])]);
    const after = cda([
      organizer([reason('sama', '9.0'), reason('sama muutettu', '9.1'), reason('toinen', '9.2')]),
    ]);
    expect(texts(before, after)).toEqual([
      `${organizerWhere}: observation "Syy" (code 95) "sama" added`,
      `${organizerWhere}: Syy › value changed from "sama" to "sama muutettu"`,
    ]);
  });

  it('keeps a changed value of a repeated child as one changed item, not removed and added', () => {
    const before = cda([organizer([reason('a'), reason('b'), reason('c')])]);
    const after = cda([organizer([reason('a'), reason('b muutettu'), reason('c')])]);
    expect(texts(before, after)).toEqual([
      `${organizerWhere}: Syy › value changed from "b" to "b muutettu"`,
    ]);
  });

  it('keeps two values that share nothing but both changed as two changed values', () => {
    const twoValues = (code: string, name: string, text: string) =>
      organizer([
        `<component><observation classCode="OBS" moodCode="EVN"><code code="97" codeSystem="1.2.4" displayName="Perustelu"/><value xsi:type="CE" code="${code}" codeSystem="1.2.5" displayName="${name}"/><value xsi:type="ST">${text}</value></observation></component>`,
      ]);
    expect(
      texts(
        cda([twoValues('4', 'Muu muutos', 'korjataan')]),
        cda([twoValues('5', 'Muu syy', 'Annosmuutos')]),
      ),
    ).toEqual([
      `${organizerWhere}: Perustelu › value changed from "Muu muutos (4)" to "Muu syy (5)"`,
      `${organizerWhere}: Perustelu › value changed from "korjataan" to "Annosmuutos"`,
    ]);
  });

  it('pairs an inserted child and a changed one by what they say', () => {
    const before = cda([organizer([reason('yksi kaksi kolme'), reason('neljä')])]);
    const after = cda([
      organizer([reason('uusi'), reason('yksi kaksi kolme'), reason('neljä viisi')]),
    ]);
    expect(texts(before, after)).toEqual([
      `${organizerWhere}: observation "Syy" (code 95) "uusi" added`,
      `${organizerWhere}: Syy › value changed from "neljä" to "neljä viisi"`,
    ]);
  });
});
