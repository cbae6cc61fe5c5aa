/**
 * The audit journal (issue 5, item 1): append-only JSON Lines, hash-chained, `fdatasync` per
 * record, rotated by size, one writer at a time, with signed checkpoints kept beside the journal
 * files. After any write or sync error the journal refuses every further append until the
 * process restarts: after a failed fsync the kernel may have dropped the dirty pages, so later
 * "successful" syncs prove nothing (the PostgreSQL fsyncgate lesson).
 */
import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import {
  chainRecord,
  canonicalJson,
  checkpointPayload,
  type TextHasher,
} from '../../../shared/audit/canonical';
import type { AuditEvent } from '../../../shared/audit/event';
import { err, ok, type Result } from '../../../shared/result';
import { auditPaths, journalNumbers } from './files';
import { loadOrCreateKeys, type CheckpointKeys } from './keys';
import { acquireLock } from './lock';
import { recoverHead, type Head } from './recover';
import { causeOf, unavailable } from './errors';

/** The write and sync calls, injectable so tests can make the disk fail. */
export interface JournalIo {
  readonly write: (fd: number, data: Uint8Array) => number;
  readonly fdatasync: (fd: number) => void;
}

const nodeIo: JournalIo = { write: (fd, data) => writeSync(fd, data), fdatasync: fdatasyncSync };

export interface JournalOptions {
  readonly io?: JournalIo;
  /** Rotate to a new file past this size (bytes). */
  readonly maxFileBytes?: number;
  /** Sign a checkpoint at least every this many records. */
  readonly checkpointEvery?: number;
  /** How long a second writer waits for the lock (ms). */
  readonly lockWaitMs?: number;
  readonly now?: () => Date;
}

/** Where a durable record landed. */
export interface Appended {
  readonly sequence: number;
  readonly hash: string;
}

/** An open journal; only one per home folder at a time. */
export interface Journal {
  /** Appends and syncs; resolves only once the record is durable. */
  readonly append: (event: AuditEvent) => Result<Appended>;
  /** The write-ahead rule: await this before showing or sending; `refused` says what did not happen. */
  readonly recordBefore: (event: AuditEvent, refused?: string) => Promise<Result<Appended>>;
  /** Signs a checkpoint of the current head (done automatically on close and every N records). */
  readonly checkpoint: () => Result<void>;
  readonly close: () => void;
  /** What was moved to quarantine on open (a torn last line after a crash), if anything. */
  readonly recovered: string | null;
  readonly head: () => Head;
}

/** Node's native SHA-256; the same bytes as the pure one in shared/crypto. */
export const nodeSha256: TextHasher = (text) => createHash('sha256').update(text).digest('hex');

/** Opens (creating if needed) the journal of `home`, taking the writer lock. */
export async function openJournal(
  home: string,
  options: JournalOptions = {},
): Promise<Result<Journal>> {
  const paths = auditPaths(home);
  try {
    mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return unavailable(causeOf(error), 'the audit journal could not be opened');
  }
  const lock = await acquireLock(paths.lock, options.lockWaitMs ?? 2000);
  if (!lock.ok) return lock;
  let keys: CheckpointKeys;
  let head: Head;
  try {
    keys = loadOrCreateKeys(paths.dir);
    const recovered = recoverHead(home);
    if (!recovered.ok) {
      lock.value();
      return recovered;
    }
    head = recovered.value;
  } catch (error) {
    lock.value();
    return unavailable(causeOf(error), 'the audit journal could not be opened');
  }
  return ok(makeJournal(home, head, keys, lock.value, options));
}

function makeJournal(
  home: string,
  start: Head,
  keys: CheckpointKeys,
  release: () => void,
  options: JournalOptions,
): Journal {
  const paths = auditPaths(home);
  const io = options.io ?? nodeIo;
  const maxFileBytes = options.maxFileBytes ?? 16 * 1024 * 1024;
  const every = options.checkpointEvery ?? 1000;
  const now = options.now ?? (() => new Date());
  let head = start;
  let broken: string | null = null;
  let fd: number | null = null;
  let size = 0;
  let closed = false;

  const openCurrent = (): number => {
    const fresh = journalNumbers(paths.dir).at(-1) !== head.fileNumber;
    const opened = openSync(paths.journal(head.fileNumber), 'a', 0o600);
    size = fstatSync(opened).size;
    if (fresh) syncDir(paths.dir);
    fd = opened;
    return opened;
  };
  const writeAll = (target: number, data: Uint8Array): void => {
    let offset = 0;
    while (offset < data.length) offset += io.write(target, data.subarray(offset));
    io.fdatasync(target);
  };

  const checkpoint = (): Result<void> => {
    if (broken) return unavailable(broken, 'no checkpoint was written');
    if (head.sequence === head.checkpointed) return ok(undefined);
    const time = now().toISOString();
    const signature = keys.sign(checkpointPayload(head.sequence, head.hash, time));
    const line = `${canonicalJson({ hash: head.hash, sequence: head.sequence, signature, time })}\n`;
    try {
      const cfd = openSync(paths.checkpoints, 'a', 0o600);
      try {
        writeAll(cfd, Buffer.from(line));
      } finally {
        closeSync(cfd);
      }
    } catch (error) {
      broken = causeOf(error);
      return unavailable(broken, 'no checkpoint was written');
    }
    head = { ...head, checkpointed: head.sequence };
    return ok(undefined);
  };

  const append = (event: AuditEvent): Result<Appended> => {
    if (closed)
      return err(
        'audit-unavailable',
        'Archivist could not write its audit trail (the journal is closed).',
      );
    if (broken) return unavailable(broken);
    const record = chainRecord(head.sequence + 1, head.hash, event, nodeSha256);
    const data = Buffer.from(`${canonicalJson(record)}\n`);
    try {
      if (fd !== null && size > 0 && size + data.length > maxFileBytes) {
        closeSync(fd);
        fd = null;
        head = { ...head, fileNumber: head.fileNumber + 1 };
      }
      writeAll(fd ?? openCurrent(), data);
    } catch (error) {
      broken = causeOf(error);
      return unavailable(broken);
    }
    size += data.length;
    head = { ...head, sequence: record.sequence, hash: record.hash };
    if (head.sequence - head.checkpointed >= every) {
      const signed = checkpoint();
      if (!signed.ok) return signed;
    }
    return ok({ sequence: record.sequence, hash: record.hash });
  };

  return {
    append,
    recordBefore: async (event, refused) => {
      const result = append(event);
      return result.ok || !refused
        ? result
        : unavailable(broken ?? 'the journal is closed', refused);
    },
    checkpoint,
    close: () => {
      if (closed) return;
      if (!broken) checkpoint();
      if (fd !== null) closeSync(fd);
      closed = true;
      release();
    },
    recovered: start.quarantined,
    head: () => head,
  };
}

/** Makes a new directory entry durable (a file created but not in a synced folder can vanish). */
function syncDir(dir: string): void {
  const dfd = openSync(dir, 'r');
  try {
    fdatasyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}
