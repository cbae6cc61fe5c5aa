/**
 * Review 9, defects 1 and 2: the same document in two environments. Two real sandboxes stand in
 * for AT and TK; as on the real services each stores the document under its own resource id, and
 * TK has invalidated it. The workspace finds it in TK by its document id (audited as a search),
 * and the comparison names each side's stored status and lists the difference; a document TK
 * holds twice is offered newest first, one it lacks and an environment that is down say so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecords } from '../../../../../electron/services/audit/reader';
import type { RunningSandbox } from '../../../../../electron/sandbox/server';
import type { SeedDocument } from '../../../../../electron/sandbox/seed/seed-types';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import { addAlwaysOpenProfiles, startedSandbox } from '../../../../support/sandbox-profiles';
import { testCatalog, testHetu } from '../../sandbox/support/test-catalog';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-same-document-'));
const home = path.join(work, 'home');
let app: AppWorkspace;
let at: RunningSandbox;
let tk: RunningSandbox;

const sharedId = '1.2.246.10.999.77.1';
const twiceInTk = '1.2.246.10.999.88.1';

const cda = (id: string) =>
  new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="${id}"/>
  <setId root="1.2.246.10.999.1"/><versionNumber value="2"/>
  <title>Lääkitys</title>
  <recordTarget><patientRole><id root="1.2.246.21" extension="${testHetu(0)}"/></patientRole></recordTarget>
  <component><structuredBody><component><section><title>Lääkitys</title><text>1 tabletti</text></section></component></structuredBody></component>
</ClinicalDocument>
`);

/** A sandbox storing `documents`: [resource id, document id, FHIR status, day of January 2024]. */
function sandboxStoring(
  documents: readonly (readonly [string, string, 'current' | 'entered-in-error', number])[],
) {
  const catalog = testCatalog(1, documents.length);
  const list = catalog.documents.map((seed, i): SeedDocument => {
    const [resourceId, documentId, status, day] = documents[i]!;
    return {
      ...seed,
      documentReference: {
        ...seed.documentReference,
        id: resourceId,
        masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:${documentId}` },
        status,
        date: new Date(Date.UTC(2024, 0, day)).toISOString(),
      },
      bytes: () => cda(documentId),
    };
  });
  return startedSandbox({ catalog: { ...catalog, documents: list } });
}

/** A port nothing listens on: the "environment down" of the test. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  [at, tk] = await Promise.all([
    sandboxStoring([['at-50', sharedId, 'current', 1]]),
    sandboxStoring([
      ['tk-7', sharedId, 'entered-in-error', 1],
      ['tk-older', twiceInTk, 'current', 2],
      ['tk-newer', twiceInTk, 'current', 9],
    ]),
  ]);
  const down = `http://127.0.0.1:${await closedPort()}`;
  await addAlwaysOpenProfiles(home, [
    ['at', 'AT', 'Kanta AT', at.baseUrl],
    ['tk', 'TK', 'Kanta TK', tk.baseUrl],
    ['down', 'TK', 'Down TK', down],
  ]);
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 5_000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
}, 60_000);

afterAll(async () => {
  await Promise.all([app?.close(), at?.close(), tk?.close()]);
  rmSync(work, { recursive: true, force: true });
});

describe('the same document in another environment', () => {
  it('is found by its document id under its own resource id, and the search is audited', async () => {
    const before = listRecords(home, {}).length;
    const found = await app.workspace.findSameDocument({ profileId: 'tk', documentId: sharedId });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.environment).toBe('Kanta TK');
    expect(found.value.matches.map((row) => [row.resourceId, row.status])).toEqual([
      ['tk-7', 'invalidated'],
    ]);
    // Recorded as every search is: a query event naming the query and the environment.
    const recorded = listRecords(home, {})
      .slice(before)
      .map((record) => record.event);
    expect(recorded.map((event) => event.subtype?.[0]?.code)).toEqual(['search']);
    const query = recorded[0]?.entity.find((entity) => entity.query)?.query ?? '';
    expect(Buffer.from(query, 'base64').toString('utf8')).toBe(
      `DocumentReference?documentId=${sharedId}`,
    );
    expect(JSON.stringify(recorded[0])).toContain(tk.baseUrl);
  });

  it('compares AT against TK with both stored statuses and their difference', async () => {
    const compared = await app.workspace.compare({
      compareId: 'at-tk-status',
      left: { profileId: 'at', resourceId: 'at-50' },
      right: { profileId: 'tk', resourceId: 'tk-7' },
      ignoreProfile: 'auto',
    });
    if (!compared.ok) throw new Error(compared.error.message);
    const { left, right, result } = compared.value;
    expect(result.identical).toBe(false);
    expect(result.metadata.shown).toEqual([
      expect.objectContaining({ path: 'storedStatus', left: 'current', right: 'invalidated' }),
    ]);
    expect([left.document.storedStatus, right.document.storedStatus]).toEqual([
      'current',
      'invalidated',
    ]);
    // Named by version and environment (review 9, defect 12); the resource ids stay with them.
    expect([left.label, right.label]).toEqual(['version 2 · Kanta AT', 'version 2 · Kanta TK']);
    expect([left.resourceId, right.resourceId]).toEqual(['at-50', 'tk-7']);
    const exported = await app.workspace.exportReport('at-tk-status', {
      exportId: 'x-status',
      format: 'json',
      redact: false,
      onProgress: () => undefined,
    });
    if (!exported.ok || exported.value.kind !== 'download') throw new Error('not exported');
    const report = JSON.parse(Buffer.from(exported.value.base64, 'base64').toString('utf8')).report;
    expect(report.documents.left.storedStatus).toBe('current');
    expect(report.documents.right.storedStatus).toBe('invalidated');
    expect(report.identical).toBe(false);
  }, 60_000);

  it('offers several matches newest first', async () => {
    const found = await app.workspace.findSameDocument({ profileId: 'tk', documentId: twiceInTk });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.matches.map((row) => row.resourceId)).toEqual(['tk-newer', 'tk-older']);
  });

  it('says the environment lacks a document it does not hold', async () => {
    const found = await app.workspace.findSameDocument({ profileId: 'at', documentId: twiceInTk });
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.error.code).toBe('same-document-not-found');
    expect(found.error.message).toBe(
      `Kanta AT has no document with the document id ${twiceInTk}: it was never stored there, or under another id.`,
    );
    // Not holding a document says nothing about the environment being down.
    const overview = await app.workspace.overview();
    const state = overview.ok && overview.value.profiles.find((p) => p.id === 'at')?.connection;
    expect(state).toMatchObject({ state: 'ok' });
  });

  it('names the environment that is down, in the environment error it gave', async () => {
    const found = await app.workspace.findSameDocument({ profileId: 'down', documentId: sharedId });
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.error.code).toBe('env-unreachable');
    expect(found.error.message).toMatch(/^Down TK: cannot reach 127\.0\.0\.1:\d+/i);
  }, 60_000);
});
