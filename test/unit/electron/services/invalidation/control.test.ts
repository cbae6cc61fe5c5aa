/**
 * InvalidationControl against a real sandbox and journal: a stopped run finishes the document in
 * flight and sends nothing more; an abandoned one records the open attempt's outcome at once as
 * unknown and never a second one. Every attempt keeps exactly one outcome either way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stateOfOutcome } from '../../../../../shared/invalidation/audit-records';
import { confirmationToken } from '../../../../../shared/invalidation/confirmation';
import { InvalidationControl } from '../../../../../electron/services/invalidation/control';
import { invalidateBatch } from '../../../../../electron/services/invalidation/invalidate';
import type { InvalidationProgress } from '../../../../../electron/services/invalidation/types';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../../../../electron/sandbox/server';
import { latest } from '../../../../../electron/sandbox/store';
import { depsFor, duplicateReason, journalRecords, tempHome } from './support';
import { cleanDocumentTaker } from '../../../../support/clean-documents';

const catalog = generateSeedCatalog({ seed: 9, patients: 4, documents: 60 });
const takeClean = cleanDocumentTaker(catalog);
let sandbox: RunningSandbox;
const closers: (() => void)[] = [];
beforeAll(async () => {
  const started = await startSandbox({ catalog });
  if (!started.ok) throw new Error(started.error.message);
  sandbox = started.value;
});
afterAll(() => sandbox.close());
afterEach(() => closers.splice(0).forEach((close) => close()));

const statusOf = (id: string) => {
  const entry = sandbox.store.documents.get(id);
  return entry ? latest(entry).status : undefined;
};

async function run(
  ids: string[],
  onProgress: (p: InvalidationProgress, c: InvalidationControl) => void,
) {
  const home = tempHome();
  const control = new InvalidationControl();
  const made = await depsFor(sandbox.baseUrl, home, {
    onProgress: (progress) => onProgress(progress, control),
  });
  closers.push(made.close);
  const result = await invalidateBatch({ ...made.deps, control }, ids, {
    reason: duplicateReason,
    confirmation: confirmationToken(ids),
  });
  const records = journalRecords(home).filter((record) => record.event.action === 'U');
  const attempts = records.filter((r) => r.event.outcomeDesc?.startsWith('attempt:'));
  const outcomes = records.filter((r) => !r.event.outcomeDesc?.startsWith('attempt:'));
  return { result, control, attempts, outcomes };
}

describe('InvalidationControl', () => {
  it('stop() while sending: the document in flight ends and is read back, the rest is not sent', async () => {
    const ids = [takeClean(), takeClean()];
    const { result, attempts, outcomes } = await run(ids, (progress, control) => {
      if (progress.stage === 'sending') control.stop();
    });
    expect(result.ok && result.value).toMatchObject({
      isInterrupted: true,
      isComplete: false,
      outcomes: [
        { resourceId: ids[0], state: 'invalidated' },
        { resourceId: ids[1], state: 'not-attempted' },
      ],
    });
    expect(ids.map(statusOf)).toEqual(['entered-in-error', 'current']);
    expect(attempts).toHaveLength(1);
    expect(outcomes.map((record) => stateOfOutcome(record.event))).toEqual(['invalidated']);
  });

  it('stop() before the first document: nothing is attempted or sent', async () => {
    const ids = [takeClean(), takeClean()];
    const { result, attempts } = await run(ids, (progress, control) => {
      if (progress.stage === 'reading') control.stop();
    });
    expect(result.ok && result.value.outcomes.map((outcome) => outcome.state)).toEqual([
      'not-attempted',
      'not-attempted',
    ]);
    expect(ids.map(statusOf)).toEqual(['current', 'current']);
    expect(attempts).toEqual([]);
  });

  it('abandon() while sending records unknown (8) at once, and no second outcome after', async () => {
    const id = takeClean();
    let abandoned: ReturnType<InvalidationControl['abandon']> | undefined;
    const { result, attempts, outcomes } = await run([id], (progress, control) => {
      if (progress.stage === 'sending') abandoned = control.abandon(() => 'cut off');
    });
    expect(abandoned).toMatchObject({ kind: 'closed', resourceId: id, recorded: { ok: true } });
    expect(result.ok).toBe(false);
    // The send still ended and did invalidate it; the journal says "not known", as recorded.
    expect(statusOf(id)).toBe('entered-in-error');
    expect(attempts).toHaveLength(1);
    expect(outcomes.map((record) => [record.event.outcome, record.event.outcomeDesc])).toEqual([
      ['8', 'unknown: cut off'],
    ]);
  });

  it('abandon() with no attempt open records nothing', () => {
    expect(new InvalidationControl().abandon(() => 'cut off')).toEqual({ kind: 'none' });
  });
});
