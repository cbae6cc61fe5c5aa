/**
 * `--data DIR`: the sandbox's changes (stored documents, new versions, binaries, provenances) in
 * one JSON file written atomically: temp file, fsync, rename, fsync the folder, so a crash leaves
 * either the old or the new state, never half of one. Seeded documents are regenerated from the
 * seed on start; only what changed since seeding is written.
 */
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Provenance } from '../../shared/fhir/resources';
import { err, ok, type Result } from '../../shared/result';
import { fileProblemReason } from '../services/files/file-problem';
import type { StandInEnvironment } from './seed/stand-in';
import {
  addDocument,
  refileDocument,
  type SandboxStore,
  type StoredDocumentReference,
} from './store';

interface PersistedState {
  readonly format: 'archivist-sandbox-1';
  /**
   * The environment the sandbox that saved it stood in for (`--environment`); absent for a plain
   * sandbox. Its documents' ids and archive-filled fields are that environment's, so another
   * sandbox must not take them in (they would sit beside its own as extra documents).
   */
  readonly environment?: StandInEnvironment;
  readonly documents: readonly {
    readonly id: string;
    readonly setId?: string;
    readonly versions: StoredDocumentReference[];
  }[];
  readonly binaries: readonly {
    readonly id: string;
    readonly contentType: string;
    readonly data: string;
  }[];
  readonly provenances: readonly (Provenance & { readonly id: string })[];
}

const fileName = 'sandbox-state.json';

/** Writes the changed part of the store atomically. */
export async function saveState(
  directory: string,
  store: SandboxStore,
  environment?: StandInEnvironment,
): Promise<void> {
  const state: PersistedState = {
    format: 'archivist-sandbox-1',
    ...(environment ? { environment } : {}),
    documents: [...store.all]
      .filter((entry) => store.dirty.has(`doc:${entry.id}`))
      .map((entry) => ({
        id: entry.id,
        ...(entry.setId !== undefined ? { setId: entry.setId } : {}),
        versions: entry.versions,
      })),
    binaries: [...store.binaries.values()]
      .filter((binary) => binary.isStored)
      .map((binary) => ({
        id: binary.id,
        contentType: binary.contentType,
        data: Buffer.from(binary.bytes()).toString('base64'),
      })),
    provenances: [...store.provenances.values()],
  };
  await mkdir(directory, { recursive: true });
  const target = path.join(directory, fileName);
  const temporary = `${target}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(JSON.stringify(state));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, target);
  const folder = await open(directory, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Makes sure the data folder exists and can be written now: otherwise the sandbox would start,
 * keep changes in memory only and fail at its first write, long after the user looked.
 */
async function prepareDataDir(directory: string): Promise<Result<void>> {
  try {
    await mkdir(directory, { recursive: true });
    await access(directory, constants.W_OK);
    return ok(undefined);
  } catch (error) {
    return err(
      'sandbox-data-dir',
      `Cannot keep the sandbox's data in ${directory} (${fileProblemReason(error, 'folder')}).`,
    );
  }
}

/** How a sandbox is started for `environment`, in words. */
function startedAs(environment: StandInEnvironment | undefined): string {
  return environment
    ? `a sandbox standing in for ${environment.toUpperCase()} (--environment ${environment})`
    : 'a plain sandbox (no --environment)';
}

/**
 * Applies a saved state over a freshly seeded store; a missing file is an empty state. A state
 * saved by a sandbox standing in for another environment (or for none) is refused.
 */
export async function loadState(
  directory: string,
  store: SandboxStore,
  environment?: StandInEnvironment,
): Promise<Result<void>> {
  const prepared = await prepareDataDir(directory);
  if (!prepared.ok) return prepared;
  let text: string;
  try {
    text = await readFile(path.join(directory, fileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(undefined);
    return err(
      'bad-state',
      `Cannot read the sandbox state in ${directory} (${fileProblemReason(error, 'read')}).`,
    );
  }
  let state: PersistedState;
  try {
    state = JSON.parse(text) as PersistedState;
  } catch {
    return err(
      'bad-state',
      `The sandbox state in ${directory} is not valid JSON; move it away to start fresh.`,
    );
  }
  if (state.format !== 'archivist-sandbox-1')
    return err('bad-state', `The sandbox state in ${directory} has an unknown format.`);
  if (state.environment !== environment)
    return err(
      'bad-state',
      `The sandbox state in ${directory} was saved by ${startedAs(state.environment)}, and this is ${startedAs(environment)}: start it as the one that saved it, or give it another --data folder.`,
    );
  for (const saved of state.documents) {
    const existing = store.documents.get(saved.id);
    if (existing) {
      existing.versions.splice(0, existing.versions.length, ...saved.versions);
      refileDocument(store, existing);
    } else {
      const [first, ...rest] = saved.versions;
      if (!first) continue;
      const added = addDocument(store, first, saved.setId);
      added.versions.push(...rest);
      refileDocument(store, added);
    }
    store.dirty.add(`doc:${saved.id}`);
  }
  for (const binary of state.binaries) {
    const bytes = Buffer.from(binary.data, 'base64');
    store.binaries.set(binary.id, {
      id: binary.id,
      contentType: binary.contentType,
      bytes: () => bytes,
      isStored: true,
    });
  }
  for (const provenance of state.provenances) store.provenances.set(provenance.id, provenance);
  return ok(undefined);
}
