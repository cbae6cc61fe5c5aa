/**
 * "Compare with the same document in another environment…" (review 9, defect 2): the tester picks
 * one of the other configured environments, the workspace finds the document there by its
 * document id (each server assigns its own resource ids), and the comparison opens with this
 * environment's side on the left. Several matches are listed newest first to choose from; not
 * found and an environment that is down are said in the workspace's own sentences.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { SameDocumentMatches } from '../../../shared/ipc/same-document';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { compareHash } from '../compare/compare-address';
import './compare-elsewhere.css';

export interface CompareElsewhereProps {
  readonly api: ArchivistApi;
  /** This document's environment and resource id: the left side. */
  readonly profileId: string;
  readonly resourceId: string;
  /** Its document id (root, or root^extension), looked up in the other environment. */
  readonly documentId: string;
}

type Lookup =
  | { state: 'idle' }
  | { state: 'searching'; environment: string }
  | { state: 'failed'; error: AppError }
  | { state: 'choose'; found: SameDocumentMatches };

interface Environment {
  readonly id: string;
  readonly displayName: string;
}

/** The configured environments other than this document's. */
function useOtherEnvironments(api: ArchivistApi, profileId: string, isWanted: boolean) {
  const [others, setOthers] = useState<readonly Environment[] | undefined>(undefined);
  useEffect(() => {
    if (!isWanted) return;
    let isCurrent = true;
    void api.getWorkspace().then((result) => {
      if (!isCurrent) return;
      const profiles = result.ok ? result.value.profiles : [];
      setOthers(profiles.filter((profile) => profile.id !== profileId));
    });
    return () => {
      isCurrent = false;
    };
  }, [api, profileId, isWanted]);
  return others;
}

/** Opens an address (the router follows the hash). */
function go(hash: string): void {
  window.location.hash = hash;
}

function matchText(row: DocumentRow): string {
  const version = row.versionNumber === undefined ? 'no version' : `version ${row.versionNumber}`;
  return `${version} · ${row.status} · ${row.date.slice(0, 10) || 'no date'} · ${row.title || '(untitled)'}`;
}

export function CompareElsewhere({
  api,
  profileId,
  resourceId,
  documentId,
}: CompareElsewhereProps) {
  const [isOpen, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const others = useOtherEnvironments(api, profileId, isOpen);
  const panelId = useId();
  const target = chosen || others?.[0]?.id || '';

  const compareWith = (otherProfile: string, otherResource: string) =>
    go(
      compareHash(
        { profileId, resourceId },
        { profileId: otherProfile, resourceId: otherResource },
      ),
    );

  async function find(event: FormEvent): Promise<void> {
    event.preventDefault();
    const environment = others?.find((other) => other.id === target);
    if (!environment) return;
    setLookup({ state: 'searching', environment: environment.displayName });
    const found = await api.findSameDocument({ profileId: target, documentId });
    if (!found.ok) return setLookup({ state: 'failed', error: found.error });
    const [only, ...more] = found.value.matches;
    if (only && more.length === 0) return compareWith(target, only.resourceId);
    setLookup({ state: 'choose', found: found.value });
  }

  return (
    <div className="compare-elsewhere">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
      >
        Compare with the same document in another environment…
      </button>
      {isOpen && (
        <form
          id={panelId}
          aria-label="Compare with the same document in another environment"
          onSubmit={(event) => void find(event)}
        >
          {others === undefined && <p className="muted">Reading the environments…</p>}
          {others?.length === 0 && (
            <p>No other environment is configured: add one on the Environments screen.</p>
          )}
          {others !== undefined && others.length > 0 && (
            <>
              <label>
                Environment{' '}
                <select value={target} onChange={(event) => setChosen(event.target.value)}>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.displayName}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="submit" disabled={lookup.state === 'searching'}>
                Find document {documentId} there and compare
              </button>
            </>
          )}
          {lookup.state === 'searching' && (
            <p role="status">
              Looking for document {documentId} in {lookup.environment}…
            </p>
          )}
          {lookup.state === 'failed' && <ErrorNotice error={lookup.error} />}
          {lookup.state === 'choose' && (
            <fieldset>
              <legend>
                {lookup.found.environment} holds {lookup.found.matches.length} documents with this
                id, newest first: choose the one to compare.
              </legend>
              <ul>
                {lookup.found.matches.map((row) => (
                  <li key={row.resourceId}>
                    <button
                      type="button"
                      onClick={() => compareWith(lookup.found.profileId, row.resourceId)}
                    >
                      Compare with {matchText(row)}
                    </button>{' '}
                    <code className="muted">{row.resourceId}</code>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </form>
      )}
    </div>
  );
}
