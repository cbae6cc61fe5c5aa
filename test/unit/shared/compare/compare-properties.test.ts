/**
 * Property tests of compareDocuments over generated CDA documents (issue 7, "Done when": a
 * document against itself gives no change). Also the canonical form's promise: the same document
 * written another way (attribute order, namespace prefixes, quotes, empty-element syntax,
 * character references, indentation, line breaks, whitespace in text) gives no change either.
 * Generators: test/support/generated-cda.ts and cda-writer.ts; a failure names its seed.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { readDocument } from '../../../../shared/documents/read-document';
import { mutateCda, plainStyle, randomStyle, writeCda } from '../../../support/cda-writer';
import { el, generateCda } from '../../../support/generated-cda';
import { forEachSeed } from '../../../support/seeded-cases';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

function side(text: string): CompareSide {
  const tree = xmlTree(text);
  return { tree, metadata: unwrap(readDocument(tree)) };
}

/** Everything a comparison reports, shown or hidden; empty when nothing differs. */
function differences(left: CompareSide, right: CompareSide) {
  const result = compareDocuments(left, right);
  return {
    identical: result.identical,
    metadata: [...result.metadata.shown, ...result.metadata.hidden],
    content: [...result.content.shown, ...result.content.hidden],
    changeList: [...result.changeList.shown, ...result.changeList.hidden],
    notes: result.notes,
  };
}

const nothing = { identical: true, metadata: [], content: [], changeList: [], notes: [] };

describe('compareDocuments over generated documents', () => {
  it('finds no change between a document and itself (80 documents, one parse and two)', () => {
    forEachSeed(80, 1000, (next) => {
      const text = writeCda(generateCda(next), randomStyle(next));
      const once = side(text);
      expect(differences(once, once)).toEqual(nothing);
      expect(differences(once, side(text))).toEqual(nothing);
    });
  }, 60_000);

  it('finds no change between a document and itself written another way (120 documents)', () => {
    forEachSeed(120, 2000, (next) => {
      const tree = generateCda(next);
      const plain = writeCda(tree, plainStyle);
      const other = writeCda(tree, randomStyle(next));
      expect(differences(side(plain), side(other))).toEqual(nothing);
      expect(differences(side(other), side(plain))).toEqual(nothing);
    });
  }, 60_000);

  // xsi:type holds a QName: the canonical form rewrites the prefix inside it as it does element
  // prefixes, so xsi:type="cda:ST" (xmlns:cda the CDA namespace) and xsi:type="ST" (CDA the
  // default namespace) are the same line (canonical-scope.ts).
  it('finds no change when only the prefix inside xsi:type differs', () => {
    const tree = el(
      'ClinicalDocument',
      {},
      el(
        'component',
        {},
        el(
          'structuredBody',
          {},
          el(
            'component',
            {},
            el(
              'section',
              {},
              el('entry', {}, el('observation', {}, el('value', { 'xsi:type': 'ST' }, 'x'))),
            ),
          ),
        ),
      ),
    );
    const prefixed = { ...plainStyle, prefixes: { ...plainStyle.prefixes, v3: 'cda' } };
    const plain = side(writeCda(tree));
    expect(differences(plain, side(writeCda(tree, prefixed)))).toEqual(nothing);
    expect(differences(plain, side(writeCda(tree, { ...prefixed, isTypePrefixed: true })))).toEqual(
      nothing,
    );
  });

  it('does find the edits of the mutator (so the properties above are not vacuous)', () => {
    let changed = 0;
    const cases = forEachSeed(80, 3000, (next) => {
      const tree = generateCda(next);
      const result = differences(
        side(writeCda(tree)),
        side(writeCda(mutateCda(tree, next), randomStyle(next))),
      );
      if (!result.identical) changed++;
      // Identical exactly when no difference of any kind is listed.
      expect(result.identical).toBe(result.metadata.length + result.content.length === 0);
    });
    // Some edits undo themselves (a swap of equal siblings); most do not. (PROPERTY_SEED runs one.)
    if (cases > 1) expect(changed).toBeGreaterThan(cases * 0.75);
  }, 60_000);
});
