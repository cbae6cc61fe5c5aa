/**
 * Entry point of the compare worker thread (built to dist/workers/compare-worker.cjs). It answers
 * compare requests one at a time until it is terminated; the caller gives each a deadline and a
 * heap cap, so a huge or hostile pair never blocks or takes down the main process or the UI. The
 * same thread also serves as the helper that reads one side for another compare worker
 * (compare-worker-session.ts). Before a comparison's answer it posts its stages as they start
 * (compare-worker-stages.ts), for the view to show.
 */
import { parentPort } from 'node:worker_threads';
import { idOf } from './compare-worker-protocol';
import { CompareWorkerSession, type WorkerAnswer } from './compare-worker-session';
import type { CompareWorkerStage, StageMessage } from './compare-worker-stages';

const session = new CompareWorkerSession();

parentPort?.on('message', (message: unknown) => {
  let answer: WorkerAnswer | undefined;
  const id = idOf(message);
  const postStage = (stage: CompareWorkerStage): void => {
    const posted: StageMessage = { id, kind: 'stage', stage };
    parentPort?.postMessage(posted);
  };
  try {
    answer = session.handle(message, postStage);
  } catch {
    answer = session.failed(message);
  }
  if (answer) parentPort?.postMessage(answer.message, answer.transfer);
});
