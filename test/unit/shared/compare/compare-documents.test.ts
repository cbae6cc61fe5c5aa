import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findIgnoreProfile } from '../../../../shared/compare/builtin-profiles';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { applyBlocks } from '../../../../shared/compare/line-diff';
import { canonicalizeXml } from '../../../../shared/compare/canonical-xml';
import { readDocument } from '../../../../shared/documents/read-document';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

function side(text: string): CompareSide {
  const tree = xmlTree(text);
  return { tree, metadata: unwrap(readDocument(tree)) };
}

const section = (title: string, code: string, text: string) =>
  `<component><section><code code="${code}" codeSystem="1.2.3"/><title>${title}</title><text><paragraph>${text}</paragraph></text>
    <entry><observation classCode="OBS" moodCode="EVN"><id root="9.9.${code}"/><code code="${code}" codeSystem="1.2.3" displayName="Havainto ${code}"/><value xsi:type="ST">${text}</value></observation></entry>
  </section></component>`;

const cda = (
  sections: string[],
  extra = '',
) => `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:hl7fi="urn:hl7finland" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="1.2.246.10.1"/><title>T</title>${extra}
  <component><structuredBody>${sections.join('')}</structuredBody></component></ClinicalDocument>`;

describe('compareDocuments', () => {
  it('reports a moved section as a move, not as a removal and an addition', () => {
    const a = section('Lääkitys', '1', 'A');
    const b = section('Diagnoosit', '2', 'B');
    const c = section('Suunnitelma', '3', 'C');
    const result = compareDocuments(side(cda([a, b, c])), side(cda([b, c, a])));
    const sections = result.changeList.shown.filter((item) => item.group === 'section');
    expect(sections.map((item) => item.text)).toEqual([
      'section Lääkitys moved from position 1 to 3',
    ]);
  });

  it('still says what changed inside a moved section, and nothing about moved unchanged ones', () => {
    const a = section('Lääkitys', '1', 'A');
    const b = section('Diagnoosit', '2', 'B');
    const c = section('Suunnitelma', '3', 'C');
    const d = section('Lausunto', '4', 'D');
    const changedA = section('Lääkitys', '1', 'A2');
    const result = compareDocuments(side(cda([a, d, b, c])), side(cda([b, c, changedA, d])));
    // Lääkitys and Lausunto moved together (positions 1-2 to 3-4): one item names the block.
    expect(result.changeList.shown.map((item) => item.text)).toEqual([
      'sections Lääkitys … Lausunto (2 sections) moved from positions 1–2 to 3–4',
      'section Lääkitys: narrative changed from "A" to "A2"',
      'section Lääkitys, entry Havainto 1: value changed from "A" to "A2"',
    ]);
  });

  it('names a block of sections moved together once, and separate moves separately', () => {
    const s = ['Lääkitys', 'Diagnoosit', 'Suunnitelma', 'Lausunto', 'Hoito', 'Muu'].map(
      (title, i) => section(title, String(i + 1), title),
    );
    const [a, b, c, d, e, f] = s as [string, string, string, string, string, string];
    // e and f move as one block before b, c, d (the fewest sections that explain the new order).
    const block = compareDocuments(side(cda([a, b, c, d, e, f])), side(cda([a, e, f, b, c, d])));
    expect(block.changeList.shown.map((item) => item.text)).toEqual([
      'sections Hoito … Muu (2 sections) moved from positions 5–6 to 2–3',
    ]);
    // Two sections that swap places with others between them are two moves.
    const apart = compareDocuments(side(cda([a, b, c, d, e, f])), side(cda([e, b, c, d, a, f])));
    expect(apart.changeList.shown.map((item) => item.text).sort()).toEqual([
      'section Hoito moved from position 5 to 1',
      'section Lääkitys moved from position 1 to 5',
    ]);
  });

  it('compares a narrative only where it changed, and entries only where they changed', () => {
    const entryOnly = (value: string) =>
      `<component><section><code code="1" codeSystem="1.2.3"/><title>Lääkitys</title><text><paragraph>Sama</paragraph></text>
        <entry><observation classCode="OBS" moodCode="EVN"><id root="9.9.1"/><code code="1" codeSystem="1.2.3" displayName="Havainto 1"/><value xsi:type="ST">${value}</value></observation></entry>
      </section></component>`;
    const valueChanged = compareDocuments(side(cda([entryOnly('x')])), side(cda([entryOnly('y')])));
    expect(valueChanged.changeList.shown.map((item) => item.text)).toEqual([
      'section Lääkitys, entry Havainto 1: value changed from "x" to "y"',
    ]);
    const narrativeChanged = compareDocuments(
      side(cda([entryOnly('x')])),
      side(cda([entryOnly('x').replace('Sama', 'Toinen')])),
    );
    expect(narrativeChanged.changeList.shown.map((item) => item.text)).toEqual([
      'section Lääkitys: narrative changed from "Sama" to "Toinen"',
    ]);
  });

  it('aligns entries by id when they are not all equal in place: swapped, or one more on a side', () => {
    const entry = (id: string, value: string) =>
      `<entry><observation classCode="OBS" moodCode="EVN"><id root="9.9.${id}"/><code code="${id}" codeSystem="1.2.3" displayName="Havainto ${id}"/><value xsi:type="ST">${value}</value></observation></entry>`;
    const withEntries = (text: string, entries: string[]) =>
      `<component><section><code code="1" codeSystem="1.2.3"/><title>Lääkitys</title><text><paragraph>${text}</paragraph></text>${entries.join('')}</section></component>`;
    const a = entry('1', 'x');
    const b = entry('2', 'y');
    const texts = (left: string, right: string) =>
      compareDocuments(side(cda([left])), side(cda([right]))).changeList.shown.map(
        (item) => item.text,
      );
    expect(texts(withEntries('Sama', [a, b]), withEntries('Toinen', [b, a]))).toEqual([
      'section Lääkitys: narrative changed from "Sama" to "Toinen"',
    ]);
    expect(texts(withEntries('Sama', [a, b]), withEntries('Toinen', [a]))).toEqual([
      'section Lääkitys: narrative changed from "Sama" to "Toinen"',
      'section Lääkitys, entry 9.9.2: observation "Havainto 2" (code 2) "y" removed',
    ]);
    expect(texts(withEntries('Sama', [a]), withEntries('Toinen', [a, b]))).toEqual([
      'section Lääkitys: narrative changed from "Sama" to "Toinen"',
      'section Lääkitys, entry 9.9.2: observation "Havainto 2" (code 2) "y" added',
    ]);
  });

  it('past its time fuse falls back to a section-level change list, with a note, and keeps the whole diff', () => {
    const left = side(cda([section('Lääkitys', '1', '1 tabletti'), section('Muu', '2', 'x')]));
    const right = side(
      cda([
        section('Lääkitys', '1', '2 tablettia'),
        section('Muu', '2', 'y'),
        section('Uusi', '3', 'z'),
      ]),
    );
    const whole = compareDocuments(left, right);
    const fused = compareDocuments(left, right, { fuseMs: -1 });
    expect(whole.changeList.isTruncated).toBe(false);
    expect(whole.changeList.shown.some((item) => item.group === 'entry')).toBe(true);
    // Every section that changed, was added or removed is still named; nothing inside them is read.
    expect(fused.changeList.shown.map((item) => item.text).sort()).toEqual([
      'section Lääkitys changed',
      'section Muu changed',
      'section Uusi added',
    ]);
    expect(fused.changeList.isTruncated).toBe(true);
    expect(fused.notes).toContainEqual(
      expect.stringMatching(
        /ran past its .* budget, so from there on the change list names changed sections/,
      ),
    );
    expect(whole.notes.join(' ')).not.toMatch(/budget/);
    expect(fused.content.shown).toEqual(whole.content.shown);
    expect(fused.metadata).toEqual(whole.metadata);
    expect(fused.identical).toBe(false);
  });

  it('says what changed inside an entry, aligned by id', () => {
    const result = compareDocuments(
      side(cda([section('Lääkitys', '1', '1 tabletti')])),
      side(cda([section('Lääkitys', '1', '2 tablettia')])),
    );
    expect(result.changeList.shown.map((item) => item.text)).toEqual([
      'section Lääkitys: narrative changed from "1 tabletti" to "2 tablettia"',
      'section Lääkitys, entry Havainto 1: value changed from "1 tabletti" to "2 tablettia"',
    ]);
    const content = result.content.shown[0]!;
    expect(content.words?.[0]).toEqual([
      { kind: 'equal', text: '            <paragraph>' },
      { kind: 'removed', text: '1' },
      { kind: 'added', text: '2' },
      { kind: 'equal', text: ' ' },
      { kind: 'removed', text: 'tabletti' },
      { kind: 'added', text: 'tablettia' },
      { kind: 'equal', text: '</paragraph>' },
    ]);
  });

  it('hides archive-filled fields under their rules and keeps them available', () => {
    const sent = cda([section('Lääkitys', '1', 'A')]);
    const stored = sent.replace('<title>T</title>', '<title>T</title><copyTime value="20250101"/>');
    const profile = unwrap(findIgnoreProfile('default'));
    const hidden = compareDocuments(side(sent), side(stored), { profile });
    expect(hidden.identical).toBe(false);
    expect(hidden.shownDifferences).toBe(0);
    expect(hidden.metadata.hidden).toEqual([
      { path: 'copyTime', kind: 'added', right: '20250101', expected: true, hiddenBy: 'copy-time' },
    ]);
    expect(hidden.content.hidden.map((change) => change.hiddenBy)).toEqual(['copy-time-xml']);
    expect(hidden.hiddenByRule).toEqual([
      { rule: 'copy-time', reason: expect.any(String), metadata: 1, content: 0, changeList: 1 },
      { rule: 'copy-time-xml', reason: expect.any(String), metadata: 0, content: 1, changeList: 0 },
    ]);
    const revealed = compareDocuments(side(sent), side(stored));
    expect(revealed.shownDifferences).toBe(2);
  });

  it('keeps the canonical lines of both sides only when asked to', () => {
    const left = side(cda([section('Lääkitys', '1', '1 tabletti')]));
    const right = side(cda([section('Lääkitys', '1', '2 tablettia')]));
    expect(compareDocuments(left, right).content.lines).toBeUndefined();
    const kept = compareDocuments(left, right, { keepLines: true });
    expect(kept.content.lines).toEqual({
      left: canonicalizeXml(left.tree).lines,
      right: canonicalizeXml(right.tree).lines,
    });
    expect(kept.content.lines?.left).toContain('            <paragraph>1 tabletti</paragraph>');
    expect(kept.content.lines?.right).toContain('            <paragraph>2 tablettia</paragraph>');
    expect(kept.content.lines?.left.length).toBe(kept.content.leftLines);
    expect(kept.content.lines?.right.length).toBe(kept.content.rightLines);
    // The blocks refer to these lines: applying them to the left gives the right.
    expect(
      applyBlocks(kept.content.lines!.left, kept.content.lines!.right, kept.content.shown),
    ).toEqual(kept.content.lines!.right);
  });

  it.skipIf(!hasCorpus)(
    `gives no change for each real document against itself${corpusNote}`,
    () => {
      for (const name of [
        'Esko__4_Renitec_LM.xml',
        'ESIM lääkemääräys_laaja_kaikki_tietokentat.xml',
        'Esim_OSVA_Omakannasta.xml',
      ]) {
        const tree = corpusTree(`kanta-cda-api/${name}`);
        const document = { tree, metadata: unwrap(readDocument(tree)) };
        const result = compareDocuments(document, document);
        expect(result.identical).toBe(true);
        expect(result.changeList.shown).toEqual([]);
      }
    },
  );

  it.skipIf(!hasCorpus)(
    `shows only the true difference of a near-identical real pair${corpusNote}`,
    () => {
      const read = (name: string) => {
        const tree = corpusTree(`kanta-cda-api/${name}`);
        return { tree, metadata: unwrap(readDocument(tree)) };
      };
      const result = compareDocuments(
        read('LM4_perusvoide_kokonaismaaralla.xml'),
        read('LM4_perusvoide_kokonaismaaralla_ei_nayttomuotoa.xml'),
        { profile: unwrap(findIgnoreProfile('default')) },
      );
      expect(result.metadata.shown).toEqual([]);
      expect(new Set(result.changeList.shown.map((item) => `${item.kind} ${item.field}`))).toEqual(
        new Set(['removed narrative']),
      );
      // The content edit script really turns the left canonical form into the right one.
      const left = canonicalizeXml(read('LM4_perusvoide_kokonaismaaralla.xml').tree).lines;
      const right = canonicalizeXml(
        read('LM4_perusvoide_kokonaismaaralla_ei_nayttomuotoa.xml').tree,
      ).lines;
      const blocks = result.content.shown.map(({ leftStart, leftEnd, rightStart, rightEnd }) => ({
        leftStart,
        leftEnd,
        rightStart,
        rightEnd,
      }));
      expect(applyBlocks(left, right, blocks)).toEqual(right);
    },
  );
});

