/** The journal's failures as values with sentences an operator understands. */
import { err, type Result } from '../../../shared/result';
import { fileProblemReason } from '../files/file-problem';

/** A plain-words cause from a Node error code (file-problem.ts's words beyond the journal's own). */
export function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk full';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'the audit folder is read-only';
    case 'EIO':
      return 'disk error; restart Archivist after checking the disk';
    default:
      // EEXIST comes from making the audit folder where a file is (mkdir -p)
      return code
        ? fileProblemReason(error, code === 'EEXIST' ? 'folder' : 'write')
        : 'unexpected error';
  }
}

/** `audit-unavailable`: e.g. "Archivist could not write its audit trail (disk full); the document was not shown." */
export function unavailable<T>(cause: string, refused = 'the action was not performed'): Result<T> {
  return err(
    'audit-unavailable',
    `Archivist could not write its audit trail (${cause}); ${refused}.`,
  );
}
