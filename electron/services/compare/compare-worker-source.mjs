// Starts the compare worker from its TypeScript source (Vitest, `tsx` runs): registers tsx inside
// the worker thread, because Node 20 ignores `--import` in a Worker's execArgv. Built apps never
// use this file; they start dist/workers/compare-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./compare-worker.ts');
