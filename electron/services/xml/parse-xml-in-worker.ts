/**
 * The API the main process and the command line use: parse in a fresh worker thread with a heap
 * cap and a wall-clock deadline. Whatever the document does (runs long, exhausts memory, crashes
 * the thread) the caller gets a typed Result and the main process neither hangs nor dies.
 * One worker per document: a stopped or crashed worker takes nothing else with it.
 */
import { Worker } from 'node:worker_threads';
import type { XmlElement } from '../../../shared/xml/tree';
import { err, ok, type Result } from '../../../shared/result';
import { tooLarge } from './decode-xml-bytes';
import type { XmlHeader } from './parse-header';
import { resolveXmlWorkerScript, type XmlWorkerScript } from './resolve-xml-worker';
import { resolveXmlLimits, type XmlLimits } from './xml-limits';
import type { XmlWorkerMode, XmlWorkerRequest } from './xml-worker-protocol';

/** How one parse in a worker is bounded, and which worker script runs it. */
export interface XmlWorkerOptions {
  readonly limits?: Partial<XmlLimits>;
  /** Deadline from start to answer, worker start-up included (default 10 s). */
  readonly timeoutMs?: number;
  /** The worker's old-generation heap cap in MB (default 256). */
  readonly maxMemoryMb?: number;
  /** The script to start; defaults to resolveXmlWorkerScript(). Tests and benchmarks pass their own. */
  readonly worker?: XmlWorkerScript;
}

/** Default wall-clock limit: a 50 MB document parses in well under a second. */
export const defaultXmlTimeoutMs = 10_000;
/** Default worker heap: issue 3 asks for every hostile input to end within 256 MB. */
export const defaultXmlWorkerMemoryMb = 256;

/** Parses a whole document in a worker thread. Never rejects. */
export function parseXmlInWorker(
  bytes: Uint8Array,
  options: XmlWorkerOptions = {},
): Promise<Result<XmlElement>> {
  return runInWorker(bytes, 'document', options) as Promise<Result<XmlElement>>;
}

/** Reads only a document's header (see parseHeader) in a worker thread. Never rejects. */
export function parseHeaderInWorker(
  bytes: Uint8Array,
  options: XmlWorkerOptions = {},
): Promise<Result<XmlHeader>> {
  return runInWorker(bytes, 'header', options) as Promise<Result<XmlHeader>>;
}

function runInWorker(
  bytes: Uint8Array,
  mode: XmlWorkerMode,
  options: XmlWorkerOptions,
): Promise<Result<unknown>> {
  const limits = resolveXmlLimits(options.limits);
  // Checked here too, so an oversized input is never copied into a thread.
  if (bytes.byteLength > limits.maxBytes) {
    const { code, message } = tooLarge(bytes.byteLength, limits.maxBytes);
    return Promise.resolve(err(code, message));
  }
  const script = options.worker ? ok(options.worker) : resolveXmlWorkerScript();
  if (!script.ok) return Promise.resolve(script);
  const request: XmlWorkerRequest = { mode, bytes, limits };
  return supervise(
    script.value.path,
    request,
    options.timeoutMs ?? defaultXmlTimeoutMs,
    options.maxMemoryMb ?? defaultXmlWorkerMemoryMb,
  );
}

function startWorker(
  path: string,
  request: XmlWorkerRequest,
  memoryMb: number,
): Worker | undefined {
  try {
    // stdout/stderr are captured so nothing the thread prints reaches the command line's output.
    return new Worker(path, {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
  } catch {
    return undefined;
  }
}

function supervise(
  path: string,
  request: XmlWorkerRequest,
  timeoutMs: number,
  memoryMb: number,
): Promise<Result<unknown>> {
  const worker = startWorker(path, request, memoryMb);
  if (!worker) {
    return Promise.resolve(
      err('xml-resources', 'Archivist could not start a worker thread to read the document.'),
    );
  }
  return new Promise((resolve) => {
    let isSettled = false;
    const settle = (result: Result<unknown>): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      worker.removeAllListeners();
      // An 'error' after settling must not become an unhandled exception.
      worker.on('error', () => undefined);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => settle(timedOut(timeoutMs)), timeoutMs);
    worker.once('message', (message: unknown) => settle(answer(message)));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(workerFailure(error, memoryMb)),
    );
    worker.once('messageerror', () =>
      settle(err('xml-resources', "The XML worker's answer could not be received.")),
    );
    worker.once('exit', () =>
      settle(
        err(
          'xml-resources',
          'The XML worker stopped before it answered; the document may be built to exhaust XML readers.',
        ),
      ),
    );
  });
}

function timedOut(timeoutMs: number): Result<never> {
  const seconds = (timeoutMs / 1000).toLocaleString('en-US');
  return err(
    'xml-timeout',
    `Reading the document took longer than ${seconds} s, so Archivist stopped it; the file may be built to exhaust XML readers.`,
  );
}

function answer(message: unknown): Result<unknown> {
  return isResult(message)
    ? message
    : err('xml-resources', 'The XML worker answered with something Archivist did not expect.');
}

function workerFailure(error: Error & { code?: string }, memoryMb: number): Result<never> {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return err(
      'xml-resources',
      `Reading the document needed more than the ${memoryMb} MB of memory Archivist allows, so it stopped; the file may be built to exhaust XML readers.`,
    );
  }
  // The error's own message is not repeated: it might quote the document.
  return err(
    'xml-resources',
    'The XML worker failed while reading the document; Archivist stopped it to protect itself.',
  );
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as {
    ok?: unknown;
    value?: unknown;
    error?: { code?: unknown; message?: unknown };
  };
  if (candidate.ok === true) return 'value' in candidate;
  return (
    candidate.ok === false &&
    typeof candidate.error?.code === 'string' &&
    typeof candidate.error.message === 'string'
  );
}
