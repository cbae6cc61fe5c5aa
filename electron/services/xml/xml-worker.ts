/**
 * Entry point of the XML worker thread (built to dist/workers/xml-worker.cjs). It answers parse
 * requests one at a time until it is terminated; the caller gives each request a deadline and a
 * heap cap, which is what keeps a hostile document from taking the main process down.
 */
import { parentPort } from 'node:worker_threads';
import { handleXmlWorkerRequest } from './xml-worker-protocol';

parentPort?.on('message', (request: unknown) => {
  const { response, transfer } = handleXmlWorkerRequest(request);
  parentPort?.postMessage(response, transfer);
});
