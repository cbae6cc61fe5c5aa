/**
 * The IPC contract: every channel between the renderer and the Node side, with its request and
 * response type, and every main-to-renderer event. Main registers exactly these channels, the
 * preload exposes exactly these methods, and the browser harness serves the same ones.
 */
import type { AuditFilter } from '../audit/filter';
import type { ProfileSummary } from '../environments/profile';
import type { Result } from '../result';
import type { CompareProgressEvent } from './compare-progress';
import {
  compareIdField,
  compareLinesRequestField,
  compareNarrativeRequestField,
  compareRequestField,
  exportRequestField,
  fileIdField,
  pickFileRequestField,
} from './compare-requests';
import type {
  CompareLinesRequest,
  CompareLinesResult,
  CompareNarrativeRequest,
  CompareNarrativeResult,
  CompareRequest,
  ComparedDocuments,
  ExportProgressEvent,
  ExportRequest,
  ExportResult,
  PickFileResult,
  PickedFile,
} from './compare-types';
import {
  findSameDocumentField,
  type FindSameDocumentRequest,
  type SameDocumentMatches,
} from './same-document';
import {
  documentCheckField,
  type DocumentCheck,
  type DocumentCheckRequest,
} from './document-check';
import { invalidationPreflightField, invalidationRunField } from './invalidation-requests';
import type {
  InvalidationPreflightRequest,
  InvalidationPreview,
  InvalidationProgressEvent,
  InvalidationRunRequest,
  InvalidationRunResult,
} from './invalidation-types';
import {
  auditExportField,
  pickProfileFileField,
  profileRequestField,
  saveProfileField,
} from './profile-editor-requests';
import type {
  AuditExportRequest,
  AuditExportResult,
  PickProfileFileRequest,
  PickProfileFileResult,
  ProfileCheckReport,
  ProfileList,
  SaveProfileRequest,
  SaveProfileResult,
} from './profile-editor-types';
import { emptyRequest, objectOf, stringField, type Validator } from './validate';
import {
  auditFilterField,
  profileIdField,
  resourceIdField,
  searchIdField,
  searchQueryField,
} from './workspace-requests';
import type {
  AuditListResult,
  AuditVerifyResult,
  ConnectionState,
  OpenedDocument,
  SearchProgressEvent,
  SearchQuery,
  SearchResult,
  VersionsView,
  WorkspaceOverview,
} from './workspace-types';

export interface AppInfo {
  readonly version: string;
  /** The home folder: profiles, audit journal and sandbox data live here. */
  readonly dataFolder: string;
  readonly profiles: readonly ProfileSummary[];
  /** Set when profiles.json exists but cannot be used; the profile list is then empty. */
  readonly profilesProblem?: string;
}

/** Channel name → request and response. Names are `area:verb`. */
export interface Channels {
  'app:info': { request: Record<string, never>; response: AppInfo };
  'app:open-external': {
    request: { readonly url: string };
    response: { readonly opened: boolean };
  };
  'workspace:overview': { request: Record<string, never>; response: WorkspaceOverview };
  'environments:check': {
    request: { readonly profileId: string };
    response: ConnectionState;
  };
  'documents:search': {
    request: { readonly profileId: string; readonly searchId: string; readonly query: SearchQuery };
    response: SearchResult;
  };
  'documents:cancel-search': {
    request: { readonly searchId: string };
    response: { readonly wasRunning: boolean };
  };
  'documents:find-same': { request: FindSameDocumentRequest; response: SameDocumentMatches };
  'documents:open': {
    request: { readonly profileId: string; readonly resourceId: string };
    response: OpenedDocument;
  };
  /** One listed document's contents checked for the table's problems column (document-check.ts). */
  'documents:check': { request: DocumentCheckRequest; response: DocumentCheck };
  'documents:versions': {
    request: { readonly profileId: string; readonly resourceId: string };
    response: VersionsView;
  };
  'documents:compare': { request: CompareRequest; response: ComparedDocuments };
  'documents:cancel-compare': {
    request: { readonly compareId: string };
    response: { readonly wasRunning: boolean };
  };
  /** A range of a kept comparison's canonical lines (the view's unchanged rows ask as they show). */
  'documents:compare-lines': { request: CompareLinesRequest; response: CompareLinesResult };
  /** A kept comparison's narrative word diff, asked for when the Narrative mode opens. */
  'documents:compare-narrative': {
    request: CompareNarrativeRequest;
    response: CompareNarrativeResult;
  };
  /** Main's open dialog (the harness: a file name in its local-files folder); returns an id, never a path. */
  'documents:pick-file': { request: { readonly name?: string }; response: PickFileResult };
  /** A picked file's name and size now (the compare view names it before the comparison answers). */
  'documents:file-info': { request: { readonly fileId: string }; response: PickedFile };
  /** A report of a comparison: main's save dialog (the harness: a download), audited. */
  'documents:export-report': { request: ExportRequest; response: ExportResult };
  /** Preflight of an invalidation: findings, the exact payload, the confirmation token. */
  'invalidation:preflight': {
    request: InvalidationPreflightRequest;
    response: InvalidationPreview;
  };
  /** The invalidation itself, after a typed confirmation; progress comes as events. */
  'invalidation:run': { request: InvalidationRunRequest; response: InvalidationRunResult };
  'audit:list': { request: { readonly filter: AuditFilter }; response: AuditListResult };
  'audit:verify': { request: Record<string, never>; response: AuditVerifyResult };
  /** The journal as JSON or CSV through main's save dialog (the harness: a download), audited. */
  'audit:export': { request: AuditExportRequest; response: AuditExportResult };
  /** The Environments screen: stored profiles, the secret store's state. */
  'profiles:list': { request: Record<string, never>; response: ProfileList };
  /** Creates or edits a profile; a passphrase goes only to the secret store. */
  'profiles:save': { request: SaveProfileRequest; response: SaveProfileResult };
  'profiles:remove': {
    request: { readonly profileId: string };
    response: { readonly removed: string };
  };
  /** `archivist envs check`: calendar, certificate doctor, what the environment says. */
  'profiles:check': { request: { readonly profileId: string }; response: ProfileCheckReport };
  /** Main's open dialog for a certificate file or a folder; returns an id and the path to show. */
  'profiles:pick-file': { request: PickProfileFileRequest; response: PickProfileFileResult };
}
export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResponseOf<C extends Channel> = Channels[C]['response'];

