/**
 * Preflight remembers what the journal knows (review 11, findings 2 and 7): an earlier attempt on
 * the document whose outcome is unknown, or missing, is named with its time and request id and
 * the read-back's present state; one that did land refuses the document as already invalidated.
 * An AT or TK profile without an operator gets a warning. Real sandbox, real journal.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptEvent,
  attemptOutcomeEvent,
  type InvalidationState,
} from '../../../../../shared/invalidation/audit-records';
import { ifNoneExistFor } from '../../../../../shared/invalidation/provenance';
import { invalidateDocument } from '../../../../../electron/services/invalidation/invalidate';
import {
  preflightDocuments,
  previewProvenance,
} from '../../../../../electron/services/invalidation/prepare';
import type { InvalidationDeps } from '../../../../../electron/services/invalidation/types';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../../../../electron/sandbox/server';
import { startFaultProxy, type FaultProxy } from '../../../../support/fault-proxy';
import { depsFor, duplicateReason, tempHome, type DepsOptions } from './support';
import { cleanDocumentTaker } from '../../../../support/clean-documents';

const catalog = generateSeedCatalog({ seed: 7, patients: 6, documents: 60 });
const takeClean = cleanDocumentTaker(catalog);
let sandbox: RunningSandbox;
let proxy: FaultProxy;
const closers: (() => unknown)[] = [];
beforeAll(async () => {
  const started = await startSandbox({ catalog });
  if (!started.ok) throw new Error(started.error.message);
  sandbox = started.value;
  proxy = await startFaultProxy({ host: '127.0.0.1', port: sandbox.port });
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setup(options: DepsOptions = {}, baseUrl = sandbox.baseUrl) {
  const made = await depsFor(baseUrl, tempHome(), { isHistoryChecked: true, ...options });
  closers.push(made.close);
  return made.deps;
}

/** An attempt in the journal, as a run that ended early (or lost its answer) leaves it. */
async function journalAttempt(
  deps: InvalidationDeps,
  resourceId: string,
  requestId: string,
  state?: InvalidationState,
  context = deps.audit.context,
) {
  const attempt = attemptEvent(context, {
    resourceId,
    reason: duplicateReason,
    requestId,
  });
  const recorded = await deps.audit.record(attempt, 'test');
  if (!recorded.ok) throw new Error(recorded.error.message);
  if (state === undefined) return;
  const outcome = attemptOutcomeEvent(attempt, recorded.value.sequence, state, 'test', new Date());
  const done = await deps.audit.record(outcome, 'test');
  if (!done.ok) throw new Error(done.error.message);
}

async function preflightOne(deps: InvalidationDeps, id: string) {
  const set = await preflightDocuments(deps, [id]);
  if (!set.ok) throw new Error(set.error.message);
  const [document] = set.value.documents;
  if (!document) throw new Error('no document');
  return { set: set.value, document };
}

const requestId = '5d1f3c0e-8a1b-4c2d-9e3f-a0b1c2d3e4f5';

