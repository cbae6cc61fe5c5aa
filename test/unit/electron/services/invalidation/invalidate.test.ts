/** invalidateDocument / invalidateBatch against a real sandbox and a real journal. */
import { writeSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendarForKind } from '../../../../../shared/environments/calendar';
import { stateOfOutcome } from '../../../../../shared/invalidation/audit-records';
import { confirmationToken } from '../../../../../shared/invalidation/confirmation';
import type { JournalIo } from '../../../../../electron/services/audit/journal';
import { verifyHome } from '../../../../../electron/services/audit/reader';
import {
  invalidateBatch,
  invalidateDocument,
  invalidatePrepared,
} from '../../../../../electron/services/invalidation/invalidate';
import { preflightDocuments } from '../../../../../electron/services/invalidation/prepare';
import type { InvalidationProgress } from '../../../../../electron/services/invalidation/types';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../../../../electron/sandbox/server';
import { latest } from '../../../../../electron/sandbox/store';
import { startFaultProxy, type FaultProxy } from '../../../../support/fault-proxy';
import {
  depsFor,
  duplicateReason,
  journalRecords,
  provenanceCounts,
  tempHome,
  type DepsOptions,
} from './support';
import { cleanDocumentTaker } from '../../../../support/clean-documents';

const catalog = generateSeedCatalog({ seed: 7, patients: 6, documents: 120 });
const takeClean = cleanDocumentTaker(catalog);
const nonTest = catalog.documents.find((d) => d.problems.includes('non-test-identity-code'));
const invalidated = catalog.documents.find(
  (d) => d.documentReference.status === 'entered-in-error',
);
let sandbox: RunningSandbox;
const closers: (() => unknown)[] = [];
beforeAll(async () => {
  const started = await startSandbox({ catalog });
  if (!started.ok) throw new Error(started.error.message);
  sandbox = started.value;
});
afterAll(() => sandbox.close());
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setup(options: DepsOptions = {}, baseUrl = sandbox.baseUrl) {
  const home = tempHome();
  const made = await depsFor(baseUrl, home, options);
  closers.push(made.close);
  return { home, deps: made.deps };
}

function statusOf(id: string): string | undefined {
  const entry = sandbox.store.documents.get(id);
  return entry ? latest(entry).status : undefined;
}