/** Validators for every channel's request: the only way a request reaches a handler. */
export const requestValidators: { readonly [C in Channel]: Validator<RequestOf<C>> } = {
  'app:info': emptyRequest,
  'app:open-external': objectOf({ url: stringField({ maxLength: 2048 }) }),
  'workspace:overview': emptyRequest,
  'environments:check': objectOf({ profileId: profileIdField }),
  'documents:search': objectOf({
    profileId: profileIdField,
    searchId: searchIdField,
    query: searchQueryField,
  }),
  'documents:cancel-search': objectOf({ searchId: searchIdField }),
  'documents:find-same': findSameDocumentField,
  'documents:open': objectOf({ profileId: profileIdField, resourceId: resourceIdField }),
  'documents:check': documentCheckField,
  'documents:versions': objectOf({ profileId: profileIdField, resourceId: resourceIdField }),
  'documents:compare': compareRequestField,
  'documents:cancel-compare': objectOf({ compareId: compareIdField }),
  'documents:compare-lines': compareLinesRequestField,
  'documents:compare-narrative': compareNarrativeRequestField,
  'documents:pick-file': pickFileRequestField,
  'documents:file-info': objectOf({ fileId: fileIdField }),
  'documents:export-report': exportRequestField,
  'invalidation:preflight': invalidationPreflightField,
  'invalidation:run': invalidationRunField,
  'audit:list': objectOf({ filter: auditFilterField }),
  'audit:verify': emptyRequest,
  'audit:export': auditExportField,
  'profiles:list': emptyRequest,
  'profiles:save': saveProfileField,
  'profiles:remove': profileRequestField,
  'profiles:check': profileRequestField,
  'profiles:pick-file': pickProfileFileField,
};

export const channels = Object.keys(requestValidators) as readonly Channel[];

/** Commands the application menu sends to the renderer. */
export const menuCommands = ['show-about'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** Main-to-renderer events and their payloads. */
export interface Events {
  'app:menu-command': { readonly command: MenuCommand };
  'documents:search-progress': SearchProgressEvent;
  'documents:export-progress': ExportProgressEvent;
  'documents:compare-progress': CompareProgressEvent;
  'invalidation:progress': InvalidationProgressEvent;
}
export type EventName = keyof Events;

/** The bridge's method names, each bound to one channel or event. */
export const bridgeMethods = {
  getAppInfo: 'app:info',
  openExternal: 'app:open-external',
  getWorkspace: 'workspace:overview',
  checkEnvironment: 'environments:check',
  searchDocuments: 'documents:search',
  cancelSearch: 'documents:cancel-search',
  findSameDocument: 'documents:find-same',
  openDocument: 'documents:open',
  getVersions: 'documents:versions',
  checkDocument: 'documents:check',
  compareDocuments: 'documents:compare',
  cancelCompare: 'documents:cancel-compare',
  getCompareLines: 'documents:compare-lines',
  getCompareNarrative: 'documents:compare-narrative',
  pickCompareFile: 'documents:pick-file',
  getCompareFile: 'documents:file-info',
  exportReport: 'documents:export-report',
  preflightInvalidation: 'invalidation:preflight',
  runInvalidation: 'invalidation:run',
  listAudit: 'audit:list',
  verifyAudit: 'audit:verify',
  exportAudit: 'audit:export',
  listProfiles: 'profiles:list',
  saveProfile: 'profiles:save',
  removeProfile: 'profiles:remove',
  checkProfile: 'profiles:check',
  pickProfileFile: 'profiles:pick-file',
} as const satisfies Record<string, Channel>;

export const bridgeEvents = {
  onMenuCommand: 'app:menu-command',
  onSearchProgress: 'documents:search-progress',
  onExportProgress: 'documents:export-progress',
  onCompareProgress: 'documents:compare-progress',
  onInvalidationProgress: 'invalidation:progress',
} as const satisfies Record<string, EventName>;

type MethodApi = {
  readonly [M in keyof typeof bridgeMethods]: RequestOf<(typeof bridgeMethods)[M]> extends Record<
    string,
    never
  >
    ? () => Promise<Result<ResponseOf<(typeof bridgeMethods)[M]>>>
    : (
        request: RequestOf<(typeof bridgeMethods)[M]>,
      ) => Promise<Result<ResponseOf<(typeof bridgeMethods)[M]>>>;
};
type EventApi = {
  readonly [M in keyof typeof bridgeEvents]: (
    listener: (payload: Events[(typeof bridgeEvents)[M]]) => void,
  ) => () => void;
};

/** What the renderer sees as `window.archivist` (Electron) or the loopback bridge (browser). */
export type ArchivistApi = MethodApi & EventApi;
