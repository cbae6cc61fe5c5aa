/**
 * The app's invalidation preflight and the audit journal (review 11, findings 2 and 13): a
 * refusal in the dialog's preflight is recorded (U, outcome 4) as the command line's is, and an
 * attempt whose outcome is unknown is named in the next preflight. Real workspace and sandbox.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  attemptEvent,
  attemptOutcomeEvent,
} from '../../../../../shared/invalidation/audit-records';
import { listRecords } from '../../../../../electron/services/audit/reader';
import { homeAudit } from '../../../../../electron/services/invalidation/audit';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import { ctx } from '../audit/support';

const running: AppWorkspace[] = [];
const homes = new Map<AppWorkspace, string>();
const homeOf = (app: AppWorkspace) => homes.get(app) ?? '';
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

async function started(profiles?: unknown): Promise<AppWorkspace> {
  const home = mkdtempSync(path.join(tmpdir(), 'archivist-invalidation-journal-'));
  if (profiles) writeFileSync(path.join(home, 'profiles.json'), JSON.stringify(profiles));
  const result = await startAppWorkspace({ home, connect: { deadlineMs: 3000 } });
  if (!result.ok) throw new Error(result.error.message);
  running.push(result.value);
  homes.set(result.value, home);
  return result.value;
}

describe('the app preflight and the journal', () => {
  it('records a refusal in preflight as a refused update, with no reason chosen', async () => {
    const app = await started({
      profiles: [
        {
          id: 'prodlike',
          displayName: 'Prod-like',
          kind: 'fhir',
          baseUrl: 'http://127.0.0.1:9/fhir',
          repository: 'patient-data',
          isTestEnvironment: false,
        },
      ],
    });
    const preview = await app.workspace.previewInvalidation({
      profileId: 'prodlike',
      resourceIds: ['seed-doc-1'],
    });
    expect(preview.ok && preview.value.isAllowed).toBe(false);
    const updates = listRecords(homeOf(app), { action: 'U' });
    expect(updates).toHaveLength(1);
    const [refusal] = updates;
    expect(refusal?.event.outcome).toBe('4');
    expect(refusal?.event.outcomeDesc).toBe(
      'refused: Prod-like is not marked as a test environment; Archivist invalidates documents only in test environments.',
    );
    const document = refusal?.event.entity.find(
      (entity) => entity.what.identifier?.value === 'DocumentReference/seed-doc-1',
    );
    expect(document?.detail).toEqual([
      { type: 'reason', valueString: 'none (refused in preflight, before a reason was chosen)' },
    ]);
  });

  it('records nothing but reads for a preflight that passes', async () => {
    const app = await started();
    const preview = await app.workspace.previewInvalidation({
      profileId: 'sandbox',
      resourceIds: ['seed-doc-1'],
    });
    expect(preview.ok).toBe(true);
    expect(listRecords(homeOf(app), { action: 'U' })).toEqual([]);
  });

  it('names an attempt whose outcome is unknown in the next preflight', async () => {
    const app = await started();
    const requestId = '0f0e0d0c-0b0a-4909-8807-060504030201';
    const audit = homeAudit(homeOf(app), {
      ...ctx,
      environment: { name: 'Local sandbox', baseUrl: app.sandboxUrl },
    });
    const attempt = attemptEvent(audit.context, {
      resourceId: 'seed-doc-1',
      reason: { code: 'duplicate' },
      requestId,
    });
    const recorded = await audit.record(attempt, 'test');
    if (!recorded.ok) throw new Error(recorded.error.message);
    const unknown = attemptOutcomeEvent(
      attempt,
      recorded.value.sequence,
      'unknown',
      'lost',
      new Date(),
    );
    expect((await audit.record(unknown, 'test')).ok).toBe(true);

    const preview = await app.workspace.previewInvalidation({
      profileId: 'sandbox',
      resourceIds: ['seed-doc-1'],
    });
    if (!preview.ok) throw new Error(preview.error.message);
    const [document] = preview.value.documents;
    expect(document?.lastAttempt).toMatchObject({ requestId, state: 'unknown', message: 'lost' });
    expect(document?.findings.map((finding) => finding.code)).toContain('open-attempt');
    expect(preview.value.environmentDetails.baseUrl).toBe(app.sandboxUrl);
  });
});
