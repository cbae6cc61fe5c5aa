/**
 * Issue 7 benchmark: the compare pipeline on generated CDA pairs of 1k, 10k, 100k and 300k lines
 * (the issue's pairs) and of 2 MB and 20 MB (its in-process targets are in bytes), each as few
 * edits, 10% edits, a moved block and unrelated documents, against `git diff --no-index
 * --histogram` on the same files in the same run (process start included) and jsdiff's plain
 * diffLines as the naive reference (2 s cap). Measured in-process: the raw-text line diff (what
 * --format unified runs), the canonical-form line diff, and the whole compareDocuments (canonical
 * forms, metadata diff, change list, with the compare worker's codec and node cap, in a thread
 * with its heap limits; XML parsing excluded; with the median of each stage), and the command
 * line end to end (process start,
 * reading, auditing and writing included; its patch is checked against unifiedPatch in-process),
 * with Node's own start-up as the floor no Node program can beat.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { canonicalizeXml } from '../../shared/compare/canonical-xml';
import type { CompareTimings } from '../../shared/compare/compare-documents';
import { diffLineArrays } from '../../shared/compare/line-diff';
import { splitRawLines, unifiedPatch } from '../../shared/compare/unified-patch';
import { nodePayloadCodec as codec } from '../../electron/services/documents/node-payload-codec';
import {
  median,
  round,
  timeMedian,
  timeOnce,
  writeBenchResult,
  type BenchTarget,
} from './bench-kit';
import { bundleCli } from './bundle-cli';
import { compareWarmUps, timeCompareInWorker } from './compare-timing-worker';
import { inProcessLimits, pairBase, pairLabel, pairSizes, side } from './compare-pairs';
import { variantOf, variants, type Variant } from './compare-pairs';

const stages = ['metadata', 'canonical', 'lineDiff', 'contentChanges', 'changeList'] as const;
const stageLabels: Record<(typeof stages)[number], string> = {
  metadata: 'metadata',
  canonical: 'canonical forms',
  lineDiff: 'line diff',
  contentChanges: 'content changes',
  changeList: 'change list',
};

/** Median milliseconds of each compareDocuments stage over the timed runs. */
function stageMedians(runs: readonly CompareTimings[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const stage of stages) out[stage] = round(median(runs.map((run) => run[stage] ?? 0)));
  return out;
}

function stagesText(stagesMs: Record<string, number>): string {
  return stages.map((stage) => `${stageLabels[stage]} ${stagesMs[stage]}`).join(', ');
}

/**
 * The environment Node processes are timed in: this one without NODE_EXTRA_CA_CERTS. Some
 * machines (this one: the system bundle, 144 certificates) set it, and Node then reads every
 * certificate before running any JavaScript (node -e 0 took 90 ms with it, 32 ms without); git
 * reads nothing of the kind, and a tester's machine does not set it by default. The start-up
 * with it is measured too (startup.nodeWithExtraCaMs), so nothing is hidden.
 */
const { NODE_EXTRA_CA_CERTS: extraCa, ...nodeEnv } = process.env;

/** Median milliseconds of a process run to its end (start-up included). */
function processMs(
  command: string,
  args: readonly string[],
  runs: number,
  options: SpawnSyncOptions = { stdio: 'ignore', env: nodeEnv },
): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    spawnSync(command, args, options);
    times.push(performance.now() - started);
  }
  return round(median(times));
}

/** git's time on the pair in `dir` (its patch read through a pipe), or undefined without git. */
function gitMs(dir: string, runs: number): number | undefined {
  if (spawnSync('git', ['--version']).status !== 0) return undefined;
  const args = ['diff', '--no-index', '--histogram', '--no-color', 'left.xml', 'right.xml'];
  return processMs('git', args, runs, { cwd: dir, maxBuffer: 1 << 30 });
}

/**
 * Median milliseconds of `archivist compare --format unified`, or why it failed (exit code, or a
 * patch that differs from unifiedPatch run in this process: the fast path must write the same
 * bytes the full comparison did).
 */
