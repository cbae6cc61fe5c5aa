/**
 * The fault test of issue 5 ("Done when"): ≥ 200 randomized invalidation runs through a TCP fault
 * proxy (reset before and after the request, blackhole, slow and fast drip) and an HTTP gateway
 * (503 before, 500 and 504 after the sandbox did the work) against the sandbox. Afterwards the
 * sandbox's own store is the truth: no document has two Provenance resources, every attempt in
 * the journal has exactly one outcome record, and that outcome is what really happened (our
 * Provenance exists ⇔ "invalidated"). Some runs pick a document tried before, as an operator
 * retrying after a failure would. INVALIDATION_FAULT_RUNS and INVALIDATION_FAULT_SEED override the
 * defaults (200 runs, a fresh seed printed with the summary).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTEMPT_SYSTEM } from '../../../../../shared/audit/event';
import { alwaysOpenCalendar } from '../../../../../shared/environments/calendar';
import { stateOfOutcome } from '../../../../../shared/invalidation/audit-records';
import { isFromRequest } from '../../../../../shared/invalidation/provenance';
import type { Result } from '../../../../../shared/result';
import { openJournal, type Journal } from '../../../../../electron/services/audit/journal';
import { verifyHome } from '../../../../../electron/services/audit/reader';
import { createFhirConnection } from '../../../../../electron/services/environments/fhir/fhir-connection';
import { journalAudit } from '../../../../../electron/services/invalidation/audit';
import { invalidateDocument } from '../../../../../electron/services/invalidation/invalidate';
import type { DocumentOutcome } from '../../../../../electron/services/invalidation/types';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../../../../electron/sandbox/server';
import { startFaultProxy, type FaultMode } from '../../../../support/fault-proxy';
import { startGateway, type GatewayMode } from './gateway';
import {
  ctx,
  duplicateReason,
  journalRecords,
  provenanceCounts,
  sandboxProfile,
  tempHome,
} from './support';
import { seededRandom as seeded } from '../../../../../shared/seeded-random';
import { cleanDocumentIds } from '../../../../support/clean-documents';

const runs = Number(process.env.INVALIDATION_FAULT_RUNS ?? 200);
const seed = Number(process.env.INVALIDATION_FAULT_SEED ?? Date.now() % 2 ** 31);
const lanes = 8;
// Short enough that blackholes and slow drips end quickly, long enough for a loaded 2-core machine.
const deadlineMs = 2000;

interface Fault {
  readonly name: string;
  readonly proxy?: FaultMode;
  readonly gateway?: GatewayMode;
}

const faults: readonly Fault[] = [
  { name: 'none' },
  { name: 'reset-before-request', proxy: { kind: 'reset-before-request' } },
  { name: 'reset-after-request', proxy: { kind: 'reset-after-request' } },
  { name: 'blackhole', proxy: { kind: 'blackhole' } },
  { name: 'drip-fast', proxy: { kind: 'drip', bytes: 256, everyMs: 10 } },
  { name: 'drip-past-deadline', proxy: { kind: 'drip', bytes: 16, everyMs: 200 } },
  { name: '503-before', gateway: '503-before' },
  { name: '500-after', gateway: '500-after' },
  { name: '504-after', gateway: '504-after' },
];

interface Run {
  readonly fault: string;
  readonly resourceId: string;
  readonly result: Result<DocumentOutcome>;
}

const catalog = generateSeedCatalog({ seed: 11, patients: 12, documents: 900 });
const clean = cleanDocumentIds(catalog);

let sandbox: RunningSandbox;
let journal: Journal;
const home = tempHome();
beforeAll(async () => {
  const started = await startSandbox({ catalog });
  if (!started.ok) throw new Error(started.error.message);
  sandbox = started.value;
  const opened = await openJournal(home);
  if (!opened.ok) throw new Error(opened.error.message);
  journal = opened.value;
});
afterAll(async () => {
  journal.close();
  await sandbox.close();
});

async function lane(pool: string[], count: number, random: () => number): Promise<Run[]> {
  const gateway = await startGateway({ host: '127.0.0.1', port: sandbox.port });
  const proxy = await startFaultProxy({ host: '127.0.0.1', port: gateway.port });
  const tried: string[] = [];
  const done: Run[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const fault = faults[Math.floor(random() * faults.length)] ?? { name: 'none' };
      const isRetry = tried.length > 0 && random() < 0.2;
      const resourceId = isRetry
        ? (tried[Math.floor(random() * tried.length)] ?? '')
        : (pool.pop() ?? '');
      tried.push(resourceId);
      // A connection per run with a fresh TCP connection per request: the proxy's mode is read
      // when a connection is accepted, and the breaker starts closed for every run.
      const connection = createFhirConnection({
        baseUrl: proxy.url,
        deadlineMs,
        agent: new http.Agent({ keepAlive: false }),
        retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 200 },
      });
      const result = await invalidateDocument(
        {
          profile: sandboxProfile(proxy.url),
          connection,
          calendar: alwaysOpenCalendar,
          now: () => new Date(),
          audit: journalAudit(journal, ctx),
          application: 'Archivist 0.1.0',
          onProgress: (progress) => {
            if (progress.stage === 'sending') {
              if (fault.proxy) proxy.setMode(fault.proxy);
              if (fault.gateway) gateway.setMode(fault.gateway);
            }
            if (progress.stage === 'verifying') {
              proxy.setMode({ kind: 'pass' });
              gateway.setMode('pass');
            }
          },
        },
        resourceId,
        { reason: duplicateReason, confirmation: resourceId },
      );
      connection.close();
      proxy.setMode({ kind: 'pass' });
      gateway.setMode('pass');
      done.push({ fault: fault.name, resourceId, result });
    }
  } finally {
    await proxy.close();
    await gateway.close();
  }
  return done;
}

describe(`invalidation under faults (${runs} runs)`, () => {
  it('never invalidates twice, and the journal holds every attempt with its true outcome', async () => {
    const random = seeded(seed);
    const perLane = Math.ceil(runs / lanes);
    const pools = Array.from({ length: lanes }, (_, i) =>
      clean.filter((_, index) => index % lanes === i),
    );
    expect(pools.every((pool) => pool.length >= perLane)).toBe(true);
    const results = (
      await Promise.all(
        pools.map((pool) => lane(pool, perLane, seeded(Math.floor(random() * 2 ** 31)))),
      )
    ).flat();

    // Every run ended in an outcome (a refusal is one: a retry of an invalidated document).
    const failures = results.filter((run) => !run.result.ok);
    expect(failures.map((run) => (run.result.ok ? '' : run.result.error.message))).toEqual([]);
    const outcomes = results.flatMap((run) => (run.result.ok ? [run.result.value] : []));

    // 0 duplicates, counted by the sandbox.
    const duplicates = [...provenanceCounts(sandbox)].filter(([, count]) => count > 1);
    expect(duplicates).toEqual([]);

    // The journal: one outcome per attempt, and it is the truth the sandbox holds.
    const records = journalRecords(home);
    const attempts = records.filter((record) => record.event.outcomeDesc?.startsWith('attempt:'));
    const outcomeOf = new Map<string, string | undefined>();
    for (const record of records) {
      const link = record.event.entity.find(
        (entity) => entity.what.identifier?.system === ATTEMPT_SYSTEM,
      );
      const key = link?.what.identifier?.value;
      if (key === undefined) continue;
      expect(outcomeOf.has(key)).toBe(false);
      outcomeOf.set(key, stateOfOutcome(record.event));
    }
    const stored = [...sandbox.store.provenances.values()];
    const mismatches: string[] = [];
    for (const attempt of attempts) {
      const request = attempt.event.entity.find((entity) => entity.name === 'request');
      const requestId = (request?.what.identifier?.value ?? '').replace(/^urn:uuid:/, '');
      const isTrulyInvalidated = stored.some((provenance) => isFromRequest(provenance, requestId));
      const state = outcomeOf.get(String(attempt.sequence));
      const expected = isTrulyInvalidated ? 'invalidated' : 'not-invalidated';
      if (state !== expected)
        mismatches.push(
          `attempt ${attempt.sequence} (${requestId}): journal ${state}, truth ${expected}`,
        );
    }
    expect(mismatches).toEqual([]);
    const attempted = outcomes.filter((outcome) => outcome.requestId !== undefined);
    expect(attempts).toHaveLength(attempted.length);
    expect(verifyHome(home).ok).toBe(true);

    // What the caller was told equals what the journal says.
    for (const outcome of attempted)
      expect(outcomeOf.get(String(outcome.attemptSequence))).toBe(outcome.state);

    const summary = new Map<string, number>();
    for (const run of results) {
      const state = run.result.ok ? run.result.value.state : 'error';
      const key = `${run.fault} → ${state}`;
      summary.set(key, (summary.get(key) ?? 0) + 1);
    }
    console.log(
      `invalidation fault test: seed ${seed}, ${results.length} runs, ${attempts.length} attempts, ${stored.length} Provenance, 0 duplicates\n${[
        ...summary,
      ]
        .sort()
        .map(([key, count]) => `  ${key}: ${count}`)
        .join('\n')}`,
    );
    expect(results.length).toBeGreaterThanOrEqual(runs);
  }, 240_000);
});
