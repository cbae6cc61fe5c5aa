/**
 * Entry point of the compare worker thread (built to dist/workers/compare-worker.cjs). It answers
 * compare requests one at a time until it is terminated; the caller gives each a deadline and a
 * heap cap, so a huge or hostile pair never blocks or takes down the main process or the UI.
 */
import { parentPort } from 'node:worker_threads';
import { handleCompareRequest } from './compare-worker-protocol';

parentPort?.on('message', (request: unknown) => {
  let response;
  try {
    response = handleCompareRequest(request);
  } catch {
    // The message is not repeated: it might quote a document.
    response = {
      id: (request as { id?: number } | null)?.id ?? -1,
      result: {
        ok: false,
        error: {
          code: 'compare-failed',
          message: 'The comparison failed unexpectedly; Archivist stopped it.',
        },
      },
    };
  }
  parentPort?.postMessage(response);
});
