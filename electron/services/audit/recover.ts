/**
 * Finding the head of the journal on open. A writer killed mid-append leaves an unterminated
 * last line; it was never acknowledged, so it is moved to the quarantine file (kept for
 * inspection, reported) and the file is cut back to its last complete line so the chain goes on.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
} from 'node:fs';
import path from 'node:path';
import { GENESIS_HASH } from '../../../shared/audit/canonical';
import { err, ok, type Result } from '../../../shared/result';
import { auditPaths, journalNumbers } from './files';

/** The state a writer continues from. */
export interface Head {
  readonly sequence: number;
  readonly hash: string;
  readonly fileNumber: number;
  /** The sequence of the last signed checkpoint. */
  readonly checkpointed: number;
  /** A message about a quarantined torn line, or null. */
  readonly quarantined: string | null;
}

/** Bytes [start, end) of an open file. */
function readRange(fd: number, start: number, end: number): Buffer {
  const bytes = Buffer.alloc(end - start);
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, start + done);
    if (read === 0) break;
    done += read;
  }
  return bytes.subarray(0, done);
}

/**
 * The position of the last '\n' before `end`, or -1, read backwards a chunk at a time: only the
 * tail of a journal is needed, and reading it whole (twice) on every open cost a command 50 ms
 * once the journal held 15 MB.
 */
function lastNewlineBefore(fd: number, end: number): number {
  const chunk = 64 * 1024;
  for (let to = end; to > 0; to -= chunk) {
    const from = Math.max(0, to - chunk);
    const at = readRange(fd, from, to).lastIndexOf(0x0a);
    if (at !== -1) return from + at;
  }
  return -1;
}

/** Cuts an unterminated tail off `file`; returns the bytes removed (empty when none). */
export function cutTornTail(file: string): Buffer {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const end = lastNewlineBefore(fd, size) + 1;
    if (end === size) return Buffer.alloc(0);
    const torn = readRange(fd, end, size);
    ftruncateSync(fd, end);
    return torn;
  } finally {
    closeSync(fd);
  }
}

/** The last line of `file` (without its '\n'), or null when the file is empty. */
function lastLine(file: string): string | null {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const end = size > 0 && readRange(fd, size - 1, size)[0] === 0x0a ? size - 1 : size;
    if (end === 0) return null;
    return readRange(fd, lastNewlineBefore(fd, end) + 1, end).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function lastCheckpoint(file: string): number {
  if (!existsSync(file)) return 0;
  cutTornTail(file);
  const line = lastLine(file);
  if (line === null) return 0;
  try {
    const value = JSON.parse(line) as { sequence?: unknown };
    return typeof value.sequence === 'number' ? value.sequence : 0;
  } catch {
    return 0;
  }
}

/** Reads the head, quarantining a torn last line first. */
export function recoverHead(home: string): Result<Head> {
  const paths = auditPaths(home);
  const numbers = journalNumbers(paths.dir);
  const checkpointed = lastCheckpoint(paths.checkpoints);
  const newest = numbers.at(-1);
  if (newest === undefined)
    return ok({ sequence: 0, hash: GENESIS_HASH, fileNumber: 1, checkpointed, quarantined: null });
  let quarantined: string | null = null;
  const torn = cutTornTail(paths.journal(newest));
  if (torn.length > 0) {
    const note = `${new Date().toISOString()} journal-${newest}.jsonl ${torn.length} bytes: `;
    appendFileSync(paths.quarantine, Buffer.concat([Buffer.from(note), torn, Buffer.from('\n')]));
    quarantined = `An incomplete last audit record (${torn.length} bytes, from an interrupted write) was moved to ${path.basename(paths.quarantine)}.`;
  }
  for (const n of [...numbers].reverse()) {
    const line = lastLine(paths.journal(n));
    if (line === null) continue;
    try {
      const record = JSON.parse(line) as { sequence?: unknown; hash?: unknown };
      if (typeof record.sequence !== 'number' || typeof record.hash !== 'string')
        throw new Error('fields');
      return ok({
        sequence: record.sequence,
        hash: record.hash,
        fileNumber: newest,
        checkpointed,
        quarantined,
      });
    } catch {
      return err(
        'audit-corrupt',
        `The last record of journal-${n}.jsonl is damaged; run "archivist audit verify" to see where.`,
      );
    }
  }
  return ok({ sequence: 0, hash: GENESIS_HASH, fileNumber: newest, checkpointed, quarantined });
}
