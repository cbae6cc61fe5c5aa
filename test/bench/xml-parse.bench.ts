/**
 * Issue 3 benchmark: the safe XML layer against raw xml2js on the same generated CDA documents
 * in the same run. Measures the synchronous core, the worker path the app uses (warm and cold),
 * time to header metadata, and peak memory in fresh processes; and records, live, what xml2js
 * lets through on its own. Mapping to the metadata model (shared/documents) is not part of the
 * pipeline measured here yet.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStringPromise } from 'xml2js';
import { parseHeader } from '../../electron/services/xml/parse-header';
import { parseXml } from '../../electron/services/xml/parse-xml';
import {
  parseHeaderInWorker,
  parseXmlInWorker,
} from '../../electron/services/xml/parse-xml-in-worker';
import { closeXmlWorkers } from '../../electron/services/xml/xml-worker-pool';
import { bundleXmlWorker } from '../unit/electron/services/xml/helpers/bundle-xml-worker';
import { peakHeapGrowthMb } from './gc-trace';
import { round, timeMedian, timeOnce, writeBenchResult, type BenchTarget } from './bench-kit';
import { syntheticCda, type SyntheticBody } from './synthetic-cda';

const documents: readonly { label: string; size: number; body: SyntheticBody; runs: number }[] = [
  { label: '100 KB structured', size: 100_000, body: 'structured', runs: 7 },
  { label: '2 MB structured', size: 2_000_000, body: 'structured', runs: 5 },
  { label: '20 MB attachment', size: 20_000_000, body: 'attachment', runs: 3 },
];
const megabyte = 1024 * 1024;
const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

type ProbeMode = 'xml2js' | 'parse' | 'worker-thread' | 'worker';

/** Peak heap growth in MB of one parse, measured in a fresh process (memory-probe.ts). */
function peakHeapMb(mode: ProbeMode, file: string, workerPath: string): number {
  const run = spawnSync(
    process.execPath,
    // A 1 MB semi-space: V8 scavenges every megabyte, so the heap before each GC is the live set
    // plus at most about 1 MB of garbage (the figure's resolution).
    [
      '--import',
      'tsx',
      '--expose-gc',
      '--trace-gc',
      '--max-semi-space-size=1',
      probe,
      mode,
      file,
      workerPath,
    ],
    { encoding: 'utf8', maxBuffer: 64 * megabyte },
  );
  const peak = peakHeapGrowthMb(run.stdout);
  if (!run.stderr.startsWith('ok') || peak === undefined)
    throw new Error(`memory probe ${mode} failed: ${run.stderr}`);
  return round(peak);
}

/** Peak heap growth in MB of each way of parsing one document file. */
function measureHeap(file: string, workerPath: string) {
  return {
    xml2js: peakHeapMb('xml2js', file, workerPath),
    parse: peakHeapMb('parse', file, workerPath),
    workerThread: peakHeapMb('worker-thread', file, workerPath),
    workerCaller: peakHeapMb('worker', file, workerPath),
  };
}

async function measure(document: (typeof documents)[number], folder: string, workerPath: string) {
  const bytes = Buffer.from(syntheticCda(document.size, document.body));
  const file = join(folder, `${document.size}-${document.body}.xml`);
  writeFileSync(file, bytes);
  const worker = { kind: 'bundle' as const, path: workerPath };
  const xml2jsMs = await timeMedian(document.runs, () =>
    parseStringPromise(bytes.toString('utf8')),
  );
  const parseMs = await timeMedian(document.runs, () => {
    if (!parseXml(bytes).ok)
      throw new Error(`${document.label}: the generated document was refused`);
  });
  const workerMs = await timeMedian(document.runs, () =>
    parseXmlInWorker(bytes, { worker, timeoutMs: 60_000 }),
  );
  await closeXmlWorkers();
  const workerColdMs = await timeOnce(() => parseXmlInWorker(bytes, { worker, timeoutMs: 60_000 }));
  const headerMs = await timeMedian(document.runs, () => parseHeader(bytes));
  const headerWorkerMs = await timeMedian(document.runs, () =>
    parseHeaderInWorker(bytes, { worker }),
  );
  await closeXmlWorkers();
  const peakHeapGrowthMb = measureHeap(file, workerPath);
  const sizeMb = bytes.length / megabyte;
  return {
    label: document.label,
    bytes: bytes.length,
    runs: document.runs,
    milliseconds: {
      xml2js: round(xml2jsMs),
      parse: round(parseMs),
      worker: round(workerMs),
      workerCold: round(workerColdMs),
      header: round(headerMs),
      headerWorker: round(headerWorkerMs),
    },
    ratioToXml2js: {
      parse: Math.round((parseMs / xml2jsMs) * 100) / 100,
      worker: Math.round((workerMs / xml2jsMs) * 100) / 100,
      workerCold: Math.round((workerColdMs / xml2jsMs) * 100) / 100,
    },
    /** Peak heap growth in MB (±1 MB): xml2js, our core, the worker thread's work, the caller's thread. */
    peakHeapGrowthMb,
    heapPerDocumentSize: {
      xml2js: round(peakHeapGrowthMb.xml2js / sizeMb),
      parse: round(peakHeapGrowthMb.parse / sizeMb),
      workerThread: round(peakHeapGrowthMb.workerThread / sizeMb),
      workerCaller: round(peakHeapGrowthMb.workerCaller / sizeMb),
    },
  };
}

