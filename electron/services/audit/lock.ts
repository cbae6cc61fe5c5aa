/**
 * One writer at a time: an exclusive lock file holding the writer's pid. A lock whose pid is no
 * longer running is stale (the writer was killed) and is taken over; a live one is waited for
 * briefly, then the caller gets a clear refusal. The audit journal and profiles.json use it.
 */
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
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

/** A lock file as it was read: its pid (0 while being written) and when it was written. */
export interface SeenLock {
  readonly pid: number;
  readonly modifiedMs: number;
}

type Attempt =
  { readonly state: 'taken' | 'busy' } | { readonly state: 'stale'; readonly seen: SeenLock };

function tryTake(file: string): Attempt {
  try {
    const fd = openSync(file, 'wx', 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return { state: 'taken' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let seen: SeenLock;
  try {
    seen = { pid: Number(readFileSync(file, 'utf8').trim()), modifiedMs: statSync(file).mtimeMs };
  } catch {
    return { state: 'busy' }; // removed between our open and read: try again
  }
  const isStale =
    seen.pid === 0 ? Date.now() - seen.modifiedMs >= pidlessGraceMs : !isRunning(seen.pid);
  return isStale ? { state: 'stale', seen } : { state: 'busy' };
}

function sameLock(file: string, seen: SeenLock): boolean {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return pid === seen.pid && statSync(file).mtimeMs === seen.modifiedMs;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock, but only the one that was judged stale. Two waiters can both find a dead
 * writer's lock; removing it by name, the slower one would remove the lock the faster one had
 * just taken, and both would write (a broken hash chain). So the lock is first moved aside (one
 * mover wins), and a moved lock that is not the one seen, a live writer's, is put back.
 */
export function removeStaleLock(file: string, seen: SeenLock): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already: another waiter moved it
  }
  try {
    if (!sameLock(aside, seen)) linkSync(aside, file);
  } catch {
    // A third writer took the place meanwhile: its lock stands.
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Takes the lock, waiting up to `waitMs`; returns a release function. */
export async function acquireLock(
  file: string,
  waitMs: number,
  resource: LockedResource = auditJournalResource,
): Promise<Result<() => void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    let attempt: Attempt;
    try {
      attempt = tryTake(file);
    } catch (error) {
      return err(
        resource.unavailableCode,
        `Archivist could not lock ${resource.name}: ${file} cannot be created (${fileProblemReason(error, 'write', file)}).`,
      );
    }
    if (attempt.state === 'taken') return ok(() => rmSync(file, { force: true }));
    if (attempt.state === 'stale') {
      removeStaleLock(file, attempt.seen);
      continue;
    }
    if (Date.now() >= deadline) return err(resource.busyCode, resource.busyMessage);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