describe('invalidateDocument', () => {
  it('sends once, reads back entered-in-error and records read, attempt and outcome in order', async () => {
    const id = takeClean();
    const stages: string[] = [];
    const { home, deps } = await setup({
      onProgress: (progress: InvalidationProgress) => stages.push(progress.stage),
    });
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ resourceId: id, state: 'invalidated' });
    expect(result.value.message).toMatch(/read-back shows status entered-in-error/);
    expect(stages).toEqual(['reading', 'sending', 'verifying', 'done']);
    expect(statusOf(id)).toBe('entered-in-error');
    expect(provenanceCounts(sandbox).get(`DocumentReference/${id}`)).toBe(1);
    const stored = sandbox.store.provenances.get(result.value.provenanceId ?? '');
    expect((stored?.meta as { source?: string }).source).toBe(`urn:uuid:${result.value.requestId}`);
    const records = journalRecords(home);
    expect(records.map((record) => record.event.action)).toEqual(['R', 'U', 'U']);
    const [, attempt, outcome] = records;
    expect(attempt?.event.outcomeDesc).toMatch(/^attempt: recorded before the request was sent/);
    expect(outcome && stateOfOutcome(outcome.event)).toBe('invalidated');
    expect(result.value.attemptSequence).toBe(attempt?.sequence);
    expect(result.value.outcomeSequence).toBe(outcome?.sequence);
    expect(verifyHome(home).ok).toBe(true);
  });

  it('refuses a profile that is not a test environment without reading or sending', async () => {
    const id = takeClean();
    const { home, deps } = await setup({ profile: { isTestEnvironment: false } });
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'refused' } });
    if (result.ok) expect(result.value.message).toMatch(/not marked as a test environment/);
    expect(statusOf(id)).toBe('current');
    expect(provenanceCounts(sandbox).get(`DocumentReference/${id}`)).toBeUndefined();
    // The refusal is recorded; no document was read.
    const records = journalRecords(home);
    expect(records.map((record) => [record.event.action, record.event.outcome])).toEqual([
      ['U', '4'],
    ]);
  });

  it('refuses inside the fault-testing window of a TK calendar, naming the window', async () => {
    // First Monday of December 2026, 13:00 Finnish time; the sandbox follows the same clock.
    const inWindow = new Date('2026-12-07T11:00:00Z');
    const started = await startSandbox({ catalog, calendar: true, now: inWindow });
    if (!started.ok) throw new Error(started.error.message);
    closers.push(started.value.close);
    const id = takeClean();
    const { deps } = await setup(
      {
        profile: { kind: 'TK' },
        calendar: defaultCalendarForKind('TK'),
        now: () => inWindow,
      },
      started.value.baseUrl,
    );
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'refused' } });
    if (result.ok)
      expect(result.value.message).toMatch(
        /^Invalidation is not allowed during the fault-testing window: Monthly fault testing.*until 7\.12\.2026 15:00 Finnish time\.$/,
      );
    expect(started.value.store.provenances.size).toBe(0);
  });

  it('refuses a document carrying a non-test identity code and says where it is', async () => {
    const id = nonTest?.documentReference.id ?? '';
    const { deps } = await setup();
    const prepared = await preflightDocuments(deps, [id]);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const findings = prepared.value.documents[0]?.findings ?? [];
    expect(findings.map((finding) => finding.code)).toContain('non-test-identity-code');
    const where = findings.find((finding) => finding.code === 'non-test-identity-code')?.where;
    expect(where).toMatch(/^CDA .*participant/);
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'refused' } });
    if (result.ok) expect(result.value.message).toMatch(/not a test code/);
    expect(provenanceCounts(sandbox).get(`DocumentReference/${id}`)).toBeUndefined();
  });

  it('refuses a document that is already invalidated', async () => {
    const id = invalidated?.documentReference.id ?? '';
    const { deps } = await setup();
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'refused' } });
    if (result.ok) expect(result.value.message).toMatch(/already invalidated/);
    expect(provenanceCounts(sandbox).get(`DocumentReference/${id}`)).toBeUndefined();
  });

  it('refuses a missing or wrong confirmation without sending', async () => {
    const id = takeClean();
    const { deps } = await setup();
    const wrong = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: `${id}x`,
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalidation-confirmation-mismatch' },
    });
    const missing = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: undefined,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalidation-not-confirmed' } });
    expect(statusOf(id)).toBe('current');
  });
});

/** Someone else's invalidation, POSTed straight to the sandbox before ours is sent. */
async function otherInvalidation(id: string): Promise<number> {
  const response = await fetch(`${sandbox.baseUrl}/Provenance`, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify({
      resourceType: 'Provenance',
      meta: { profile: ['https://gen.kanta.fi/fhir/StructureDefinition/MitatointiProvenanceV2'] },
      target: [{ reference: `DocumentReference/${id}` }],
      recorded: new Date().toISOString(),
      agent: [{ who: { reference: 'Practitioner/other' } }],
    }),
  });
  return response.status;
}

/** Journal I/O that fails with `code` on every write after the first `after` ones. */
function failingIo(code: string, after: number): JournalIo {
  let calls = 0;
  return {
    write: (fd, data) => {
      calls += 1;
      if (calls > after) throw Object.assign(new Error(code), { code });
      return writeSync(fd, data);
    },
    fdatasync: () => undefined,
  };
}