describe('the archive-filled profile (a document as sent against its stored copy)', () => {
  const sent = readFileSync(
    new URL('../../../fixtures/documents/local-header-all-fields.xml', import.meta.url),
    'utf8',
  );
  // The stored copy: archive-filled times changed, and one character of the signature value.
  const stored = sent
    .replace('<copyTime value="20240201091500"/>', '<copyTime value="20240202101500"/>')
    .replace(
      '<fi:declaredTime value="20240201091500"/>',
      '<fi:declaredTime value="20240202101500"/>',
    )
    .replace('010181-900C/AAAA</ds:SignatureValue>', '010181-900C/AAAB</ds:SignatureValue>');

  it('shows a changed signature value that default hides, and hides what the archive fills in', () => {
    const compare = (profile: string) =>
      compareDocuments(side(sent), side(stored), { profile: unwrap(findIgnoreProfile(profile)) });
    const byDefault = compare('default');
    expect(byDefault.shownDifferences).toBe(0);
    expect(byDefault.hiddenByRule.map((count) => count.rule)).toEqual(
      expect.arrayContaining(['copy-time', 'declared-time', 'signature-collection-xml']),
    );
    const archiveFilled = compare('archive-filled');
    expect(archiveFilled.identical).toBe(false);
    expect(archiveFilled.content.shown.map((change) => change.path).join('\n')).toContain(
      'Signature',
    );
    expect(archiveFilled.hiddenByRule.map((count) => count.rule)).toEqual(
      expect.arrayContaining(['copy-time', 'declared-time']),
    );
    expect(archiveFilled.hiddenByRule.map((count) => count.rule)).not.toContain(
      'signature-collection-xml',
    );
  });
});
