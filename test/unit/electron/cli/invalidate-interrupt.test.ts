/**
 * Ctrl-C and SIGTERM during `archivist invalidate` (review 10, finding 1), on the bundled command
 * line in a real process, against a real slow sandbox (its drip fault: every answer trickles in)
 * and with real signals. The sandbox's own store is the truth the outcomes are checked against.
 * Moments are found by watching, never by sleeping: the sandbox storing the Provenance (the
 * server did the work, its answer is still dripping), a connection reaching the fault proxy in
 * front (the preflight read has begun), the command's own line on stderr.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTEMPT_SYSTEM } from '../../../../shared/audit/event';
import type { ChainedRecord } from '../../../../shared/audit/canonical';
import { stateOfOutcome } from '../../../../shared/invalidation/audit-records';
import { confirmationToken } from '../../../../shared/invalidation/confirmation';
import { readJournal } from '../../../../electron/services/audit/files';
import { verifyHome } from '../../../../electron/services/audit/reader';
import { noFaults } from '../../../../electron/sandbox/faults';
import { generateSeedCatalog } from '../../../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../../../electron/sandbox/server';
import { latest } from '../../../../electron/sandbox/store';
import { bundleCli } from '../../../bench/bundle-cli';
import { startFaultProxy, type FaultProxy } from '../../../support/fault-proxy';
import { cleanDocumentTaker } from '../../../support/clean-documents';

const work = mkdtempSync(join(tmpdir(), 'archivist-invalidate-interrupt-'));
const catalog = generateSeedCatalog({ seed: 5, patients: 4, documents: 60 });
const takeClean = cleanDocumentTaker(catalog);
let cli = '';
let sandbox: RunningSandbox;
let proxy: FaultProxy;
beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
  // 128 bytes every 50 ms: a preflight read takes seconds, the answer to the POST about half a
  // second after the sandbox stored the Provenance, the read-back about a second.
  const started = await startSandbox({
    catalog,
    faults: { ...noFaults, drip: { bytes: 128, everyMs: 50 } },
  });
  if (!started.ok) throw new Error(started.error.message);
  sandbox = started.value;
  proxy = await startFaultProxy({ host: '127.0.0.1', port: sandbox.port });
}, 120_000);
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
  rmSync(work, { recursive: true, force: true });
});

let homes = 0;
function homeFor(baseUrl: string): string {
  const home = join(work, `home-${homes++}`);
  mkdirSync(home);
  const profile = {
    id: 'slow',
    displayName: 'Slow sandbox',
    kind: 'sandbox',
    baseUrl,
    repository: 'patient-data',
    isTestEnvironment: true,
  };
  writeFileSync(join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
  return home;
}

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: { stdout: string; stderr: string };
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: readonly string[], home: string): Running {
  const child = spawn(process.execPath, [cli, ...args, '--home', home], {
    env: { ...process.env, ARCHIVIST_CODE_CACHE: 'off' },
    cwd: work,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exit };
}

/** Resolves when `condition` holds, checked every few milliseconds (the event, not a delay). */
async function until(condition: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const giveUp = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error(`Never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const statusOf = (id: string) => {
  const entry = sandbox.store.documents.get(id);
  return entry ? latest(entry).status : undefined;
};
const hasProvenance = (id: string) =>
  [...sandbox.store.provenances.values()].some(
    (provenance) => provenance.target[0]?.reference === `DocumentReference/${id}`,
  );
const records = (home: string) =>
  readJournal(home).lines.map((line) => JSON.parse(line.text) as ChainedRecord);

/** The outcome records of `home`, each with the sequence of the attempt it names. */
function outcomes(home: string) {
  return records(home)
    .filter((record) => record.event.action === 'U' && record.event.outcomeDesc !== undefined)
    .filter((record) => !record.event.outcomeDesc?.startsWith('attempt:'))
    .map((record) => ({
      record,
      state: stateOfOutcome(record.event),
      attempt: Number(
        record.event.entity.find((entity) => entity.what.identifier?.system === ATTEMPT_SYSTEM)
          ?.what.identifier?.value,
      ),
    }));
}

const attempts = (home: string) =>
  records(home).filter((record) => record.event.outcomeDesc?.startsWith('attempt:'));

describe('archivist invalidate: interrupted while sending', () => {
  it('SIGINT after the server did the work: the answer is awaited, read back, recorded; the rest of the set is not sent; exit 1', async () => {
    const ids = [takeClean(), takeClean()];
    const [first = '', second = ''] = ids;
    const home = homeFor(sandbox.baseUrl);
    const run = start(
      [
        'invalidate',
        '--env',
        'slow',
        ...ids.flatMap((id) => ['--document', id]),
        '--reason',
        'test-data-cleanup',
        '--yes',
        '--confirm',
        confirmationToken(ids),
      ],
      home,
    );
    await until(() => hasProvenance(first), 'the sandbox stored the Provenance');
    run.child.kill('SIGINT');
    const { code, signal } = await run.exit;
    const { stdout, stderr } = run.output;
    expect(signal).toBeNull();
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    // At once: what is happening; at the end: that it was interrupted and how far it got.
    expect(lines[0]).toMatch(
      new RegExp(
        `^archivist invalidate: interrupted: (letting the request for DocumentReference/${first} finish, then reading it back|reading back DocumentReference/${first}, then stopping) \\(interrupt again to stop at once\\)\\.$`,
      ),
    );
    expect(lines[1]).toBe(
      'archivist invalidate: Interrupted: 1 of 2 invalidated (read back), 1 not sent.',
    );
    expect(lines).toHaveLength(2);
    expect(stdout).toMatch(
      new RegExp(`\\nDocumentReference/${first}: invalidated \\(Provenance/[0-9a-f-]+\\)\\. `),
    );
    expect(stdout).toContain(
      `\nDocumentReference/${second}: not-attempted. Not sent: the run was interrupted before it.\n1 of 2 invalidated. Interrupted.\n`,
    );
    // The truth, and the journal agrees: one attempt, its one outcome linked to it.
    expect(statusOf(first)).toBe('entered-in-error');
    expect(statusOf(second)).toBe('current');
    expect(hasProvenance(second)).toBe(false);
    expect(attempts(home).map((record) => record.sequence)).toHaveLength(1);
    expect(outcomes(home).map(({ state, attempt }) => [state, attempt])).toEqual([
      ['invalidated', attempts(home)[0]?.sequence],
    ]);
    expect(verifyHome(home).ok).toBe(true);
  }, 60_000);

  it('SIGTERM, then SIGINT during the read-back: ends at once, the outcome recorded first as unknown (8)', async () => {
    const id = takeClean();
    const home = homeFor(sandbox.baseUrl);
    // One document: --yes alone confirms it (the contract of ARCHITECTURE.md).
    const run = start(
      ['invalidate', '--env', 'slow', '--document', id, '--reason', 'duplicate', '--yes'],
      home,
    );
    await until(() => hasProvenance(id), 'the sandbox stored the Provenance');
    run.child.kill('SIGTERM');
    await until(() => run.output.stderr.includes('interrupted:'), 'the first interrupt line');
    run.child.kill('SIGINT');
    const { code, signal } = await run.exit;
    const lines = run.output.stderr.trimEnd().split('\n');
    expect(signal).toBeNull();
    expect(code).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(
        `^archivist invalidate: interrupted again before the read-back ended: whether DocumentReference/${id} was invalidated is not known \\(recorded as unknown, audit record \\d+\\); check it before trying again\\.$`,
      ),
    );
    // The server did invalidate it; the tool claims nothing it did not see.
    expect(statusOf(id)).toBe('entered-in-error');
    const [outcome, ...more] = outcomes(home);
    expect(more).toEqual([]);
    expect(outcome?.state).toBe('unknown');
    expect(outcome?.record.event.outcome).toBe('8');
    expect(outcome?.record.event.outcomeDesc).toBe(
      'unknown: interrupted before the read-back: check before trying again',
    );
    expect(outcome?.attempt).toBe(attempts(home)[0]?.sequence);
    expect(lines[1]).toContain(`audit record ${outcome?.record.sequence})`);
    // The journal was released properly: it verifies, and the next command can write to it.
    expect(verifyHome(home).ok).toBe(true);
  }, 60_000);
});

describe('archivist invalidate: interrupted before anything is sent', () => {
  it('one line, nothing sent or attempted, the signal as exit status', async () => {
    const id = takeClean();
    const home = homeFor(proxy.url);
    const connectionsBefore = proxy.connections;
    const run = start(
      ['invalidate', '--env', 'slow', '--document', id, '--reason', 'duplicate', '--yes'],
      home,
    );
    // The preflight read has begun (and takes seconds through the drip).
    await until(() => proxy.connections > connectionsBefore, 'the preflight read');
    run.child.kill('SIGINT');
    const { code, signal } = await run.exit;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(run.output.stderr).toBe(
      'archivist invalidate: interrupted before anything was sent; nothing was invalidated.\n',
    );
    expect(run.output.stdout).toBe('');
    expect(statusOf(id)).toBe('current');
    expect(hasProvenance(id)).toBe(false);
    expect(attempts(home)).toEqual([]);
  }, 60_000);
});

describe('other commands', () => {
  const hetu = catalog.patients[0]?.identifier?.[0]?.value ?? '';
  it.each([
    ['SIGINT', ['search', '--env', 'slow', '--patient', hetu]],
    ['SIGTERM', ['envs', 'check', 'slow']],
  ] as const)(
    '%s: one line naming the command, the signal as exit status',
    async (sig, args) => {
      const home = homeFor(proxy.url);
      const connectionsBefore = proxy.connections;
      const run = start(args, home);
      await until(() => proxy.connections > connectionsBefore, 'the first request');
      run.child.kill(sig);
      const { code, signal } = await run.exit;
      expect({ code, signal }).toEqual({ code: null, signal: sig });
      expect(run.output.stderr).toBe(`archivist ${args[0]}: interrupted\n`);
    },
    60_000,
  );
});
