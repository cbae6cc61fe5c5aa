/**
 * Writes a small file so a crash leaves the old contents or the new, never half of either:
 * a temporary file beside it, fsync, rename over the target, fsync the folder (the rename
 * itself is only durable once the directory entry is). Mode 0600: profiles and sealed secrets
 * are the user's own business.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason } from '../files/file-problem';

/** Writes `text` to `file` atomically; an error names the file and says why in words. */
export async function writeFileAtomically(file: string, text: string): Promise<Result<void>> {
  const directory = path.dirname(file);
  const temporary = path.join(
    directory,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    return err(
      'profiles-unwritable',
      `Cannot create the folder ${directory} for ${file} (${fileProblemReason(error, 'folder')}).`,
    );
  }
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    const folder = await open(directory, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
    return ok(undefined);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return err(
      'profiles-unwritable',
      `Cannot write ${file} (${fileProblemReason(error, 'write', file)}).`,
    );
  }
}
