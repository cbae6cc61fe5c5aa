/**
 * Writes an output file (a report, a patch, an audit export) so that a failure never leaves half
 * of one behind, nor destroys the file it was to replace: the bytes go to a temporary file beside
 * the target, are synced, and the temporary file is renamed over the target. A full disk then
 * leaves the old file as it was and no partial report that looks complete (issue 7 review: a
 * 64 KB cut-off JSON report replaced the previous one). A target that exists and is no regular
 * file (a terminal, a pipe, /dev/null, /dev/stdout) is written in place: there is nothing to
 * replace, and a rename would swap the device for a file. A symbolic link is followed: the file
 * it points to is replaced, the link stays.
 */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `bytes` to `target`; throws the file system's error (callers say it in words). */
export async function replaceFile(target: string, bytes: Uint8Array | string): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    await writeFile(target, bytes);
    return;
  }
  const real = existing === undefined ? target : await realpath(target);
  const temporary = path.join(
    path.dirname(real),
    `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  // 'wx': never through a file or link someone else put there. A replaced file keeps its mode.
  const handle = await open(
    temporary,
    'wx',
    existing === undefined ? 0o666 : existing.mode & 0o777,
  );
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, real);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
