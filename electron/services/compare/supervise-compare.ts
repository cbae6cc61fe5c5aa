/**
 * Runs one comparison on its worker threads and turns whatever happens into a Result: the compare
 * worker's answer, an unreadable answer, a crash, running out of heap, or the deadline. With a
 * reader (the right side read at the same time in a second worker), the reader's answer is passed
 * on to the compare worker, which answers for both; a reader that fails the same way ends the
 * comparison. The compare worker's stage messages before its answer are passed to the job's
 * onStage. Afterwards the caller keeps only the workers that answered normally.
 */
import type { Worker } from 'node:worker_threads';
import { err, type Result } from '../../../shared/result';
import type {
  CompareOutput,
  CompareWorkerRequest,
  CompareWorkerResponse,
  RightSideMessage,
  SideReadRequest,
  SideReadResponse,
} from './compare-worker-protocol';
import {
  isStageLike,
  isStageMessage,
  type CompareWorkerStage,
  type OnWorkerStage,
} from './compare-worker-stages';
import { transferListOf } from './side-transfer';

/** One comparison's threads and first messages. */
export interface CompareJob {
  readonly compare: Worker;
  readonly request: CompareWorkerRequest;
  /** The helper reading the right side, and its request. */
  readonly reader?: { readonly worker: Worker; readonly request: SideReadRequest };
  /**
   * Told each stage the compare worker posts, and 'right-read' when the helper has read the right
   * side. A malformed stage message is dropped: stages only inform, the answer still decides.
   */
  readonly onStage?: OnWorkerStage;
}

export interface CompareJobOutcome {
  readonly result: Result<CompareOutput>;
  /** The workers that answered normally and may be reused. */
  readonly reusable: readonly Worker[];
}

function hasResult(message: unknown, id: number): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { id: answered, result } = message as { id?: unknown; result?: unknown };
  return answered === id && typeof result === 'object' && result !== null && 'ok' in result;
}

/** Sends the first messages and resolves with the outcome. Never rejects. */
export function superviseCompare(
  job: CompareJob,
  timeoutMs: number,
  memoryMb: number,
): Promise<CompareJobOutcome> {
  const { compare, request, reader } = job;
  return new Promise((resolve) => {
    let hasReaderAnswered = false;
    const detach: (() => void)[] = [];
    const finish = (result: Result<CompareOutput>, isCompareReusable = false): void => {
      clearTimeout(timer);
      for (const undo of detach) undo();
      const reusable = [
        ...(isCompareReusable ? [compare] : []),
        ...(reader && hasReaderAnswered ? [reader.worker] : []),
      ];
      resolve({ result, reusable });
    };
    const unreadable = () =>
      finish(err('compare-resources', "The compare worker's answer could not be read."));
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
    // Stages only inform: a listener that throws must neither end the comparison nor, thrown
    // from a worker's message event, take the main process down.
    const tell = (stage: CompareWorkerStage): void => {
      try {
        job.onStage?.(stage);
      } catch {
        // The answer still comes; only this progress is lost.
      }
    };
    const onCompareMessage = (message: unknown): void => {
      if (isStageLike(message)) {
        if (isStageMessage(message, request.id)) tell(message.stage);
        return;
      }
      if (hasResult(message, request.id)) finish((message as CompareWorkerResponse).result, true);
      else unreadable();
    };
    const onReaderMessage = (message: unknown): void => {
      if (!hasResult(message, request.id)) return unreadable();
      hasReaderAnswered = true;
      tell('right-read');
      const { result } = message as SideReadResponse;
      const forward: RightSideMessage = { id: request.id, kind: 'right-side', result };
      compare.postMessage(forward, transferListOf(result));
    };
    const listen = (worker: Worker, onMessage: (message: unknown) => void): void => {
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      detach.push(() => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      });
    };
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
    listen(compare, onCompareMessage);
    if (reader) listen(reader.worker, onReaderMessage);
    const buffers = (...arrays: Uint8Array[]) => arrays.map((array) => array.buffer as ArrayBuffer);
    compare.postMessage(
      request,
      request.right instanceof Uint8Array
        ? buffers(request.left, request.right)
        : buffers(request.left),
    );
    if (reader) reader.worker.postMessage(reader.request, buffers(reader.request.bytes));
  });
}
