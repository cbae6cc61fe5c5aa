/** Small helpers shared by the *.bench.ts files: timing, medians and the result file. */
import { writeFileSync } from 'node:fs';

/** One target a benchmark checks, reported by run.mjs. */
export interface BenchTarget {
  readonly name: string;
  readonly value: string;
  readonly limit: string;
  readonly met: boolean;
}

/** What every benchmark writes: its numbers, its targets, and readable summary lines. */
export interface BenchResult {
  readonly summary: readonly string[];
  readonly targets: readonly BenchTarget[];
  readonly [key: string]: unknown;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** Milliseconds one call of `action` takes. */
export async function timeOnce(action: () => unknown): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Median milliseconds over `runs` calls, after `warmUps` calls (default one) that are not counted. */
export async function timeMedian(
  runs: number,
  action: () => unknown,
  warmUps = 1,
): Promise<number> {
  for (let run = 0; run < warmUps; run += 1) await action();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    times.push(await timeOnce(action));
  }
  return median(times);
}

/** Rounds for the report: 0.1 ms below 10 ms, whole milliseconds above. */
export function round(value: number): number {
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** Writes the result where run.mjs expects it (or prints it when run on its own). */
export function writeBenchResult(result: BenchResult): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (file) writeFileSync(file, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result, null, 2));
}
