// Starts the XML worker from its TypeScript source (Vitest, `tsx` runs): registers tsx inside the
// worker thread, because Node 20 ignores `--import` in a Worker's execArgv. Built apps never use
// this file; they start dist/workers/xml-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./xml-worker.ts');
