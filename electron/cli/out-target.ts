/**
 * Refuses an --out that names one of the command's own inputs (issue 7 review: `compare a.xml
 * b.xml --out a.xml` replaced the left document with the comparison and exited 0). Checked
 * before anything is read or written, by real path (a symbolic link, `./a.xml` against `a.xml`)
 * and, when --out exists, by device and inode (a hard link, a case-insensitive file system).
 */
import { realpathSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { fileProblem } from '../services/files/file-problem';
import { CommandFailure, UsageError, printable } from './command';

/** A file the command reads: what it is to the user, and its path as the user gave it. */
export interface OutInput {
  /** Finishes "--out names the …": `left document`, `ignore profile`, `audit journal`. */
  readonly role: string;
  readonly name: string;
  /** A folder the command reads (the audit journal's): --out is refused anywhere inside it. */
  readonly isFolder?: boolean;
}

/** The real path of `file`, or of its folder joined with its name when it does not exist yet. */
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}

function statOf(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

function isSameFile(out: string, outStat: BigIntStats | undefined, input: string): boolean {
  if (realPathOf(out) === realPathOf(input)) return true;
  const inputStat = statOf(input);
  return (
    outStat !== undefined &&
    inputStat !== undefined &&
    outStat.dev === inputStat.dev &&
    outStat.ino === inputStat.ino
  );
}

function isInsideFolder(out: string, folder: string): boolean {
  const relative = path.relative(realPathOf(folder), realPathOf(out));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Throws a UsageError when `out` (resolved against `cwd`) is one of `inputs`. An existing --out
 * that is no regular file (a terminal, a pipe, /dev/null) is written without replacing any
 * document, so it passes even when an input is the same device (`/dev/stdin` in a terminal).
 */
export function refuseOutOverInput(
  out: string | undefined,
  inputs: readonly OutInput[],
  cwd: string,
): void {
  if (out === undefined) return;
  const target = path.resolve(cwd, out);
  const outStat = statOf(target);
  if (outStat !== undefined && !outStat.isFile()) return;
  for (const input of inputs) {
    const source = path.resolve(cwd, input.name);
    const clash = input.isFolder
      ? isInsideFolder(target, source)
      : isSameFile(target, outStat, source);
    if (!clash) continue;
    const where = `${input.role} (${printable(input.name)})`;
    throw new UsageError(
      input.isFolder
        ? `--out is inside the ${where}; choose a file elsewhere.`
        : `--out names the ${where}; choose another file.`,
    );
  }
}

/**
 * Throws a CommandFailure when --out's folder does not exist or is no folder, before anything is
 * read or journaled: the reads and the export would otherwise be recorded for a report that
 * cannot be written (issue 7 review).
 */
export function refuseMissingOutFolder(out: string | undefined, cwd: string): void {
  if (out === undefined) return;
  const target = path.resolve(cwd, out);
  const folder = path.dirname(target);
  try {
    if (statSync(folder).isDirectory()) return;
    throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new CommandFailure(fileProblem(error, out, 'write', target));
  }
}
