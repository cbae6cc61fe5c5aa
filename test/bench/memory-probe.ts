/**
 * Measures the peak heap of one parse in a fresh process (run by xml-parse.bench.ts with
 * --expose-gc, --trace-gc and a 1 MB semi-space): `memory-probe.ts <mode> <file> [worker]`,
 * modes xml2js | parse (our core) | worker-thread (exactly the worker's work, in this thread) |
 * worker (the real worker path, seen from the caller). After warm-up parses it frames the
 * parse with two explicit GCs, so that V8's GC trace on stdout shows the heap between
 * them (read by gc-trace.ts). It prints "ok" or "refused" on stderr.
 */
import { readFileSync } from 'node:fs';
import { parseStringPromise } from 'xml2js';
import { parseXml } from '../../electron/services/xml/parse-xml';
import { parseXmlInWorker } from '../../electron/services/xml/parse-xml-in-worker';
import { handleXmlWorkerRequest } from '../../electron/services/xml/xml-worker-protocol';
import { closeXmlWorkers } from '../../electron/services/xml/xml-worker-pool';
import { syntheticCda } from './synthetic-cda';

const [mode, file, workerPath] = process.argv.slice(2);

async function parse(bytes: Buffer): Promise<unknown> {
  if (mode === 'xml2js') return parseStringPromise(bytes.toString('utf8'));
  if (mode === 'parse') return parseXml(bytes);
  if (mode === 'worker-thread') {
    const request = { id: 1, mode: 'document', bytes: new Uint8Array(bytes), limits: {} };
    return handleXmlWorkerRequest(request).response.result;
  }
  if (!workerPath) throw new Error('worker script missing');
  const worker = { kind: 'bundle' as const, path: workerPath };
  return parseXmlInWorker(bytes, { worker, timeoutMs: 120_000 });
}

/**
 * Parses whose results are dropped: the app reuses warm workers, and a cold first parse also
 * counts compiling the parser, a constant rather than a cost of the document. Small documents of
 * both body kinds warm up the same code; the measured document itself is not used, because
 * whatever of its result lingers (in a message port, say) would hide from the measurement.
 */
async function warmUp(): Promise<void> {
  for (const body of ['structured', 'attachment'] as const)
    await parse(Buffer.from(syntheticCda(200_000, body)));
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!file || !gc)
    throw new Error('usage: node --expose-gc --trace-gc memory-probe.ts <mode> <file>');
  const bytes = readFileSync(file);
  await warmUp();
  gc();
  const result = await parse(bytes);
  gc();
  process.stderr.write(`${(result as { ok?: boolean }).ok === false ? 'refused' : 'ok'}\n`);
  await closeXmlWorkers();
}

void main();
