/**
 * The narrative word diff on real parsed trees (the product's safe parser): section alignment,
 * exactly the changed words marked, moved sections, display forms, huge blocks, and the real
 * LM → KOR prescription pair of the corpus.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../shared/documents/read-document';
import {
  diffNarratives,
  type NarrativeComparison,
  type NarrativeRow,
} from '../../../../shared/narrative-diff/narrative-diff';
import { textOf, type NarrativeNode } from '../../../../shared/narrative-diff/narrative-tree';
import type { XmlElement } from '../../../../shared/xml/tree';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { xmlTree } from '../support/parse-tree';

interface SectionSpec {
  readonly template?: string;
  readonly code?: string;
  readonly title: string;
  readonly text: string;
  /** Nested sections' XML, after the text. */
  readonly inner?: string;
}

function cda(sections: readonly SectionSpec[]): string {
  const body = sections
    .map(
      (s) =>
        `<component><section>${s.template ? `<templateId root="${s.template}"/>` : ''}` +
        `${s.code ? `<code code="${s.code}" codeSystem="1.2.246.537.6.12.2002.331"/>` : ''}` +
        `<title>${s.title}</title><text>${s.text}</text>${s.inner ?? ''}</section></component>`,
    )
    .join('');
  return (
    `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><title>Lääkemääräys</title>` +
    `<component><structuredBody>${body}</structuredBody></component></ClinicalDocument>`
  );
}

function side(xml: string) {
  const tree = xmlTree(xml);
  const metadata = readDocument(tree);
  if (!metadata.ok) throw new Error(metadata.error.message);
  return { metadata: metadata.value, tree };
}

const parseMarkup = (text: string): XmlElement | undefined => {
  try {
    return xmlTree(text);
  } catch {
    return undefined;
  }
};

const compare = (left: string, right: string): NarrativeComparison =>
  diffNarratives(side(left), side(right), parseMarkup);

/** The marked runs of a side's nodes, in order. */
function marks(nodes: readonly NarrativeNode[] | undefined): string[] {
  const found: string[] = [];
  const walk = (list: readonly NarrativeNode[]) => {
    for (const node of list)
      if (typeof node === 'string') continue;
      else if ('change' in node) found.push(`${node.change}:${node.text}`);
      else walk(node.children);
  };
  walk(nodes ?? []);
  return found;
}

const summary = (rows: readonly NarrativeRow[]) =>
  rows.map((row) => `${row.depth}:${row.kind}${row.isMoved ? ' moved' : ''}:${row.label}`);

const dose = (text: string): SectionSpec => ({
  template: '1.2.246.537.6.12.2002.126',
  code: '3',
  title: 'Annostus',
  text: `<paragraph>Annostus: <content>${text}</content></paragraph>`,
});
const reason: SectionSpec = {
  template: '1.2.246.537.6.12.2002.127',
  code: '4',
  title: 'Käyttötarkoitus',
  text: '<paragraph>Verenpaineen hoitoon.</paragraph>',
};

