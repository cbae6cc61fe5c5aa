/**
 * The API the main process and the command line use to compare two documents: in a worker thread
 * with a heap cap and a wall-clock deadline, so the caller never blocks and never dies whatever
 * the documents are. Warm workers are reused through the same pool as the XML worker; one that
 * timed out or failed is terminated.
 */
import type { Worker } from 'node:worker_threads';
import type { ResolvedProfile } from '../../../shared/compare/ignore-profile';
import { err, ok, type Result } from '../../../shared/result';
import { returnXmlWorker, takeXmlWorker } from '../xml/xml-worker-pool';
import type {
  CompareOutput,
  CompareWorkerRequest,
  CompareWorkerResponse,
} from './compare-worker-protocol';
import { resolveCompareWorkerScript, type CompareWorkerScript } from './resolve-compare-worker';

export interface CompareInWorkerOptions {
  readonly profile: ResolvedProfile;
  /** Deadline from start to answer (default 60 s). */
  readonly timeoutMs?: number;
  /** The worker's old-generation heap cap in MB (default 1,536: two 20 MB documents and their trees). */
  readonly maxMemoryMb?: number;
  readonly workBudget?: number;
  /**
   * Also return both canonical forms' lines (result.content.lines): the worker has built them
   * anyway, so the caller's thread never canonicalises a document again.
   */
  readonly keepLines?: boolean;
  /** Also compare the rendered narrative word by word (shared/narrative-diff), off the caller's thread. */
  readonly narrative?: boolean;
  readonly worker?: CompareWorkerScript;
}

export const defaultCompareTimeoutMs = 60_000;
export const defaultCompareMemoryMb = 1536;

let nextRequestId = 1;

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Compares two documents' bytes in a worker thread. Never rejects. */
export function compareInWorker(
  left: Uint8Array,
  right: Uint8Array,
  options: CompareInWorkerOptions,
): Promise<Result<CompareOutput>> {
  const script = options.worker ? ok(options.worker) : resolveCompareWorkerScript();
  if (!script.ok) return Promise.resolve(script);
  const path = script.value.path;
  const memoryMb = positive(options.maxMemoryMb, defaultCompareMemoryMb);
  const worker = takeXmlWorker(path, memoryMb);
  if (!worker)
    return Promise.resolve(
      err(
        'compare-resources',
        'Archivist could not start a worker thread to compare the documents.',
      ),
    );
  const request: CompareWorkerRequest = {
    id: nextRequestId++,
    left: new Uint8Array(left),
    right: new Uint8Array(right),
    profile: options.profile,
    ...(options.workBudget !== undefined ? { workBudget: options.workBudget } : {}),
    ...(options.keepLines === true ? { keepLines: true } : {}),
    ...(options.narrative === true ? { narrative: true } : {}),
  };
  const timeoutMs = positive(options.timeoutMs, defaultCompareTimeoutMs);
  return supervise(worker, request, timeoutMs, memoryMb).then(({ result, isReusable }) => {
    if (isReusable) returnXmlWorker(path, memoryMb, worker);
    else void worker.terminate();
    return result;
  });
}

function isResponse(message: unknown, id: number): message is CompareWorkerResponse {
  if (typeof message !== 'object' || message === null) return false;
  const { id: answered, result } = message as { id?: unknown; result?: unknown };
  return answered === id && typeof result === 'object' && result !== null && 'ok' in result;
}

function supervise(
  worker: Worker,
  request: CompareWorkerRequest,
  timeoutMs: number,
  memoryMb: number,
): Promise<{ result: Result<CompareOutput>; isReusable: boolean }> {
  return new Promise((resolve) => {
    const finish = (result: Result<CompareOutput>, isReusable = false): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ result, isReusable });
    };
    const onMessage = (message: unknown): void => {
      if (isResponse(message, request.id)) finish(message.result, true);
      else finish(err('compare-resources', "The compare worker's answer could not be read."));
    };
    const onError = (error: Error & { code?: string }): void =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? err(
              'compare-resources',
              `Comparing needed more than the ${memoryMb} MB of memory Archivist allows, so it stopped.`,
            )
          : err(
              'compare-resources',
              'The compare worker failed; Archivist stopped it to protect itself.',
            ),
      );
    const onExit = (): void =>
      finish(err('compare-resources', 'The compare worker stopped before it answered.'));
    const timer = setTimeout(
      () =>
        finish(
          err(
            'compare-timeout',
            `Comparing took longer than ${(timeoutMs / 1000).toLocaleString('en-US')} s, so Archivist stopped it.`,
          ),
        ),
      timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request, [
      request.left.buffer as ArrayBuffer,
      request.right.buffer as ArrayBuffer,
    ]);
  });
}
