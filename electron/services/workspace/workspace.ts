/**
 * The operations the inspector UI calls, composed from the environment, document and audit
 * services; each returns a Result. Handlers (electron/services/handlers.ts) stay thin: they pass
 * requests here. Profiles come from `loadProfiles` plus built-in ones (the local sandbox), which
 * replace a stored profile of the same id because only the runner knows the sandbox's port.
 */
import type { AuditFilter } from '../../../shared/audit/filter';
import { calendarStateAt, type EnvironmentCalendar } from '../../../shared/environments/calendar';
import { calendarOfProfile, type EnvironmentProfile } from '../../../shared/environments/profile';
import type {
  AuditListResult,
  AuditVerifyResult,
  ConnectionState,
  OpenedDocument,
  SamplePatient,
  SearchProgressEvent,
  SearchQuery,
  SearchResult,
  VersionsView,
  WorkspaceOverview,
  WorkspaceProfile,
} from '../../../shared/ipc/workspace-types';
import type {
  InvalidationPreflightRequest,
  InvalidationPreview,
  InvalidationProgressEvent,
  InvalidationRunRequest,
  InvalidationRunResult,
} from '../../../shared/ipc/invalidation-types';
import { err, ok, type Result } from '../../../shared/result';
import type { EnvironmentConnection } from '../environments/connection';
import { auditContextFor, osUserName } from './audit-trail';
import { auditList, auditVerify } from './audit-view';
import { createComparer, type Comparer } from './compare-documents';
import { createLocalFiles } from './compare-local-files';
import { createConnectionPool, type Connect } from './connection-pool';
import {
  previewInvalidation,
  runInvalidation,
  type InvalidationSetting,
} from './invalidate-documents';
import { openDocument } from './open-document';
import { checkDocument } from './check-document';
import type { DocumentCheck, DocumentCheckRequest } from '../../../shared/ipc/document-check';
import { exportAuditJournal } from './audit-export';
import { createProfileEditor, type ProfileEditor } from './profile-editor';
import type { SaveFile } from './compare-export';
import type {
  AuditExportRequest,
  AuditExportResult,
} from '../../../shared/ipc/profile-editor-types';
import { createCliSecretStore } from '../profiles/cli-secret-store';
import type { SecretStore } from '../profiles/secret-store';
import { searchDocuments } from './search-documents';
import { findSameDocument } from './find-same-document';
import type {
  FindSameDocumentRequest,
  SameDocumentMatches,
} from '../../../shared/ipc/same-document';
import { versionsView } from './versions-view';

export interface WorkspaceDeps {
  readonly home: string;
  /** The stored profiles (profiles.json). */
  readonly loadProfiles: () => Promise<Result<readonly EnvironmentProfile[]>>;
  /** Profiles the app provides itself, such as the running sandbox. */
  readonly builtInProfiles?: () => readonly EnvironmentProfile[];
  readonly connect: Connect;
  /** The profile a first run lands on. */
  readonly defaultProfileId?: string;
  readonly samplePatients?: () => readonly SamplePatient[];
  readonly now?: () => Date;
  /** A calendar other than the profile's own (a sandbox started with its service calendar). */
  readonly calendarOf?: (profile: EnvironmentProfile) => EnvironmentCalendar | undefined;
  /** Where the Environments screen keeps passphrases (default: none kept, variables only). */
  readonly secrets?: SecretStore;
  /** Deadline of the Environments screen's Check (ms). */
  readonly checkDeadlineMs?: number;
}

