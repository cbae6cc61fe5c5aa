/**
 * The compare benchmark's in-process timing, run in a worker thread with the compare worker's own
 * heap limits (compareWorkerLimits), as the app and the command line run compareDocuments: the
 * limits decide how often, and how much, the garbage collector works during a comparison. The
 * pair arrives as text and is read here (not timed); then the whole compareDocuments is timed,
 * warm (after compareWarmUps untimed runs), with a full collection before each run.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CompareTimings } from '../../shared/compare/compare-documents';
import type { XmlElement } from '../../shared/xml/tree';
import { compareWorkerLimits } from '../../electron/services/compare/compare-in-worker';

/**
 * Untimed runs before the timed ones: the line diff reached its steady speed only on the fifth
 * run of a 2 MB pair (25, 8, 13, 11, then 1.4 ms each time), and "warm" (issue 7) means that.
 */
export const compareWarmUps = 5;

/** What the benchmark asks: a pair's texts and how many timed runs. */
interface TimingRequest {
  readonly left: string;
  readonly right: string;
  readonly runs: number;
}

/**
 * Median milliseconds of the whole comparison, and of each stage over the timed runs; and the
 * floor of its canonical-forms stage: reading both parsed trees and nothing else (treeReadMs).
 */
export interface TimingAnswer {
  readonly ms: number;
  readonly stages: readonly CompareTimings[];
  readonly treeReadMs: number;
}

/**
 * Reads what any canonical form of a tree must read, and does nothing else: every node, every
 * attribute's name and value, every character of every text (to see whether it needs escaping
 * or collapsing). The least the canonical-forms stage can cost with these trees, so the benchmark
 * can say how much of that stage is the tree itself.
 */
function readTree(element: XmlElement): number {
  let sum = element.name.length;
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++)
    sum += attributes[i]!.name.length + attributes[i]!.value.length;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element') sum += readTree(node);
    else {
      const text = node.text;
      for (let j = 0; j < text.length; j++) sum = (sum + text.charCodeAt(j)) | 0;
    }
  }
  return sum;
}

/** Times compareDocuments on one pair in a fresh worker thread with the compare worker's limits. */
export function timeCompareInWorker(request: TimingRequest): Promise<TimingAnswer> {
  const self = JSON.stringify(new URL(import.meta.url).href);
  // Worker threads do not inherit tsx's loader from --import, so the thread registers it.
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${self}); })`,
    { eval: true, workerData: request, resourceLimits: compareWorkerLimits(1536) },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: TimingAnswer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function answer(request: TimingRequest): Promise<TimingAnswer> {
  const { compareDocuments } = await import('../../shared/compare/compare-documents');
  const { findIgnoreProfile } = await import('../../shared/compare/builtin-profiles');
  const { nodePayloadCodec: codec } =
    await import('../../electron/services/documents/node-payload-codec');
  const { side } = await import('./compare-pairs');
  const { timeMedian } = await import('./bench-kit');
  const profile = findIgnoreProfile('default');
  if (!profile.ok) throw new Error(profile.error.message);
  const left = side(request.left);
  const right = side(request.right);
  const stages: CompareTimings[] = [];
  const ms = await timeMedian(
    request.runs,
    () => {
      const timings: CompareTimings = {};
      stages.push(timings);
      return compareDocuments(left, right, { profile: profile.value, codec, timings });
    },
    compareWarmUps,
  );
  const treeReadMs = await timeMedian(
    request.runs,
    () => readTree(left.tree) + readTree(right.tree),
    compareWarmUps,
  );
  // The first entries are timeMedian's untimed warm-up runs.
  return { ms, stages: stages.slice(compareWarmUps), treeReadMs };
}

if (!isMainThread) parentPort?.postMessage(await answer(workerData as TimingRequest));
