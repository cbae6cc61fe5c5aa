import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XmlWorkerScript } from '../../../../../electron/services/xml/resolve-xml-worker';
import { Buffer } from 'node:buffer';
import {
  parseHeaderInWorker,
  parseXmlInWorker,
  prepareXmlWorker,
} from '../../../../../electron/services/xml/parse-xml-in-worker';
import { closeXmlWorkers } from '../../../../../electron/services/xml/xml-worker-pool';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import { bundleXmlWorker, fakeWorker } from './helpers/bundle-xml-worker';
import { watchHeartbeat } from './helpers/heartbeat';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const document = encode(
  '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Äyräpää</title><component><structuredBody><x/></structuredBody></component></ClinicalDocument>',
);

let bundled: XmlWorkerScript;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ worker: bundled, remove } = await bundleXmlWorker());
});
afterAll(async () => {
  await closeXmlWorkers();
  await remove();
});

describe('parseXmlInWorker', () => {
  it('runs the TypeScript source worker when called from source (the default resolution)', async () => {
    expect(await parseXmlInWorker(document)).toEqual(parseXml(document));
  });

  it('returns the same tree as the synchronous core, and the header on request', async () => {
    expect(await parseXmlInWorker(document, { worker: bundled })).toEqual(parseXml(document));
    const header = await parseHeaderInWorker(document, { worker: bundled });
    expect(header).toMatchObject({ ok: true, value: { isPartial: true } });
  });

  it("reuses a worker that answered, terminates one that did not, and leaves the caller's bytes intact", async () => {
    await closeXmlWorkers();
    const bytes = Buffer.from(document);
    expect(prepareXmlWorker({ worker: bundled })).toEqual({ ok: true, value: undefined });
    await parseXmlInWorker(bytes, { worker: bundled });
    await parseXmlInWorker(bytes, { worker: bundled });
    expect(bytes.toString('utf8')).toContain('Äyräpää');
    await parseXmlInWorker(bytes, { worker: fakeWorker('hanging-worker.mjs'), timeoutMs: 300 });
    expect(await closeXmlWorkers()).toBe(1);
  });

  it('passes typed refusals through unchanged', async () => {
    const hostile = encode('<a>&nbsp;</a>');
    expect(await parseXmlInWorker(hostile, { worker: bundled })).toEqual(parseXml(hostile));
  });

  it("applies the caller's caps, and refuses oversized input before starting a thread", async () => {
    expect(
      await parseXmlInWorker(encode('<a><b/></a>'), { worker: bundled, limits: { maxDepth: 1 } }),
    ).toMatchObject({ ok: false, error: { code: 'xml-too-deep' } });
    const missing: XmlWorkerScript = { kind: 'bundle', path: '/nonexistent/xml-worker.cjs' };
    expect(
      await parseXmlInWorker(document, { worker: missing, limits: { maxBytes: 10 } }),
    ).toMatchObject({ ok: false, error: { code: 'xml-too-large' } });
  });

  it('stops a worker that does not answer in time with xml-timeout, and the caller stays responsive', async () => {
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const result = await parseXmlInWorker(document, {
      worker: fakeWorker('hanging-worker.mjs'),
      timeoutMs: 400,
    });
    clearInterval(ticker);
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-timeout' } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ticks).toBeGreaterThan(5);
  });

  it('turns an exhausted heap into xml-resources', async () => {
    const result = await parseXmlInWorker(document, {
      worker: fakeWorker('memory-hog-worker.mjs'),
      maxMemoryMb: 32,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-resources' } });
    if (!result.ok) expect(result.error.message).toContain('32 MB');
  });

  it.each([
    ['a crash', 'throwing-worker.mjs'],
    ['an exit without answer', 'exiting-worker.mjs'],
    ['an answer that is not a Result', 'odd-answer-worker.mjs'],
    ['a worker file that does not exist', '../no-such-worker.cjs'],
  ])("turns %s into xml-resources without echoing the thread's error", async (_name, script) => {
    const result = await parseXmlInWorker(document, { worker: fakeWorker(script) });
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-resources' } });
    expect(JSON.stringify(result)).not.toContain('root:x:0:0');
  });
});

describe('parseXmlInWorker: cancellation', () => {
  it('answers xml-cancelled without starting a thread when the signal is already aborted', async () => {
    const missing: XmlWorkerScript = { kind: 'bundle', path: '/nonexistent/xml-worker.cjs' };
    const result = await parseXmlInWorker(document, {
      worker: missing,
      signal: AbortSignal.abort(),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'xml-cancelled', message: 'Reading the document was cancelled.' },
    });
  });

  it('stops the thread of a parse that is cancelled while it runs, and does not pool it', async () => {
    await closeXmlWorkers();
    const heartbeat = watchHeartbeat();
    try {
      const controller = new AbortController();
      const parsing = parseXmlInWorker(document, {
        worker: fakeWorker('heartbeat-worker.mjs'),
        timeoutMs: 120_000,
        signal: controller.signal,
      });
      expect(await heartbeat.isBeating()).toBe(true);
      controller.abort();
      expect(await parsing).toMatchObject({ ok: false, error: { code: 'xml-cancelled' } });
      expect(await heartbeat.hasStopped()).toBe(true);
      expect(await closeXmlWorkers()).toBe(0);
    } finally {
      heartbeat.dispose();
    }
  });
});
