/**
 * A folder environment (ARCHITECTURE.md, "Environments"): a directory of CDA files and RCMR
 * archive messages, searchable by patient, document OID, setId, dates, view and status like a
 * server, for offline investigation. Read-only: writes answer `env-read-only`. The folder is
 * re-scanned at every search, read and check, so files dropped in later are found.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentReference } from '../../../../shared/fhir/resources';
import { err, ok, type Result } from '../../../../shared/result';
import {
  environmentErrorCodes,
  type DocumentQuery,
  type EnvironmentConnection,
} from '../connection';
import { checkFolder, createFolderIndexer, type FolderIndex } from './folder-index';
import {
  dayOfEntry,
  folderDocumentReference,
  instanceText,
  viewCodesOf,
  type FolderEntry,
} from './folder-reference';

export interface FolderConnectionOptions {
  /** The environment's name in messages. */
  readonly name?: string;
}

/** The newest version number of each setId, so older versions are `superseded`. */
function latestVersions(entries: readonly FolderEntry[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const { metadata } of entries) {
    const setId = instanceText(metadata.setId);
    if (setId === '') continue;
    latest.set(setId, Math.max(latest.get(setId) ?? 0, metadata.versionNumber ?? 0));
  }
  return latest;
}

function statusOf(entry: FolderEntry, latest: Map<string, number>): DocumentReference['status'] {
  const setId = instanceText(entry.metadata.setId);
  const newest = latest.get(setId);
  if (setId === '' || newest === undefined) return 'current';
  return (entry.metadata.versionNumber ?? 0) < newest ? 'superseded' : 'current';
}

/** Matches an id given as `root` or `root^extension` (with or without `urn:oid:`). */
function sameId(wanted: string, actual: string): boolean {
  const bare = wanted.replace(/^urn:oid:/, '');
  return bare !== '' && (actual === bare || actual.split('^')[0] === bare);
}

function matches(entry: FolderEntry, query: DocumentQuery, status: string): boolean {
  const { metadata } = entry;
  if (query.patient !== undefined && metadata.patient?.id?.extension !== query.patient)
    return false;
  if (query.documentId !== undefined && !sameId(query.documentId, instanceText(metadata.id)))
    return false;
  if (query.setId !== undefined && !sameId(query.setId, instanceText(metadata.setId))) return false;
  const day = dayOfEntry(entry);
  if (query.from !== undefined && (day === '' || day < query.from.slice(0, 10))) return false;
  if (query.to !== undefined && (day === '' || day > query.to.slice(0, 10))) return false;
  if (query.type !== undefined && !viewCodesOf(metadata).includes(query.type)) return false;
  if (query.status !== undefined && status !== query.status) return false;
  return true;
}

/** Newest first, as a server's `_sort=-date`; the path breaks ties so the order is stable. */
function byDateDescending(left: DocumentReference, right: DocumentReference): number {
  const byDate = (right.date ?? '').localeCompare(left.date ?? '');
  return byDate !== 0 ? byDate : (left.id ?? '').localeCompare(right.id ?? '');
}

/** Opens (and first indexes) a folder environment. */
export async function openFolderConnection(
  folder: string,
  options: FolderConnectionOptions = {},
): Promise<Result<EnvironmentConnection>> {
  const checked = await checkFolder(folder);
  if (!checked.ok) return checked;
  const root = checked.value;
  const name = options.name ?? root;
  const indexer = createFolderIndexer(root);
  const first = await indexer.refresh();
  if (!first.ok) return first;

  async function references(): Promise<Result<{ index: FolderIndex; list: DocumentReference[] }>> {
    const index = await indexer.refresh();
    if (!index.ok) return index;
    const latest = latestVersions(index.value.entries);
    const list = index.value.entries.map((entry) =>
      folderDocumentReference(entry, statusOf(entry, latest)),
    );
    return ok({ index: index.value, list });
  }

  async function entryById(resourceId: string) {
    const all = await references();
    if (!all.ok) return all;
    const entry = all.value.index.entries.find((candidate) => candidate.resourceId === resourceId);
    const reference = all.value.list.find((candidate) => candidate.id === resourceId);
    if (!entry || !reference)
      return err(environmentErrorCodes.notFound, `${name} has no document '${resourceId}'.`);
    return ok({ entry, reference, all: all.value });
  }

  const connection: EnvironmentConnection = {
    async search(query, searchOptions = {}) {
      if (searchOptions.signal?.aborted)
        return err(environmentErrorCodes.cancelled, 'The search was cancelled.');
      const all = await references();
      if (!all.ok) return all;
      const found = all.value.list
        .filter((reference) => {
          const entry = all.value.index.entries.find((e) => e.resourceId === reference.id);
          return entry !== undefined && matches(entry, query, reference.status);
        })
        .sort(byDateDescending);
      const limited = query.limit === undefined ? found : found.slice(0, query.limit);
      searchOptions.onProgress?.({ fetched: limited.length, total: found.length });
      return ok(limited);
    },

    async read(resourceId) {
      const found = await entryById(resourceId);
      if (!found.ok) return found;
      const file = path.join(root, found.value.entry.relativePath);
      const bytes = await readFile(file).catch(() => undefined);
      if (!bytes)
        return err(
          environmentErrorCodes.notFound,
          `${found.value.entry.relativePath} in ${name} can no longer be read.`,
        );
      return ok({
        reference: found.value.reference,
        bytes: new Uint8Array(bytes),
        contentType: 'application/hl7-v3+xml',
      });
    },

    async history(resourceId) {
      const found = await entryById(resourceId);
      if (!found.ok) return found;
      const setId = instanceText(found.value.entry.metadata.setId);
      if (setId === '') return ok([found.value.reference]);
      const { index, list } = found.value.all;
      const versions = index.entries
        .filter((entry) => instanceText(entry.metadata.setId) === setId)
        .sort(
          (left, right) => (right.metadata.versionNumber ?? 0) - (left.metadata.versionNumber ?? 0),
        )
        .map((entry) => list.find((reference) => reference.id === entry.resourceId))
        .filter((reference): reference is DocumentReference => reference !== undefined);
      return ok(versions);
    },

    async provenanceFor(resourceId) {
      const found = await entryById(resourceId);
      return found.ok ? ok([]) : found;
    },

    async check() {
      const index = await indexer.refresh();
      if (!index.ok) return index;
      return ok({ software: 'Archivist folder index', documentCount: index.value.entries.length });
    },

    async invalidate() {
      return err(
        environmentErrorCodes.readOnly,
        `${name} is a folder environment; documents in a folder cannot be invalidated.`,
      );
    },

    close() {},
  };
  return ok(connection);
}
