/**
 * Property tests of diffMetadata over generated pairs (issue 7, "Done when": the metadata diff is
 * symmetric). Symmetric means: diffMetadata(b, a) lists exactly the changes of diffMetadata(a, b)
 * (as a multiset, order aside), each seen from the other side:
 * - a change `changed` at path P (rightPath R when a list index differs) becomes `changed` at
 *   path R (rightPath P), with left/right values and labels swapped;
 * - `added` at path P (the right side's index) becomes `removed` at the same path P, and
 *   `removed` becomes `added`, with the value on the other side;
 * - `expected` (archive-filled) stays as it is.
 * For list fields this asks the list alignment to be symmetric too: the same items paired,
 * removed and added whichever side is given first. Pairs are a document and a mutated copy, and
 * two unrelated documents; a failure names its seed (test/support/seeded-cases.ts).
 */
import { describe, expect, it } from 'vitest';
import { diffMetadata, type MetadataChange } from '../../../../shared/compare/metadata-diff';
import type { DocumentMetadata } from '../../../../shared/documents/model';
import { readDocument } from '../../../../shared/documents/read-document';
import { mutateCda, randomStyle, writeCda } from '../../../support/cda-writer';
import { el, generateCda } from '../../../support/generated-cda';
import { forEachSeed } from '../../../support/seeded-cases';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const metadataOf = (text: string): DocumentMetadata => unwrap(readDocument(xmlTree(text)));

/** The change as diffMetadata(right, left) should list it. */
function mirrored(change: MetadataChange): MetadataChange {
  const isChanged = change.kind === 'changed';
  const kind = isChanged ? 'changed' : change.kind === 'added' ? 'removed' : 'added';
  return {
    path: isChanged ? (change.rightPath ?? change.path) : change.path,
    ...(isChanged && change.rightPath !== undefined ? { rightPath: change.path } : {}),
    kind,
    ...(change.right !== undefined ? { left: change.right } : {}),
    ...(change.left !== undefined ? { right: change.left } : {}),
    ...(change.rightLabel !== undefined ? { leftLabel: change.rightLabel } : {}),
    ...(change.leftLabel !== undefined ? { rightLabel: change.leftLabel } : {}),
    ...(change.expected ? { expected: true as const } : {}),
  };
}

/** A multiset of changes, comparable with toEqual: sorted by their JSON, keys in one order. */
function asSet(changes: readonly MetadataChange[]): string[] {
  const keys: (keyof MetadataChange)[] = [
    'path',
    'rightPath',
    'kind',
    'left',
    'right',
    'leftLabel',
    'rightLabel',
    'expected',
  ];
  return changes.map((change) => JSON.stringify(keys.map((key) => change[key] ?? null))).sort();
}

function expectSymmetric(a: DocumentMetadata, b: DocumentMetadata): number {
  const forward = diffMetadata(a, b);
  expect(asSet(diffMetadata(b, a))).toEqual(asSet(forward.map(mirrored)));
  return forward.length;
}

describe('diffMetadata over generated pairs', () => {
  it('is symmetric on two lists in swapped order (the smallest case the generated pairs found)', () => {
    const withTemplates = (...roots: string[]) =>
      metadataOf(
        writeCda(el('ClinicalDocument', {}, ...roots.map((root) => el('templateId', { root })))),
      );
    const [xy, yx] = [withTemplates('1.1', '2.2'), withTemplates('2.2', '1.1')];
    expect(expectSymmetric(xy, yx)).toBe(2);
    // One of the two is kept in place, the same one whichever side comes first.
    expect(diffMetadata(xy, yx).map((change) => change.kind)).toEqual(['removed', 'added']);
  });

  it('finds nothing between a document and itself (150 documents)', () => {
    forEachSeed(150, 4000, (next) => {
      const text = writeCda(generateCda(next), randomStyle(next));
      expect(diffMetadata(metadataOf(text), metadataOf(text))).toEqual([]);
    });
  }, 60_000);

  it('is symmetric on a document and an edited copy (150 pairs)', () => {
    let changes = 0;
    const cases = forEachSeed(150, 5000, (next) => {
      const tree = generateCda(next);
      const a = metadataOf(writeCda(tree, randomStyle(next)));
      const b = metadataOf(writeCda(mutateCda(tree, next), randomStyle(next)));
      changes += expectSymmetric(a, b);
    });
    // Most pairs differ in their metadata, not only in their bodies. (PROPERTY_SEED runs one.)
    if (cases > 1) expect(changes).toBeGreaterThan(cases);
  }, 60_000);

  it('is symmetric on unrelated documents (60 pairs)', () => {
    forEachSeed(60, 6000, (next) => {
      const a = metadataOf(writeCda(generateCda(next)));
      const b = metadataOf(writeCda(generateCda(next)));
      expect(expectSymmetric(a, b)).toBeGreaterThan(0);
    });
  }, 60_000);
});