describe('the write-ahead rule', () => {
  it('a read-only journal refuses the invalidation and nothing is sent', async () => {
    const id = takeClean();
    const before = sandbox.store.provenances.size;
    const { deps } = await setup({ journal: { io: failingIo('EROFS', 0) } });
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'audit-unavailable', message: expect.stringMatching(/read-only/) },
    });
    expect(sandbox.store.provenances.size).toBe(before);
    expect(statusOf(id)).toBe('current');
  });

  it('a journal that fails at the attempt record (disk full) sends nothing', async () => {
    const id = takeClean();
    const before = sandbox.store.provenances.size;
    // The preflight's read record is written; the attempt record is the second write.
    const { deps } = await setup({ journal: { io: failingIo('ENOSPC', 1) } });
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'audit-unavailable',
        message: expect.stringMatching(/disk full.*the invalidation was not sent/),
      },
    });
    expect(sandbox.store.provenances.size).toBe(before);
    expect(statusOf(id)).toBe('current');
  });
});

describe('ambiguous writes', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy({ host: '127.0.0.1', port: sandbox.port });
  });
  afterAll(() => proxy.close());

  /** Deps through the proxy; the fault is switched on for the send and off for the read-back. */
  async function throughProxy(fault: Parameters<FaultProxy['setMode']>[0]) {
    proxy.setMode({ kind: 'pass' });
    return setup(
      {
        isFreshConnectionEach: true,
        deadlineMs: 2000,
        onProgress: (progress) => {
          if (progress.stage === 'sending') proxy.setMode(fault);
          if (progress.stage === 'verifying') proxy.setMode({ kind: 'pass' });
        },
      },
      proxy.url,
    );
  }

  it('a reset after the request reached the server is read back and reported as invalidated', async () => {
    const id = takeClean();
    const { home, deps } = await throughProxy({ kind: 'reset-after-request' });
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sendError?.code).toBe('env-ambiguous-write');
    expect(result.value.state).toBe('invalidated');
    // The verdict first, then why the document was read back (review 10, finding 11).
    expect(result.value.message).toMatch(
      new RegExp(
        `^DocumentReference/${id} is invalidated: the read-back shows status entered-in-error and Provenance/[0-9a-f-]+\\. Why it was read back: It is not known whether .* carried out POST /Provenance: the request was sent, then the connection was reset\\.$`,
      ),
    );
    expect(provenanceCounts(sandbox).get(`DocumentReference/${id}`)).toBe(1);
    const outcome = journalRecords(home).at(-1);
    expect(outcome && stateOfOutcome(outcome.event)).toBe('invalidated');
  });

  it('a reset before the request arrived is read back and reported as not invalidated', async () => {
    const id = takeClean();
    const { home, deps } = await throughProxy({ kind: 'reset-before-request' });
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.state).toBe('not-invalidated');
    expect(statusOf(id)).toBe('current');
    const outcome = journalRecords(home).at(-1);
    expect(outcome && stateOfOutcome(outcome.event)).toBe('not-invalidated');
    expect(outcome?.event.outcome).toBe('4');
  });

  it('when the read-back fails too, the outcome is unknown (outcome 8), never a success', async () => {
    const id = takeClean();
    proxy.setMode({ kind: 'pass' });
    const { home, deps } = await setup(
      {
        isFreshConnectionEach: true,
        deadlineMs: 1000,
        // The environment goes away once the request is sent and stays away for the read-back.
        onProgress: (progress) => {
          if (progress.stage === 'sending') proxy.setMode({ kind: 'reset-after-request' });
          if (progress.stage === 'verifying') proxy.setMode({ kind: 'reset-before-request' });
        },
      },
      proxy.url,
    );
    const result = await invalidateDocument(deps, id, {
      reason: duplicateReason,
      confirmation: id,
    });
    proxy.setMode({ kind: 'pass' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.state).toBe('unknown');
    expect(result.value.message).toMatch(
      new RegExp(
        `^Not known whether DocumentReference/${id} was invalidated: it could not be read back`,
      ),
    );
    // The truth: the sandbox did invalidate it; the tool did not claim so.
    expect(statusOf(id)).toBe('entered-in-error');
    const outcome = journalRecords(home).at(-1);
    expect(outcome && stateOfOutcome(outcome.event)).toBe('unknown');
    expect(outcome?.event.outcome).toBe('8');
  });

  it('a document invalidated by someone else between preflight and send is reported as such', async () => {
    const id = takeClean();
    const { deps } = await setup();
    const prepared = await preflightDocuments(deps, [id]);
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.value.isAllowed).toBe(true);
    // Another tester's invalidation lands after our preflight, straight at the sandbox.
    expect(await otherInvalidation(id)).toBe(201);
    const result = await invalidatePrepared(deps, prepared.value, {
      reason: duplicateReason,
      confirmation: id,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [outcome] = result.value.outcomes;
    expect(outcome?.state).toBe('invalidated-by-other');
    expect(outcome?.sendError?.message).toMatch(/409.*already invalidated/);
    expect(result.value.isComplete).toBe(false);
    expect(provenanceCounts(sandbox).get(`DocumentReference/${id}`)).toBe(1);
  });

  it('a batch stops at the first failed send; the rest are not attempted', async () => {
    const ids = [takeClean(), takeClean(), takeClean()];
    proxy.setMode({ kind: 'pass' });
    let sends = 0;
    const { deps } = await setup(
      {
        isFreshConnectionEach: true,
        deadlineMs: 2000,
        onProgress: (progress) => {
          if (progress.stage === 'sending' && ++sends === 2)
            proxy.setMode({ kind: 'reset-before-request' });
          if (progress.stage === 'verifying') proxy.setMode({ kind: 'pass' });
        },
      },
      proxy.url,
    );
    const result = await invalidateBatch(deps, ids, {
      reason: duplicateReason,
      confirmation: confirmationToken(ids),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.outcomes.map((outcome) => outcome.state)).toEqual([
      'invalidated',
      'not-invalidated',
      'not-attempted',
    ]);
    expect(result.value.stoppedAt).toBe(ids[1]);
    expect(result.value.isComplete).toBe(false);
    expect(ids.map(statusOf)).toEqual(['entered-in-error', 'current', 'current']);
  });
});

describe('invalidateBatch', () => {
  it('preflights every document, takes one confirmation for the set and reports each', async () => {
    const ids = [takeClean(), takeClean(), takeClean()];
    const { home, deps } = await setup();
    const wrongSet = await invalidateBatch(deps, ids, {
      reason: duplicateReason,
      confirmation: confirmationToken(ids.slice(0, 2)),
    });
    expect(wrongSet).toMatchObject({
      ok: false,
      error: { code: 'invalidation-confirmation-mismatch' },
    });
    const result = await invalidateBatch(deps, ids, {
      reason: duplicateReason,
      confirmation: confirmationToken(ids),
    });
    expect(result.ok && result.value.isComplete).toBe(true);
    if (!result.ok) return;
    expect(result.value.outcomes.map((outcome) => [outcome.resourceId, outcome.state])).toEqual(
      ids.map((id) => [id, 'invalidated']),
    );
    const states = journalRecords(home)
      .map((record) => stateOfOutcome(record.event))
      .filter((state) => state !== undefined);
    expect(states).toEqual(['invalidated', 'invalidated', 'invalidated']);
  });

  it('refuses the whole set, sending nothing, when one document fails preflight', async () => {
    const ids = [takeClean(), nonTest?.documentReference.id ?? '', takeClean()];
    const { deps } = await setup();
    const result = await invalidateBatch(deps, ids, {
      reason: duplicateReason,
      confirmation: confirmationToken(ids),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.outcomes.map((outcome) => outcome.state)).toEqual([
      'refused',
      'refused',
      'refused',
    ]);
    expect(result.value.outcomes[0]?.message).toMatch(/another document of the set \(3\)/);
    expect(result.value.outcomes[1]?.message).toMatch(/not a test code/);
    expect([ids[0], ids[2]].map((id) => statusOf(id ?? ''))).toEqual(['current', 'current']);
  });

  it('says which document could not be read in preflight', async () => {
    const { deps } = await setup();
    const result = await invalidateBatch(deps, [takeClean(), 'no-such-doc'], {
      reason: duplicateReason,
      confirmation: 'x',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'env-not-found',
        message: expect.stringMatching(
          /^DocumentReference\/no-such-doc could not be read for preflight/,
        ),
      },
    });
  });
});
