// Answers with something that is not a Result.
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ hello: 'world' });