export interface Workspace {
  readonly overview: () => Promise<Result<WorkspaceOverview>>;
  readonly check: (profileId: string) => Promise<Result<ConnectionState>>;
  readonly search: (
    request: { profileId: string; searchId: string; query: SearchQuery },
    onProgress: (progress: SearchProgressEvent) => void,
  ) => Promise<Result<SearchResult>>;
  readonly cancelSearch: (searchId: string) => { readonly wasRunning: boolean };
  /** The same document in another environment, by its document id (find-same-document.ts). */
  readonly findSameDocument: (
    request: FindSameDocumentRequest,
  ) => Promise<Result<SameDocumentMatches>>;
  readonly open: (profileId: string, resourceId: string) => Promise<Result<OpenedDocument>>;
  /** Reads one listed document's contents for the table's check (check-document.ts). */
  readonly checkDocument: (request: DocumentCheckRequest) => Promise<Result<DocumentCheck>>;
  readonly versions: (profileId: string, resourceId: string) => Promise<Result<VersionsView>>;
  /** Compares two documents (environments or local files); see compare-documents.ts. */
  readonly compare: Comparer['compare'];
  readonly cancelCompare: (compareId: string) => { readonly wasRunning: boolean };
  /** Registers a local file for comparison: from main's dialog, or by name in the harness folder. */
  readonly pickFile: Comparer['pickFile'];
  readonly compareFileInfo: Comparer['fileInfo'];
  /** A report of a comparison made in this session (compare-export.ts). */
  readonly exportReport: Comparer['exportReport'];
  readonly compareLines: Comparer['lines'];
  readonly compareNarrative: Comparer['narrative'];
  /** Drops every kept comparison and cancels running ones (the window closed). */
  readonly forgetComparisons: () => void;
  /** Invalidation preflight (nothing is sent) and run (issue 5 service, issue 6 dialog). */
  readonly previewInvalidation: (
    request: InvalidationPreflightRequest,
  ) => Promise<Result<InvalidationPreview>>;
  readonly invalidate: (
    request: InvalidationRunRequest,
    onProgress: (progress: InvalidationProgressEvent) => void,
  ) => Promise<Result<InvalidationRunResult>>;
  readonly auditList: (filter: AuditFilter) => Promise<Result<AuditListResult>>;
  readonly auditVerify: () => Promise<Result<AuditVerifyResult>>;
  /** The journal as JSON or CSV, audited (audit-export.ts). */
  readonly auditExport: (
    request: AuditExportRequest,
    saveFile: SaveFile | undefined,
  ) => Promise<Result<AuditExportResult>>;
  /** The Environments screen: stored profiles and their passphrases (profile-editor.ts). */
  readonly profiles: ProfileEditor;
  /** Cancels searches in flight and closes connections (app quit). */
  readonly close: () => void;
}

function mergeProfiles(
  stored: readonly EnvironmentProfile[],
  builtIn: readonly EnvironmentProfile[],
): EnvironmentProfile[] {
  const ids = new Set(builtIn.map((profile) => profile.id));
  return [...builtIn, ...stored.filter((profile) => !ids.has(profile.id))];
}

