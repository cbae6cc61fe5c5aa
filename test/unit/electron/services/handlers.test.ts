import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, missingHandlers } from '../../../../electron/services/handlers';
import { err } from '../../../../shared/result';

function handlersFor(home: string) {
  return createHandlers({ home, openLink: async () => err('not-available', 'no') });
}

const profile = {
  id: 'at-patient',
  displayName: 'AT patient data',
  kind: 'AT',
  baseUrl: 'https://at.example.invalid/fhir',
  repository: 'patient-data',
  isTestEnvironment: true,
  organisationOid: '1.2.246.10.12345678',
};

describe('app:info', () => {
  it('has a handler for every channel', () => {
    expect(missingHandlers(handlersFor('/x'))).toEqual([]);
  });

  it('answers version, data folder and no profiles on a fresh home', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-home-'));
    const result = await handlersFor(home)['app:info']({});
    expect(result).toEqual({
      ok: true,
      value: { version: expect.stringMatching(/^\d+\.\d+\.\d+/), dataFolder: home, profiles: [] },
    });
  });

  it('lists profiles without connection details', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-home-'));
    writeFileSync(path.join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
    const result = await handlersFor(home)['app:info']({});
    expect(result.ok && result.value.profiles).toEqual([
      {
        id: 'at-patient',
        displayName: 'AT patient data',
        kind: 'AT',
        repository: 'patient-data',
        isTestEnvironment: true,
      },
    ]);
  });

  it.each([
    ['broken JSON', '{"profiles": [', 'is not valid JSON'],
    ['a wrong shape', '[]', 'must hold an object with a "profiles" list'],
    [
      'an unknown kind',
      JSON.stringify({ profiles: [{ ...profile, kind: 'PROD' }] }),
      'profiles[0].kind must be one of sandbox, AT, TK, folder, fhir',
    ],
    [
      'a bad OID',
      JSON.stringify({ profiles: [{ ...profile, organisationOid: '1.2.x' }] }),
      'must be an OID',
    ],
    [
      'a duplicate name',
      JSON.stringify({ profiles: [profile, profile] }),
      "two profiles are named 'at-patient'",
    ],
  ])('reports %s in profiles.json instead of failing', async (_label, contents, message) => {
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-home-'));
    writeFileSync(path.join(home, 'profiles.json'), contents);
    const result = await handlersFor(home)['app:info']({});
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.profiles).toEqual([]);
    expect(result.ok && result.value.profilesProblem).toContain(message);
  });
});

describe('workspace channels', () => {
  it('explain themselves when the window has no workspace', async () => {
    const result = await handlersFor('/x')['documents:search']({
      profileId: 'sandbox',
      searchId: 's1',
      query: { setId: '1.2.3' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'workspace-unavailable' } });
  });

  it('pass search progress on as events, and answer with the workspace result', async () => {
    const { startAppWorkspace } =
      await import('../../../../electron/services/workspace/app-workspace');
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-home-'));
    const app = await startAppWorkspace({ home });
    if (!app.ok) throw new Error(app.error.message);
    try {
      const events: unknown[] = [];
      const handlers = createHandlers({
        home,
        openLink: async () => err('not-available', 'no'),
        workspace: app.value.workspace,
        publish: (name, payload) => events.push({ name, payload }),
      });
      const overview = await handlers['workspace:overview']({});
      const hetu = overview.ok ? overview.value.samplePatients[0]?.hetu : undefined;
      const result = await handlers['documents:search']({
        profileId: 'sandbox',
        searchId: 'h1',
        query: { patient: hetu ?? '' },
      });
      expect(result.ok && result.value.rows.length).toBeGreaterThan(0);
      expect(events.at(-1)).toMatchObject({
        name: 'documents:search-progress',
        payload: { searchId: 'h1', fetched: result.ok ? result.value.rows.length : -1 },
      });
      const cancel = await handlers['documents:cancel-search']({ searchId: 'h1' });
      expect(cancel).toEqual({ ok: true, value: { wasRunning: false } });
    } finally {
      await app.value.close();
    }
  });
});
