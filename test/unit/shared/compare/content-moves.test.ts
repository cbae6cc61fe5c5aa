/**
 * Swapped sections in the content diff (issue 7 review: CCD 1 with its sections 2 and 5
 * swapped gave 48 hunks that paired unrelated lines and word-diffed them into noise). The hunks
 * of a moved block say "moved" with the other side's line, as the change list does, and no word
 * diff marks a pair of lines that share nothing but markup.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import type { ContentChange } from '../../../../shared/compare/content-changes';
import type { WordSegment } from '../../../../shared/compare/word-diff';
import { readDocument } from '../../../../shared/documents/read-document';
import { corpusBytes, corpusNote, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

function side(text: string): CompareSide {
  const tree = xmlTree(text);
  return { tree, metadata: unwrap(readDocument(tree)) };
}

function compare(left: string, right: string) {
  return compareDocuments(side(left), side(right), { keepLines: true });
}

/** Sections of one shape (as a CCD's are): a table, then entries with the same kinds of lines. */
const section = (title: string, code: string, rows: readonly string[]) => `
      <component>
        <section>
          <templateId root="2.16.840.1.113883.10.20.22.2.${code}"/>
          <code code="${code}-5" codeSystem="2.16.840.1.113883.6.1"/>
          <title>${title}</title>
          <text><table><tbody>${rows.map((row) => `<tr><td>${row}</td><td>2013</td></tr>`).join('')}</tbody></table></text>
          ${rows
            .map(
              (row, i) => `<entry>
            <observation classCode="OBS" moodCode="EVN">
              <id root="${code}-${i}-7b14-11db-9fe1-0800200c9a66"/>
              <value code="${code}${i}" codeSystem="2.16.840.1.113883.6.96" displayName="${row}"/>
            </observation>
          </entry>`,
            )
            .join('')}
        </section>
      </component>`;

const cda = (sections: readonly string[]) => `<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.1"/><title>T</title>
  <component>
    <structuredBody>${sections.join('')}
    </structuredBody>
  </component>
</ClinicalDocument>
`;

const sections = [
  section('ALLERGIES', '6', ['Penicillin', 'Codeine']),
  section('MEDICATIONS', '1', ['Proventil', 'Aspirin']),
  section('PROBLEMS', '5', ['Asthma', 'Pneumonia']),
  section('FUNCTIONAL STATUS', '14', ['Walking', 'Bathing', 'Dressing']),
];
const [allergies, medications, problems, functional] = sections as [string, string, string, string];

/** The word diffs that mark a pair sharing nothing but punctuation, spaces and markup names. */
function markupOnlyPairs(changes: readonly ContentChange[]): string[] {
  const found: string[] = [];
  for (const change of changes)
    change.words?.forEach((segments, k) => {
      if (!segments || isOnlyAdditionOrRemoval(segments)) return;
      // The same markup with other values or text: the marks fall on those alone.
      if (markupOf(change.removed[k]!) === markupOf(change.added[k]!)) return;
      const equal = segments
        .filter((segment) => segment.kind === 'equal')
        .map((segment) => segment.text)
        .join(' ');
      const shared = equal.replace(/<\/?[\w:.-]*/g, ' ').replace(/[\w:.-]+=/g, ' ');
      if (!/[\p{L}\p{N}]/u.test(shared)) found.push(`${change.removed[k]} | ${change.added[k]}`);
    });
  return found;
}

/** A line with its text, comment text and attribute values taken out. */
function markupOf(line: string): string {
  return line
    .trim()
    .replace(/<!--[\s\S]*-->/g, '<!---->')
    .replace(/"[^"]*"/g, '""')
    .replace(/>[^<]*</g, '><');
}

function isOnlyAdditionOrRemoval(segments: readonly WordSegment[]): boolean {
  const changed = (kind: WordSegment['kind']) =>
    segments.some((segment) => segment.kind === kind && segment.text.trim() !== '');
  return !changed('removed') || !changed('added');
}

