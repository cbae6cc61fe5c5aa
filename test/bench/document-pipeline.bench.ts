/**
 * Issue 3 benchmark, the whole pipeline: loadDocument (parse in the XML worker, unpack, map to the
 * metadata model, decode the display text) against raw xml2js parsing of the same bytes in the
 * same run, time to header metadata (loadHeader), and peak heap against document size. Where the
 * time goes is reported too (parse in the worker, mapping, text), so a missed target says why.
 *
 * Heap is measured in fresh processes: this file re-runs itself as a probe
 * (`document-pipeline.bench.ts --probe <mode> <file> <worker>`) with V8's GC trace and a 1 MB
 * young generation, read by gc-trace.ts (±1 MB), as xml-parse.bench.ts does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStringPromise } from 'xml2js';
import { readDocument } from '../../shared/documents/read-document';
import { loadDocument, loadHeader } from '../../electron/services/documents/load-document';
import { nodePayloadCodec as codec } from '../../electron/services/documents/node-payload-codec';
import { decodeXmlBytes } from '../../electron/services/xml/decode-xml-bytes';
import { parseXml } from '../../electron/services/xml/parse-xml';
import { parseXmlInWorker } from '../../electron/services/xml/parse-xml-in-worker';
import type { XmlWorkerScript } from '../../electron/services/xml/resolve-xml-worker';
import { closeXmlWorkers } from '../../electron/services/xml/xml-worker-pool';
import { bundleXmlWorker } from '../unit/electron/services/xml/helpers/bundle-xml-worker';
import { peakHeapGrowthMb } from './gc-trace';
import { round, timeMedian, timeOnce, writeBenchResult, type BenchTarget } from './bench-kit';
import { syntheticCda, type SyntheticBody } from './synthetic-cda';

const documents: readonly { label: string; size: number; body: SyntheticBody; runs: number }[] = [
  { label: '100 KB structured', size: 100_000, body: 'structured', runs: 9 },
  { label: '2 MB structured', size: 2_000_000, body: 'structured', runs: 5 },
  { label: '20 MB attachment', size: 20_000_000, body: 'attachment', runs: 3 },
];
const megabyte = 1024 * 1024;
const self = fileURLToPath(import.meta.url);
const timeoutMs = 120_000;

type ProbeMode = 'xml2js' | 'load' | 'in-thread';

/** Fails the benchmark loudly: a refused generated document would make every number meaningless. */
function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }) {
  if (!result.ok) throw new Error(`the generated document was refused: ${result.error.message}`);
  return result.value;
}

/** One parse + map in the way `mode` names; results are returned so they stay live until the GC. */
async function runMode(mode: ProbeMode, bytes: Buffer, worker: XmlWorkerScript): Promise<unknown> {
  if (mode === 'xml2js') return parseStringPromise(bytes.toString('utf8'));
  if (mode === 'load') return expectOk(await loadDocument(bytes, { worker, timeoutMs }));
  // Everything both threads do, in one thread: the upper bound for one isolate.
  const tree = expectOk(parseXml(bytes));
  return [expectOk(readDocument(tree, { codec })), expectOk(decodeXmlBytes(bytes)).text];
}

/** Probe mode: warm up on small documents, then one framed run for the GC trace. */
async function probe(mode: ProbeMode, file: string, workerPath: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the probe needs --expose-gc');
  const worker: XmlWorkerScript = { kind: 'bundle', path: workerPath };
  const bytes = readFileSync(file);
  for (const body of ['structured', 'attachment'] as const)
    await runMode(mode, Buffer.from(syntheticCda(200_000, body)), worker);
  gc();
  const result = await runMode(mode, bytes, worker);
  gc();
  process.stderr.write(result === undefined ? 'refused\n' : 'ok\n');
  await closeXmlWorkers();
}

/** Peak heap growth in MB of the probe's thread, in a fresh process. */
function peakHeapMb(mode: ProbeMode, file: string, workerPath: string): number {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--expose-gc',
      '--trace-gc',
      '--max-semi-space-size=1',
      self,
      '--probe',
      mode,
      file,
      workerPath,
    ],
    { encoding: 'utf8', maxBuffer: 64 * megabyte },
  );
  const peak = peakHeapGrowthMb(run.stdout);
  if (!run.stderr.startsWith('ok') || peak === undefined)
    throw new Error(`heap probe ${mode} failed: ${run.stderr}`);
  return round(peak);
}

