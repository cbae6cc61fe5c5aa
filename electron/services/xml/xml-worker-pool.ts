/**
 * Warm XML workers kept for reuse. A fresh worker starts in ~40 ms but then runs the parser
 * unoptimised (a 100 KB document took ~250 ms in a new thread against ~30 ms in a warm one), so
 * a worker that answered normally goes back to the pool. A worker that timed out, crashed or
 * answered strangely is terminated, never reused. Idle workers are unref'd: they never keep the
 * process alive.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

const maxIdlePerKind = 2;
const idle = new Map<string, Worker[]>();

/** A worker's heap limits: its old-generation cap, and a stack deep enough for the readers. */
export function xmlWorkerLimits(memoryMb: number): ResourceLimits {
  return { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 4 };
}

function keyOf(path: string, limits: ResourceLimits): string {
  return `${JSON.stringify(limits)}:${path}`;
}

function removeIdle(key: string, worker: Worker): void {
  const list = idle.get(key);
  const index = list?.indexOf(worker) ?? -1;
  if (list && index !== -1) list.splice(index, 1);
}

/** An idle worker for this script and these limits, or a new one; undefined when none can start. */
export function takeXmlWorker(path: string, limits: ResourceLimits): Worker | undefined {
  const key = keyOf(path, limits);
  const reused = idle.get(key)?.pop();
  if (reused) {
    reused.ref();
    return reused;
  }
  try {
    const worker = new Worker(path, {
      resourceLimits: limits,
      // Captured, so nothing the thread prints reaches the command line's output.
      stdout: true,
      stderr: true,
    });
    // An idle worker that dies leaves the pool; errors are reported to whoever is using it.
    worker.on('exit', () => removeIdle(key, worker));
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return undefined;
  }
}

/** Gives back a worker that answered normally; beyond the idle limit it is terminated. */
export function returnXmlWorker(path: string, limits: ResourceLimits, worker: Worker): void {
  const key = keyOf(path, limits);
  const list = idle.get(key) ?? [];
  if (list.length >= maxIdlePerKind) {
    void worker.terminate();
    return;
  }
  worker.unref();
  list.push(worker);
  idle.set(key, list);
}

/** Starts a worker ahead of need (for example when the app starts), so the first parse is quicker. */
export function warmXmlWorker(path: string, limits: ResourceLimits): void {
  const worker = takeXmlWorker(path, limits);
  if (worker) returnXmlWorker(path, limits, worker);
}

/** Terminates every idle worker (on quit, and between tests); returns how many there were. */
export async function closeXmlWorkers(): Promise<number> {
  const workers = [...idle.values()].flat();
  idle.clear();
  await Promise.all(workers.map((worker) => worker.terminate()));
  return workers.length;
}