export function createWorkspace(deps: WorkspaceDeps): Workspace {
  const now = deps.now ?? (() => new Date());
  const pool = createConnectionPool(deps.connect, now);
  const searches = new Map<string, AbortController>();

  async function profiles(): Promise<{ list: EnvironmentProfile[]; problem?: string }> {
    const stored = await deps.loadProfiles();
    const builtIn = deps.builtInProfiles?.() ?? [];
    return stored.ok
      ? { list: mergeProfiles(stored.value, builtIn) }
      : { list: [...builtIn], problem: stored.error.message };
  }

  async function profileById(profileId: string): Promise<Result<EnvironmentProfile>> {
    const { list } = await profiles();
    const profile = list.find((candidate) => candidate.id === profileId);
    return profile
      ? ok(profile)
      : err('profile-unknown', `There is no environment profile named '${profileId}'.`);
  }

  /** Runs an operation against a profile's connection and notes what it says about reachability. */
  async function withConnection<T>(
    profileId: string,
    run: (connection: EnvironmentConnection, profile: EnvironmentProfile) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const profile = await profileById(profileId);
    if (!profile.ok) return profile;
    const connection = await pool.connectionFor(profile.value);
    if (!connection.ok) return connection;
    const result = await run(connection.value, profile.value);
    pool.note(profileId, result);
    return result;
  }

  const comparer = createComparer({
    home: deps.home,
    now,
    localFiles: createLocalFiles(deps.home),
    withConnection,
  });

  function describe(profile: EnvironmentProfile): WorkspaceProfile {
    const calendar = deps.calendarOf?.(profile) ?? calendarOfProfile(profile);
    const state = calendarStateAt(calendar, now());
    return {
      id: profile.id,
      displayName: profile.displayName,
      kind: profile.kind,
      repository: profile.repository,
      isTestEnvironment: profile.isTestEnvironment,
      ...(profile.operator ? { operator: profile.operator } : {}),
      connection: pool.stateOf(profile.id),
      calendar: {
        inServiceHours: state.inServiceHours,
        ...(state.activeWindow ? { activeWindow: state.activeWindow } : {}),
        ...(state.nextWindow ? { nextWindow: state.nextWindow } : {}),
      },
    };
  }

  /**
   * An invalidation step on a profile's connection. Only environment errors (`env-*`) say
   * anything about reachability: a mistyped confirmation must not mark the environment failed.
   */
  async function withInvalidation<T>(
    profileId: string,
    run: (setting: InvalidationSetting) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const outcome = await withConnection(profileId, async (connection, profile) => {
      const calendar = deps.calendarOf?.(profile) ?? calendarOfProfile(profile);
      const result = await run({ home: deps.home, connection, profile, calendar, now });
      return !result.ok && result.error.code.startsWith('env-') ? result : ok(result);
    });
    return outcome.ok ? outcome.value : outcome;
  }

  return {
    async overview() {
      const { list, problem } = await profiles();
      return ok({
        profiles: list.map(describe),
        ...(deps.defaultProfileId ? { defaultProfileId: deps.defaultProfileId } : {}),
        ...(problem ? { profilesProblem: problem } : {}),
        samplePatients: deps.samplePatients?.() ?? [],
        osUser: osUserName(),
        now: now().toISOString(),
      });
    },

    async check(profileId) {
      const checked = await withConnection(profileId, (connection) => connection.check());
      if (!checked.ok && checked.error.code === 'profile-unknown') return checked;
      return ok(pool.stateOf(profileId));
    },

    async search({ profileId, searchId, query }, onProgress) {
      if (searches.has(searchId))
        return err('search-duplicate', 'A search with this id is already running.');
      const controller = new AbortController();
      searches.set(searchId, controller);
      try {
        return await withConnection(profileId, (connection, profile) =>
          searchDocuments(deps.home, connection, auditContextFor(profile, now), {
            searchId,
            query,
            signal: controller.signal,
            onProgress: (progress) => onProgress({ searchId, ...progress }),
          }),
        );
      } finally {
        searches.delete(searchId);
      }
    },

    cancelSearch(searchId) {
      const controller = searches.get(searchId);
      controller?.abort();
      return { wasRunning: controller !== undefined };
    },

    async findSameDocument({ profileId, documentId }) {
      // Not finding it says nothing about the environment's reachability (connection-pool.ts).
      const outcome = await withConnection(profileId, async (connection, profile) => {
        const context = auditContextFor(profile, now);
        const found = await findSameDocument(deps.home, connection, context, profile, documentId);
        return !found.ok && found.error.code.startsWith('env-') ? found : ok(found);
      });
      return outcome.ok ? outcome.value : outcome;
    },

    open: (profileId, resourceId) =>
      withConnection(profileId, (connection, profile) =>
        openDocument(deps.home, connection, auditContextFor(profile, now), {
          profileId,
          resourceId,
        }),
      ),

    checkDocument: ({ profileId, resourceId }) =>
      withConnection(profileId, (connection, profile) =>
        checkDocument(deps.home, connection, auditContextFor(profile, now), {
          profileId,
          resourceId,
        }),
      ),

    versions: (profileId, resourceId) =>
      withConnection(profileId, (connection, profile) =>
        versionsView(deps.home, connection, auditContextFor(profile, now), resourceId),
      ),

    compare: (request, onProgress) => comparer.compare(request, onProgress),
    cancelCompare: (compareId) => comparer.cancel(compareId),
    pickFile: (name, chooseFile) => comparer.pickFile(name, chooseFile),
    compareFileInfo: (fileId) => comparer.fileInfo(fileId),
    exportReport: (compareId, options) => comparer.exportReport(compareId, options),
    compareLines: (request) => comparer.lines(request),
    compareNarrative: (request) => comparer.narrative(request),
    forgetComparisons: () => comparer.close(),

    previewInvalidation: (request) =>
      withInvalidation(request.profileId, (setting) => previewInvalidation(setting, request)),
    invalidate: (request, onProgress) =>
      withInvalidation(request.profileId, (setting) =>
        runInvalidation(setting, request, onProgress),
      ),

    auditList: async (filter) => auditList(deps.home, filter),
    auditVerify: async () => auditVerify(deps.home),
    auditExport: (request, saveFile) =>
      exportAuditJournal(deps.home, request, { now, ...(saveFile ? { saveFile } : {}) }),
    profiles: createProfileEditor({
      home: deps.home,
      secrets: deps.secrets ?? createCliSecretStore({ env: process.env }),
      builtInProfiles: () => deps.builtInProfiles?.() ?? [],
      onChanged: (profileId) => pool.forget(profileId),
      now,
      ...(deps.checkDeadlineMs === undefined ? {} : { deadlineMs: deps.checkDeadlineMs }),
    }),

    close() {
      for (const controller of searches.values()) controller.abort();
      comparer.close();
      pool.closeAll();
    },
  };
}
