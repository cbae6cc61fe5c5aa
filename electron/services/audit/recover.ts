/**
 * Finding the head of the journal on open. A writer killed mid-append leaves an unterminated
 * last line; it was never acknowledged, so it is moved to the quarantine file (kept for
 * inspection, reported) and the file is cut back to its last complete line so the chain goes on.
 */
import { appendFileSync, existsSync, readFileSync, truncateSync } from 'node:fs';
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

/** Cuts an unterminated tail off `file`; returns the bytes removed (empty when none). */
export function cutTornTail(file: string): Buffer {
  const bytes = readFileSync(file);
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end === bytes.length) return Buffer.alloc(0);
  truncateSync(file, end);
  return bytes.subarray(end);
}

function lastLine(file: string): string | null {
  const text = readFileSync(file, 'utf8');
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (trimmed === '') return null;
  return trimmed.slice(trimmed.lastIndexOf('\n') + 1);
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
