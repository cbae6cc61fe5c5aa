/**
 * Entry point of the XML worker thread (built to dist/workers/xml-worker.cjs). It parses the one
 * document it was started with, posts the Result and ends. Running the parser here, with
 * `resourceLimits`, is what keeps a hostile document from taking the main process down.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runXmlWorkerRequest } from './xml-worker-protocol';

parentPort?.postMessage(runXmlWorkerRequest(workerData));