describe('preflight and the journal', () => {
  it('warns of an attempt whose outcome is unknown, with its time, request id and the read-back', async () => {
    const deps = await setup();
    const id = takeClean();
    await journalAttempt(deps, id, requestId, 'unknown');
    const { set, document } = await preflightOne(deps, id);
    expect(set.isAllowed).toBe(true);
    const finding = document.findings.find((f) => f.code === 'open-attempt');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(
      new RegExp(
        `^The attempt of \\d+\\.\\d+\\.\\d{4} \\d\\d:\\d\\d Finnish time \\(request id ${requestId}\\) to invalidate DocumentReference/${id} ended with its outcome unknown\\. Read back now: status current and no Provenance from that request, so it has not landed\\.$`,
      ),
    );
    expect(document.lastAttempt).toMatchObject({ requestId, state: 'unknown' });
  });

  it('warns of an attempt with no outcome at all: that run may still be going', async () => {
    const deps = await setup();
    const id = takeClean();
    await journalAttempt(deps, id, requestId);
    const { document } = await preflightOne(deps, id);
    expect(document.findings.find((f) => f.code === 'open-attempt')?.message).toContain(
      'has no outcome recorded. Read back now: status current and no Provenance from that request, so it has not landed (yet: that run may still be going).',
    );
  });

  it('refuses as already invalidated when the unknown attempt did land, naming its Provenance', async () => {
    const deps = await setup();
    const id = takeClean();
    await journalAttempt(deps, id, requestId, 'unknown');
    // The request landed after all (the answer was lost): its Provenance carries its request id.
    const sent = await deps.connection.invalidate(
      previewProvenance(deps, id, undefined, requestId),
      { requestId, ifNoneExist: ifNoneExistFor(requestId) },
    );
    expect(sent.ok).toBe(true);
    const { set, document } = await preflightOne(deps, id);
    expect(set.isAllowed).toBe(false);
    const refusals = document.findings.filter((f) => f.code === 'already-invalidated');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.message).toMatch(
      new RegExp(
        `^DocumentReference/${id} is already invalidated: the attempt of .* \\(request id ${requestId}\\), which ended with its outcome unknown, did land \\(Provenance/[^ ]+ from that request is there; status entered-in-error\\)\\.$`,
      ),
    );
  });

  it('says nothing once a later attempt settled it, and nothing for another environment', async () => {
    const deps = await setup();
    const id = takeClean();
    await journalAttempt(deps, id, requestId, 'unknown');
    await journalAttempt(deps, id, 'a0000000-0000-4000-8000-000000000001', 'not-invalidated');
    const { document } = await preflightOne(deps, id);
    expect(document.findings).toEqual([]);
    expect(document.lastAttempt).toMatchObject({ state: 'not-invalidated', message: 'test' });

    // The same resource id in another environment is another document.
    const other = takeClean();
    const environment = { name: 'Other', baseUrl: 'http://other.example/fhir' };
    await journalAttempt(deps, other, requestId, 'unknown', { ...deps.audit.context, environment });
    expect((await preflightOne(deps, other)).document.findings).toEqual([]);
  });

  it('after a real lost answer (reset after the request, read-back failing) the next preflight refuses', async () => {
    proxy.setMode({ kind: 'pass' });
    const id = takeClean();
    const deps = await setup(
      {
        isFreshConnectionEach: true,
        deadlineMs: 1000,
        onProgress: (progress) => {
          if (progress.stage === 'sending') proxy.setMode({ kind: 'reset-after-request' });
          if (progress.stage === 'verifying') proxy.setMode({ kind: 'reset-before-request' });
        },
      },
      proxy.url,
    );
    const run = await invalidateDocument(deps, id, { reason: duplicateReason, confirmation: id });
    proxy.setMode({ kind: 'pass' });
    expect(run.ok && run.value.state).toBe('unknown');
    const { set, document } = await preflightOne(deps, id);
    expect(set.isAllowed).toBe(false);
    const requestOfRun = run.ok ? run.value.requestId : '';
    expect(document.findings.map((f) => f.message).join(' ')).toContain(
      `(request id ${requestOfRun}), which ended with its outcome unknown, did land`,
    );
  });
});

describe('preflight and the profile', () => {
  it('names where it goes: display name, kind, base URL and the test flag', async () => {
    const deps = await setup();
    const { set } = await preflightOne(deps, takeClean());
    expect(set.environmentDetails).toEqual({
      displayName: 'Local sandbox',
      kind: 'sandbox',
      baseUrl: sandbox.baseUrl,
      isTestEnvironment: true,
    });
  });

  it('warns when an AT or TK profile has no operator, saying what to set', async () => {
    const noOperator = await setup({ profile: { kind: 'TK', operator: undefined } });
    const { set, document } = await preflightOne(noOperator, takeClean());
    expect(set.isAllowed).toBe(true);
    const warning = set.environmentFindings.find((f) => f.code === 'no-operator');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toBe(
      'Local sandbox (kind TK) has no operator: the Provenance will name the device Archivist 0.1.0 as the agent, not a person. To invalidate as yourself, set the operator (name, registration number and organisation of your test professional card) in the profile.',
    );
    expect(document.findings.map((f) => f.code)).toContain('no-operator');

    const withOperator = await setup({ profile: { kind: 'AT' } });
    const named = await preflightOne(withOperator, takeClean());
    expect(named.set.environmentFindings).toEqual([]);
    const sandboxKind = await setup({ profile: { operator: undefined } });
    expect((await preflightOne(sandboxKind, takeClean())).set.environmentFindings).toEqual([]);
  });
});
