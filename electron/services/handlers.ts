/**
 * The handler registry: one function per IPC channel. Electron's main process and the browser
 * harness register this same object, so a capability tested in the browser is the one the
 * desktop app runs.
 */
import {
  channels,
  type Channel,
  type EventName,
  type Events,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';
import { summariseProfile } from '../../shared/environments/profile';
import { err, ok, type Result } from '../../shared/result';
import { appVersion } from './app-version';
import { loadProfiles } from './profiles/profile-store';
import type { PdfPrinter } from './report/pdf-printer';
import type { ChoosePath } from './workspace/profile-editor';
import type { Workspace } from './workspace/workspace';

/** What handlers may use: the home folder and the capabilities only the host can provide. */
export interface ServiceContext {
  readonly home: string;
  /** Opens a link outside the app after the user confirms (desktop), or explains why not. */
  readonly openLink: (url: string) => Promise<Result<{ readonly opened: boolean }>>;
  /** The inspector's operations (search, open, versions, audit); absent in tests of app:info. */
  readonly workspace?: Workspace;
  /** Sends a main-to-renderer event (IPC in Electron, server-sent events in the harness). */
  readonly publish?: <E extends EventName>(name: E, payload: Events[E]) => void;
  /**
   * Main's open dialog for "compare with a local file": resolves with the chosen path or undefined
   * when cancelled. Absent in the browser harness, where files are named inside `<home>/local-files/`.
   */
  readonly chooseFile?: () => Promise<string | undefined>;
  /**
   * Main's save dialog for report exports: resolves with the chosen path or undefined when
   * cancelled. Absent in the browser harness, where the report comes back as a download.
   */
  readonly saveFile?: (suggestedName: string) => Promise<string | undefined>;
  /**
   * Main's open dialog for a profile's certificate file or folder (the Environments screen).
   * Absent in the browser harness, where files are named inside `<home>/local-files/`.
   */
  readonly choosePath?: ChoosePath;
  /** How PDF reports are printed (the desktop app: Electron's printToPDF); default headless Chromium. */
  readonly pdfPrinter?: PdfPrinter;
}

export type Handlers = {
  readonly [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

const noWorkspace = err(
  'workspace-unavailable',
  'Searching and reading documents is not available in this window.',
);

export function createHandlers(context: ServiceContext): Handlers {
  const publish = context.publish ?? (() => undefined);
  const workspace = context.workspace;
  return {
    'app:info': async () => {
      const profiles = await loadProfiles(context.home);
      return ok({
        version: appVersion,
        dataFolder: context.home,
        profiles: profiles.ok ? profiles.value.map(summariseProfile) : [],
        ...(profiles.ok ? {} : { profilesProblem: profiles.error.message }),
      });
    },
    'app:open-external': async ({ url }) => context.openLink(url),
    'workspace:overview': async () => (workspace ? workspace.overview() : noWorkspace),
    'environments:check': async ({ profileId }) =>
      workspace ? workspace.check(profileId) : noWorkspace,
    'documents:search': async (request) =>
      workspace
        ? workspace.search(request, (progress) => publish('documents:search-progress', progress))
        : noWorkspace,
    'documents:cancel-search': async ({ searchId }) =>
      workspace ? ok(workspace.cancelSearch(searchId)) : noWorkspace,
    'documents:find-same': async (request) =>
      workspace ? workspace.findSameDocument(request) : noWorkspace,
    'documents:open': async ({ profileId, resourceId }) =>
      workspace ? workspace.open(profileId, resourceId) : noWorkspace,
    'documents:check': async (request) =>
      workspace ? workspace.checkDocument(request) : noWorkspace,
    'documents:versions': async ({ profileId, resourceId }) =>
      workspace ? workspace.versions(profileId, resourceId) : noWorkspace,
    'documents:compare': async (request) =>
      workspace
        ? workspace.compare(request, (progress) => publish('documents:compare-progress', progress))
        : noWorkspace,
    'documents:cancel-compare': async ({ compareId }) =>
      workspace ? ok(workspace.cancelCompare(compareId)) : noWorkspace,
    'documents:compare-lines': async (request) =>
      workspace ? workspace.compareLines(request) : noWorkspace,
    'documents:compare-narrative': async (request) =>
      workspace ? workspace.compareNarrative(request) : noWorkspace,
    'documents:pick-file': async ({ name }) =>
      workspace ? workspace.pickFile(name, context.chooseFile) : noWorkspace,
    'documents:file-info': async ({ fileId }) =>
      workspace ? workspace.compareFileInfo(fileId) : noWorkspace,
    'invalidation:preflight': async (request) =>
      workspace ? workspace.previewInvalidation(request) : noWorkspace,
    'invalidation:run': async (request) =>
      workspace
        ? workspace.invalidate(request, (progress) => publish('invalidation:progress', progress))
        : noWorkspace,
    'documents:export-report': async ({ compareId, exportId, format, redact }) =>
      workspace
        ? workspace.exportReport(compareId, {
            exportId,
            format,
            redact,
            onProgress: (progress) => publish('documents:export-progress', progress),
            ...(context.saveFile ? { saveFile: context.saveFile } : {}),
            ...(context.pdfPrinter ? { pdfPrinter: context.pdfPrinter } : {}),
          })
        : noWorkspace,
    'audit:list': async ({ filter }) => (workspace ? workspace.auditList(filter) : noWorkspace),
    'audit:verify': async () => (workspace ? workspace.auditVerify() : noWorkspace),
    'audit:export': async (request) =>
      workspace ? workspace.auditExport(request, context.saveFile) : noWorkspace,
    'profiles:list': async () => (workspace ? workspace.profiles.list() : noWorkspace),
    'profiles:save': async (request) =>
      workspace ? workspace.profiles.save(request) : noWorkspace,
    'profiles:remove': async ({ profileId }) =>
      workspace ? workspace.profiles.remove(profileId) : noWorkspace,
    'profiles:check': async ({ profileId }) =>
      workspace ? workspace.profiles.check(profileId) : noWorkspace,
    'profiles:pick-file': async (request) =>
      workspace ? workspace.profiles.pick(request, context.choosePath) : noWorkspace,
  };
}

/** Every channel has a handler: checked at start-up and by the tests. */
export function missingHandlers(handlers: Handlers): readonly Channel[] {
  return channels.filter((channel) => typeof handlers[channel] !== 'function');
}
