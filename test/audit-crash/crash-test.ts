/**
 * Crash test (issue 5): start a writer, SIGKILL it at a random moment while it writes, then
 * check that verify passes and every acknowledged record is in the journal with its hash.
 * The writer is bundled once with esbuild so each run starts in milliseconds, not via tsx.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { readJournal } from '../../electron/services/audit/files';
import { verifyHome } from '../../electron/services/audit/reader';

export interface CrashSummary {
  readonly kills: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly tornTails: number;
  readonly failures: readonly string[];
}

async function bundleWriter(dir: string): Promise<string> {
  const outfile = path.join(dir, 'writer.mjs');
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'writer.ts');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs the writer once and kills it `delayMs` after its first acknowledged record. */
function runOnce(writer: string, home: string, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, home], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!armed && /\n\d+ /.test(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(out)
        : reject(new Error(`writer exited without being killed: ${err.trim()}`)),
    );
  });
}

function acknowledged(out: string): Map<number, string> {
  const acks = new Map<number, string>();
  for (const line of out.split('\n').slice(0, -1)) {
    const [seq, hash] = line.split(' ');
    if (seq && hash) acks.set(Number(seq), hash);
  }
  return acks;
}

/** Kills a writer `kills` times; each kill is checked before the next writer starts. */
export async function runCrashTest(kills: number, seed = Date.now()): Promise<CrashSummary> {
  const dir = mkdtempSync(path.join(tmpdir(), 'archivist-crash-'));
  const writer = await bundleWriter(dir);
  const home = path.join(dir, 'home');
  const failures: string[] = [];
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  let total = 0;
  let lost = 0;
  let torn = 0;
  for (let run = 1; run <= kills && failures.length < 5; run++) {
    const acks = acknowledged(await runOnce(writer, home, Math.floor(next() * 40)));
    total += acks.size;
    const outcome = verifyHome(home);
    if (outcome.torn > 0) torn += 1;
    if (!outcome.ok)
      failures.push(`run ${run}: verify failed at ${outcome.where}: ${outcome.reason}`);
    const stored = new Map<number, string>();
    for (const line of readJournal(home).lines) {
      const record = JSON.parse(line.text) as { sequence: number; hash: string };
      stored.set(record.sequence, record.hash);
    }
    for (const [seq, hash] of acks)
      if (stored.get(seq) !== hash) {
        lost += 1;
        failures.push(`run ${run}: acknowledged record ${seq} is missing or different`);
      }
  }
  // Keep the folder of a failed run for inspection.
  if (failures.length === 0) rmSync(dir, { recursive: true, force: true });
  return { kills, acknowledged: total, lost, tornTails: torn, failures };
}
