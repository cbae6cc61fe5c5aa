/**
 * The text output of `archivist compare` on a commented-out narrative (issue 7 review): the
 * canonical indentation of the commented lines changes with their depth, and neither that nor
 * the parent element's source line may stand in for the real change and its place.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { findIgnoreProfile } from '../../../../shared/compare/builtin-profiles';
import { formatCompareText } from '../../../../shared/compare/format-text';
import { readDocument } from '../../../../shared/documents/read-document';
import type { XmlElement } from '../../../../shared/xml/tree';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

function side(tree: XmlElement): CompareSide {
  return { tree, metadata: unwrap(readDocument(tree)) };
}

/** A CDA whose one section (line 5) holds `narrative` from line 6 on. */
const cda = (narrative: string) => `<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.1"/><title>T</title>
  <component><structuredBody>
    <component>
      <section><code code="1" codeSystem="1.2.3"/><title>Lääkitys</title>
${narrative}
      </section>
    </component>
  </structuredBody></component>
</ClinicalDocument>
`;

const narrative = `        <text>
          <paragraph>Annos 1 tabletti</paragraph>
        </text>`;
const commentedOut = narrative
  .split('\n')
  .map((line) => `<!-- ${line} -->`)
  .join('\n');

function compareText(left: XmlElement, right: XmlElement): string {
  return formatCompareText(compareDocuments(side(left), side(right)), {
    left: 'a.xml',
    right: 'b.xml',
  });
}

const contentOf = (text: string) => text.slice(text.indexOf('Content (canonical XML'));

describe('formatCompareText: a commented-out narrative', () => {
  it('marks the comment markup added, not the indentation that moved with the depth', () => {
    const content = contentOf(compareText(xmlTree(cda(narrative)), xmlTree(cda(commentedOut))));
    expect(content).toContain(
      [
        '  - <text>',
        '  - <paragraph>Annos 1 tabletti</paragraph>',
        '  - </text>',
        '  + {+<!--+}<text>{+-->+}',
        '  + {+<!--+}<paragraph>Annos 1 tabletti</paragraph>{+-->+}',
        '  + {+<!--+}</text>{+-->+}',
      ].join('\n'),
    );
    // No mark of spaces alone, anywhere.
    expect(content).not.toMatch(/\[-[ \t]+-\]|\{\+[ \t]+\+\}/);
  });

  it('names the source line of the first commented-out line, not its parent element’s', () => {
    const text = compareText(xmlTree(cda(narrative)), xmlTree(cda(commentedOut)));
    // The section starts on line 5, the narrative (and its commented-out copy) on line 6.
    expect(text).toContain('(left line 6, right line 6)');
    const reversed = compareText(xmlTree(cda(commentedOut)), xmlTree(cda(narrative)));
    expect(reversed).toContain('(left line 6, right line 6)');
    expect(contentOf(reversed)).toContain('  - [-<!---]<text>[--->-]');
  });
});

describe.skipIf(!hasCorpus)(`formatCompareText on the corpus${corpusNote}`, () => {
  it('LM4 with its narratives commented out: the comments’ own lines, no indentation marks', () => {
    const folder = 'kanta-cda-api';
    const text = compareText(
      corpusTree(`${folder}/LM4_perusvoide_kokonaismaaralla.xml`),
      corpusTree(`${folder}/LM4_perusvoide_kokonaismaaralla_ei_nayttomuotoa.xml`),
    );
    expect(text).toContain('(left line 209, right line 209)');
    expect(text).toContain('(left line 223, right line 223)');
    expect(text).toContain('  + {+<!--+}<content>Testi terveysasema</content>{+-->+}');
    expect(contentOf(text)).not.toMatch(/\[-[ \t]+-\]|\{\+[ \t]+\+\}/);
  });
});

/** A CDA of sections of two paragraphs each: section i (from 0) has them on lines 7 + 8i and 8 + 8i. */
const sectionsCda = (sections: readonly (readonly [string, string, string])[]) =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3">
<id root="1.2.246.10.1"/><title>T</title><component><structuredBody>
${sections
  .map(
    ([title, first, second]) => `<component><section>
<code code="${title.length}" codeSystem="1.2.3"/>
<title>${title}</title>
<text>
<paragraph>${first}</paragraph>
<paragraph>${second}</paragraph>
</text>
</section></component>`,
  )
  .join('\n')}
</structuredBody></component></ClinicalDocument>
`;

describe('formatCompareText: swapped sections', () => {
  it('names a moved run of lines once, with the other side’s line, instead of word-diffing it', () => {
    const medication = [
      'Lääkitys',
      'Annos 1 tabletti aamuisin',
      'ja illalla tarvittaessa',
    ] as const;
    const diagnoses = ['Diagnoosit', 'Verenpainetauti, todettu 2019', 'Astma lapsuudesta'] as const;
    const care = ['Hoito', 'Kontrolli kuukauden kuluttua', 'Laboratoriokokeet ennen'] as const;
    const content = contentOf(
      compareText(
        xmlTree(sectionsCda([medication, care, diagnoses])),
        xmlTree(sectionsCda([diagnoses, care, medication])),
      ),
    );
    expect(content).toContain(
      '  - moved to right line 23: <paragraph>Annos 1 tabletti aamuisin</paragraph> … (2 lines)',
    );
    expect(content).toContain(
      '  + moved from left line 23: <paragraph>Verenpainetauti, todettu 2019</paragraph> … (2 lines)',
    );
    expect(content).not.toContain('ja illalla tarvittaessa');
    expect(content).not.toMatch(/\[-(Annos|Verenpainetauti)|\{\+(Annos|Verenpainetauti)/);
  });
});

describe('formatCompareText: every difference hidden', () => {
  it('says that none is shown and how many the profile hid, not "different: 0 … shown"', () => {
    const profile = unwrap(findIgnoreProfile('default'));
    const left = xmlTree(cda(narrative));
    const right = xmlTree(
      cda(narrative).replace('<title>T</title>', '<title>T</title><copyTime value="20240101"/>'),
    );
    const result = compareDocuments(side(left), side(right), { profile });
    expect(result.identical).toBe(false);
    const text = formatCompareText(result, { left: 'a.xml', right: 'b.xml' });
    expect(text.split('\n')[3]).toMatch(
      /^no differences shown: the \d+ differences? found (is|are) hidden by the profile$/,
    );
  });
});