function cliMs(
  cli: string,
  dir: string,
  home: string,
  runs: number,
  expected: Buffer,
): number | string {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        cli,
        'compare',
        'left.xml',
        'right.xml',
        '--format',
        'unified',
        '--out',
        'out.patch',
        '--home',
        home,
      ],
      { cwd: dir, env: nodeEnv },
    );
    if (result.status !== 0)
      return `failed: ${String(result.stderr).trim().split('\n')[0] ?? `exit ${result.status}`}`;
    times.push(performance.now() - started);
    if (!readFileSync(join(dir, 'out.patch')).equals(expected))
      return 'failed: the patch differs from unifiedPatch in-process';
  }
  return round(median(times));
}

/**
 * The command line's target (≤ 3× git), with `node -e 0`'s start-up beside it: where that alone
 * takes more than 3× git, no Node program can meet the target, and the row says so (still "not met").
 */
function cliTarget(
  name: string,
  cliTime: number | string,
  git: number,
  nodeMs: number,
): BenchTarget {
  const limit = round(3 * git);
  const floor =
    nodeMs > limit
      ? `node -e 0 alone takes ${nodeMs} ms, more than 3× git: no Node program can meet this`
      : `node -e 0 alone takes ${nodeMs} ms`;
  return {
    name: `${name}: command line vs git --histogram`,
    value:
      typeof cliTime === 'number'
        ? `${cliTime} ms vs git ${git} ms (3× git = ${limit} ms; ${floor})`
        : `${cliTime} (git ${git} ms; 3× git = ${limit} ms; ${floor})`,
    limit: '≤ 3× git',
    met: typeof cliTime === 'number' && cliTime <= 3 * git,
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'archivist-compare-bench-'));
const cli = await bundleCli(scratch);
const rows: Record<string, unknown>[] = [];
const targets: BenchTarget[] = [];
const summary: string[] = [];

