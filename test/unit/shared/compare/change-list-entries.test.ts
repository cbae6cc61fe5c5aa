/**
 * Added and removed entries in the change list (issue 7 review): one observation added to a
 * section read as 5-8 items, some of them raw attribute dumps ("classCode=OBS moodCode=EVN").
 * Now a whole added or removed clinical statement is one item that names it by kind, code label
 * and value, whether it is an entry of its own or nested in an entry present on both sides.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import {
  parseIgnoreProfile,
  resolveIgnoreProfile,
} from '../../../../shared/compare/ignore-profile';
import { readDocument } from '../../../../shared/documents/read-document';
import { seededRandom } from '../../../../shared/seeded-random';
import { corpusDocuments, corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const side = (text: string): CompareSide => {
  const tree = xmlTree(text);
  return { tree, metadata: unwrap(readDocument(tree)) };
};
const items = (left: string, right: string) =>
  compareDocuments(side(left), side(right)).changeList.shown.filter(
    (item) => item.pathKind === 'canonical',
  );

const weight = (id: string, kg: number) =>
  `<entry><observation classCode="OBS" moodCode="EVN"><id root="${id}"/><code code="29463-7" codeSystem="2.16.840.1.113883.6.1" displayName="Paino"/><statusCode code="completed"/><effectiveTime value="20150430"/><value xsi:type="PQ" value="${kg}" unit="kg"/><author><time value="20150430"/><assignedAuthor><id nullFlavor="NI"/></assignedAuthor></author></observation></entry>`;

const medication = (id: string, product: string, dose: string) =>
  `<entry><substanceAdministration classCode="SBADM" moodCode="INT"><id root="${id}"/><code code="10" codeSystem="1.2.246.537.6.1" displayName="Lääkitys"/><text>${dose}</text><effectiveTime xsi:type="IVL_TS"><low value="20150430"/><high value="20160430"/></effectiveTime><doseQuantity nullFlavor="NA"/><consumable><manufacturedProduct><manufacturedMaterial><code code="123" codeSystem="1.2.246.537.6.55" displayName="${product}"/><name>${product}</name></manufacturedMaterial></manufacturedProduct></consumable><entryRelationship typeCode="COMP"><supply classCode="SPLY" moodCode="RQO"><quantity value="30" unit="kpl"/></supply></entryRelationship></substanceAdministration></entry>`;

const cda = (sections: readonly [string, readonly string[]][]) =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="1.2.246.10.1"/><title>T</title>
  <component><structuredBody>${sections
    .map(
      ([title, entries], i) =>
        `<component><section><code code="${i + 1}" codeSystem="1.2.3"/><title>${title}</title><text><paragraph>${title}</paragraph></text>${entries.join('')}</section></component>`,
    )
    .join('')}</structuredBody></component></ClinicalDocument>`;

/** A generated pair of bodies: `count` weights and medications, then one of each edit. */
function generatedPair(seed: number) {
  const next = seededRandom(seed);
  const weights = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) =>
    weight(`1.2.3.${i}`, 60 + Math.floor(next() * 30)),
  );
  const medications = Array.from({ length: 2 + Math.floor(next() * 3) }, (_, i) =>
    medication(`1.2.4.${i}`, `Valmiste ${i}`, `${i + 1} tabletti aamuisin`),
  );
  const removedAt = Math.floor(next() * medications.length);
  const left = cda([
    ['Mittaukset', weights],
    ['Lääkitys', medications],
  ]);
  const right = cda([
    ['Mittaukset', [...weights, weight('1.2.3.99', 72)]],
    ['Lääkitys', medications.filter((_, i) => i !== removedAt)],
  ]);
  return { left, right, removedAt };
}