/** What raw xml2js does with inputs the safe layer refuses: observed now, not quoted. */
async function xml2jsObservations(): Promise<string[]> {
  const nbsp = JSON.stringify(await parseStringPromise('<a>x&nbsp;y</a>'));
  const duplicate = JSON.stringify(await parseStringPromise('<a b="1" b="2"/>'));
  const proto = (await parseStringPromise('<a><__proto__>x</__proto__></a>')) as { a: object };
  const deep: unknown = await parseStringPromise(
    `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`,
  );
  let stringify = 'JSON.stringify works';
  try {
    JSON.stringify(deep);
  } catch (error) {
    stringify = `JSON.stringify throws ${(error as Error).name}: ${(error as Error).message}`;
  }
  return [
    `HTML entity: '<a>x&nbsp;y</a>' → ${nbsp} (accepted; not XML)`,
    `duplicate attribute: '<a b="1" b="2"/>' → ${duplicate} (accepted, one value silently dropped)`,
    `__proto__ element: own property of the result: ${Object.hasOwn(proto.a, '__proto__')}`,
    `100,000-deep nesting: parsed; then ${stringify}`,
  ];
}

type Row = Awaited<ReturnType<typeof measure>>;

/** Heap figures resolve to about 1 MB: below that size a ratio to the document says nothing. */
const heapResolutionBytes = megabyte;

function targetsFor(row: Row): BenchTarget[] {
  const targets: BenchTarget[] = [
    {
      name: `${row.label}: full parse in the (warm) worker vs raw xml2js`,
      value: `${row.ratioToXml2js.worker}×`,
      limit: '≤ 1.2×',
      met: row.ratioToXml2js.worker <= 1.2,
    },
    {
      name: `${row.label}: time to header metadata (parseHeader)`,
      value: `${row.milliseconds.header} ms`,
      limit: '≤ 50 ms',
      met: row.milliseconds.header <= 50,
    },
  ];
  if (row.bytes < heapResolutionBytes) return targets;
  const heap = row.heapPerDocumentSize;
  return [
    ...targets,
    {
      name: `${row.label}: peak heap of the worker thread (parse + pack)`,
      value: `${heap.workerThread}× document size`,
      limit: '≤ 10×',
      met: heap.workerThread <= 10,
    },
    {
      name: `${row.label}: peak heap of the caller's thread (unpacked tree)`,
      value: `${heap.workerCaller}× document size`,
      limit: '≤ 10×',
      met: heap.workerCaller <= 10,
    },
  ];
}

function tableLine(row: Row): string {
  const { milliseconds: ms, ratioToXml2js: ratio, heapPerDocumentSize: heap } = row;
  return [
    row.label.padEnd(19),
    String(ms.xml2js).padStart(9),
    `${ms.parse} (${ratio.parse})`.padStart(13),
    `${ms.worker} (${ratio.worker})`.padStart(14),
    `${ms.workerCold} (${ratio.workerCold})`.padStart(14),
    String(ms.header).padStart(9),
    String(ms.headerWorker).padStart(11),
    `${heap.xml2js} / ${heap.parse} / ${heap.workerThread} / ${heap.workerCaller}`.padStart(27),
  ].join(' ');
}

function summaryLines(rows: Row[], observations: string[]): string[] {
  return [
    'times: median ms (ratio to xml2js); worker = warm pooled worker, cold = first parse in a new worker',
    'heap: peak heap growth ÷ document size (±1 MB) for xml2js / our core / worker thread / caller thread',
    '',
    'document             xml2js ms  core ms (×)  worker ms (×)   cold ms (×) header ms  header in   heap ×size x2j/core/thr/call',
    '                                                                                     worker ms',
    ...rows.map(tableLine),
    '',
    'raw xml2js on its own (observed in this run):',
    ...observations.map((line) => `- ${line}`),
    '',
    `Heap targets are checked from ${heapResolutionBytes / megabyte} MB up: the heap figures resolve to about 1 MB.`,
    'Mapping to the metadata model and the whole loadDocument pipeline: see the document-pipeline benchmark.',
  ];
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'archivist-xml-bench-'));
  const bundle = await bundleXmlWorker();
  try {
    const rows = [];
    for (const document of documents) {
      process.stdout.write(`  ${document.label}…\n`);
      rows.push(await measure(document, folder, bundle.worker.path));
    }
    const observations = await xml2jsObservations();
    writeBenchResult({
      documents: rows,
      xml2jsLetsThrough: observations,
      targets: rows.flatMap(targetsFor),
      summary: summaryLines(rows, observations),
    });
  } finally {
    await closeXmlWorkers();
    await bundle.remove();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
