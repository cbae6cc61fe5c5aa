/**
 * The API the main process and the command line use to compare two documents: in a worker thread
 * with a heap cap and a wall-clock deadline, so the caller never blocks and never dies whatever
 * the documents are. Warm workers are reused through the same pool as the XML worker; one that
 * timed out or failed is terminated. A large right document is read by a second worker while the
 * compare worker reads the left one (issue 8: reading is about half of comparing a 20 MB pair).
 */
import type { ResolvedProfile } from '../../../shared/compare/ignore-profile';
import type { StoredStatuses } from '../../../shared/compare/metadata-status';
import type { ComparePhase } from '../../../shared/ipc/compare-progress';
import { err, ok, type Result } from '../../../shared/result';
import type { ResourceLimits } from 'node:worker_threads';
import { returnXmlWorker, takeXmlWorker, xmlWorkerLimits } from '../xml/xml-worker-pool';
import {
  readElsewhere,
  type CompareOutput,
  type CompareWorkerRequest,
} from './compare-worker-protocol';
import { comparePhases } from './compare-phases';
import { resolveCompareWorkerScript, type CompareWorkerScript } from './resolve-compare-worker';
import { superviseCompare, type CompareJob } from './supervise-compare';

export interface CompareInWorkerOptions {
  readonly profile: ResolvedProfile;
  /** Use the shipped profile of both documents' type instead (`default` when they differ); the worker reads the type. */
  readonly profileByDocumentType?: boolean;
  /** Deadline from start to answer (default 60 s). */
  readonly timeoutMs?: number;
  /** The worker's old-generation heap cap in MB (default 1,536: two 20 MB documents and their trees). */
  readonly maxMemoryMb?: number;
  readonly workBudget?: number;
  /**
   * Also return both canonical forms' lines (result.content.lines): the worker has built them
   * anyway, so the caller's thread never canonicalises a document again. 'report': only the
   * lines a report's side-by-side view shows (report-lines.ts), for callers that make a report
   * and nothing else of the lines (the command line).
   */
  readonly keepLines?: boolean | 'report';
  /** Also compare the rendered narrative word by word (shared/narrative-diff), off the caller's thread. */
  readonly narrative?: boolean;
  readonly worker?: CompareWorkerScript;
  /**
   * The right document is read in a second worker, at the same time as the left one, from this
   * many bytes on (default parallelReadMinBytes). Below it a second thread costs more than it saves.
   */
  readonly parallelReadMinBytes?: number;
  /** Told each phase of the comparison as it starts (compare-phases.ts), for the view to show. */
  readonly onPhase?: (phase: ComparePhase) => void;
  /** Each environment side's stored status, compared as metadata (shared/compare/metadata-status.ts). */
  readonly storedStatus?: StoredStatuses;
}

export const defaultCompareTimeoutMs = 60_000;
export const defaultCompareMemoryMb = 1536;

/**
 * The compare worker's heap limits: the old-generation cap, and a young generation big enough
 * (64 MB semi-spaces, V8's default being 16 MB) that a comparison's canonical forms, which all
 * survive it, are not copied by two or three scavenges on the way: on a 2 MB pair of unrelated
 * documents those took about a third of the comparison (issue 7; the compare benchmark times
 * compareDocuments in a thread with these limits).
 */
export function compareWorkerLimits(memoryMb: number): ResourceLimits {
  return { ...xmlWorkerLimits(memoryMb), maxYoungGenerationSizeMb: 192 };
}
/** 1 MiB: reading a smaller document takes less than starting and feeding another thread. */
export const parallelReadMinBytes = 1024 * 1024;

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
  const limits = compareWorkerLimits(memoryMb);
  const worker = takeXmlWorker(path, limits);
  if (!worker)
    return Promise.resolve(
      err(
        'compare-resources',
        'Archivist could not start a worker thread to compare the documents.',
      ),
    );
  const minBytes = options.parallelReadMinBytes ?? parallelReadMinBytes;
  // Without a second thread the comparison still runs, reading both sides in one worker.
  const readerWorker = right.byteLength >= minBytes ? takeXmlWorker(path, limits) : undefined;
  const id = nextRequestId++;
  const request: CompareWorkerRequest = {
    id,
    left: new Uint8Array(left),
    right: readerWorker ? readElsewhere : new Uint8Array(right),
    profile: options.profile,
    ...(options.profileByDocumentType === true ? { profileByDocumentType: true } : {}),
    ...(options.workBudget !== undefined ? { workBudget: options.workBudget } : {}),
    ...(options.keepLines === true || options.keepLines === 'report'
      ? { keepLines: options.keepLines }
      : {}),
    ...(options.narrative === true ? { narrative: true } : {}),
    ...(options.storedStatus ? { storedStatus: options.storedStatus } : {}),
  };
  const sizes = { left: left.byteLength, right: right.byteLength };
  const job: CompareJob = {
    compare: worker,
    request,
    ...(options.onPhase
      ? { onStage: comparePhases(sizes, readerWorker !== undefined, options.onPhase) }
      : {}),
    ...(readerWorker
      ? {
          reader: {
            worker: readerWorker,
            request: { id, kind: 'read-side', bytes: new Uint8Array(right), side: 'right' },
          },
        }
      : {}),
  };
  const timeoutMs = positive(options.timeoutMs, defaultCompareTimeoutMs);
  return superviseCompare(job, timeoutMs, memoryMb).then(({ result, reusable }) => {
    for (const used of readerWorker ? [worker, readerWorker] : [worker]) {
      if (reusable.includes(used)) returnXmlWorker(path, limits, used);
      else void used.terminate();
    }
    return result;
  });
}
