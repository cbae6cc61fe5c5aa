/**
 * The two sides of a comparison (issue 7, item 5): each fetched from its own environment (so AT
 * against TK works) or read from a local file, with what the audit trail and the view need to
 * name it. An environment's failed read is recorded in the journal here, as open-document.ts does.
 */
import { hostname } from 'node:os';
import { readEvent, type AuditContext } from '../../../shared/audit/builders';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import { storedStatusOf, type StoredStatus } from '../../../shared/compare/metadata-status';
import type { CompareSideRef, ComparedDocuments } from '../../../shared/ipc/compare-types';
import { ok, type Result } from '../../../shared/result';
import { appVersion } from '../app-version';
import { fetchFailureMessage } from '../compare/side-message';
import { sideLabel } from '../compare/side-label';
import { reportEnvironmentOf } from '../compare/compared-environment';
import type { EnvironmentConnection } from '../environments/connection';
import { osUserName, auditContextFor, recordAll } from './audit-trail';
import type { LocalFiles } from './compare-local-files';

/** Where sides come from, and where their reads are recorded. */
export interface SideSources {
  readonly home: string;
  readonly now: () => Date;
  readonly localFiles: LocalFiles;
  /** The workspace's way to run an operation on a profile's connection. */
  readonly withConnection: <T>(
    profileId: string,
    run: (connection: EnvironmentConnection, profile: EnvironmentProfile) => Promise<Result<T>>,
  ) => Promise<Result<T>>;
}

export interface FetchedSide {
  readonly bytes: Uint8Array;
  /** How failures name the side before its version is known ("Kanta TK · doc-17"). */
  readonly label: string;
  /** Where it is, for the label once the version is known: the environment or "file NAME". */
  readonly place: string;
  /** The status its environment stores; a local file has none. */
  readonly storedStatus?: StoredStatus;
  /** How a report names the source: env:PROFILE:id, or the file's name. */
  readonly source: string;
  readonly environment?: string;
  readonly context: AuditContext;
  /** How the audit trail names the side when it could not be read or compared. */
  readonly fallbackKey: string;
}

/** A local file is read outside any environment: the audit record names no environment. */
function fileContext(now: () => Date): AuditContext {
  const osUser = osUserName();
  return {
    operator: { name: osUser, registrationNumber: 'none', organisationOid: 'none', osUser },
    appVersion,
    host: hostname(),
    now,
  };
}

/** One side's bytes; an environment's failure names the side and the environment. */
export async function fetchSide(
  sources: SideSources,
  which: 'left' | 'right',
  side: CompareSideRef,
  signal: AbortSignal,
): Promise<Result<FetchedSide>> {
  const fetched = await fetchBytes(sources, which, side, signal);
  // A local file's messages name the file already.
  if (fetched.ok || 'fileId' in side) return fetched;
  // The environment's display name is known only once its profile was found (fetchBytes).
  const label = `${side.profileId} · ${side.resourceId}`;
  const message = fetchFailureMessage(which, label, fetched.error.message);
  return { ok: false, error: { ...fetched.error, message } };
}

async function fetchBytes(
  sources: SideSources,
  which: 'left' | 'right',
  side: CompareSideRef,
  signal: AbortSignal,
): Promise<Result<FetchedSide>> {
  if ('fileId' in side) {
    const file = await sources.localFiles.read(side.fileId);
    if (!file.ok) return file;
    const label = `file ${file.value.name}`;
    return ok({
      bytes: file.value.bytes,
      label,
      place: label,
      source: file.value.name,
      context: fileContext(sources.now),
      fallbackKey: file.value.name,
    });
  }
  return sources.withConnection(side.profileId, async (connection, profile) => {
    const context = auditContextFor(profile, sources.now);
    const fetched = await connection.read(side.resourceId, { signal });
    const label = `${profile.displayName} · ${side.resourceId}`;
    if (!fetched.ok) {
      if (!signal.aborted) {
        const failure = readEvent(context, side.resourceId, undefined, {
          code: '8',
          description: fetched.error.message,
        });
        await recordAll(sources.home, [failure], 'the failure was not recorded');
      }
      const message = fetchFailureMessage(which, label, fetched.error.message);
      return { ok: false, error: { ...fetched.error, message } };
    }
    const environment = reportEnvironmentOf(profile);
    return ok({
      bytes: fetched.value.bytes,
      label,
      place: environment,
      storedStatus: storedStatusOf(fetched.value.reference.status),
      source: `env:${side.profileId}:${side.resourceId}`,
      environment,
      context,
      fallbackKey: side.resourceId,
    });
  });
}

/** How the view names a compared side: its label, and where it came from. */
export function describeSide(
  localFiles: LocalFiles,
  side: CompareSideRef,
  fetched: FetchedSide,
  document: ComparedDocuments['left']['document'],
): ComparedDocuments['left'] {
  const label = sideLabel(fetched.place, fetched.label, document.versionNumber);
  return 'fileId' in side
    ? { label, fileName: localFiles.nameOf(side.fileId) ?? fetched.label, document }
    : { label, profileId: side.profileId, resourceId: side.resourceId, document };
}
