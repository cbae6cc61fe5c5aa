import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecords } from '../../../../../electron/services/audit/reader';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import type { SearchProgressEvent } from '../../../../../shared/ipc/workspace-types';

let app: AppWorkspace;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'archivist-workspace-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 2000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
});
afterAll(async () => {
  await app.close();
});

async function firstPatient(): Promise<string> {
  const overview = await app.workspace.overview();
  if (!overview.ok) throw new Error(overview.error.message);
  const patient = overview.value.samplePatients[0];
  if (!patient) throw new Error('no sample patient');
  return patient.hetu;
}

describe('overview', () => {
  it('lands on the local sandbox, with test patients to try and the calendar', async () => {
    const overview = await app.workspace.overview();
    expect(overview.ok).toBe(true);
    if (!overview.ok) return;
    expect(overview.value.defaultProfileId).toBe('sandbox');
    expect(overview.value.profiles.map((p) => p.id)).toEqual(['sandbox']);
    expect(overview.value.profiles[0]?.connection.state).toBe('unknown');
    expect(overview.value.profiles[0]?.calendar.inServiceHours).toBe(true);
    expect(overview.value.samplePatients.length).toBeGreaterThan(2);
    for (const patient of overview.value.samplePatients)
      expect(patient.hetu).toMatch(/^\d{6}[-+A-Y]9\d\d[0-9A-Y]$/);
  });
});

describe('search', () => {
  it('returns rows with progress, after one query event per patient is in the journal', async () => {
    const hetu = await firstPatient();
    const progress: SearchProgressEvent[] = [];
    const result = await app.workspace.search(
      { profileId: 'sandbox', searchId: 's1', query: { patient: hetu } },
      (event) => progress.push(event),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows.length).toBeGreaterThan(3);
    expect(result.value.rows.every((row) => row.patient === hetu)).toBe(true);
    expect(new Set(result.value.rows.map((row) => row.status)).has('current')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ searchId: 's1', fetched: result.value.rows.length });
    const events = listRecords(home, { patient: hetu, action: 'E' });
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(await app.workspace.overview()).toMatchObject({
      value: { profiles: [{ connection: { state: 'ok' } }] },
    });
  });

  it.each([
    ['a wrong control character', '010181-900D', 'search-invalid-hetu'],
    ['a real-person number', '010181-123A', 'search-not-test-code'],
  ])('refuses %s with a sentence', async (_label, patient, code) => {
    const result = await app.workspace.search(
      { profileId: 'sandbox', searchId: 's2', query: { patient } },
      () => undefined,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(/\.$/);
  });

  it('refuses an empty query and an unknown profile', async () => {
    const empty = await app.workspace.search(
      { profileId: 'sandbox', searchId: 's3', query: {} },
      () => undefined,
    );
    expect(!empty.ok && empty.error.code).toBe('search-empty');
    const unknown = await app.workspace.search(
      { profileId: 'nope', searchId: 's4', query: { setId: '1.2.3' } },
      () => undefined,
    );
    expect(!unknown.ok && unknown.error.code).toBe('profile-unknown');
  });

  it('can be cancelled while it runs', async () => {
    const running = app.workspace.search(
      { profileId: 'sandbox', searchId: 's5', query: { status: 'superseded' } },
      () => undefined,
    );
    expect(app.workspace.cancelSearch('s5')).toEqual({ wasRunning: true });
    const result = await running;
    expect(!result.ok && result.error.code).toBe('env-cancelled');
    expect(app.workspace.cancelSearch('s5')).toEqual({ wasRunning: false });
  });

  it('filters by register after retrieval', async () => {
    const hetu = await firstPatient();
    const all = await app.workspace.search(
      { profileId: 'sandbox', searchId: 's6', query: { patient: hetu } },
      () => undefined,
    );
    const registers = all.ok ? [...new Set(all.value.rows.map((r) => r.register))] : [];
    const code = /\((\w+)\)$/.exec(registers[0] ?? '')?.[1] ?? '';
    const narrowed = await app.workspace.search(
      { profileId: 'sandbox', searchId: 's7', query: { patient: hetu, register: code } },
      () => undefined,
    );
    expect(narrowed.ok && narrowed.value.rows.length).toBeGreaterThan(0);
    expect(narrowed.ok && narrowed.value.rows.every((r) => r.register === registers[0])).toBe(true);
  });
});