async function measure(
  document: (typeof documents)[number],
  folder: string,
  worker: XmlWorkerScript,
) {
  const bytes = Buffer.from(syntheticCda(document.size, document.body));
  const file = join(folder, `${document.size}-${document.body}.xml`);
  writeFileSync(file, bytes);
  const { runs } = document;
  const xml2jsMs = await timeMedian(runs, () => parseStringPromise(bytes.toString('utf8')));
  const loadMs = await timeMedian(runs, async () =>
    expectOk(await loadDocument(bytes, { worker, timeoutMs })),
  );
  // Where loadDocument's time goes: the worker round trip, the mapping, the display text.
  const workerMs = await timeMedian(runs, () => parseXmlInWorker(bytes, { worker, timeoutMs }));
  const tree = expectOk(parseXml(bytes));
  const mapMs = await timeMedian(runs, () => expectOk(readDocument(tree, { codec })));
  const textMs = await timeMedian(runs, () => expectOk(decodeXmlBytes(bytes)));
  const headerMs = await timeMedian(runs, async () =>
    expectOk(await loadHeader(bytes, { worker, timeoutMs })),
  );
  await closeXmlWorkers();
  const headerColdMs = await timeOnce(async () =>
    expectOk(await loadHeader(bytes, { worker, timeoutMs })),
  );
  await closeXmlWorkers();
  const heapMb = {
    xml2js: peakHeapMb('xml2js', file, worker.path),
    load: peakHeapMb('load', file, worker.path),
    inThread: peakHeapMb('in-thread', file, worker.path),
  };
  const sizeMb = bytes.length / megabyte;
  const ratio = (value: number) => Math.round((value / sizeMb) * 10) / 10;
  return {
    label: document.label,
    bytes: bytes.length,
    runs,
    milliseconds: {
      xml2js: round(xml2jsMs),
      loadDocument: round(loadMs),
      workerParse: round(workerMs),
      map: round(mapMs),
      displayText: round(textMs),
      loadHeader: round(headerMs),
      loadHeaderColdWorker: round(headerColdMs),
    },
    loadDocumentToXml2js: Math.round((loadMs / xml2jsMs) * 100) / 100,
    /** Peak heap growth in MB (±1 MB): xml2js, loadDocument's calling thread, all of it in one thread. */
    peakHeapGrowthMb: heapMb,
    heapPerDocumentSize: {
      xml2js: ratio(heapMb.xml2js),
      load: ratio(heapMb.load),
      inThread: ratio(heapMb.inThread),
    },
  };
}

type Row = Awaited<ReturnType<typeof measure>>;

function targetsFor(row: Row): BenchTarget[] {
  const targets: BenchTarget[] = [
    {
      name: `${row.label}: loadDocument (parse + map + text) vs raw xml2js`,
      value: `${row.loadDocumentToXml2js}×`,
      limit: '≤ 1.2×',
      met: row.loadDocumentToXml2js <= 1.2,
    },
    {
      name: `${row.label}: time to header metadata (loadHeader, warm worker)`,
      value: `${row.milliseconds.loadHeader} ms`,
      limit: '≤ 50 ms',
      met: row.milliseconds.loadHeader <= 50,
    },
  ];
  // Heap figures resolve to about 1 MB: below that size a ratio to the document says nothing.
  if (row.bytes < megabyte) return targets;
  const heap = row.heapPerDocumentSize;
  return [
    ...targets,
    {
      name: `${row.label}: peak heap of loadDocument's calling thread`,
      value: `${heap.load}× document size`,
      limit: '≤ 10×',
      met: heap.load <= 10,
    },
    {
      name: `${row.label}: peak heap of the whole pipeline in one thread`,
      value: `${heap.inThread}× document size`,
      limit: '≤ 10×',
      met: heap.inThread <= 10,
    },
  ];
}

function tableLine(row: Row): string {
  const ms = row.milliseconds;
  const heap = row.heapPerDocumentSize;
  return [
    row.label.padEnd(18),
    String(ms.xml2js).padStart(9),
    `${ms.loadDocument} (${row.loadDocumentToXml2js}×)`.padStart(14),
    `${ms.workerParse} / ${ms.map} / ${ms.displayText}`.padStart(20),
    `${ms.loadHeader} (${ms.loadHeaderColdWorker})`.padStart(14),
    `${heap.xml2js} / ${heap.load} / ${heap.inThread}`.padStart(20),
  ].join(' ');
}

function summaryLines(rows: Row[]): string[] {
  return [
    'times: median ms after a warm-up; loadDocument with a warm pooled (bundled) XML worker',
    'parts: the worker round trip (parse + pack + unpack), mapping to the model, decoding the display text',
    'header: loadHeader median (first call in a new worker in parentheses)',
    'heap: peak heap growth ÷ document size (±1 MB): xml2js / loadDocument caller / whole pipeline in one thread',
    '',
    'document            xml2js ms  loadDoc ms (×)  worker/map/text ms  header ms      heap ×size',
    ...rows.map(tableLine),
  ];
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'archivist-pipeline-bench-'));
  const bundle = await bundleXmlWorker();
  try {
    const rows: Row[] = [];
    for (const document of documents) {
      process.stdout.write(`  ${document.label}…\n`);
      rows.push(await measure(document, folder, bundle.worker));
    }
    writeBenchResult({
      documents: rows,
      targets: rows.flatMap(targetsFor),
      summary: summaryLines(rows),
    });
  } finally {
    await closeXmlWorkers();
    await bundle.remove();
    rmSync(folder, { recursive: true, force: true });
  }
}

const [flag, mode, file, workerPath] = process.argv.slice(2);
if (flag === '--probe' && mode && file && workerPath)
  void probe(mode as ProbeMode, file, workerPath);
else void main();
