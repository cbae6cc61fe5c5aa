/**
 * Access to the real-world sample documents in ../shared/corpus/ (outside the repository, see
 * its INDEX.md). Tests that use them skip with a clear note when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { XmlElement } from '../../../../shared/xml/tree';
import { xmlTree } from './parse-tree';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Absolute path of the corpus folder (sibling of the repository). */
export const corpusDir = resolve(repoRoot, '../shared/corpus');

/** True when the corpus is present; use with `describe.skipIf(!hasCorpus)`. */
export const hasCorpus = existsSync(join(corpusDir, 'INDEX.md'));

/** Shown in test names so a skipped run says why. */
export const corpusNote = hasCorpus ? '' : ` (skipped: no corpus at ${corpusDir})`;

/** The bytes of a corpus file, by its path relative to the corpus folder. */
export function corpusBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(join(corpusDir, relativePath)));
}

/** The parsed tree of a corpus file. */
export function corpusTree(relativePath: string): XmlElement {
  return xmlTree(corpusBytes(relativePath));
}

/** Every XML document of the corpus (the XSD excluded), as paths relative to the corpus. */
export function corpusDocuments(): readonly string[] {
  if (!hasCorpus) return [];
  return ['kanta-cda-api', 'hl7-ccda-examples'].flatMap((folder) =>
    readdirSync(join(corpusDir, folder))
      .filter((name) => /\.xml$/i.test(name))
      .map((name) => `${folder}/${name}`),
  );
}
