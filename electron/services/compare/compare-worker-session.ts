/**
 * The messages one compare worker thread handles, in arrival order:
 * - a compare request with both sides' bytes: answered at once (handleCompareRequest);
 * - a compare request whose right side is read elsewhere: the left side is read now and kept,
 *   and the answer comes when the RightSideMessage with the same id arrives (a left side that
 *   cannot be read is answered at once, so the left document's error still comes first);
 * - a side-read request: this thread is the helper that reads one side and packs it.
 * A RightSideMessage for no waiting request (its comparison already answered) gets no answer, so
 * it can never be taken for the answer to a later request.
 */
import type { CompareSide } from '../../../shared/compare/compare-documents';
import { err } from '../../../shared/result';
import {
  compareSides,
  handleCompareRequest,
  idOf,
  isCompareRequest,
  readElsewhere,
  readSide,
  type CompareWorkerRequest,
  type CompareWorkerResponse,
  type RightSideMessage,
  type SideReadRequest,
  type SideReadResponse,
} from './compare-worker-protocol';
import type { OnWorkerStage } from './compare-worker-stages';
import { readPackedSide, transferListOf, unpackSide } from './side-transfer';

/** An answer to post, and what to transfer with it. */
export interface WorkerAnswer {
  readonly message: CompareWorkerResponse | SideReadResponse;
  readonly transfer: ArrayBuffer[];
}

function isSideReadRequest(value: unknown): value is SideReadRequest {
  const message = value as Partial<SideReadRequest> | null;
  return (
    message?.kind === 'read-side' &&
    typeof message.id === 'number' &&
    message.bytes instanceof Uint8Array &&
    (message.side === 'left' || message.side === 'right')
  );
}

function isRightSideMessage(value: unknown): value is RightSideMessage {
  const message = value as Partial<RightSideMessage> | null;
  return (
    message?.kind === 'right-side' &&
    typeof message.id === 'number' &&
    typeof message.result === 'object' &&
    message.result !== null
  );
}

/** The state of one compare worker thread between messages. */
export class CompareWorkerSession {
  private waiting: { request: CompareWorkerRequest; left: CompareSide } | undefined;

  /**
   * Handles one message; undefined when there is nothing to answer (yet). A comparison's steps
   * are told to `onStage` as they start; a helper reading one side tells none (main knows when
   * it asked and when it was answered).
   */
  handle(message: unknown, onStage: OnWorkerStage = () => undefined): WorkerAnswer | undefined {
    if (isSideReadRequest(message)) {
      const result = readPackedSide(message.bytes, message.side);
      return { message: { id: message.id, result }, transfer: transferListOf(result) };
    }
    if (isRightSideMessage(message)) return this.completeWith(message, onStage);
    if (!isCompareRequest(message) || message.right !== readElsewhere)
      return { message: handleCompareRequest(message, onStage), transfer: [] };
    this.waiting = undefined;
    const left = readSide(message.left, 'left', onStage);
    if (!left.ok) return { message: { id: message.id, result: left }, transfer: [] };
    this.waiting = { request: message, left: left.value };
    return undefined;
  }

  private completeWith(
    message: RightSideMessage,
    onStage: OnWorkerStage,
  ): WorkerAnswer | undefined {
    const waiting = this.waiting;
    if (!waiting || waiting.request.id !== message.id) return undefined;
    this.waiting = undefined;
    const id = message.id;
    if (!message.result.ok) return { message: { id, result: message.result }, transfer: [] };
    const right = unpackSide(message.result.value);
    if (!right.ok) return { message: { id, result: right }, transfer: [] };
    return {
      message: compareSides(waiting.request, waiting.left, right.value, onStage),
      transfer: [],
    };
  }

  /** The answer when handling `message` threw: the message is not repeated (it might quote a document). */
  failed(message: unknown): WorkerAnswer {
    this.waiting = undefined;
    const response: CompareWorkerResponse = {
      id: idOf(message),
      result: err('compare-failed', 'The comparison failed unexpectedly; Archivist stopped it.'),
    };
    return { message: response, transfer: [] };
  }
}
