/**
 * The Versions tab: the setId chain in order with derived states (current, replaced,
 * invalidated; the server's stored status wins), RPLC links by version number and the FHIR
 * history of this resource. Two picked versions open in the compare view, the lower version
 * number on the left, with a note when their dates or a shared number make that order doubtful;
 * this document can also be compared with a local file.
 */
import { useEffect, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import { pickedOrderNote } from '../../../shared/documents/version-chain-order';
import type { VersionsView as Versions } from '../../../shared/ipc/workspace-types';
import type { AppError } from '../../../shared/result';
import { compareHash } from '../compare/compare-address';
import { LocalFilePicker } from '../compare/local-file-picker';
import { ErrorNotice } from '../components/error-notice';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; versions: Versions }
  | { state: 'failed'; error: AppError };

export function VersionsView({
  api,
  profileId,
  resourceId,
  onOpen,
}: {
  readonly api: ArchivistApi;
  readonly profileId: string;
  readonly resourceId: string;
  readonly onOpen: (resourceId: string) => void;
}) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [picked, setPicked] = useState<readonly string[]>([]);

  useEffect(() => {
    let isCurrent = true;
    void api.getVersions({ profileId, resourceId }).then((result) => {
      if (isCurrent)
        setLoad(
          result.ok
            ? { state: 'ready', versions: result.value }
            : { state: 'failed', error: result.error },
        );
    });
    return () => {
      isCurrent = false;
    };
  }, [api, profileId, resourceId]);

  if (load.state === 'loading')
    return (
      <p className="muted" role="status">
        Reading the version chain…
      </p>
    );
  if (load.state === 'failed') return <ErrorNotice error={load.error} />;
  const { versions } = load;
  // The older version goes on the left, whatever order they were picked in.
  const pickedInOrder = versions.versions
    .map((version) => version.resourceId)
    .filter((id) => picked.includes(id));
  const [older, newer] = pickedInOrder.map((id) =>
    versions.versions.find((version) => version.resourceId === id)!,
  );
  const orderNote = older && newer ? pickedOrderNote(older, newer) : undefined;
  // Relations by version number, the resource id beside it (two versions may share a number).
  const versionOf = (id: string) => {
    const number = versions.versions.find((version) => version.resourceId === id)?.versionNumber;
    return number === undefined ? id : `version ${number} (${id})`;
  };
  const storedHistory = versions.history.filter((entry) => entry.versionId !== '');
  const toggle = (id: string) => {
    setPicked((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id].slice(-2)));
  };
  return (
    <div className="versions-view">
      <p>
        Series <code>{versions.setId || '(no setId)'}</code>:{' '}
        <strong>{versions.chainStatus === 'invalidated' ? 'invalidated' : 'active'}</strong>,{' '}
        {versions.versions.length} version(s).
      </p>
      <ol className="version-chain" aria-label="Version chain">
        {versions.versions.map((version) => (
          <li
            key={version.resourceId}
            className={`version-item${version.resourceId === resourceId ? ' is-open' : ''}`}
          >
            <label>
              <input
                type="checkbox"
                checked={picked.includes(version.resourceId)}
                onChange={() => toggle(version.resourceId)}
                aria-label={`Pick version ${version.versionNumber ?? '?'} for comparison`}
              />{' '}
              <strong>Version {version.versionNumber ?? '?'}</strong>
            </label>{' '}
            <span className={`status-chip status-${version.state}`}>{version.state}</span>
            {version.isInvalidation && (
              <span className="status-chip status-invalidated">invalidation record</span>
            )}{' '}
            <span className="muted">{version.date.replace('T', ' ').slice(0, 19)}</span>{' '}
            {version.resourceId === resourceId ? (
              <span className="muted">(open)</span>
            ) : (
              <button
                type="button"
                className="link-like"
                onClick={() => onOpen(version.resourceId)}
              >
                {version.title || version.resourceId}
              </button>
            )}
            <div className="muted version-links">
              <code>{version.documentId}</code>
              {version.replaces.length > 0 && (
                <> · replaces (RPLC) {version.replaces.map(versionOf).join(', ')}</>
              )}
              {version.replacedBy.length > 0 && (
                <> · replaced by {version.replacedBy.map(versionOf).join(', ')}</>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div className="compare-actions">
        {pickedInOrder.length === 2 ? (
          <a
            className="button-link"
            href={compareHash(
              { profileId, resourceId: pickedInOrder[0]! },
              { profileId, resourceId: pickedInOrder[1]! },
            )}
          >
            Compare the two picked versions
          </a>
        ) : (
          <button type="button" disabled>
            Compare the two picked versions
          </button>
        )}
        <span className="muted">{picked.length}/2 picked</span>
        <LocalFilePicker
          api={api}
          label="Compare this document with a local file…"
          onPicked={(fileId) => {
            window.location.hash = compareHash({ profileId, resourceId }, { fileId });
          }}
        />
      </div>
      {orderNote && (
        <p className="compare-note" role="note">
          {orderNote}
        </p>
      )}
      {versions.findings.length > 0 && (
        <ul className="chain-findings" aria-label="Chain findings">
          {versions.findings.map((finding) => (
            <li key={finding}>{finding}</li>
          ))}
        </ul>
      )}
      <h3>Stored versions of this resource (FHIR history)</h3>
      {storedHistory.length === 0 ? (
        // A folder of files, for one, keeps no FHIR history: nothing to list, said so.
        <p className="muted">This environment keeps no stored versions of this resource.</p>
      ) : (
        <ul aria-label="Stored versions of this resource">
          {storedHistory.map((entry) => (
            <li key={entry.versionId}>
              {[
                `version ${entry.versionId}: ${entry.status || 'status not given'}`,
                entry.lastUpdated.replace('T', ' ').slice(0, 19),
              ]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