describe('content changes of swapped sections', () => {
  it('word-diffs no pair of lines that share only markup', () => {
    const result = compare(
      cda([allergies, medications, problems, functional]),
      cda([functional, medications, problems, allergies]),
    );
    expect(result.content.shown.length).toBeGreaterThan(0);
    expect(markupOnlyPairs(result.content.shown)).toEqual([]);
  });

  it('says where the lines of a moved block went and came from, and diffs none of their words', () => {
    const result = compare(
      cda([allergies, medications, problems, functional]),
      cda([functional, medications, problems, allergies]),
    );
    const lines = result.content.lines!;
    const runs = result.content.shown.flatMap((change) => change.moved ?? []);
    const removed = runs.filter((run) => run.side === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    expect(runs.filter((run) => run.side === 'added').length).toBe(removed.length);
    for (const run of runs) {
      const [own, other] =
        run.side === 'removed' ? [lines.left, lines.right] : [lines.right, lines.left];
      const length = run.end - run.start;
      expect(other.slice(run.otherStart, run.otherStart + length)).toEqual(
        own.slice(run.start, run.end),
      );
    }
    // The allergy title moved from the first section to the last.
    const title = lines.left.findIndex((line) => line.includes('<title>ALLERGIES</title>'));
    const run = removed.find((moved) => moved.start <= title && title < moved.end)!;
    expect(lines.right[run.otherStart + title - run.start]).toContain('<title>ALLERGIES</title>');
    expect(run.otherSourceLine).toBeGreaterThan(0);
    for (const change of result.content.shown)
      change.words?.forEach((segments, k) => {
        const isMovedPair = change.moved?.some(
          (moved) =>
            (moved.side === 'removed' &&
              moved.start <= change.leftStart + k &&
              change.leftStart + k < moved.end) ||
            (moved.side === 'added' &&
              moved.start <= change.rightStart + k &&
              change.rightStart + k < moved.end),
        );
        if (isMovedPair) expect(segments).toBeNull();
      });
  });

  it('finds no move where nothing moved, and keeps the word diff of an edited line', () => {
    const edited = section('ALLERGIES', '6', ['Penicillin', 'Codeine, severe']);
    const result = compare(cda(sections), cda([edited, medications, problems, functional]));
    expect(result.content.shown.every((change) => change.moved === undefined)).toBe(true);
    const marks = result.content.shown
      .flatMap((change) => change.words ?? [])
      .map((segments) => segments?.filter((segment) => segment.kind !== 'equal'));
    // The table cell and the entry's displayName.
    expect(marks).toEqual([
      [{ kind: 'added', text: ', severe' }],
      [{ kind: 'added', text: ', severe' }],
    ]);
  });
});

/** The document with its top-level body sections `a` and `b` (1-based, a < b) swapped. */
function swapSections(text: string, a: number, b: number): string {
  const starts = [...text.matchAll(/^ {6}<component>\r?$/gm)].map((match) => match.index);
  const ends = [...text.matchAll(/^ {6}<\/component>\r?$/gm)].map(
    (match) => match.index + match[0].length,
  );
  const [startA, endA, startB, endB] = [starts[a - 1]!, ends[a - 1]!, starts[b - 1]!, ends[b - 1]!];
  return (
    text.slice(0, startA) +
    text.slice(startB, endB) +
    text.slice(endA, startB) +
    text.slice(startA, endA) +
    text.slice(endB)
  );
}

describe.skipIf(!hasCorpus)(
  `content changes of the CCD with two sections swapped${corpusNote}`,
  () => {
    const ccd = new TextDecoder().decode(corpusBytes('hl7-ccda-examples/CCD 1__CCD.XML'));
    const swapped = swapSections(ccd, 2, 5);

    it('is the review’s pair: sections 2 and 5 moved', () => {
      const result = compare(ccd, swapped);
      expect(result.changeList.shown.map((item) => item.text)).toEqual([
        'section ALLERGIES AND ADVERSE REACTIONS moved from position 2 to 5',
        'section FUNCTIONAL STATUS moved from position 5 to 2',
      ]);
    });

    it('word-diffs no pair of lines that share only markup', () => {
      expect(markupOnlyPairs(compare(ccd, swapped).content.shown)).toEqual([]);
    });

    it('says where the allergy section’s first lines went, at their line in the swapped file', () => {
      const result = compare(ccd, swapped);
      const first = result.content.shown.find((change) =>
        change.removed.some((line) => line.includes('<title>ALLERGIES AND ADVERSE REACTIONS')),
      )!;
      const run = first.moved!.find((moved) => moved.side === 'removed')!;
      const swappedLines = swapped.split('\n');
      expect(swappedLines[run.otherSourceLine! - 1]).toContain(
        'Allergies and Intolerances Section (entries required) (V2)',
      );
    });
  },
);
