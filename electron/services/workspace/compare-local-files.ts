/**
 * Local files for the compare view. The renderer never passes a path (STYLE.md: "the renderer
 * cannot pass a path"): main's open dialog returns one, and the renderer gets an opaque id for
 * it. Where no dialog can run (the browser harness), a file is named by its plain file name
 * inside `<home>/local-files/`, a folder the tester (or a test) fills.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PickFileResult, PickedFile } from '../../../shared/ipc/compare-types';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason } from '../files/file-problem';

/** The same cap as `archivist show`: larger files are refused before they are read. */
export const maxLocalFileBytes = 50 * 1024 * 1024;

/** Opens main's file dialog; resolves with the chosen path, or undefined when the user cancels. */
export type ChooseFile = () => Promise<string | undefined>;

export interface LocalFiles {
  /** Registers a file the user chose (dialog), or one named in the harness folder. */
  readonly pick: (
    name: string | undefined,
    chooseFile?: ChooseFile,
  ) => Promise<Result<PickFileResult>>;
  /** The bytes of a registered file, re-read now so a changed file compares as it is. */
  readonly read: (fileId: string) => Promise<Result<{ bytes: Uint8Array; name: string }>>;
  readonly nameOf: (fileId: string) => string | undefined;
  /** A registered file's name and size now (no path: that stays in main). */
  readonly describe: (fileId: string) => Promise<Result<PickedFile>>;
}

export function localFilesFolder(home: string): string {
  return path.join(home, 'local-files');
}

function sizeProblem(name: string, bytes: number): Result<never> | undefined {
  if (bytes <= maxLocalFileBytes) return undefined;
  const megabytes = Math.ceil(bytes / 1024 / 1024);
  return err(
    'file-too-large',
    `The file ${name} is ${megabytes} MB; Archivist compares files up to 50 MB.`,
  );
}

const unknownFile = err(
  'file-unknown',
  'That local file is no longer known (the app restarted); choose it again.',
);

/** Why a registered file cannot be read now. */
function fileProblem(name: string, error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? `The file ${name} is gone (moved or deleted since it was chosen).`
    : `The file ${name} cannot be read (${fileProblemReason(error, 'read')}).`;
}

export function createLocalFiles(home: string): LocalFiles {
  const files = new Map<string, { path: string; name: string }>();

  async function register(filePath: string): Promise<Result<PickedFile>> {
    const name = path.basename(filePath);
    let size: number;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return err('file-unreadable', `${name} is not a file.`);
      size = info.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT'
        ? err('file-not-found', `There is no file ${name} in ${path.dirname(filePath)}.`)
        : err(
            'file-unreadable',
            `The file ${name} cannot be read (${fileProblemReason(error, 'read')}).`,
          );
    }
    const tooLarge = sizeProblem(name, size);
    if (tooLarge) return tooLarge;
    const fileId = `file-${randomBytes(12).toString('base64url')}`;
    files.set(fileId, { path: filePath, name });
    return ok({ fileId, name, byteSize: size });
  }

  return {
    async pick(name, chooseFile) {
      if (chooseFile) {
        if (name !== undefined)
          return err(
            'invalid-request',
            'Choose the file in the dialog; a name cannot be given here.',
          );
        const chosen = await chooseFile();
        if (chosen === undefined) return ok({ picked: false, reason: 'cancelled' });
        const picked = await register(chosen);
        return picked.ok ? ok({ picked: true, ...picked.value }) : picked;
      }
      const folder = localFilesFolder(home);
      if (name === undefined)
        return err(
          'file-dialog-unavailable',
          `This window cannot open a file dialog: put the file in ${folder} and give its name.`,
        );
      const picked = await register(path.join(folder, name));
      return picked.ok ? ok({ picked: true, ...picked.value }) : picked;
    },

    async read(fileId) {
      const file = files.get(fileId);
      if (!file) return unknownFile;
      try {
        const info = await stat(file.path);
        const tooLarge = sizeProblem(file.name, info.size);
        if (tooLarge) return tooLarge;
        return ok({ bytes: new Uint8Array(await readFile(file.path)), name: file.name });
      } catch (error) {
        return err('file-unreadable', fileProblem(file.name, error));
      }
    },

    nameOf: (fileId) => files.get(fileId)?.name,

    async describe(fileId) {
      const file = files.get(fileId);
      if (!file) return unknownFile;
      try {
        return ok({ fileId, name: file.name, byteSize: (await stat(file.path)).size });
      } catch (error) {
        return err('file-unreadable', fileProblem(file.name, error));
      }
    },
  };
}