describe('open and versions', () => {
  it('opens a replaced document with its metadata and text, the read recorded first', async () => {
    const hetu = await firstPatient();
    const search = await app.workspace.search(
      { profileId: 'sandbox', searchId: 'o1', query: { patient: hetu } },
      () => undefined,
    );
    if (!search.ok) throw new Error(search.error.message);
    const replaced = search.value.rows.find((row) => row.status === 'replaced');
    if (!replaced) throw new Error('the seeded patient has no replaced document');
    const opened = await app.workspace.open('sandbox', replaced.resourceId);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.metadata.id.root).toBe(replaced.documentId);
    expect(opened.value.text).toContain('<ClinicalDocument');
    expect(opened.value.status).toBe('replaced');
    const reads = listRecords(home, { action: 'R', document: replaced.documentId });
    expect(reads.map((r) => r.sequence)).toContain(opened.value.auditSequence);

    const versions = await app.workspace.versions('sandbox', replaced.resourceId);
    expect(versions.ok).toBe(true);
    if (!versions.ok) return;
    expect(versions.value.setId).toBe(opened.value.metadata.setId?.root);
    expect(versions.value.versions.length).toBeGreaterThan(1);
    const self = versions.value.versions.find((v) => v.resourceId === replaced.resourceId);
    expect(self?.state).toBe('replaced');
    expect(self?.replacedBy.length).toBeGreaterThan(0);
    expect(versions.value.versions.some((v) => v.replaces.includes(replaced.resourceId))).toBe(
      true,
    );
    expect(versions.value.history.length).toBeGreaterThan(0);
  });

  it('records a failed read with a non-zero outcome', async () => {
    const opened = await app.workspace.open('sandbox', 'no-such-document');
    expect(!opened.ok && opened.error.code).toBe('env-not-found');
    const failures = listRecords(home, { action: 'R', document: 'no-such-document' });
    expect(failures.at(-1)?.event.outcome).toBe('8');
  });
});

describe('unreachable environments and audit', () => {
  it('says the environment is unreachable, and the switcher learns it', async () => {
    const otherHome = mkdtempSync(path.join(tmpdir(), 'archivist-workspace-'));
    writeFileSync(
      path.join(otherHome, 'profiles.json'),
      JSON.stringify({
        profiles: [
          {
            id: 'gone',
            displayName: 'Gone',
            kind: 'fhir',
            baseUrl: 'http://127.0.0.1:9/fhir',
            repository: 'patient-data',
            isTestEnvironment: true,
          },
        ],
      }),
    );
    const other = await startAppWorkspace({
      home: otherHome,
      connect: { deadlineMs: 1000 },
    });
    if (!other.ok) throw new Error(other.error.message);
    try {
      const result = await other.value.workspace.search(
        { profileId: 'gone', searchId: 'u1', query: { setId: '1.2.3' } },
        () => undefined,
      );
      expect(!result.ok && result.error.code).toBe('env-unreachable');
      const overview = await other.value.workspace.overview();
      const gone = overview.ok ? overview.value.profiles.find((p) => p.id === 'gone') : undefined;
      expect(gone?.connection).toMatchObject({ state: 'failed', code: 'env-unreachable' });
    } finally {
      await other.value.close();
    }
  });

  it('lists the journal newest first and verifies it', async () => {
    const list = await app.workspace.auditList({});
    expect(list.ok && list.value.rows.length).toBeGreaterThan(2);
    if (!list.ok) return;
    const sequences = list.value.rows.map((row) => row.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    const verify = await app.workspace.auditVerify();
    expect(verify).toMatchObject({ ok: true, value: { isIntact: true } });
  });
});
