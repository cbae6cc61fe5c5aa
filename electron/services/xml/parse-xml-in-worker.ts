/**
 * The API the main process and the command line use: parse in a fresh worker thread with a heap
 * cap and a wall-clock deadline. Whatever the document does (runs long, exhausts memory, crashes
 * the thread) the caller gets a typed Result and the main process neither hangs nor dies.
 * Workers are reused while they behave (xml-worker-pool.ts); one that misbehaves is terminated
 * and takes nothing else with it.
 */
import type { Worker } from 'node:worker_threads';
import type { XmlElement } from '../../../shared/xml/tree';
import { err, ok, type Result } from '../../../shared/result';
import { tooLarge } from './decode-xml-bytes';
import type { XmlHeader } from './parse-header';
import { resolveXmlWorkerScript, type XmlWorkerScript } from './resolve-xml-worker';
import { resolveXmlLimits, type XmlLimits } from './xml-limits';
import {
  readXmlWorkerResponse,
  unreadableAnswer,
  type XmlWorkerMode,
  type XmlWorkerRequest,
} from './xml-worker-protocol';
import { returnXmlWorker, takeXmlWorker, warmXmlWorker, xmlWorkerLimits } from './xml-worker-pool';

/** How one parse in a worker is bounded, and which worker script runs it. */
export interface XmlWorkerOptions {
  readonly limits?: Partial<XmlLimits>;
  /** Deadline from start to answer, worker start-up included (default 10 s). */
  readonly timeoutMs?: number;
  /** The worker's old-generation heap cap in MB (default 256). */
  readonly maxMemoryMb?: number;
  /** The script to start; defaults to resolveXmlWorkerScript(). Tests and benchmarks pass their own. */
  readonly worker?: XmlWorkerScript;
  /**
   * Cancels the parse: the worker is terminated (a parse cannot be interrupted from outside, and
   * a cancelled 50 MB parse would otherwise keep a core busy for seconds) and the result is
   * `xml-cancelled`. The pool starts a fresh worker for the next parse.
   */
  readonly signal?: AbortSignal;
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

let nextRequestId = 1;

/** The option when it is a positive finite number, else the default (0 or NaN must not disable a limit). */
function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Starts a worker ahead of the first parse (say, at app start), so that parse is quicker. */
export function prepareXmlWorker(
  options: Pick<XmlWorkerOptions, 'maxMemoryMb' | 'worker'> = {},
): Result<void> {
  const script = options.worker ? ok(options.worker) : resolveXmlWorkerScript();
  if (!script.ok) return script;
  const memoryMb = positive(options.maxMemoryMb, defaultXmlWorkerMemoryMb);
  warmXmlWorker(script.value.path, xmlWorkerLimits(memoryMb));
  return ok(undefined);
}

function runInWorker(
  bytes: Uint8Array,
  mode: XmlWorkerMode,
  options: XmlWorkerOptions,
): Promise<Result<unknown>> {
  if (options.signal?.aborted) return Promise.resolve(cancelled());
  const limits = resolveXmlLimits(options.limits);
  // Checked here too, so an oversized input is never copied into a thread.
  if (bytes.byteLength > limits.maxBytes) {
    const { code, message } = tooLarge(bytes.byteLength, limits.maxBytes);
    return Promise.resolve(err(code, message));
  }
  const script = options.worker ? ok(options.worker) : resolveXmlWorkerScript();
  if (!script.ok) return Promise.resolve(script);
  const path = script.value.path;
  const memoryMb = positive(options.maxMemoryMb, defaultXmlWorkerMemoryMb);
  const workerLimits = xmlWorkerLimits(memoryMb);
  const worker = takeXmlWorker(path, workerLimits);
  if (!worker) {
    return Promise.resolve(
      err('xml-resources', 'Archivist could not start a worker thread to read the document.'),
    );
  }
  // A copy of exactly these bytes (Buffer#slice would share them), transferred: cloning a view
  // would copy its whole buffer, and transferring the caller's own would detach it. The header
  // reader never looks past maxHeaderBytes (parse-header.ts), so it gets those and one byte more,
  // which says the document goes on: the same answer without copying a 20 MB body.
  const headerEnd = limits.maxHeaderBytes + 1;
  const sent =
    mode === 'header' && bytes.byteLength > headerEnd ? bytes.subarray(0, headerEnd) : bytes;
  const request: XmlWorkerRequest = {
    id: nextRequestId++,
    mode,
    bytes: new Uint8Array(sent),
    limits,
  };
  const timeoutMs = positive(options.timeoutMs, defaultXmlTimeoutMs);
  return supervise(worker, request, { timeoutMs, memoryMb, signal: options.signal }).then(
    ({ result, isReusable }) => {
      if (isReusable) returnXmlWorker(path, workerLimits, worker);
      else void worker.terminate();
      return result;
    },
  );
}

/** Sends one request and waits for its answer, the deadline, or the worker's failure. */
function supervise(
  worker: Worker,
  request: XmlWorkerRequest,
  bounds: { timeoutMs: number; memoryMb: number; signal: AbortSignal | undefined },
): Promise<{ result: Result<unknown>; isReusable: boolean }> {
  const { timeoutMs, memoryMb, signal } = bounds;
  return new Promise((resolve) => {
    const finish = (result: Result<unknown>, isReusable = false): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('messageerror', onMessageError);
      worker.off('exit', onExit);
      resolve({ result, isReusable });
    };
    const onMessage = (message: unknown): void => {
      const result = readXmlWorkerResponse(message, request.id, request.mode);
      finish(result ?? unreadableAnswer(), result !== undefined);
    };
    const onError = (error: Error & { code?: string }): void =>
      finish(workerFailure(error, memoryMb));
    const onMessageError = (): void =>
      finish(err('xml-resources', "The XML worker's answer could not be received."));
    const onExit = (): void =>
      finish(
        err(
          'xml-resources',
          'The XML worker stopped before it answered; the document may be built to exhaust XML readers.',
        ),
      );
    // Not reusable: the worker is still busy with the cancelled parse, so the caller ends it.
    const onAbort = (): void => finish(cancelled());
    const timer = setTimeout(() => finish(timedOut(timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('messageerror', onMessageError);
    worker.on('exit', onExit);
    worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
  });
}

function cancelled(): Result<never> {
  return err('xml-cancelled', 'Reading the document was cancelled.');
}

function timedOut(timeoutMs: number): Result<never> {
  const seconds = (timeoutMs / 1000).toLocaleString('en-US');
  return err(
    'xml-timeout',
    `Reading the document took longer than ${seconds} s, so Archivist stopped it; the file may be built to exhaust XML readers.`,
  );
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
