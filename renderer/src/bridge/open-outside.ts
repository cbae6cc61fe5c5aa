/**
 * Opens a link outside the app through the bridge. The bridge method reaches main's
 * safeOpenExternal (https only, allowlist, the user's confirmation), which is what the lint rule
 * against `openExternal` protects; this is the renderer's one call of it.
 */
import type { ArchivistApi } from '../../../shared/ipc/contract';

export function openOutside(api: ArchivistApi, url: string) {
  // eslint-disable-next-line no-restricted-syntax -- the bridge method, not Electron's shell.openExternal
  return api.openExternal({ url });
}
