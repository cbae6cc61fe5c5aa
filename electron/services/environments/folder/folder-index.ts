/**
 * The index of a folder environment: every `.xml` file under the folder (CDA documents and HL7 V3
 * RCMR archive messages) read once through `loadHeader` and kept with its size and mtime, so a
 * refresh re-reads only files that are new or changed. Files that are not documents (or are
 * refused by the XML reader) are counted as skipped, never fatal: a folder of investigation
 * material usually holds other things too.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../../shared/result';
import { loadHeader } from '../../documents/load-document';
import { fileProblemReason } from '../../files/file-problem';
import { environmentErrorCodes } from '../connection';
import type { FolderEntry } from './folder-reference';

/** Bounds that keep an accidental `/` or home folder from being read in full. */
export const folderLimits = { maxFiles: 20_000, maxDepth: 8, maxFileBytes: 50 * 1024 * 1024 };

interface FileFacts {
  readonly relativePath: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface FolderIndex {
  readonly entries: readonly FolderEntry[];
  /** Files under the folder that are not readable documents, with why (first few only). */
  readonly skipped: readonly { readonly relativePath: string; readonly reason: string }[];
}

/** A stable FHIR-shaped id (`[A-Za-z0-9.-]{1,64}`) for a file, from its relative path. */
export function resourceIdOf(relativePath: string): string {
  return `file-${createHash('sha256').update(relativePath).digest('hex').slice(0, 24)}`;
}

async function listXmlFiles(root: string): Promise<FileFacts[]> {
  const found: FileFacts[] = [];
  async function walk(directory: string, depth: number): Promise<void> {
    if (depth > folderLimits.maxDepth || found.length >= folderLimits.maxFiles) return;
    const names = await readdir(directory, { withFileTypes: true }).catch(() => []);
    names.sort((left, right) => left.name.localeCompare(right.name));
    for (const item of names) {
      if (found.length >= folderLimits.maxFiles) return;
      const full = path.join(directory, item.name);
      // Symbolic links are not followed: the index stays inside the folder the profile names.
      if (item.isDirectory()) await walk(full, depth + 1);
      else if (item.isFile() && /\.xml$/i.test(item.name)) {
        const info = await stat(full).catch(() => undefined);
        if (info)
          found.push({
            relativePath: path.relative(root, full).split(path.sep).join('/'),
            size: info.size,
            mtimeMs: info.mtimeMs,
          });
      }
    }
  }
  await walk(root, 0);
  return found;
}

/** Checks that the folder exists and is a directory. */
export async function checkFolder(root: string): Promise<Result<string>> {
  const full = path.resolve(root);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error)
    return err(
      environmentErrorCodes.unreachable,
      info.code === 'ENOENT'
        ? `The folder ${full} does not exist.`
        : `The folder ${full} cannot be read (${fileProblemReason(info, 'read')}).`,
    );
  if (!info.isDirectory())
    return err(environmentErrorCodes.unreachable, `${full} is not a folder.`);
  return ok(full);
}

/** Keeps a folder's index up to date; `refresh` re-reads only new or changed files. */
export function createFolderIndexer(root: string) {
  const known = new Map<string, { facts: FileFacts; entry?: FolderEntry; reason?: string }>();

  async function indexFile(facts: FileFacts): Promise<{ entry?: FolderEntry; reason?: string }> {
    if (facts.size > folderLimits.maxFileBytes) return { reason: 'larger than 50 MB' };
    const bytes = await readFile(path.join(root, facts.relativePath)).catch(() => undefined);
    if (!bytes) return { reason: 'cannot be read' };
    const header = await loadHeader(new Uint8Array(bytes), { source: facts.relativePath });
    if (!header.ok) return { reason: header.error.message };
    return {
      entry: {
        resourceId: resourceIdOf(facts.relativePath),
        relativePath: facts.relativePath,
        byteSize: facts.size,
        metadata: header.value.metadata,
      },
    };
  }

  return {
    async refresh(): Promise<Result<FolderIndex>> {
      const folder = await checkFolder(root);
      if (!folder.ok) return folder;
      const files = await listXmlFiles(root);
      const present = new Set(files.map((facts) => facts.relativePath));
      for (const name of known.keys()) if (!present.has(name)) known.delete(name);
      for (const facts of files) {
        const before = known.get(facts.relativePath);
        if (before && before.facts.size === facts.size && before.facts.mtimeMs === facts.mtimeMs)
          continue;
        known.set(facts.relativePath, { facts, ...(await indexFile(facts)) });
      }
      const entries: FolderEntry[] = [];
      const skipped: { relativePath: string; reason: string }[] = [];
      for (const [relativePath, item] of known) {
        if (item.entry) entries.push(item.entry);
        else skipped.push({ relativePath, reason: item.reason ?? 'not a document' });
      }
      return ok({ entries, skipped });
    },
  };
}
