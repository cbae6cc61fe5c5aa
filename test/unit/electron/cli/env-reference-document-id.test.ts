/**
 * Review 10, finding 2: `env:NAME:<document id>` takes the document id a pipeline knows (the CDA
 * `ClinicalDocument/id`), not only the resource id the server assigned. Against a real sandbox
 * whose resource ids differ from the document ids: compare and show by document id (the lookup
 * audited as a search), the resource id still read first (an OID can be either), several matches
 * named, and an id that is neither told in one line with where to find the ids.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecords } from '../../../../electron/services/audit/reader';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import type { SeedDocument } from '../../../../electron/sandbox/seed/seed-types';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { addSandboxProfile, startedSandbox } from '../../../support/sandbox-profiles';
import { testCatalog, testHetu } from '../sandbox/support/test-catalog';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-env-document-id-'));
const hetu = testHetu(0);
const stored = '1.2.246.10.999.52.1';
const twice = '1.2.246.10.999.88.1';
/** A resource whose resource id is an OID, and another whose document id is that same OID. */
const oidResourceId = '1.2.246.10.999.60.1';
const withExtension = '1.2.246.10.999.70^dok-1';
let sandbox: RunningSandbox;
let homes = 0;

const cda = (root: string, extension?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="${root}"${extension ? ` extension="${extension}"` : ''}/>
  <setId root="${root}.0"/><versionNumber value="1"/>
  <title>Lääkitys ${root}</title>
  <recordTarget><patientRole><id root="1.2.246.21" extension="${hetu}"/></patientRole></recordTarget>
  <component><structuredBody><component><section><title>Lääkitys</title><text>1 tabletti</text></section></component></structuredBody></component>
</ClinicalDocument>
`;

/** [resource id, document id, day of January 2024]; the CDA carries the document id. */
const documents: readonly (readonly [string, string, number])[] = [
  ['at-doc-52', stored, 1],
  ['twice-older', twice, 2],
  ['twice-newer', twice, 9],
  [oidResourceId, '1.2.246.10.999.61.1', 3],
  ['named-by-oid', oidResourceId, 4],
  ['with-extension', withExtension, 5],
];

beforeAll(async () => {
  const catalog = testCatalog(1, documents.length);
  const list = catalog.documents.map((seed, i): SeedDocument => {
    const [resourceId, documentId, day] = documents[i]!;
    const [root, extension] = documentId.split('^');
    return {
      ...seed,
      documentReference: {
        ...seed.documentReference,
        id: resourceId,
        masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:${documentId}` },
        date: new Date(Date.UTC(2024, 0, day)).toISOString(),
      },
      bytes: () => new TextEncoder().encode(cda(root!, extension)),
    };
  });
  sandbox = await startedSandbox({ catalog: { ...catalog, documents: list } });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

async function freshHome(): Promise<string> {
  const home = path.join(work, `home-${homes++}`);
  await addSandboxProfile(home, sandbox.baseUrl);
  return home;
}

async function showId(home: string, id: string) {
  const run = await runArchivist(['show', `env:local:${id}`, '--json', '--home', home]);
  return { ...run, metadata: run.code === 0 ? (JSON.parse(run.stdout) as ShownId) : undefined };
}
interface ShownId {
  readonly id: { readonly root: string; readonly extension?: string };
}

function expectOneLine(run: { code: number; stdout: string; stderr: string }) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('env:NAME:<document id>', () => {
  it('compares a file with the stored document named by its document id; the lookup is audited as a search', async () => {
    const home = await freshHome();
    const file = path.join(work, 'sent.xml');
    writeFileSync(file, cda(stored));
    const run = await runArchivist([
      'compare',
      file,
      `env:local:${stored}`,
      '--format',
      'json',
      '--home',
      home,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { report } = JSON.parse(run.stdout) as {
      report: { identical: boolean; documents: { right: { id: string; source: string } } };
    };
    expect(report.identical).toBe(true);
    expect(report.documents.right).toMatchObject({ id: stored, source: `env:local:${stored}` });
    const events = listRecords(home, {}).map((record) => record.event);
    const search = events.find((event) => event.subtype?.[0]?.code === 'search');
    const query = search?.entity.find((entity) => entity.query)?.query ?? '';
    expect(Buffer.from(query, 'base64').toString('utf8')).toBe(
      `DocumentReference?documentId=${stored}`,
    );
    expect(JSON.stringify(search)).toContain(hetu);
    // Found, then read: no failed read is left behind by the resource id tried first.
    expect(events.filter((event) => event.outcome !== '0')).toEqual([]);
  }, 60_000);

  it('shows the document named by its document id, and still by its resource id', async () => {
    const home = await freshHome();
    for (const id of [stored, 'at-doc-52']) {
      const run = await showId(home, id);
      expect(run.stderr).toBe('');
      expect(run.metadata?.id.root).toBe(stored);
    }
  }, 60_000);

  it('takes root^extension, which cannot be a resource id', async () => {
    const run = await showId(await freshHome(), withExtension);
    expect(run.stderr).toBe('');
    expect(run.metadata?.id).toEqual({ root: '1.2.246.10.999.70', extension: 'dok-1' });
  }, 60_000);

  it('reads an OID as a resource id first, as README says', async () => {
    const run = await showId(await freshHome(), oidResourceId);
    expect(run.stderr).toBe('');
    expect(run.metadata?.id.root).toBe('1.2.246.10.999.61.1');
  }, 60_000);

  it('names every document sharing the document id, newest first, and reads none', async () => {
    const home = await freshHome();
    const run = await runArchivist([
      'compare',
      `env:local:${twice}`,
      'env:local:at-doc-52',
      '--home',
      home,
    ]);
    expectOneLine(run);
    expect(run.stderr).toContain(
      `env:local:${twice}: 2 documents in local have the document id ${twice}: twice-newer (`,
    );
    expect(run.stderr).toMatch(/twice-newer \([^)]*current, 2024-01-09\), twice-older \(/);
    expect(run.stderr).toContain('give one as env:local:<resource id>.');
    const reads = listRecords(home, {}).filter((record) => record.event.action === 'R');
    expect(reads.map((record) => record.event.outcome)).toEqual(['8']);
  }, 60_000);

  it('says neither kind of id matched, with where to find them, and records the failed read', async () => {
    const home = await freshHome();
    const missing = '1.2.246.10.999.404.1';
    const run = await runArchivist(['show', `env:local:${missing}`, '--home', home]);
    expectOneLine(run);
    expect(run.stderr).toBe(
      `archivist show: env:local:${missing}: local has no document whose resource id or document id is ${missing}; archivist search --env local --patient HETU lists both ids of a patient's documents.\n`,
    );
    const reads = listRecords(home, {}).filter((record) => record.event.action === 'R');
    expect(reads.map((record) => record.event.outcome)).toEqual(['8']);
  }, 60_000);

  it('refuses an id with characters no document id has, as bad usage', async () => {
    const run = await runArchivist(['show', 'env:local:1.2.3/4', '--home', await freshHome()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('an environment reference is env:NAME:<document id>');
  });
});
