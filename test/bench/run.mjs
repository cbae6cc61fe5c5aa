// Runs every test/bench/*.bench.ts (or those whose name contains an argument) in its own Node
// process through tsx (with --expose-gc), collects each one's result, saves everything to
// test/bench/results/latest.json and prints each benchmark's summary.
// A benchmark reports by writing JSON to the file named in BENCH_RESULT_FILE:
//   { summary: string[], targets: { name, value, limit, met }[], ...its numbers }
// (test/bench/bench-kit.ts has helpers), or, the older way, by writing results/<name>.json itself.
// Benchmarks are not tests: a missed target is reported, not failed; only a benchmark that
// crashes or reports nothing makes the exit code 1.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (benches.length === 0) {
  console.error(`no benchmark matches ${filters.join(' ')}`);
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'archivist-bench-'));
const results = {};
let crashed = 0;
for (const bench of benches) {
  const name = bench.replace(/\.bench\.ts$/, '');
  const resultFile = join(scratch, `${name}.json`);
  const ownFile = join(folder, 'results', `${name}.json`);
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(folder, bench)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULT_FILE: resultFile },
  });
  try {
    const file = existsSync(resultFile) ? resultFile : ownFile;
    if (statSync(file).mtimeMs < started) throw new Error('stale');
    results[name] = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    crashed += 1;
    results[name] = { error: `exited with ${run.status ?? run.signal} before writing a result` };
  }
}
rmSync(scratch, { recursive: true, force: true });

const report = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  benches: results,
};
mkdirSync(join(folder, 'results'), { recursive: true });
writeFileSync(join(folder, 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

console.log(`\n=== Benchmark summary (${report.node}, ${report.cpus} × ${report.cpuModel}) ===`);
let met = 0;
let total = 0;
for (const [name, result] of Object.entries(results)) {
  console.log(`\n${name}`);
  if (result.error) console.log(`  ✗ ${result.error}`);
  for (const line of Array.isArray(result.summary) ? result.summary : []) console.log(`  ${line}`);
  if (!result.error && !Array.isArray(result.summary))
    console.log(`  ${JSON.stringify(result).slice(0, 600)}`);
  for (const target of Array.isArray(result.targets) ? result.targets : []) {
    total += 1;
    if (target.met) met += 1;
    console.log(
      `  ${target.met ? '✓' : '✗'} ${target.name}: ${target.value} (target ${target.limit})`,
    );
  }
}
console.log(`\ntargets met: ${met}/${total}; results in test/bench/results/latest.json`);
process.exit(crashed > 0 ? 1 : 0);
