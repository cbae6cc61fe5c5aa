/**
 * The Environments screen through the workspace: a profile saved with a wrong passphrase fails
 * to search an HTTPS sandbox with the TLS classifier's reason; after the passphrase is corrected
 * the next search connects with it, a passphrase changed again applies at once (the edited
 * profile's open connection is dropped, not reused), and a removed profile is gone.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSafeStorage } from '../../../../../electron/harness/test-safe-storage';
import { startSandbox, type RunningSandbox } from '../../../../../electron/sandbox/server';
import { createSafeStorageSecretStore } from '../../../../../electron/services/profiles/safe-storage-secret-store';
import {
  samplePatientsOf,
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import type { ProfileDraft } from '../../../../../shared/ipc/profile-editor-types';

let secure: RunningSandbox;
let app: AppWorkspace;
const home = mkdtempSync(path.join(tmpdir(), 'archivist-profile-connections-'));

beforeAll(async () => {
  const started = await startSandbox({ tls: true });
  if (!started.ok) throw new Error(started.error.message);
  secure = started.value;
  mkdirSync(path.join(home, 'local-files'));
  copyFileSync(secure.tls!.clientPkcs12, path.join(home, 'local-files', 'client.p12'));
  copyFileSync(secure.tls!.caCertificate, path.join(home, 'local-files', 'ca.pem'));
  const secrets = createSafeStorageSecretStore(home, createTestSafeStorage());
  const opened = await startAppWorkspace({ home, connect: { deadlineMs: 5000, secrets } });
  if (!opened.ok) throw new Error(opened.error.message);
  app = opened.value;
}, 120_000);

afterAll(async () => {
  await Promise.all([app?.close(), secure?.close()]);
  await closeXmlWorkers();
  rmSync(home, { recursive: true, force: true });
});

async function picked(purpose: 'pkcs12' | 'caFile', name: string): Promise<{ pickId: string }> {
  const result = await app.workspace.profiles.pick({ purpose, name }, undefined);
  if (!result.ok || result.value.kind !== 'picked') throw new Error('not picked');
  return { pickId: result.value.pickId };
}

describe('profiles edited through the workspace', () => {
  it('a corrected passphrase is used by the next search, and a removed profile is gone', async () => {
    const draft: ProfileDraft = {
      id: 'tls-lab',
      displayName: 'TLS lab',
      kind: 'sandbox',
      repository: 'patient-data',
      baseUrl: secure.baseUrl,
      isTestEnvironment: true,
      tls: {
        pkcs12: await picked('pkcs12', 'client.p12'),
        caFile: await picked('caFile', 'ca.pem'),
        hasPassphrase: true,
      },
      followsCalendar: true,
    };
    const created = await app.workspace.profiles.save({
      mode: 'create',
      draft,
      passphrase: 'wrong',
    });
    expect(created.ok).toBe(true);
    const patient = samplePatientsOf(secure.store)[0]?.hetu ?? '';
    const search = (searchId: string) =>
      app.workspace.search({ profileId: 'tls-lab', searchId, query: { patient } }, () => undefined);
    const refused = await search('s1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/passphrase/i);

    const kept = { pkcs12: { keep: true }, caFile: { keep: true }, hasPassphrase: true } as const;
    const fixed = await app.workspace.profiles.save({
      mode: 'edit',
      draft: { ...draft, tls: kept },
      passphrase: secure.tls!.clientPkcs12Passphrase,
    });
    expect(fixed.ok).toBe(true);
    const found = await search('s2');
    expect(found.ok).toBe(true);
    if (found.ok) expect(found.value.rows.length).toBeGreaterThan(0);

    // The working connection is not kept past an edit: a changed passphrase applies at once.
    const broken = await app.workspace.profiles.save({
      mode: 'edit',
      draft: { ...draft, tls: kept },
      passphrase: 'wrong again',
    });
    expect(broken.ok).toBe(true);
    const refusedAgain = await search('s3');
    expect(refusedAgain.ok).toBe(false);
    if (!refusedAgain.ok) expect(refusedAgain.error.message).toMatch(/passphrase/i);

    expect((await app.workspace.profiles.remove('tls-lab')).ok).toBe(true);
    const overview = await app.workspace.overview();
    expect(overview.ok && overview.value.profiles.map((profile) => profile.id)).toEqual([
      'sandbox',
    ]);
    expect(await search('s4')).toMatchObject({ ok: false, error: { code: 'profile-unknown' } });
  });
});
