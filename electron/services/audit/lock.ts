/**
 * One writer at a time: an exclusive lock file holding the writer's pid. A lock whose pid is no
 * longer running is stale (the writer was killed) and is taken over; a live one is waited for
 * briefly, then the caller gets a clear refusal. The audit journal and profiles.json use it.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason } from '../files/file-problem';

/** What a lock guards, in the words and error codes of its refusals. */
export interface LockedResource {
  /** "its audit journal" in "Archivist could not lock its audit journal: …". */
  readonly name: string;
  /** The sentence when another writer keeps the lock past the wait. */
  readonly busyMessage: string;
  readonly unavailableCode: string;
  readonly busyCode: string;
}

export const auditJournalResource: LockedResource = {
  name: 'its audit journal',
  busyMessage:
    'Another Archivist window or command is writing the audit journal; try again when it has finished.',
  unavailableCode: 'audit-unavailable',
  busyCode: 'audit-locked',
};

/**
 * A lock file is created empty and gets its pid a moment later; one without a pid is being
 * written unless it is older than this (its writer died in between).
 */
const pidlessGraceMs = 5000;

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
  let modifiedMs: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
    modifiedMs = statSync(file).mtimeMs;
  } catch {
    return 'busy'; // removed between our open and read: try again
  }
  if (pid === 0) return Date.now() - modifiedMs < pidlessGraceMs ? 'busy' : 'stale';
  return isRunning(pid) ? 'busy' : 'stale';
}

/** Takes the lock, waiting up to `waitMs`; returns a release function. */
export async function acquireLock(
  file: string,
  waitMs: number,
  resource: LockedResource = auditJournalResource,
): Promise<Result<() => void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    let state: 'taken' | 'busy' | 'stale';
    try {
      state = tryTake(file);
    } catch (error) {
      return err(
        resource.unavailableCode,
        `Archivist could not lock ${resource.name}: ${file} cannot be created (${fileProblemReason(error, 'write', file)}).`,
      );
    }
    if (state === 'taken') return ok(() => rmSync(file, { force: true }));
    if (state === 'stale') {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) return err(resource.busyCode, resource.busyMessage);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
