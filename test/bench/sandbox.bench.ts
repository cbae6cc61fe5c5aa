/**
 * Sandbox benchmark (issue 4, "Done when"): with 100,000 documents, start time, the median time
 * of the first page (50) of one patient's documents over 50 requests, and resident memory.
 * Run: `npx tsx test/bench/sandbox.bench.ts`; numbers go to test/bench/results/sandbox.json.
 * Uses the realistic seed generator (catalogue generated at start, CDA bytes on demand).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startSandbox } from '../../electron/sandbox/server';
import { generateSeedCatalog } from '../../electron/sandbox/seed/generate-seed';

const documents = 100_000;
const patients = 25;
const requests = 50;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const catalog = generateSeedCatalog({ seed: 1, patients, documents });
  const started = await startSandbox({ catalog });
  if (!started.ok) throw new Error(started.error.message);
  const startMs = performance.now() - startedAt;
  const { baseUrl, close } = started.value;
  const hetu = catalog.patients[3]?.identifier?.[0]?.value ?? '';
  const url = `${baseUrl}/DocumentReference?patient.identifier=urn:oid:1.2.246.21|${hetu}&_sort=-date&_count=50`;
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const before = performance.now();
    const response = await fetch(url);
    const bundle = (await response.json()) as { entry?: unknown[] };
    times.push(performance.now() - before);
    if (bundle.entry?.length !== 50) throw new Error('the first page did not have 50 entries');
  }
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  await close();
  const results = {
    name: 'sandbox',
    documents,
    patients,
    startMs: Math.round(startMs),
    firstPageMedianMs: Number(median(times).toFixed(2)),
    rssMb: Math.round(rssMb),
    limits: { startMs: 10_000, firstPageMedianMs: 50, rssMb: 1024 },
  };
  const directory = path.join(import.meta.dirname, 'results');
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, 'sandbox.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

await main();
