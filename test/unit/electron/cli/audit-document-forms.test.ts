/**
 * Reads of an environment's document name its resource beside its document id (review 10,
 * finding 6), against a real sandbox: after `show env:…` and `compare env:…` (json and unified),
 * `audit list --document` finds every read by the document id, the bare resource id and
 * `DocumentReference/<id>` alike; a local file's read names no resource.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { addSandboxProfile, startedSandbox } from '../../../support/sandbox-profiles';
import { runArchivist } from '../../support/run-cli';

let sandbox: RunningSandbox;
let resourceId = '';
let documentId = '';
const work = mkdtempSync(join(tmpdir(), 'archivist-audit-forms-'));
const home = join(work, 'home');
const localFile = fileURLToPath(
  new URL('../../../fixtures/documents/rcmr-in100002-store.xml', import.meta.url),
);

beforeAll(async () => {
  sandbox = await startedSandbox();
  const first = [...sandbox.store.documents.keys()][0];
  if (!first) throw new Error('the seed has no documents');
  resourceId = first;
  await addSandboxProfile(home, sandbox.baseUrl);
  const shown = await runArchivist(['show', `env:local:${resourceId}`, '--json', '--home', home]);
  const metadata = JSON.parse(shown.stdout) as { id: { root: string; extension?: string } };
  const { root, extension } = metadata.id;
  documentId = extension === undefined ? root : `${root}^${extension}`;
  for (const format of ['json', 'unified'])
    await runArchivist([
      'compare',
      localFile,
      `env:local:${resourceId}`,
      '--format',
      format,
      '--home',
      home,
    ]);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

interface Listed {
  readonly sequence: number;
  readonly event: {
    readonly action: string;
    readonly agent: readonly { readonly network?: unknown }[];
    readonly entity: readonly { readonly what: { readonly identifier?: { value: string } } }[];
  };
}

async function reads(document: string): Promise<Listed[]> {
  const run = await runArchivist([
    'audit',
    'list',
    '--json',
    '--document',
    document,
    '--home',
    home,
  ]);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as Listed[]).filter((record) => record.event.action === 'R');
}

describe('reads of an environment document, found by either id', () => {
  it('show and both compares record the document id and the resource reference', async () => {
    const byDocument = await reads(documentId);
    const fromEnvironment = byDocument.filter((record) =>
      record.event.agent.some((agent) => agent.network !== undefined),
    );
    // show, compare json's right side, compare unified's right side
    expect(fromEnvironment).toHaveLength(3);
    for (const record of fromEnvironment)
      expect(record.event.entity.map((entity) => entity.what.identifier?.value)).toContain(
        `DocumentReference/${resourceId}`,
      );
    const all = await runArchivist(['audit', 'list', '--json', '--action', 'R', '--home', home]);
    const local = (JSON.parse(all.stdout) as Listed[]).filter(
      (record) => !record.event.agent.some((agent) => agent.network !== undefined),
    );
    expect(local).toHaveLength(2);
    for (const record of local)
      expect(JSON.stringify(record.event)).not.toContain('DocumentReference/');
  }, 60_000);

  it('the resource id and the reference find the same reads', async () => {
    const sequencesOf = async (id: string) => (await reads(id)).map((record) => record.sequence);
    const byResource = await sequencesOf(resourceId);
    expect(byResource).toHaveLength(3);
    expect(await sequencesOf(`DocumentReference/${resourceId}`)).toEqual(byResource);
  }, 60_000);
});
