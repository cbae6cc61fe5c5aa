/**
 * Two local files for a compare spec: written into the app's local-files folder and registered
 * through the workspace (as the file picker does), so a spec opens `#/compare?left=file:…`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppWorkspace } from '../../../electron/services/workspace/app-workspace';
import { syntheticCda } from '../../bench/synthetic-cda';

/** Writes `files` (name → text) and registers each; returns their file ids in the same order. */
export async function registerLocalFiles(
  app: AppWorkspace,
  home: string,
  files: readonly (readonly [name: string, text: string])[],
): Promise<string[]> {
  const folder = path.join(home, 'local-files');
  await mkdir(folder, { recursive: true });
  const ids: string[] = [];
  for (const [name, text] of files) {
    await writeFile(path.join(folder, name), text);
    const picked = await app.workspace.pickFile(name);
    if (!picked.ok || !picked.value.picked) throw new Error(`cannot register ${name}`);
    ids.push(picked.value.fileId);
  }
  return ids;
}

/** A synthetic CDA of about `bytes` and a copy with every `every`-th "kontrolli" changed. */
export function editedSyntheticPair(
  bytes: number,
  seed: number,
  every: number,
): { left: string; right: string } {
  const left = syntheticCda(bytes, 'structured', seed);
  let seen = 0;
  const right = left.replace(/kontrolli/g, (word) => (++seen % every === 0 ? 'seuranta' : word));
  return { left, right };
}
