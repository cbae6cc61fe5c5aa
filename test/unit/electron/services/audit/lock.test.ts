/**
 * The cross-process lock of the audit journal and profiles.json: a dead writer's lock is taken
 * over, and taking over never removes a live writer's lock. Two waiters that both found the dead
 * writer's lock used to remove it by name, so the slower one removed the lock the faster one had
 * just taken, and both wrote.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, removeStaleLock } from '../../../../../electron/services/audit/lock';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A pid no process has (above Linux's pid_max): a writer that was killed. */
const deadPid = 2_147_483_000;

const seenOf = (file: string) => ({
  pid: Number(readFileSync(file, 'utf8')),
  modifiedMs: statSync(file).mtimeMs,
});

describe('the cross-process lock', () => {
  it("takes over a dead writer's lock and releases its own", async () => {
    const file = path.join(work, 'dead.lock');
    writeFileSync(file, String(deadPid));
    const taken = await acquireLock(file, 1000);
    if (!taken.ok) throw new Error(taken.error.message);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    taken.value();
    expect(existsSync(file)).toBe(false);
  });

  it("removes the stale lock it saw, and puts back a live writer's lock taken after it", () => {
    const file = path.join(work, 'raced.lock');
    writeFileSync(file, String(deadPid));
    const seen = seenOf(file);
    // Another waiter found the same dead lock first and took the lock over: the file now names
    // a live writer (this process stands in for it).
    rmSync(file);
    writeFileSync(file, String(process.pid));
    removeStaleLock(file, seen);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    // The stale lock itself is removed, and nothing is left beside it.
    writeFileSync(file, String(deadPid));
    removeStaleLock(file, seenOf(file));
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(work).filter((name) => name.endsWith('.stale'))).toEqual([]);
  });

  it('leaves nothing when the stale lock is already gone', () => {
    const file = path.join(work, 'gone.lock');
    removeStaleLock(file, { pid: deadPid, modifiedMs: 0 });
    expect(existsSync(file)).toBe(false);
  });
});
