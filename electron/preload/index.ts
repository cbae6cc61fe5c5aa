/**
 * The typed bridge: named methods only, each bound to one channel of the contract (no generic
 * `invoke(channel)`, which would hand the renderer every channel; Bruno's pass-through preload is
 * the anti-example). Bundled to one file because a sandboxed preload cannot require our modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  ArchivistApi,
  Channel,
  EventName,
  Events,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

function invoke<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
): Promise<Result<ResponseOf<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<Result<ResponseOf<C>>>;
}

function subscribe<E extends EventName>(
  name: E,
  listener: (payload: Events[E]) => void,
): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: Events[E]) => listener(payload);
  ipcRenderer.on(name, wrapped);
  return () => {
    ipcRenderer.removeListener(name, wrapped);
  };
}

export const api = {
  getAppInfo: () => invoke('app:info', {}),
  openExternal: (request) => invoke('app:open-external', request),
  getWorkspace: () => invoke('workspace:overview', {}),
  checkEnvironment: (request) => invoke('environments:check', request),
  searchDocuments: (request) => invoke('documents:search', request),
  cancelSearch: (request) => invoke('documents:cancel-search', request),
  findSameDocument: (request) => invoke('documents:find-same', request),
  openDocument: (request) => invoke('documents:open', request),
  getVersions: (request) => invoke('documents:versions', request),
  checkDocument: (request) => invoke('documents:check', request),
  compareDocuments: (request) => invoke('documents:compare', request),
  cancelCompare: (request) => invoke('documents:cancel-compare', request),
  getCompareLines: (request) => invoke('documents:compare-lines', request),
  getCompareNarrative: (request) => invoke('documents:compare-narrative', request),
  pickCompareFile: (request) => invoke('documents:pick-file', request),
  getCompareFile: (request) => invoke('documents:file-info', request),
  exportReport: (request) => invoke('documents:export-report', request),
  preflightInvalidation: (request) => invoke('invalidation:preflight', request),
  runInvalidation: (request) => invoke('invalidation:run', request),
  listAudit: (request) => invoke('audit:list', request),
  verifyAudit: () => invoke('audit:verify', {}),
  exportAudit: (request) => invoke('audit:export', request),
  listProfiles: () => invoke('profiles:list', {}),
  saveProfile: (request) => invoke('profiles:save', request),
  removeProfile: (request) => invoke('profiles:remove', request),
  checkProfile: (request) => invoke('profiles:check', request),
  pickProfileFile: (request) => invoke('profiles:pick-file', request),
  onMenuCommand: (listener) => subscribe('app:menu-command', listener),
  onSearchProgress: (listener) => subscribe('documents:search-progress', listener),
  onExportProgress: (listener) => subscribe('documents:export-progress', listener),
  onCompareProgress: (listener) => subscribe('documents:compare-progress', listener),
  onInvalidationProgress: (listener) => subscribe('invalidation:progress', listener),
} satisfies ArchivistApi;

contextBridge.exposeInMainWorld('archivist', api);
