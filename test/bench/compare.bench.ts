/**
 * Issue 7 benchmark: the compare pipeline on generated CDA pairs (2 MB and 20 MB: few edits, 10%
 * edits, a moved block, unrelated documents), against `git diff --no-index --histogram` on the
 * same files in the same run (process start included) and jsdiff's plain diffLines as the naive
 * reference (2 MB only, with a 2 s cap). Measured in-process: the raw-text line diff (what
 * --format unified runs), the canonical-form line diff, and the whole compareDocuments (canonical
 * forms, metadata diff, change list, with the compare worker's codec and node cap; XML parsing
 * excluded; with the median of each stage), and the command line end to end (process start,
 * reading, auditing and writing included; its patch is checked against unifiedPatch in-process),
 * with Node's own start-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { canonicalizeXml } from '../../shared/compare/canonical-xml';
import { compareDocuments, type CompareTimings } from '../../shared/compare/compare-documents';
import { findIgnoreProfile } from '../../shared/compare/builtin-profiles';
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
import { side, variantOf, variants } from './compare-pairs';
import { syntheticCda } from './synthetic-cda';

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

function gitMs(dir: string, runs: number): number | undefined {
  if (spawnSync('git', ['--version']).status !== 0) return undefined;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    spawnSync('git', ['diff', '--no-index', '--histogram', '--no-color', 'left.xml', 'right.xml'], {
      cwd: dir,
      maxBuffer: 1 << 30,
    });
    times.push(performance.now() - started);
  }
  return round(times.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
}

/** Median milliseconds of a process run to its end (start-up included). */
function processMs(args: readonly string[], runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return round(times.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
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
      { cwd: dir },
    );
    if (result.status !== 0)
      return `failed: ${String(result.stderr).trim().split('\n')[0] ?? `exit ${result.status}`}`;
    times.push(performance.now() - started);
    if (!readFileSync(join(dir, 'out.patch')).equals(expected))
      return 'failed: the patch differs from unifiedPatch in-process';
  }
  return round(times.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
}

const scratch = mkdtempSync(join(tmpdir(), 'archivist-compare-bench-'));
const profileResult = findIgnoreProfile('default');
if (!profileResult.ok) throw new Error(profileResult.error.message);
const profile = profileResult.value;
const cli = await bundleCli(scratch);
const rows: Record<string, unknown>[] = [];
const targets: BenchTarget[] = [];
const summary: string[] = [];

// Start-up: Node alone, then the command line printing its version (the bundle loaded, no
// command) and compare's help (the compare module loaded): what every CLI row pays before work.
const startup = {
  nodeMs: processMs(['-e', '0'], 9),
  cliVersionMs: processMs([cli, '--version'], 9),
  cliCompareHelpMs: processMs([cli, 'compare', '--help'], 9),
};
summary.push(
  `start-up (median of 9): node -e 0 ${startup.nodeMs} ms, archivist --version ${startup.cliVersionMs} ms, archivist compare --help ${startup.cliCompareHelpMs} ms`,
);

for (const size of [2_000_000, 20_000_000]) {
  const base = syntheticCda(size, 'structured', 1);
  const runs = size > 5_000_000 ? 3 : 7;
  const label = `${size / 1_000_000} MB`;
  const leftSide = side(base);
  const leftCanonical = canonicalizeXml(leftSide.tree, codec).lines;
  for (const variant of variants) {
    const other = variantOf(base, size, variant);
    const dir = join(scratch, `${size}-${variant.replace(/\W+/g, '-')}`);
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'left.xml'), base);
    writeFileSync(join(dir, 'right.xml'), other);
    const leftRaw = splitRawLines(base);
    const rightRaw = splitRawLines(other);
    const rawMs = round(await timeMedian(runs, () => diffLineArrays(leftRaw, rightRaw)));
    const rawDiff = diffLineArrays(leftRaw, rightRaw);
    const rightSide = side(other);
    const rightCanonical = canonicalizeXml(rightSide.tree, codec).lines;
    const canonicalMs = round(
      await timeMedian(runs, () => diffLineArrays(leftCanonical, rightCanonical)),
    );
    // Each run also notes its stage times (a few clock reads), so the breakdown explains the total.
    const stageRuns: CompareTimings[] = [];
    const compareMs = round(
      await timeMedian(runs, () => {
        const timings: CompareTimings = {};
        stageRuns.push(timings);
        return compareDocuments(leftSide, rightSide, { profile, codec, timings });
      }),
    );
    const stagesMs = stageMedians(stageRuns.slice(1));
    const git = gitMs(dir, runs);
    const expectedPatch = Buffer.from(unifiedPatch(base, other, 'left.xml').patch, 'utf8');
    const cliTime = cliMs(cli, dir, join(scratch, 'home'), runs, expectedPatch);
    let naive: string | number = 'skipped (20 MB)';
    if (size < 5_000_000) {
      let finished = true;
      const ms = await timeOnce(() => {
        finished = diffLines(base, other, { timeout: 2000 }) !== undefined;
      });
      naive = finished ? round(ms) : 'gave up after 2,000 ms';
    }
    const row = {
      size: label,
      variant,
      lines: leftRaw.length,
      blocks: rawDiff.blocks.length,
      coarse: rawDiff.isCoarse,
      rawLineDiffMs: rawMs,
      canonicalLineDiffMs: canonicalMs,
      compareDocumentsMs: compareMs,
      compareStagesMs: stagesMs,
      cliUnifiedMs: cliTime,
      gitHistogramMs: git ?? 'git not installed',
      jsdiffDiffLinesMs: naive,
    };
    rows.push(row);
    summary.push(
      `${label} ${variant} (${leftRaw.length} lines): raw line diff ${rawMs} ms, canonical ${canonicalMs} ms, compareDocuments ${compareMs} ms (${stagesText(stagesMs)}), CLI ${typeof cliTime === 'number' ? `${cliTime} ms` : cliTime}, git ${git ?? '-'} ms, jsdiff ${naive}${rawDiff.isCoarse ? ' [coarse]' : ''}`,
    );
    const limit = size < 5_000_000 ? (variant === 'few edits' ? 40 : 150) : 1000;
    targets.push({
      name: `${label} ${variant}: raw line diff (warm)`,
      value: `${rawMs} ms`,
      limit: `≤ ${limit} ms`,
      met: rawMs <= limit,
    });
    const wholeLimit = size < 5_000_000 ? 150 : 1000;
    targets.push({
      name: `${label} ${variant}: whole compareDocuments in-process (warm)`,
      value: `${compareMs} ms`,
      limit: `≤ ${wholeLimit} ms`,
      met: compareMs <= wholeLimit,
    });
    if (git !== undefined)
      targets.push({
        name: `${label} ${variant}: command line vs git --histogram`,
        value:
          typeof cliTime === 'number' ? `${cliTime} ms vs ${git} ms` : `${cliTime} (git ${git} ms)`,
        limit: '≤ 3× git',
        met: typeof cliTime === 'number' && cliTime <= 3 * git,
      });
  }
}

rmSync(scratch, { recursive: true, force: true });
writeBenchResult({ summary, targets, startup, rows });
