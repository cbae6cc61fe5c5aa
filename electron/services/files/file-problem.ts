/**
 * Why a file could not be read or written, in words instead of an errno code (issue 8: "one
 * clear line"). One table for the command line and the services, so `show`, `compare --out`,
 * `audit export` and the sandbox's data folder say the same thing for the same cause.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getSystemErrorMap } from 'node:util';

/** What was being done: the same code means different things for each (ENOENT above all). */
export type FileAction = 'read' | 'write' | 'folder';

const common: Readonly<Record<string, string>> = {
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'it is in use',
};

/** The words for one code; ENOENT depends on the action and, when writing, on the folder. */
function wordsFor(code: string, action: FileAction, file: string | undefined): string | undefined {
  if (code === 'ENOENT') {
    if (action === 'read') return 'no such file';
    // mkdir -p gives ENOENT only where a folder cannot be made (/proc/x/y)
    if (action === 'folder') return 'a part of the path cannot be created';
    // ENOENT on a write is the folder; if it exists, that folder takes no new files (/proc)
    if (file !== undefined && existsSync(path.dirname(path.resolve(file))))
      return 'no file can be created in that folder';
    return 'the folder does not exist';
  }
  // mkdir -p gives EEXIST when the path is a file
  if (code === 'EEXIST' && action === 'folder') return 'it is a file';
  return common[code];
}

/**
 * libuv's own description of a system error ("address not available" for EADDRNOTAVAIL), by its
 * errno number or else its code; undefined for an error that is not a system error. Network
 * errors need it: their messages ("connect EADDRNOTAVAIL 192.0.2.1") carry only the code.
 */
export function systemErrorDescription(error: unknown): string | undefined {
  const failure = error as Partial<NodeJS.ErrnoException> | undefined;
  const known = getSystemErrorMap();
  const byNumber = typeof failure?.errno === 'number' ? known.get(failure.errno) : undefined;
  if (byNumber) return byNumber[1];
  if (typeof failure?.code !== 'string') return undefined;
  for (const [name, description] of known.values()) if (name === failure.code) return description;
  return undefined;
}

/**
 * The reason, e.g. `no such file`, for a Node error: words for the known codes, else libuv's own
 * description from the message ("EXDEV: cross-device link not permitted, rename …") or from
 * its table, else the code. `file` lets a write's ENOENT tell a missing folder from one that takes no files.
 */
export function fileProblemReason(error: unknown, action: FileAction, file?: string): string {
  const failure = error as Partial<NodeJS.ErrnoException> | undefined;
  const code = typeof failure?.code === 'string' ? failure.code : undefined;
  if (code === undefined) return 'unknown error';
  const words = wordsFor(code, action, file);
  if (words !== undefined) return words;
  const described = typeof failure?.message === 'string' ? failure.message : '';
  const match = new RegExp(`^${code}: ([^,]+)`).exec(described);
  return match?.[1] ?? systemErrorDescription(failure) ?? code;
}

/**
 * One sentence for a failed read or write: `Could not write out.html (it is a folder).` `file`
 * is named as the user gave it; `resolved` is where it is (a command's cwd is not the process's).
 */
export function fileProblem(
  error: unknown,
  file: string,
  action: 'read' | 'write',
  resolved = file,
): string {
  return `Could not ${action} ${file} (${fileProblemReason(error, action, resolved)}).`;
}
