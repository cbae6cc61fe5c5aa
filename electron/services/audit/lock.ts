/**
 * One writer at a time: an exclusive lock file holding the writer's pid. A lock whose pid is no
 * longer running is stale (the writer was killed) and is taken over; a live one is waited for
 * briefly, then the caller gets a clear refusal.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason } from '../files/file-problem';

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(file: string): 'taken' | 'busy' | 'stale' {
  try {
    const fd = openSync(file, 'wx', 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return 'taken';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return 'busy'; // removed between our open and read: try again
  }
  return isRunning(pid) ? 'busy' : 'stale';
}

/** Takes the lock, waiting up to `waitMs`; returns a release function. */
export async function acquireLock(file: string, waitMs: number): Promise<Result<() => void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    let state: 'taken' | 'busy' | 'stale';
    try {
      state = tryTake(file);
    } catch (error) {
      return err(
        'audit-unavailable',
        `Archivist could not lock its audit journal: ${file} cannot be created (${fileProblemReason(error, 'write', file)}).`,
      );
    }
    if (state === 'taken') return ok(() => rmSync(file, { force: true }));
    if (state === 'stale') {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline)
      return err(
        'audit-locked',
        'Another Archivist window or command is writing the audit journal; try again when it has finished.',
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
