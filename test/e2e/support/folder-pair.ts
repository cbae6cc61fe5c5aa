/**
 * Two versions of one sandbox document copied into a folder environment named `esko` (as a
 * tester's offline copy), so a spec compares documents of an environment other than the default.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resourceIdOf } from '../../../electron/services/environments/folder/folder-index';
import type { AppWorkspace } from '../../../electron/services/workspace/app-workspace';

/** Writes the folder and its profile; returns the `#/compare` address of the older → newer pair. */
export async function eskoVersionPair(app: AppWorkspace, home: string): Promise<string> {
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  const found = await app.workspace.search(
    { profileId: 'sandbox', searchId: 'esko-pair', query: { patient, status: 'superseded' } },
    () => {},
  );
  const row = found.ok ? found.value.rows[0] : undefined;
  if (!row) throw new Error('the sandbox has no superseded document');
  const chain = await app.workspace.versions('sandbox', row.resourceId);
  if (!chain.ok || chain.value.versions.length < 2) throw new Error('no version chain');
  const folder = path.join(home, 'esko');
  await mkdir(folder, { recursive: true });
  const names = ['v1.xml', 'v2.xml'];
  for (const [index, name] of names.entries()) {
    const opened = await app.workspace.open('sandbox', chain.value.versions[index]!.resourceId);
    if (!opened.ok) throw new Error(opened.error.message);
    await writeFile(path.join(folder, name), opened.value.text);
  }
  const profile = {
    id: 'esko',
    displayName: 'Esko offline copies',
    kind: 'folder',
    baseUrl: folder,
    repository: 'patient-data',
    isTestEnvironment: true,
  };
  await writeFile(path.join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
  const [left, right] = names.map((name) => `env:esko:${resourceIdOf(name)}`);
  return `#/compare?left=${encodeURIComponent(left!)}&right=${encodeURIComponent(right!)}`;
}