describe('an added or removed entry in the change list', () => {
  it('is one item each, named by kind, code label and value, for generated pairs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { left, right, removedAt } = generatedPair(seed);
      const found = items(left, right);
      expect(
        found.map((item) => [item.group, item.kind, item.text]),
        `seed ${seed}`,
      ).toEqual([
        [
          'entry',
          'added',
          'section Mittaukset, entry 1.2.3.99: observation "Paino" (code 29463-7) 72 kg added',
        ],
        [
          'entry',
          'removed',
          `section Lääkitys, entry 1.2.4.${removedAt}: substanceAdministration "Lääkitys" (code 10) Valmiste ${removedAt}, "${removedAt + 1} tabletti aamuisin" removed`,
        ],
      ]);
      // Each keeps a line on its own side, so the view can jump to the entry.
      expect(found[0]!.rightLine).toBeGreaterThan(0);
      expect(found[1]!.leftLine).toBeGreaterThan(0);
    }
  });

  it('is one item when a statement is added inside an entry present on both sides', () => {
    const organizer = (observations: string) =>
      `<entry><organizer classCode="CLUSTER" moodCode="EVN"><id root="5.5.1"/><code code="98" codeSystem="1.2.4" displayName="Mitätöinnin muut tiedot"/><statusCode code="completed"/>${observations}</organizer></entry>`;
    const reason = `<component><observation classCode="OBS" moodCode="EVN"><code code="95" codeSystem="1.2.4" displayName="Mitätöinnin syy"/><value xsi:type="CV" code="3" codeSystem="1.2.5" displayName="Lääkkeen haittavaikutus"/><value xsi:type="ST">lääkeaineallergia</value><author><assignedAuthor><id nullFlavor="NI"/><assignedPerson><name><given>Inkeri</given><family>Backman</family></name></assignedPerson></assignedAuthor></author></observation></component>`;
    const found = items(
      cda([['Mitätöinti', [organizer('')]]]),
      cda([['Mitätöinti', [organizer(reason)]]]),
    );
    expect(found.map((item) => [item.kind, item.entry, item.text])).toEqual([
      [
        'added',
        'Mitätöinnin muut tiedot',
        'section Mitätöinti, entry Mitätöinnin muut tiedot: observation "Mitätöinnin syy" (code 95) Lääkkeen haittavaikutus (3), "lääkeaineallergia" added',
      ],
    ]);
    expect(found[0]!.rightLine).toBeGreaterThan(0);
    // Removed the other way round, with the left line.
    const removed = items(
      cda([['Mitätöinti', [organizer(reason)]]]),
      cda([['Mitätöinti', [organizer('')]]]),
    );
    expect(removed.map((item) => [item.kind, item.leftLine !== undefined])).toEqual([
      ['removed', true],
    ]);
  });

  it('is hidden by an ignore rule naming its statement, and counted under that rule', () => {
    const { left, right } = generatedPair(3);
    const rule = (id: string, pattern: string) => ({
      id,
      target: 'canonical',
      pattern,
      reason: 'test',
    });
    const profile = unwrap(
      resolveIgnoreProfile(
        unwrap(
          parseIgnoreProfile(
            {
              id: 'entries',
              title: 'Entries',
              rules: [
                rule('weights', '**/entry/observation'),
                rule('medications', '**/entry/substanceAdministration'),
              ],
            },
            'entries.json',
          ),
        ),
        [],
      ),
    );
    const result = compareDocuments(side(left), side(right), { profile });
    expect(result.changeList.shown.filter((item) => item.pathKind === 'canonical')).toEqual([]);
    expect(result.changeList.hidden.map((item) => [item.kind, item.hiddenBy])).toEqual([
      ['added', 'weights'],
      ['removed', 'medications'],
    ]);
  });

  it('keeps field items for a changed entry, in words instead of attribute dumps', () => {
    const changed = items(
      cda([['Lääkitys', [medication('1.2.4.1', 'Valmiste', '1 tabletti')]]]),
      cda([
        [
          'Lääkitys',
          [
            medication('1.2.4.1', 'Valmiste', '2 tablettia')
              .replace('moodCode="INT"', 'moodCode="EVN"')
              .replace('<doseQuantity nullFlavor="NA"/>', '<doseQuantity nullFlavor="UNK"/>'),
          ],
        ],
      ]),
    );
    expect(changed.map((item) => item.text)).toEqual([
      'section Lääkitys, entry Lääkitys: substanceAdministration changed from "class: substance administration (SBADM), mood: intent (INT)" to "class: substance administration (SBADM), mood: event (EVN)"',
      'section Lääkitys, entry Lääkitys: text changed from "1 tabletti" to "2 tablettia"',
      'section Lääkitys, entry Lääkitys: doseQuantity changed from "not applicable (NA)" to "unknown (UNK)"',
    ]);
  });
});

describe.skipIf(!hasCorpus)(`added entries in the real corpus${corpusNote}`, () => {
  const read = (name: string): CompareSide => {
    const tree = corpusTree(`kanta-cda-api/${name}`);
    return { tree, metadata: unwrap(readDocument(tree)) };
  };

  it('names each added invalidation reason of KOR → MIT once, with its value', () => {
    const added = compareDocuments(
      read('Esko__4_Renitec_KOR.xml'),
      read('Esko__4_Renitec_MIT.xml'),
    ).changeList.shown.filter((item) => item.kind === 'added' && item.pathKind === 'canonical');
    expect(added.map((item) => item.text)).toEqual([
      'section Lääkemääräyksen mitätöinti › #1 › #1, entry Lääkemääräyksen mitätöinnin muut tiedot: observation "Lääkemääräyksen mitätöinnin syy tekstinä" (code 95) Lääkkeen haittavaikutus (3), "lääkeaineallergia" added',
      'section Lääkemääräyksen mitätöinti › #1 › #1, entry Lääkemääräyksen mitätöinnin muut tiedot: observation "Lääkemääräyksen mitätöinnin tyyppi" (code 96) Hoidollinen syy (1) added',
    ]);
  });

  it('writes no body item as raw attribute=value pairs, over every pair of the corpus', () => {
    const documents = corpusDocuments().filter((name) => name.startsWith('kanta-cda-api/'));
    const sides = documents.map((name) => {
      const tree = corpusTree(name);
      return { tree, metadata: unwrap(readDocument(tree)) };
    });
    let checked = 0;
    for (let i = 0; i < sides.length; i++)
      for (let j = i + 1; j < sides.length; j++)
        for (const item of compareDocuments(sides[i]!, sides[j]!).changeList.shown) {
          if (item.pathKind !== 'canonical') continue;
          checked++;
          for (const value of [item.left, item.right])
            expect(value ?? '', item.text).not.toMatch(/^\w+=\S*( \w+=\S*)*$/);
        }
    expect(checked).toBeGreaterThan(100);
  });
});
