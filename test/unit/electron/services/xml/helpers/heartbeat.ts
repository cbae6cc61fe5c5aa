/**
 * Watches heartbeat-worker.mjs: the worker appends to a file every ~20 ms while its thread lives,
 * so a test can tell a terminated thread from one still burning a core after its caller gave up.
 * Deadlines are generous (the machine may be loaded); a thread that keeps running fails them.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, for at most `deadlineMs`; returns whether it held. */
export async function eventually(check: () => boolean, deadlineMs = 15_000): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

/** A heartbeat file for the next heartbeat worker (set through the environment it inherits). */
export function watchHeartbeat() {
  const folder = mkdtempSync(join(tmpdir(), 'archivist-heartbeat-'));
  const file = join(folder, 'beats');
  process.env.ARCHIVIST_TEST_HEARTBEAT = file;
  const size = () => (existsSync(file) ? statSync(file).size : 0);
  return {
    /** True once the worker has beaten a few times. */
    isBeating: () => eventually(() => size() > 2),
    /** True once the file has not grown for 10 polls in a row (~0.5 s). */
    hasStopped: () => {
      let previous = -1;
      let stableFor = 0;
      return eventually(() => {
        const now = size();
        stableFor = now === previous ? stableFor + 1 : 0;
        previous = now;
        return stableFor >= 10;
      });
    },
    dispose: () => {
      delete process.env.ARCHIVIST_TEST_HEARTBEAT;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
