/**
 * The workspace's invalidation calls against a real sandbox: preview (nothing sent), refusals
 * with sentences (confirmation, reason), a run with progress and read-back, and the calendar.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startClockedWorkspace } from '../../../../../electron/harness/clocked-workspace';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import { defaultCalendar } from '../../../../../shared/environments/calendar';
import type { InvalidationProgressEvent } from '../../../../../shared/ipc/invalidation-types';

const running: AppWorkspace[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

async function started(clock?: Date, profiles?: unknown): Promise<AppWorkspace> {
  const home = mkdtempSync(path.join(tmpdir(), 'archivist-invalidate-'));
  if (profiles) writeFileSync(path.join(home, 'profiles.json'), JSON.stringify(profiles));
  const result = clock
    ? await startClockedWorkspace({ home, now: clock, deadlineMs: 3000 })
    : await startAppWorkspace({ home, connect: { deadlineMs: 3000 } });
  if (!result.ok) throw new Error(result.error.message);
  running.push(result.value);
  return result.value;
}

async function currentTestDocument(app: AppWorkspace): Promise<string> {
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  const found = await app.workspace.search(
    { profileId: 'sandbox', searchId: 'pick', query: { patient } },
    () => undefined,
  );
  const row = found.ok
    ? found.value.rows.find((r) => r.status === 'current' && r.identityProblems.length === 0)
    : undefined;
  if (!row) throw new Error('no current test document');
  return row.resourceId;
}

async function sandboxStatus(app: AppWorkspace, id: string): Promise<string> {
  return (
    (await (await fetch(`${app.sandboxUrl}/DocumentReference/${id}`)).json()) as {
      status: string;
    }
  ).status;
}

describe('workspace invalidation', () => {
  it('previews without sending, refuses a wrong confirmation and a bare "other", then invalidates with progress', async () => {
    const app = await started();
    const id = await currentTestDocument(app);
    const preview = await app.workspace.previewInvalidation({
      profileId: 'sandbox',
      resourceIds: [id],
    });
    expect(preview.ok && preview.value.isAllowed).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.confirmationToken).toBe(id);
    expect(preview.value.documents[0]?.provenance.target).toEqual([
      expect.objectContaining({ reference: `DocumentReference/${id}` }),
    ]);
    expect(await sandboxStatus(app, id)).toBe('current');

    const base = { profileId: 'sandbox', runId: 'r1', resourceIds: [id] };
    const mismatch = await app.workspace.invalidate(
      { ...base, reason: { code: 'duplicate' }, confirmation: 'seed-doc-0' },
      () => undefined,
    );
    expect(mismatch).toEqual({
      ok: false,
      error: {
        code: 'invalidation-confirmation-mismatch',
        message: `The confirmation 'seed-doc-0' does not match ${id}; nothing was invalidated.`,
      },
    });
    const bareOther = await app.workspace.invalidate(
      { ...base, reason: { code: 'other' }, confirmation: id },
      () => undefined,
    );
    expect(bareOther.ok ? '' : bareOther.error.code).toBe('invalidation-comment-required');
    // A refusal of ours says nothing about the environment's reachability.
    const overview = await app.workspace.overview();
    expect(overview.ok ? overview.value.profiles[0]?.connection.state : '').toBe('ok');
    expect(await sandboxStatus(app, id)).toBe('current');

    const progress: InvalidationProgressEvent[] = [];
    const done = await app.workspace.invalidate(
      { ...base, reason: { code: 'test-data-cleanup' }, confirmation: id },
      (event) => progress.push(event),
    );
    expect(done.ok && done.value.isComplete).toBe(true);
    if (!done.ok) return;
    expect(done.value.runId).toBe('r1');
    expect(done.value.outcomes[0]).toMatchObject({ resourceId: id, state: 'invalidated' });
    expect(progress.map((event) => event.stage)).toEqual([
      'reading',
      'sending',
      'verifying',
      'done',
    ]);
    expect(progress.every((event) => event.runId === 'r1')).toBe(true);
    expect(await sandboxStatus(app, id)).toBe('entered-in-error');
  });

  it('refuses inside the fault-testing window before reading anything', async () => {
    // 12:30 Helsinki time on the first Monday of December 2026.
    const app = await started(new Date('2026-12-07T10:30:00Z'));
    const preview = await app.workspace.previewInvalidation({
      profileId: 'sandbox',
      resourceIds: ['seed-doc-1'],
    });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.isAllowed).toBe(false);
    expect(preview.value.environmentFindings.map((finding) => finding.code)).toEqual([
      'fault-testing-window',
    ]);
    const run = await app.workspace.invalidate(
      {
        profileId: 'sandbox',
        runId: 'r2',
        resourceIds: ['seed-doc-1'],
        reason: { code: 'duplicate' },
        confirmation: 'seed-doc-1',
      },
      () => undefined,
    );
    expect(run.ok && run.value.outcomes.map((outcome) => outcome.state)).toEqual(['refused']);
    expect(await sandboxStatus(app, 'seed-doc-1')).not.toBe('entered-in-error');
  });

  it("the banner's calendar is the profile's own when it has one, as its connection's is", async () => {
    const profile = {
      displayName: 'Sandbox as TK',
      kind: 'fhir',
      baseUrl: 'http://127.0.0.1:9/fhir',
      repository: 'patient-data',
      isTestEnvironment: true,
    };
    const app = await started(new Date('2026-12-07T10:30:00Z'), {
      profiles: [
        { ...profile, id: 'with-fault-test', calendar: defaultCalendar({ faultTesting: true }) },
        { ...profile, id: 'kind-default' },
      ],
    });
    const overview = await app.workspace.overview();
    const windows = overview.ok
      ? Object.fromEntries(
          overview.value.profiles.map((p) => [p.id, p.calendar.activeWindow?.kind]),
        )
      : {};
    expect(windows).toEqual({
      sandbox: 'fault-testing',
      'with-fault-test': 'fault-testing',
      'kind-default': undefined,
    });
  });
});
