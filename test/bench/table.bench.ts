/**
 * The document table with 100,000 rows in Debian's Chromium (issue 6): first render, sort, a
 * filter keystroke, row elements in the DOM and long tasks while scrolling. The real
 * DocumentTable is bundled with a bench-only page (table-page.ts) by esbuild, served on 127.0.0.1
 * and driven by Playwright; a plain Array.sort of the same rows in the same page is the baseline.
 */
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round, writeBenchResult, type BenchTarget } from './bench-kit';

const rowCount = 100_000;
const entry = fileURLToPath(new URL('./table-page.ts', import.meta.url));

/** TABLE_BENCH_PROFILE=<folder>: a CPU profile of the measured run, unminified, with a summary. */
const profileFolder = process.env.TABLE_BENCH_PROFILE;

async function bundlePage(folder: string): Promise<void> {
  await build({
    entryPoints: { 'table-page': entry },
    outdir: folder,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: profileFolder === undefined,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  writeFileSync(
    path.join(folder, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>table bench</title>' +
      '<link rel="stylesheet" href="/table-page.css"></head><body><main id="root"></main>' +
      '<script type="module" src="/table-page.js"></script></body></html>',
  );
}

function serve(folder: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const name = request.url === '/' ? 'index.html' : path.basename(request.url ?? '');
    try {
      const body = readFileSync(path.join(folder, name));
      response.writeHead(200, { 'Content-Type': types[path.extname(name)] ?? 'text/html' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

type Bench = {
  prepare(count: number): void;
  render(): Promise<number>;
  sortBy(header: string): Promise<number>;
  baselineSort(): number;
  rowElements(): number;
  firstRowText(): string;
  shownCount(): number;
  keystrokeTimes: number[];
  scroll(
    frames: number,
    pixels: number,
  ): Promise<{ longTasks: number[]; maxRows: number; scrollTop: number }>;
};
/** Runs `run` in the page with the bench object; functions cross as source, so `arg` carries data. */
const call = <T>(
  page: Page,
  run: (bench: Bench, arg: string) => T | Promise<T>,
  arg = '',
): Promise<T> =>
  page.evaluate(`(${run.toString()})(window.tableBench, ${JSON.stringify(arg)})`) as Promise<T>;

async function measure(page: Page) {
  await call(page, (bench) => bench.prepare(100_000));
  const renders: number[] = [];
  for (let run = 0; run < 3; run += 1) renders.push(await call(page, (bench) => bench.render()));
  const shown = await call(page, (bench) => bench.shownCount());
  if (shown !== rowCount) throw new Error(`the table shows ${shown} rows, not ${rowCount}`);
  const rowsAfterRender = await call(page, (bench) => bench.rowElements());

  const sorts: number[] = [];
  for (const header of ['Date', 'Date', 'Title', 'Title', 'Patient', 'Patient'])
    sorts.push(await call(page, (bench, name) => bench.sortBy(name), header));
  const firstAfterSort = await call(page, (bench) => bench.firstRowText());
  const baseline: number[] = [];
  for (let run = 0; run < 3; run += 1) baseline.push(await call(page, (b) => b.baselineSort()));

  // Typing into the global filter: each keystroke narrows 100,000 rows.
  const filter = page.getByLabel('Filter all columns');
  await filter.click();
  const typed = 'hete 001';
  await page.keyboard.type(typed, { delay: 150 });
  await page.waitForFunction(`window.tableBench.keystrokeTimes.length >= ${typed.length}`);
  const keystrokes = await call(page, (bench) => bench.keystrokeTimes);
  const filtered = await call(page, (bench) => bench.shownCount());
  if (!(filtered > 0 && filtered < rowCount)) throw new Error(`filter left ${filtered} rows`);
  await filter.fill('');

  const scrolled = await call(page, (bench) => bench.scroll(300, 480));
  return {
    renders,
    rowsAfterRender,
    sorts,
    firstAfterSort,
    baseline,
    keystrokes,
    filtered,
    scrolled,
  };
}

/** Self time per function over the whole profile, the heaviest first (where the time goes). */
function heaviest(profile: CpuProfile, count: number): string[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const name = `${frame?.functionName || '(anonymous)'} ${path.basename(frame?.url ?? '')}:${(frame?.lineNumber ?? 0) + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${round(ms)} ms  ${name}`);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

async function startProfile(page: Page): Promise<{ stop(): Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await session.send('Profiler.stop')) as unknown as {
        profile: CpuProfile;
      };
      const folder = profileFolder ?? '.';
      mkdirSync(folder, { recursive: true });
      const file = path.join(folder, `table-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`CPU profile: ${file}\n${heaviest(profile, 30).join('\n')}`);
    },
  };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'archivist-table-bench-'));
  await bundlePage(folder);
  const server = await serve(folder);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction('window.tableBench !== undefined');
    const profiler = profileFolder === undefined ? undefined : await startProfile(page);
    const numbers = await measure(page);
    if (profiler) await profiler.stop();
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);

    const firstRender = numbers.renders[0] ?? NaN;
    const sort = Math.max(...numbers.sorts);
    const keystroke = Math.max(...numbers.keystrokes);
    const longest = Math.max(0, ...numbers.scrolled.longTasks);
    const rows = Math.max(numbers.rowsAfterRender, numbers.scrolled.maxRows);
    const target = (name: string, value: number, limit: number, unit: string): BenchTarget => ({
      name,
      value: `${round(value)} ${unit}`,
      limit: `≤ ${limit} ${unit}`,
      met: value <= limit,
    });
    const targets = [
      target('first render, 100,000 rows', firstRender, 300, 'ms'),
      target('sort (slowest of 6)', sort, 200, 'ms'),
      target('filter keystroke (slowest)', keystroke, 100, 'ms'),
      target('row elements in the DOM', rows, 100, 'rows'),
      target('longest task while scrolling', longest, 50, 'ms'),
    ];
    writeBenchResult({
      summary: [
        // A profiled run is unminified and sampled: its times are not comparable with others.
        ...(profileFolder === undefined ? [] : ['PROFILED RUN (unminified, CPU profiler on)']),
        `first render ${round(firstRender)} ms (re-renders ${numbers.renders.slice(1).map(round).join(', ')} ms)`,
        `sort median ${round(median(numbers.sorts))} ms, slowest ${round(sort)} ms; plain Array.sort by date ${round(median(numbers.baseline))} ms (${round(median(numbers.sorts) / median(numbers.baseline))}×)`,
        `filter keystrokes median ${round(median(numbers.keystrokes))} ms, slowest ${round(keystroke)} ms (${numbers.filtered} rows left)`,
        `row elements: ${numbers.rowsAfterRender} after render, at most ${numbers.scrolled.maxRows} while scrolling`,
        `scrolling 300 frames: ${numbers.scrolled.longTasks.length} long tasks, longest ${round(longest)} ms`,
      ],
      targets,
      rowCount,
      ...numbers,
      chromium: browser.version(),
    });
  } finally {
    await browser.close();
    server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
