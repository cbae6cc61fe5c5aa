import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../shared/crypto/sha256';
import { readCdaDocument } from '../../../../shared/documents/cda';
import type {
  Author,
  DocumentId,
  DocumentMetadata,
  RelatedDocument,
  SetId,
} from '../../../../shared/documents/model';
import {
  buildVersionChains,
  metadataFingerprint,
  type ChainInput,
} from '../../../../shared/documents/version-chain';
import { corpusBytes, corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';

const id = (root: string): DocumentId => ({ root }) as DocumentId;
const set = (root: string): SetId => ({ root }) as SetId;
const author = (code: string): Author => ({
  ids: [],
  functionCode: { code, codeSystem: '1.2.246.537.5.40006.2003' },
});
const rplc = (root: string): RelatedDocument => ({ typeCode: 'RPLC', id: id(root) });

function doc(
  root: string,
  setRoot: string | undefined,
  version: number | undefined,
  extra: Partial<DocumentMetadata> = {},
): DocumentMetadata {
  return {
    format: 'cda',
    id: id(root),
    ...(setRoot === undefined ? {} : { setId: set(setRoot) }),
    ...(version === undefined ? {} : { versionNumber: version }),
    templateIds: [],
    authors: [author('MER')],
    participants: [],
    relatedDocuments: [],
    signatures: [],
    identityCodes: [],
    attachments: [],
    body: { kind: 'none' },
    warnings: [],
    ...extra,
  };
}

const input = (key: string, meta: DocumentMetadata, contentHash?: string): ChainInput =>
  contentHash === undefined ? { key, meta } : { key, meta, contentHash };

const states = (inputs: readonly ChainInput[]) =>
  buildVersionChains(inputs).chains.map((chain) => chain.versions.map((v) => [v.key, v.state]));

describe('buildVersionChains: states', () => {
  it('orders by versionNumber whatever the input order; the last is current', () => {
    const result = buildVersionChains([
      input('v2', doc('a.2', 'a', 2, { relatedDocuments: [rplc('a.1')] })),
      input('v1', doc('a.1', 'a', 1)),
    ]);
    expect(result.chains).toHaveLength(1);
    expect(result.chains[0]).toMatchObject({
      setId: { root: 'a' },
      status: 'active',
      conflicts: [],
    });
    expect(result.chains[0]?.versions).toEqual([
      {
        key: 'v1',
        id: { root: 'a.1' },
        versionNumber: 1,
        state: 'replaced',
        isInvalidation: false,
        replaces: [],
        replacedBy: ['v2'],
      },
      {
        key: 'v2',
        id: { root: 'a.2' },
        versionNumber: 2,
        state: 'current',
        isInvalidation: false,
        replaces: ['v1'],
        replacedBy: [],
      },
    ]);
  });

  it('invalidates every earlier version when a later one has an MIT author', () => {
    const result = buildVersionChains([
      input('lm', doc('a.1', 'a', 1)),
      input('kor', doc('a.2', 'a', 2, { relatedDocuments: [rplc('a.1')] })),
      input(
        'mit',
        doc('a.3', 'a', 3, {
          relatedDocuments: [rplc('a.2')],
          authors: [author('MER'), author('MIT')],
        }),
      ),
    ]);
    const chain = result.chains[0]!;
    expect(chain.status).toBe('invalidated');
    expect(chain.versions.map((v) => [v.key, v.state, v.isInvalidation, v.invalidatedBy])).toEqual([
      ['lm', 'invalidated', false, 'mit'],
      ['kor', 'invalidated', false, 'mit'],
      ['mit', 'current', true, undefined],
    ]);
  });

  it('does not treat MIT from another code system as an invalidation', () => {
    const other: Author = { ids: [], functionCode: { code: 'MIT', codeSystem: '9.9' } };
    expect(
      states([
        input('v1', doc('a.1', 'a', 1)),
        input('v2', doc('a.2', 'a', 2, { authors: [other] })),
      ]),
    ).toEqual([
      [
        ['v1', 'replaced'],
        ['v2', 'current'],
      ],
    ]);
  });

  it('follows RPLC links between documents without setIds (FHIR relatesTo by reference)', () => {
    const first = doc('x', undefined, undefined, {
      format: 'fhir',
      fhir: fhirDetails('dr-1', 'superseded'),
    });
    const second = doc('y', undefined, undefined, {
      format: 'fhir',
      fhir: fhirDetails('dr-2', 'current'),
      relatedDocuments: [
        {
          typeCode: 'RPLC',
          id: id(''),
          reference: 'https://fhir.example.invalid/DocumentReference/dr-1',
        },
      ],
    });
    expect(states([input('b', second), input('a', first)])).toEqual([
      [
        ['a', 'replaced'],
        ['b', 'current'],
      ],
    ]);
  });

  it('marks a FHIR entered-in-error document invalidated by itself', () => {
    const meta = doc('x', undefined, undefined, {
      format: 'fhir',
      fhir: fhirDetails('dr-1', 'entered-in-error'),
    });
    const [chain] = buildVersionChains([input('a', meta)]).chains;
    expect(chain?.status).toBe('invalidated');
    expect(chain?.versions[0]).toMatchObject({ state: 'invalidated', invalidatedBy: 'a' });
  });

  it('shows the status the server stores, and no invented replacement of a current version (review 9)', () => {
    // The sandbox's planted duplicate: a second "version 1" of the set, stored as current, dated
    // after version 3 and pointing at nothing.
    const stored = (status: string) => ({ format: 'cda' as const, fhir: fhirDetails('', status) });
    const result = buildVersionChains([
      input('d50', doc('s.50', 's', 1, stored('superseded'))),
      input(
        'd51',
        doc('s.51', 's', 2, { ...stored('superseded'), relatedDocuments: [rplc('s.50')] }),
      ),
      input('d52', doc('s.52', 's', 3, { ...stored('current'), relatedDocuments: [rplc('s.51')] })),
      input('d53', doc('s.53', 's', 1, { ...stored('current'), effectiveTime: '20250512' })),
    ]);
    const versions = result.chains[0]!.versions;
    expect(versions.map((v) => [v.key, v.state, v.replacedBy])).toEqual([
      ['d50', 'replaced', ['d51', 'd52']],
      ['d53', 'current', []],
      ['d51', 'replaced', ['d52']],
      ['d52', 'current', []],
    ]);
    expect(result.chains[0]!.conflicts).toMatchObject([
      { kind: 'version-conflict', versionNumber: 1, keys: ['d50', 'd53'] },
    ]);
  });

  it('keeps an RPLC link to a version the server calls current, and the stored state', () => {
    const meta = (root: string, version: number, status: string, extra = {}) =>
      doc(root, 't', version, { fhir: fhirDetails(root, status), ...extra });
    const versions = buildVersionChains([
      input('t1', meta('t.1', 1, 'current')),
      input('t2', meta('t.2', 2, 'current', { relatedDocuments: [rplc('t.1')] })),
    ]).chains[0]!.versions;
    expect(versions.map((v) => [v.key, v.state, v.replacedBy])).toEqual([
      ['t1', 'current', ['t2']],
      ['t2', 'current', []],
    ]);
  });

  it('says "replaced" where the server stores superseded, though a later version invalidates the series', () => {
    // The folder profile's LM → KOR → MIT: the table says replaced, and so must the tab.
    const meta = (root: string, version: number, status: string, extra = {}) =>
      doc(root, 'm', version, { fhir: fhirDetails(root, status), ...extra });
    const [chain] = buildVersionChains([
      input('lm', meta('m.1', 1, 'superseded')),
      input('kor', meta('m.2', 2, 'superseded', { relatedDocuments: [rplc('m.1')] })),
      input(
        'mit',
        meta('m.3', 3, 'current', {
          relatedDocuments: [rplc('m.2')],
          authors: [author('MER'), author('MIT')],
        }),
      ),
    ]).chains;
    expect(chain!.versions.map((v) => [v.key, v.state, v.invalidatedBy])).toEqual([
      ['lm', 'replaced', 'mit'],
      ['kor', 'replaced', 'mit'],
      ['mit', 'current', undefined],
    ]);
    expect(chain!.status).toBe('invalidated');
  });

  it('keeps documents of different series apart and in input order', () => {
    const result = buildVersionChains([
      input('b1', doc('b.1', 'b', 1)),
      input('a1', doc('a.1', 'a', 1)),
    ]);
    expect(result.chains.map((c) => c.setId?.root)).toEqual(['b', 'a']);
  });

  it('does not link APND documents into the series', () => {
    const appendix = doc('c.1', 'c', 1, {
      relatedDocuments: [{ typeCode: 'APND', id: id('a.1') }],
    });
    expect(
      buildVersionChains([input('a1', doc('a.1', 'a', 1)), input('c1', appendix)]).chains,
    ).toHaveLength(2);
  });
});

describe('buildVersionChains: conflicts and notes', () => {
  it('flags the same setId and version with different ids', () => {
    const result = buildVersionChains([
      input('x', doc('a.1', 'a', 1)),
      input('y', doc('a.9', 'a', 1)),
    ]);
    expect(result.conflicts).toEqual([
      {
        kind: 'version-conflict',
        setId: { root: 'a' },
        versionNumber: 1,
        keys: ['x', 'y'],
        ids: [{ root: 'a.1' }, { root: 'a.9' }],
      },
    ]);
    expect(result.chains[0]?.versions.map((v) => v.state)).toEqual(['current', 'current']);
  });

  it('flags one id used for different content, and notes identical copies', () => {
    const result = buildVersionChains([
      input('p', doc('a.1', 'a', 1), 'hash-1'),
      input('q', doc('a.1', 'a', 1), 'hash-2'),
      input('r', doc('b.1', 'b', 1), 'hash-3'),
      input('s', doc('b.1', 'b', 1), 'hash-3'),
    ]);
    expect(result.conflicts).toEqual([
      { kind: 'id-reused', id: { root: 'a.1' }, keys: ['p', 'q'], hashes: ['hash-1', 'hash-2'] },
    ]);
    expect(result.notes).toEqual([{ kind: 'duplicate', id: { root: 'b.1' }, keys: ['r', 's'] }]);
    expect(result.chains[0]?.conflicts).toHaveLength(1);
    expect(result.chains[1]?.notes).toHaveLength(1);
  });

  it('notes an RPLC link to a version that was not given', () => {
    const result = buildVersionChains([
      input('v2', doc('a.2', 'a', 2, { relatedDocuments: [rplc('a.1')] })),
    ]);
    expect(result.notes).toEqual([{ kind: 'missing-link', key: 'v2', target: { root: 'a.1' } }]);
  });

  it('never links documents through nullFlavor ids', () => {
    const result = buildVersionChains([
      input('x', doc('', undefined, 1)),
      input('y', doc('', undefined, 1)),
    ]);
    expect(result.chains).toHaveLength(2);
    expect(result.conflicts).toEqual([]);
  });
});

describe('metadataFingerprint', () => {
  it('ignores archive-filled fields and key order, not content', () => {
    const base = doc('a.1', 'a', 1);
    const archived = { ...base, copyTime: '20240101', localHeader: localHeader('20240102') };
    const otherArchived = { ...base, localHeader: localHeader('20250101'), copyTime: '20990101' };
    expect(metadataFingerprint(archived)).toBe(metadataFingerprint(otherArchived));
    expect(metadataFingerprint({ ...base, title: 'x' })).not.toBe(metadataFingerprint(base));
  });
});

describe.skipIf(!hasCorpus)(`buildVersionChains on the corpus${corpusNote}`, () => {
  const chainInput = (path: string): ChainInput => ({
    key: path,
    meta: unwrap(readCdaDocument(corpusTree(path))),
    contentHash: sha256Hex(corpusBytes(path)),
  });

  it('recognises Esko LM -> KOR -> MIT as one setId with three versions, invalidated', () => {
    const paths = ['MIT', 'LM', 'KOR'].map((name) => `kanta-cda-api/Esko__4_Renitec_${name}.xml`);
    const result = buildVersionChains(paths.map(chainInput));
    expect(result.chains).toHaveLength(1);
    const chain = result.chains[0]!;
    expect(chain.setId).toEqual({ root: '1.2.246.10.6794809.93001.2015.413' });
    expect(chain.status).toBe('invalidated');
    expect(chain.conflicts).toEqual([]);
    expect(
      chain.versions.map((v) => [v.versionNumber, v.id.root, v.state, v.isInvalidation]),
    ).toEqual([
      [1, '1.2.246.10.6794809.93001.2015.413', 'invalidated', false],
      [2, '1.2.246.10.6794809.93001.2015.415', 'invalidated', false],
      [3, '1.2.246.10.6794809.93001.2015.416', 'current', true],
    ]);
    expect(chain.versions.map((v) => v.replaces)).toEqual([[], [paths[1]], [paths[2]]]);
  });

  it('eDoctoral LM -> KOR: the correction replaces the prescription', () => {
    const result = buildVersionChains(
      ['KOR', 'LM'].map((name) => chainInput(`kanta-cda-api/eDoctoral__5 Nutrilon ${name}.xml`)),
    );
    expect(result.chains[0]?.versions.map((v) => [v.versionNumber, v.state])).toEqual([
      [1, 'replaced'],
      [2, 'current'],
    ]);
  });

  it('Mediatri LM -> MIT: the prescription is invalidated', () => {
    const result = buildVersionChains(
      ['lm', 'mit'].map((name) => chainInput(`kanta-cda-api/Mediatri__4 physiogel ${name}.xml`)),
    );
    expect(result.chains[0]?.status).toBe('invalidated');
    expect(result.chains[0]?.versions.map((v) => v.state)).toEqual(['invalidated', 'current']);
  });

  it('the byte-identical DynamicHealth pair is a duplicate, not a conflict', () => {
    const result = buildVersionChains([
      chainInput('kanta-cda-api/DynamicHealth__1 diatsepaami lm.xml'),
      chainInput('kanta-cda-api/DynamicHealth__1 leponex lm.xml'),
    ]);
    expect(result.conflicts).toEqual([]);
    expect(result.notes).toEqual([
      {
        kind: 'duplicate',
        id: { root: '1.2.246.10.19623654.93009.2015.169' },
        keys: [
          'kanta-cda-api/DynamicHealth__1 diatsepaami lm.xml',
          'kanta-cda-api/DynamicHealth__1 leponex lm.xml',
        ],
      },
    ]);
  });

  it('C-CDA sTT988 v1: three documents, two ids, one id reused by different content', () => {
    const paths = [
      'hl7-ccda-examples/CCD 1__CCD.XML',
      'hl7-ccda-examples/Discharge_Summary.xml',
      'hl7-ccda-examples/CDA_Embedded_Text_Plain_Surgical_Consult.xml',
    ];
    const result = buildVersionChains(paths.map(chainInput));
    expect(result.chains).toHaveLength(1);
    expect(result.conflicts).toEqual([
      {
        kind: 'version-conflict',
        setId: { root: '2.16.840.1.113883.19.5.99999.19', extension: 'sTT988' },
        versionNumber: 1,
        keys: paths,
        ids: [
          { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT988' },
          { root: '2.16.840.1.113883.19.5.999535454.1', extension: 'X451212' },
        ],
      },
      {
        kind: 'id-reused',
        id: { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT988' },
        keys: paths.slice(0, 2),
        // sha256sum of the two files
        hashes: [
          '9f75d7df96fb711841c8ce8d71da901e132185ac83290a00bf3bdd4eea008783',
          'f6fcbff1e5148c7165c9d8bca52d30bab53c57dd1c8400bb469be0f1d017b1be',
        ],
      },
    ]);
  });

  it('C-CDA 004bb033 v2: two different version-2 documents, both pointing at absent v1s', () => {
    const paths = [
      'hl7-ccda-examples/CCD Parent Document Replace (C-CDAR2.1).xml',
      'hl7-ccda-examples/Care_Plan.xml',
    ];
    const result = buildVersionChains(paths.map(chainInput));
    expect(result.conflicts.map((c) => c.kind)).toEqual(['version-conflict']);
    expect(result.notes).toEqual([
      {
        kind: 'missing-link',
        key: paths[0],
        target: { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT661' },
      },
      {
        kind: 'missing-link',
        key: paths[1],
        target: { root: '223769be-f6ee-4b04-a0ce-b56ae998c880' },
      },
    ]);
  });
});

function fhirDetails(resourceId: string, status: string): DocumentMetadata['fhir'] {
  return { resourceId, status, profiles: [], identifiers: [], categories: [], securityLabels: [] };
}

function localHeader(declaredTime: string): DocumentMetadata['localHeader'] {
  return {
    declaredTime,
    tableOfContents: [],
    auditTrail: [],
    serviceChainLink: [],
    episodeLink: [],
    product: [],
    otherElements: [],
  };
}
