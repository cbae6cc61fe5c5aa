import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffMetadata, type MetadataChange } from '../../../../shared/compare/metadata-diff';
import { readDocument } from '../../../../shared/documents/read-document';
import type { DocumentMetadata } from '../../../../shared/documents/model';
import { corpusDir, corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';

const chain = ['Esko__4_Renitec_LM.xml', 'Esko__4_Renitec_KOR.xml', 'Esko__4_Renitec_MIT.xml'];
const read = (name: string): DocumentMetadata =>
  unwrap(readDocument(corpusTree(`kanta-cda-api/${name}`)));
const raw = (name: string): string => readFileSync(join(corpusDir, 'kanta-cda-api', name), 'utf8');
/** The first match of a pattern in the file's text: expected values come from the files themselves. */
const first = (name: string, pattern: RegExp): string =>
  pattern.exec(raw(name))?.[1] ?? '(not found)';

const find = (changes: MetadataChange[], path: string) =>
  changes.find((change) => change.path === path);

/** The same change seen from the other side. */
function mirrored(change: MetadataChange): string {
  const kind =
    change.kind === 'added' ? 'removed' : change.kind === 'removed' ? 'added' : 'changed';
  return JSON.stringify([change.rightPath ?? change.path, kind, change.right, change.left]);
}

describe.skipIf(!hasCorpus)(`diffMetadata on the LM → KOR → MIT chain${corpusNote}`, () => {
  it('finds the new version, id, register and declaredTime of LM → KOR', () => {
    const [lm, kor] = [chain[0]!, chain[1]!];
    const changes = diffMetadata(read(lm), read(kor));
    expect(find(changes, 'id')).toMatchObject({
      kind: 'changed',
      left: { root: first(lm, /<id root="([^"]+)"\/>/) },
      right: { root: first(kor, /<id root="([^"]+)"\/>/) },
    });
    expect(find(changes, 'versionNumber')).toMatchObject({
      left: Number(first(lm, /<versionNumber value="(\d+)"/)),
      right: Number(first(kor, /<versionNumber value="(\d+)"/)),
    });
    expect(find(changes, 'register')).toMatchObject({
      leftLabel: first(
        lm,
        /<code code="\d+" codeSystem="1\.2\.246\.537\.5\.40105\.2006"[^>]*displayName="([^"]+)"/,
      ),
      rightLabel: first(
        kor,
        /<code code="\d+" codeSystem="1\.2\.246\.537\.5\.40105\.2006"[^>]*displayName="([^"]+)"/,
      ),
    });
    expect(find(changes, 'localHeader.declaredTime')).toEqual({
      path: 'localHeader.declaredTime',
      kind: 'changed',
      left: first(lm, /<hl7fi:declaredTime value="(\d+)"/),
      right: first(kor, /<hl7fi:declaredTime value="(\d+)"/),
      expected: true,
    });
    const author = find(changes, 'authors[1]');
    expect(author?.kind).toBe('added');
    expect(author?.right).toMatchObject({ functionCode: { code: 'KOR' } });
    expect(find(changes, 'relatedDocuments[0]')).toMatchObject({
      kind: 'added',
      right: { typeCode: 'RPLC', id: { root: first(lm, /<id root="([^"]+)"\/>/) } },
    });
  });

  it('finds the invalidator of KOR → MIT as a changed author role with code labels', () => {
    const changes = diffMetadata(read(chain[1]!), read(chain[2]!));
    expect(find(changes, 'authors[1].functionCode')).toMatchObject({
      kind: 'changed',
      left: { code: 'KOR' },
      right: { code: 'MIT' },
      leftLabel: first(chain[1]!, /<functionCode code="KOR"[^>]*displayName="([^"]+)"/),
      rightLabel: first(chain[2]!, /<functionCode code="MIT"[^>]*displayName="([^"]+)"/),
    });
  });

  it('finds nothing between a document and itself', () => {
    for (const name of chain) expect(diffMetadata(read(name), read(name))).toEqual([]);
  });

  it('is symmetric: right against left gives the same changes mirrored', () => {
    for (const [a, b] of [
      [chain[0]!, chain[1]!],
      [chain[1]!, chain[2]!],
      [chain[0]!, chain[2]!],
    ] as const) {
      const forward = diffMetadata(read(a), read(b)).map(mirrored).sort();
      const backward = diffMetadata(read(b), read(a))
        .map((change) => JSON.stringify([change.path, change.kind, change.left, change.right]))
        .sort();
      expect(backward).toEqual(forward);
    }
  });
});