describe('diffNarratives', () => {
  it('marks exactly the changed words of a changed dose text, and nothing else', () => {
    const result = compare(
      cda([dose('1 tabletti aamuisin.'), reason]),
      cda([dose('2 tablettia aamuisin ja illalla.'), reason]),
    );
    expect(summary(result.rows)).toEqual(['0:changed:Annostus', '0:same:Käyttötarkoitus']);
    expect(result.changedRows).toBe(1);
    const [changed] = result.rows;
    expect(marks(changed?.left?.text)).toEqual(['removed:1 tabletti']);
    expect(marks(changed?.right?.text)).toEqual(['added:2 tablettia', 'added:ja illalla']);
    // The marks sit inside the document's own elements, and the text reads as before.
    expect(textOf(changed?.right?.text ?? [])).toBe('Annostus: 2 tablettia aamuisin ja illalla.');
    expect(marks(result.rows[1]?.right?.text)).toEqual([]);
    // An unchanged section's text is sent once, for both sides; a changed one's twice.
    expect(result.rows[1]).toMatchObject({ isTextShared: true, left: { position: 2 } });
    expect(result.rows[1]?.left?.text).toBeUndefined();
    expect(changed?.isTextShared).toBeUndefined();
  });

  it('sends indentation between elements as one space, and keeps it inside <pre>', () => {
    const spaced = '<paragraph>\n      <content>A</content>\n    </paragraph>';
    const result = compare(
      cda([{ ...reason, text: spaced }]),
      cda([{ ...reason, text: `${spaced}<pre>  x\n  y</pre>` }]),
    );
    expect(result.rows[0]?.left?.text).toEqual([
      { name: 'paragraph', children: [' ', { name: 'content', children: ['A'] }, ' '] },
    ]);
    const pre = result.rows[0]?.right?.text?.[1];
    expect(pre).toEqual({ name: 'pre', children: ['  ', { change: 'added', text: 'x\n  y' }] });
  });

  it('aligns sections by templateId and code even when the title changed, and diffs the title', () => {
    const renamed = { ...reason, title: 'Käyttötarkoitus ja ohje' };
    const result = compare(cda([reason]), cda([renamed]));
    expect(summary(result.rows)).toEqual(['0:changed:Käyttötarkoitus ja ohje']);
    expect(marks(result.rows[0]?.right?.title)).toEqual(['added:ja ohje']);
  });

  it('falls back to the title when sections have no templateId or code', () => {
    const plain = (title: string, text: string): SectionSpec => ({ title, text });
    const result = compare(
      cda([plain('Tausta', 'Ei muutosta.'), plain('Suunnitelma', 'Kontrolli viikon päästä.')]),
      cda([
        plain('Suunnitelma', 'Kontrolli kahden viikon päästä.'),
        plain('Tausta', 'Ei muutosta.'),
      ]),
    );
    expect(summary(result.rows)).toEqual(['0:changed:Suunnitelma', '0:same moved:Tausta']);
    expect(marks(result.rows[0]?.right?.text)).toEqual(['added:kahden']);
    expect(result.rows[1]).toMatchObject({ left: { position: 1 }, right: { position: 2 } });
    expect(result.changedRows).toBe(2);
  });

  it('reports a moved section as moved, with its text unchanged and unmarked', () => {
    const result = compare(cda([dose('1 tabletti.'), reason]), cda([reason, dose('1 tabletti.')]));
    const moved = result.rows.filter((row) => row.isMoved);
    expect(moved).toHaveLength(1);
    expect(moved.every((row) => row.kind === 'same')).toBe(true);
    expect(result.rows.flatMap((row) => marks(row.right?.text))).toEqual([]);
  });

  it('places added and removed sections where they stand, nested sections with them', () => {
    const nested: SectionSpec = {
      template: '1.2.3.9',
      title: 'Lisätiedot',
      text: 'Ohje.',
      inner:
        '<component><section><title>Alaosio</title><text>Sisältö.</text></section></component>',
    };
    const result = compare(cda([nested, reason]), cda([reason, dose('1 tabletti.')]));
    expect(summary(result.rows)).toEqual([
      '0:removed:Lisätiedot',
      '1:removed:Alaosio',
      '0:same:Käyttötarkoitus',
      '0:added:Annostus',
    ]);
    expect(result.rows[0]?.right).toBeUndefined();
    expect(textOf(result.rows[0]?.left?.text ?? [])).toBe('Ohje.');
    expect(result.rows[3]?.left).toBeUndefined();
  });

  it('shows a huge changed block as changed as a whole, with a note, instead of diffing it', () => {
    const words = (seed: number) =>
      Array.from({ length: 12_000 }, (_, i) => `sana${(i * seed) % 5000}`).join(' ');
    const result = compare(
      cda([{ ...reason, text: `<paragraph>${words(7)}</paragraph>` }]),
      cda([{ ...reason, text: `<paragraph>${words(11)}</paragraph>` }]),
    );
    const [row] = result.rows;
    expect(row?.kind).toBe('changed');
    expect(row?.note).toMatch(/more than the 20,000 compared word by word/);
    expect(marks(row?.left?.text)).toEqual([]);
    expect(marks(row?.right?.text)).toEqual([]);
  });

  it('compares the XHTML display forms of social welfare documents', () => {
    const social = (phrase: string) => {
      const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Asiakaskertomus</h1><p>${phrase}</p></body></html>`;
      const base64 = Buffer.from(xhtml, 'utf8').toString('base64');
      return (
        `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><title>Asiakaskertomus</title>` +
        `<component><nonXMLBody><text mediaType="text/html" representation="B64">${base64}</text>` +
        `</nonXMLBody></component></ClinicalDocument>`
      );
    };
    const result = compare(social('Kotikäynti sovittu.'), social('Kotikäynti peruttu.'));
    expect(summary(result.rows)).toEqual(['0:changed:Display form']);
    expect(marks(result.rows[0]?.left?.text)).toEqual(['removed:sovittu']);
    expect(marks(result.rows[0]?.right?.text)).toEqual(['added:peruttu']);
    const paragraph = result.rows[0]?.right?.text?.find(
      (node) => typeof node !== 'string' && 'name' in node && node.name === 'p',
    );
    expect(paragraph).toBeDefined();
  });

  it('says when neither document has a narrative body', () => {
    const bare =
      '<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><title>T</title></ClinicalDocument>';
    expect(compare(bare, bare)).toEqual({
      rows: [],
      changedRows: 0,
      notes: ['Neither document has a narrative body to compare.'],
    });
  });

  it.skipIf(!hasCorpus)(
    `shows the dosage text change of the real LM → KOR prescription pair${corpusNote}`,
    () => {
      const real = (name: string) => {
        const tree = corpusTree(`kanta-cda-api/${name}`);
        const metadata = readDocument(tree);
        if (!metadata.ok) throw new Error(metadata.error.message);
        return { metadata: metadata.value, tree };
      };
      const result = diffNarratives(
        real('Esko__4_Renitec_LM.xml'),
        real('Esko__4_Renitec_KOR.xml'),
        parseMarkup,
      );
      const added = result.rows.flatMap((row) => marks(row.right?.text));
      expect(added).toContain('added:(one tablet every morning)');
      const removedAtDose = result.rows
        .filter((row) => marks(row.right?.text).includes('added:(one tablet every morning)'))
        .flatMap((row) => marks(row.left?.text));
      // Nothing of the dose text itself was removed: the words were only added.
      expect(removedAtDose.some((mark) => /tabletti|aamuisin/.test(mark))).toBe(false);
    },
  );
});