// Start-up: Node alone, then the command line printing its version (the bundle loaded, no
// command) and compare's help (the compare module loaded): what every CLI row pays before work.
const startup = {
  nodeMs: processMs(process.execPath, ['-e', '0'], 9),
  ...(extraCa === undefined
    ? {}
    : {
        nodeWithExtraCaMs: processMs(process.execPath, ['-e', '0'], 9, {
          stdio: 'ignore',
          env: process.env,
        }),
      }),
  cliVersionMs: processMs(process.execPath, [cli, '--version'], 9),
  cliCompareHelpMs: processMs(process.execPath, [cli, 'compare', '--help'], 9),
};
summary.push(
  `start-up (median of 9): node -e 0 ${startup.nodeMs} ms${startup.nodeWithExtraCaMs === undefined ? '' : ` (${startup.nodeWithExtraCaMs} ms with this machine's NODE_EXTRA_CA_CERTS, left out of every timed run)`}, archivist --version ${startup.cliVersionMs} ms, archivist compare --help ${startup.cliCompareHelpMs} ms`,
);

// jsdiff's diffLines is run on every pair until it gives up on one: a bigger pair of the same
// variant has more lines and at least as many edits, so it would only give up again (2 s each).
const naiveGaveUpOn = new Map<Variant, string>();
const cliPairs: string[] = [];
const belowNodeFloor: string[] = [];

for (const size of pairSizes) {
  const label = pairLabel(size);
  const base = pairBase(size);
  const bytes = Buffer.byteLength(base);
  // Fewer timed runs for the big pairs (100k lines is 5.7 MB), so the whole run stays in minutes.
  const runs = bytes > 5_000_000 ? 3 : 7;
  const leftSide = side(base);
  const leftCanonical = canonicalizeXml(leftSide.tree, codec).lines;
  const leftRaw = splitRawLines(base);
  for (const variant of variants) {
    const name = `${label} ${variant}`;
    const other = variantOf(base, size, variant);
    const dir = join(scratch, name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'left.xml'), base);
    writeFileSync(join(dir, 'right.xml'), other);
    const rightRaw = splitRawLines(other);
    const rawMs = round(
      await timeMedian(runs, () => diffLineArrays(leftRaw, rightRaw), compareWarmUps),
    );
    const rawDiff = diffLineArrays(leftRaw, rightRaw);
    const rightSide = side(other);
    const rightCanonical = canonicalizeXml(rightSide.tree, codec).lines;
    const canonicalMs = round(
      await timeMedian(runs, () => diffLineArrays(leftCanonical, rightCanonical), compareWarmUps),
    );
    // In a thread with the compare worker's heap limits, as the app and the command line run it.
    // Each run also notes its stage times (a few clock reads), so the breakdown explains the total.
    const timed = await timeCompareInWorker({ left: base, right: other, runs });
    const compareMs = round(timed.ms);
    const stagesMs = stageMedians(timed.stages);
    const treeReadMs = round(timed.treeReadMs);
    const git = gitMs(dir, runs);
    const expectedPatch = Buffer.from(unifiedPatch(base, other, 'left.xml').patch, 'utf8');
    const cliTime = cliMs(cli, dir, join(scratch, 'home'), runs, expectedPatch);
    let naive: string | number;
    const gaveUpOn = naiveGaveUpOn.get(variant);
    if (gaveUpOn !== undefined) naive = `skipped: gave up at its 2 s cap on ${gaveUpOn}`;
    else {
      let finished = true;
      const ms = await timeOnce(() => {
        finished = diffLines(base, other, { timeout: 2000 }) !== undefined;
      });
      naive = finished ? round(ms) : `gave up at its 2 s cap (after ${round(ms)} ms)`;
      if (!finished) naiveGaveUpOn.set(variant, `the ${label} pair (${leftRaw.length} lines)`);
    }
    rows.push({
      size: label,
      variant,
      lines: leftRaw.length,
      rightLines: rightRaw.length,
      bytes,
      blocks: rawDiff.blocks.length,
      coarse: rawDiff.isCoarse,
      rawLineDiffMs: rawMs,
      canonicalLineDiffMs: canonicalMs,
      compareDocumentsMs: compareMs,
      compareStagesMs: stagesMs,
      treeReadMs,
      cliUnifiedMs: cliTime,
      gitHistogramMs: git ?? 'git not installed',
      jsdiffDiffLinesMs: naive,
    });
    const naiveText = typeof naive === 'number' ? `${naive} ms` : naive;
    summary.push(
      `${name} (${leftRaw.length} lines, ${(bytes / 1_000_000).toFixed(2)} MB): raw line diff ${rawMs} ms, canonical ${canonicalMs} ms, compareDocuments ${compareMs} ms (${stagesText(stagesMs)}; reading both trees alone ${treeReadMs}), CLI ${typeof cliTime === 'number' ? `${cliTime} ms` : cliTime}, git ${git ?? '-'} ms, jsdiff ${naiveText}${rawDiff.isCoarse ? ' [coarse]' : ''}`,
    );
    const limits = inProcessLimits(size, variant);
    if (limits !== undefined) {
      const inProcess: [string, number, number, string][] = [
        ['raw line diff (warm)', rawMs, limits.lineDiff, ''],
        ['canonical line diff (warm)', canonicalMs, limits.lineDiff, ''],
        [
          'whole compareDocuments in-process (warm)',
          compareMs,
          limits.whole,
          ` (reading both parsed trees alone takes ${treeReadMs} ms)`,
        ],
      ];
      for (const [what, ms, limit, note] of inProcess)
        targets.push({
          name: `${name}: ${what}`,
          value: `${ms} ms${note}`,
          limit: `≤ ${limit} ms`,
          met: ms <= limit,
        });
    }
    if (git !== undefined) {
      targets.push(cliTarget(name, cliTime, git, startup.nodeMs));
      cliPairs.push(name);
      if (startup.nodeMs > 3 * git) belowNodeFloor.push(name);
    }
  }
}

summary.push(
  `command line ≤ 3× git: on ${belowNodeFloor.length} of ${cliPairs.length} pairs 3× git is below node -e 0's start-up (${startup.nodeMs} ms), which no Node program can beat${belowNodeFloor.length > 0 ? `: ${belowNodeFloor.join(', ')}` : ''}`,
);
rmSync(scratch, { recursive: true, force: true });
writeBenchResult({ summary, targets, startup, rows });
