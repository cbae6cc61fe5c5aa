/**
 * Audit journal benchmark (issue 5, "Done when"): appends per second with fdatasync, then with
 * 100,000 records: `audit list` with a patient filter (target ≤ 1 s) and `verify` (target ≤ 3 s).
 * Run: `npx tsx test/bench/audit.bench.ts`; numbers go to test/bench/results/audit.json.
 * The 100,000 records are written with fdatasync stubbed out (a synced build would take about a
 * minute and measures nothing new); the files are byte-for-byte what a synced journal holds.
 */
import { fdatasyncSync, mkdtempSync, rmSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { queryEvent, readEvent } from '../../shared/audit/builders';
import { openJournal, type JournalIo } from '../../electron/services/audit/journal';
import { listRecords, verifyHome } from '../../electron/services/audit/reader';

const synced = 2_000;
const total = 100_000;
const ctx = {
  operator: {
    name: 'Bench Operator',
    registrationNumber: '1234567',
    organisationOid: '1.2.246.10.1',
    osUser: 'bench',
  },
  appVersion: '0.1.0',
  host: 'bench-host',
  environment: { name: 'kanta-test', baseUrl: 'https://fhir.test.example' },
  now: () => new Date(),
};
const hetu = (i: number) =>
  `0101${String(90 + (i % 10)).padStart(2, '0')}-9${String(i % 25).padStart(2, '0')}A`;
const event = (i: number) =>
  i % 3 === 0
    ? queryEvent(ctx, hetu(i), `patient.identifier=urn:oid:1.2.246.21|${hetu(i)}`)
    : readEvent(ctx, `1.2.246.10.${i}`, hetu(i));

async function fill(home: string, count: number, io?: JournalIo): Promise<number> {
  const journal = await openJournal(home, io ? { io } : {});
  if (!journal.ok) throw new Error(journal.error.message);
  const before = performance.now();
  for (let i = 0; i < count; i++) {
    const result = journal.value.append(event(i));
    if (!result.ok) throw new Error(result.error.message);
  }
  const seconds = (performance.now() - before) / 1000;
  journal.value.close();
  return seconds;
}

function timed<T>(run: () => T): { ms: number; value: T } {
  const before = performance.now();
  const value = run();
  return { ms: Math.round(performance.now() - before), value };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'archivist-audit-bench-'));
  try {
    const syncedSeconds = await fill(path.join(dir, 'synced'), synced, {
      write: writeSync,
      fdatasync: fdatasyncSync,
    });
    const big = path.join(dir, 'big');
    await fill(big, total, { write: writeSync, fdatasync: () => undefined });
    const list = timed(() => listRecords(big, { patient: hetu(7) }).length);
    const verify = timed(() => verifyHome(big));
    if (!verify.value.ok) throw new Error(`verify failed: ${verify.value.reason}`);
    const results = {
      appendsPerSecondWithFdatasync: Math.round(synced / syncedSeconds),
      records: total,
      listPatientFilterMs: list.ms,
      listMatches: list.value,
      verifyMs: verify.ms,
      targets: { listMs: 1000, verifyMs: 3000 },
    };
    const directory = path.join(import.meta.dirname, 'results');
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, 'audit.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
