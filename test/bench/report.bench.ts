/**
 * Issue 8 benchmark: the HTML report of a 20 MB pair (made by compare-pairs.ts as in the compare
 * bench: few edits and 10% edits). Measured in this process: the comparison itself (parse, read,
 * compareDocuments, canonical lines; the baseline), then writeReport in HTML (reading both
 * sources' headers and identity codes, building, redacting when asked, rendering, sealing) and
 * report verify. Records the HTML size and how long headless Chromium takes to load and lay out
 * the page (usable in a browser: unchanged regions are collapsed and capped). Target: the report
 * in ≤ 10 s, measured both as the report step alone and as `archivist compare --format html` end
 * to end (process start, the comparison in its worker, the audited export), which is what a
 * tester waits for.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canonicalizeXml } from '../../shared/compare/canonical-xml';
import { compareDocuments, type CompareSide } from '../../shared/compare/compare-documents';
import { findChromium } from '../../electron/services/report/pdf-printer';
import { verifyReport } from '../../electron/services/report/verify-report';
import { writeReport } from '../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../electron/services/xml';
import { round, timeOnce, writeBenchResult, type BenchTarget } from './bench-kit';
import { bundleCli } from './bundle-cli';
import { side as comparedSide, variantOf } from './compare-pairs';
import { syntheticCda } from './synthetic-cda';

const size = 20 * 1024 * 1024;
const targetMs = 10_000;

/** A parsed side as the compare bench makes it, with its canonical lines. */
function side(text: string): CompareSide & { lines: readonly string[] } {
  const parsed = comparedSide(text);
  return { ...parsed, lines: canonicalizeXml(parsed.tree).lines };
}

/** Milliseconds headless Chromium takes to load the report and dump its laid-out DOM. */
function chromiumLoadMs(file: string, folder: string): number | undefined {
  const chromium = findChromium();
  if (!chromium) return undefined;
  const started = performance.now();
  const run = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--user-data-dir=${join(folder, 'profile')}`,
      '--dump-dom',
      pathToFileURL(file).href,
    ],
    { maxBuffer: 1 << 30, timeout: 120_000 },
  );
  return run.status === 0 ? performance.now() - started : undefined;
}

/**
 * Milliseconds of `archivist compare --format html` end to end (process start, reading, the
 * comparison in its worker, auditing, the report, writing), or why it failed.
 */
function cliHtmlMs(cli: string, dir: string): number | string {
  const started = performance.now();
  const args = ['compare', 'left.xml', 'right.xml', '--format', 'html', '--out', 'report.html'];
  const run = spawnSync(process.execPath, [cli, ...args, '--home', join(dir, 'home')], {
    cwd: dir,
  });
  const ms = performance.now() - started;
  if (run.status !== 0)
    return `failed: ${String(run.stderr).trim().split('\n')[0] ?? `exit ${run.status}`}`;
  return ms;
}

const folder = mkdtempSync(join(tmpdir(), 'archivist-report-bench-'));
const summary: string[] = [];
const targets: BenchTarget[] = [];
const numbers: Record<string, unknown> = {};
try {
  const base = syntheticCda(size, 'structured', 1);
  const cli = await bundleCli(join(folder, 'cli'));
  for (const [variant, right] of [
    ['few edits', variantOf(base, size, 'few edits')],
    ['10% edits', variantOf(base, size, '10% edits')],
  ] as const) {
    let compared: ReturnType<typeof compareDocuments> | undefined;
    let lines: { left: readonly string[]; right: readonly string[] } | undefined;
    const compareMs = await timeOnce(() => {
      const a = side(base);
      const b = side(right);
      compared = compareDocuments(a, b);
      lines = { left: a.lines, right: b.lines };
    });
    // The whole command line on the same pair, before the in-process report (a cold process).
    const pairDir = join(folder, `pair-${variant.replace(/\W+/g, '-')}`);
    mkdirSync(pairDir);
    writeFileSync(join(pairDir, 'left.xml'), base);
    writeFileSync(join(pairDir, 'right.xml'), right);
    const cliMs = cliHtmlMs(cli, pairDir);
    const cliText = typeof cliMs === 'number' ? `${round(cliMs)} ms` : cliMs;
    numbers[`${variant}, command line`] = {
      cliHtmlMs: typeof cliMs === 'number' ? round(cliMs) : cliMs,
    };
    summary.push(`20 MB pair, ${variant}: archivist compare --format html end to end ${cliText}`);
    targets.push({
      name: `HTML report of a 20 MB pair from the command line, end to end (${variant})`,
      value: cliText,
      limit: `≤ ${targetMs} ms`,
      met: typeof cliMs === 'number' && cliMs <= targetMs,
    });
    const request = {
      result: compared!,
      left: { bytes: Buffer.from(base), source: 'left.xml' },
      right: { bytes: Buffer.from(right), source: 'right.xml' },
      operator: 'bench',
      lines: lines!,
    };
    for (const redact of [false, true]) {
      let bytes: Uint8Array = new Uint8Array();
      let embedded = false;
      const reportMs = await timeOnce(async () => {
        const written = await writeReport(request, { format: 'html', redact });
        if (!written.ok) throw new Error(written.error.message);
        bytes = written.value.bytes;
        embedded = written.value.manifest.sources.some((source) => source.base64 !== undefined);
      });
      const verifyMs = await timeOnce(() => {
        if (!verifyReport(bytes).ok) throw new Error('the report does not verify');
      });
      const file = join(folder, `${variant.replace(/\W+/g, '-')}${redact ? '-redacted' : ''}.html`);
      writeFileSync(file, bytes);
      const browserMs = chromiumLoadMs(file, folder);
      const name = `${variant}${redact ? ', redacted' : ''}`;
      const megabytes = bytes.byteLength / 1024 / 1024;
      numbers[name] = {
        compareMs: round(compareMs),
        reportMs: round(reportMs),
        ratioToCompare: Math.round((reportMs / compareMs) * 100) / 100,
        verifyMs: round(verifyMs),
        htmlMegabytes: Math.round(megabytes * 10) / 10,
        embeddedSources: embedded,
        chromiumLoadMs: browserMs === undefined ? null : round(browserMs),
        contentChanges: compared!.content.shown.length,
      };
      summary.push(
        `20 MB pair, ${name}: HTML report ${round(reportMs)} ms (${Math.round((reportMs / compareMs) * 100)}% of the comparison's ${round(compareMs)} ms), ${megabytes.toFixed(1)} MB${embedded ? ' (both sources embedded)' : ' (sources not embedded)'}, verify ${round(verifyMs)} ms, Chromium load ${browserMs === undefined ? 'not measured (no Chromium)' : `${round(browserMs)} ms`}`,
      );
      targets.push({
        name: `HTML report of a 20 MB pair (${name})`,
        value: `${round(reportMs)} ms`,
        limit: `≤ ${targetMs} ms`,
        met: reportMs <= targetMs,
      });
    }
  }
} finally {
  await closeXmlWorkers();
  rmSync(folder, { recursive: true, force: true });
}
writeBenchResult({ summary, targets, ...numbers });
