/**
 * One document: a header with its title, status and ids, what is wrong with it (findings), and
 * tabs for Metadata, Content, Narrative and Versions (the tab is part of the address). Reading
 * it is audited by the workspace before it arrives here; failures show the typed sentence with
 * a Retry.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { OpenedDocument } from '../../../shared/ipc/workspace-types';
import type { AppError } from '../../../shared/result';
import { openOutside } from '../bridge/open-outside';
import { ErrorNotice } from '../components/error-notice';
import { InvalidateButton } from '../invalidation/invalidate-button';
import { InvalidationDialog } from '../invalidation/invalidation-dialog';
import { UnwatchedRunNotice } from '../invalidation/unwatched-run-notice';
import { documentTabs, type DocumentTab } from '../routing/route';
import { CompareElsewhere } from './compare-elsewhere';
import { ContentView } from './content-view';
import { DocumentFindings } from './document-findings';
import { DocumentText } from './document-text';
import { MetadataPanel } from './metadata-panel';
import { NarrativeView } from './narrative-view';
import { VersionsView } from './versions-view';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; document: OpenedDocument }
  | { state: 'failed'; error: AppError };

const tabLabels: Record<DocumentTab, string> = {
  metadata: 'Metadata',
  content: 'Content',
  narrative: 'Narrative',
  versions: 'Versions',
};

export interface DocumentPageProps {
  readonly api: ArchivistApi;
  readonly profileId: string;
  readonly resourceId: string;
  /** False: Invalidate… is disabled with the reason beside it. */
  readonly isTestEnvironment: boolean;
  readonly tab: DocumentTab;
  readonly onTab: (tab: DocumentTab) => void;
  readonly onOpen: (resourceId: string) => void;
  readonly onBack: () => void;
}

/** The CDA document id as searches take it: root, or root^extension. */
function documentIdOf(document: OpenedDocument): string {
  const { root, extension } = document.metadata.id;
  return extension ? `${root}^${extension}` : root;
}

export function DocumentPage(props: DocumentPageProps) {
  const { api, profileId, resourceId, tab } = props;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [linkProblem, setLinkProblem] = useState<AppError | undefined>(undefined);
  const [isInvalidating, setInvalidating] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void api.openDocument({ profileId, resourceId }).then((result) => {
      if (isCurrent)
        setLoad(
          result.ok
            ? { state: 'ready', document: result.value }
            : { state: 'failed', error: result.error },
        );
    });
    return () => {
      isCurrent = false;
    };
  }, [api, profileId, resourceId, attempt]);

  useEffect(() => {
    if (load.state === 'loading') return;
    // Opening a document from the table unmounts the row that had focus, leaving it on the
    // page's start; a keyboard user continues from the document's heading instead.
    const active = document.activeElement;
    if (active === null || active === document.body)
      document.getElementById('document-heading')?.focus();
  }, [load.state]);

  function onTabKey(event: KeyboardEvent<HTMLDivElement>): void {
    const index = documentTabs.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next =
      documentTabs[(index + step + documentTabs.length) % documentTabs.length] ?? 'metadata';
    props.onTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  }

  async function openLink(url: string): Promise<void> {
    const result = await openOutside(api, url);
    setLinkProblem(result.ok ? undefined : result.error);
  }

  return (
    <section className="document-page" aria-labelledby="document-heading">
      <button type="button" className="link-like" onClick={props.onBack}>
        ← Back to the results
      </button>
      <UnwatchedRunNotice
        api={api}
        profileId={profileId}
        resourceId={resourceId}
        onEnded={() => setAttempt((n) => n + 1)}
      />
      {load.state === 'loading' && (
        <p className="muted" role="status">
          Reading the document…
        </p>
      )}
      {load.state === 'failed' && (
        <>
          <h2 id="document-heading" tabIndex={-1}>
            Document {resourceId}
          </h2>
          <ErrorNotice error={load.error} />
          <button
            type="button"
            onClick={() => {
              setLoad({ state: 'loading' });
              setAttempt((n) => n + 1);
            }}
          >
            Retry
          </button>
        </>
      )}
      {load.state === 'ready' && (
        <>
          <h2 id="document-heading" tabIndex={-1}>
            {load.document.metadata.title === undefined ? (
              '(untitled document)'
            ) : (
              <DocumentText
                text={load.document.metadata.title}
                languageCode={load.document.metadata.languageCode}
              />
            )}{' '}
            <span className={`status-chip status-${load.document.status}`}>
              {load.document.status}
            </span>
          </h2>
          <InvalidateButton
            isTestEnvironment={props.isTestEnvironment}
            isDisabled={load.document.status === 'invalidated'}
            onClick={() => setInvalidating(true)}
          >
            Invalidate…
          </InvalidateButton>
          {isInvalidating && (
            <InvalidationDialog
              api={api}
              profileId={profileId}
              resourceIds={[resourceId]}
              onClose={(result) => {
                setInvalidating(false);
                // Show the state the environment now reports.
                if (result) setAttempt((n) => n + 1);
              }}
            />
          )}
          <p className="muted document-ids">
            {load.document.metadata.id.root}
            {load.document.metadata.versionNumber !== undefined &&
              ` · version ${load.document.metadata.versionNumber}`}
            {` · ${load.document.byteSize.toLocaleString('en')} bytes · read recorded in the audit trail (#${load.document.auditSequence})`}
          </p>
          <DocumentFindings metadata={load.document.metadata} findings={load.document.findings} />
          <CompareElsewhere
            api={api}
            profileId={profileId}
            resourceId={resourceId}
            documentId={documentIdOf(load.document)}
          />
          <div role="tablist" aria-label="Document views" className="tabs" onKeyDown={onTabKey}>
            {documentTabs.map((name) => (
              <button
                key={name}
                id={`tab-${name}`}
                type="button"
                role="tab"
                aria-selected={name === tab}
                aria-controls={`panel-${name}`}
                tabIndex={name === tab ? 0 : -1}
                onClick={() => props.onTab(name)}
              >
                {tabLabels[name]}
              </button>
            ))}
          </div>
          {linkProblem && <ErrorNotice error={linkProblem} />}
          <div
            role="tabpanel"
            id={`panel-${tab}`}
            aria-labelledby={`tab-${tab}`}
            className="tab-panel"
          >
            {tab === 'metadata' && (
              <MetadataPanel
                metadata={load.document.metadata}
                reference={{
                  resource: load.document.documentReference,
                  findings: load.document.findings,
                }}
              />
            )}
            {tab === 'content' && (
              <ContentView
                text={load.document.text}
                kind={load.document.contentKind}
                languageCode={load.document.metadata.languageCode}
              />
            )}
            {tab === 'narrative' && (
              <NarrativeView
                text={load.document.text}
                metadata={load.document.metadata}
                onOpenLink={(url) => void openLink(url)}
              />
            )}
            {tab === 'versions' && (
              <VersionsView
                api={api}
                profileId={profileId}
                resourceId={resourceId}
                onOpen={props.onOpen}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
