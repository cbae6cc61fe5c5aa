/**
 * The compare page (`#/compare?left=…&right=…&ignore=…&mode=…`): which two documents, the mode
 * and ignore profile switches, swapping sides and replacing the right side with a local file;
 * then the comparison itself (comparison-view.tsx). A reload compares again, audited again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/result';
import { storedStatusLabel } from '../../../shared/compare/metadata-status';
import type { CompareSideInfo, CompareSideRef } from '../../../shared/ipc/compare-types';
import { ErrorNotice } from '../components/error-notice';
import { DocumentText } from '../document/document-text';
import { openOutside } from '../bridge/open-outside';
import { compareHash, compareModes, parseSide, type CompareMode } from './compare-address';
import { knownProfileChoices, knownSide, rememberComparison } from './compare-memory';
import { ComparisonView } from './comparison-view';
import { reviewScope } from './reviewed-keys';
import { ExportPanel } from './export-panel';
import { LocalFilePicker } from './local-file-picker';
import { comparePhaseText } from './compare-phase-text';
import { CompareProgress } from './compare-progress';
import { useEnvironmentNames } from './use-environment-names';
import { useFileTrial } from './use-file-trial';
import { useLocalFiles } from './use-local-files';
import './compare.css';

export interface ComparePageProps {
  readonly api: ArchivistApi;
  readonly left: string;
  readonly right: string;
  readonly ignore: string;
  readonly mode: CompareMode;
}

const modeNames: Record<CompareMode, string> = {
  'side-by-side': 'Side by side',
  inline: 'Inline',
  narrative: 'Narrative',
};

function go(hash: string): void {
  if (hash !== window.location.hash) window.location.hash = hash;
}

function badAddress(side: 'left' | 'right') {
  return {
    code: 'compare-bad-address',
    message: `This address names no document to compare on the ${side}; start the comparison again from a document's Versions tab or the search table.`,
  };
}

/** A compared side; after a failed comparison, what is known of it (knownSide). */
function SideCard({
  side,
  info,
}: {
  side: 'Left' | 'Right';
  info: CompareSideInfo | { readonly label: string };
}) {
  const document = 'document' in info ? info.document : undefined;
  // The label names version and environment; the resource id stays visible as secondary text.
  const resourceId = 'resourceId' in info ? info.resourceId : undefined;
  return (
    <div className="compare-side" aria-label={`${side} document`} role="group">
      <strong>{side}:</strong> {info.label}
      {document?.storedStatus && (
        <>
          {' '}
          <span className={`status-chip status-${document.storedStatus}`}>
            stored {storedStatusLabel(document.storedStatus)}
          </span>
        </>
      )}
      {document && (
        <div className="muted">
          {document.title === undefined ? '(untitled)' : <DocumentText text={document.title} />} ·{' '}
          <code>{document.id}</code>
          {resourceId && (
            <>
              {' '}
              · resource <code>{resourceId}</code>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function profileLabel(profile: { readonly id: string; readonly title: string }): string {
  if (profile.id === 'none') return 'none (hide nothing)';
  return profile.title === profile.id ? profile.id : `${profile.id}: ${profile.title}`;
}

export function ComparePage({ api, left, right, ignore, mode }: ComparePageProps) {
  const leftSide = parseSide(left);
  const rightSide = parseSide(right);
  if (!leftSide || !rightSide)
    return (
      <section className="compare-page" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compare</h2>
        <ErrorNotice error={badAddress(leftSide ? 'right' : 'left')} />
      </section>
    );
  return <LoadedSides api={api} left={leftSide} right={rightSide} ignore={ignore} mode={mode} />;
}

function LoadedSides({
  api,
  left,
  right,
  ignore,
  mode,
}: {
  api: ArchivistApi;
  left: NonNullable<ReturnType<typeof parseSide>>;
  right: NonNullable<ReturnType<typeof parseSide>>;
  ignore: string;
  mode: CompareMode;
}) {
  const moveTo = useCallback(
    (file: CompareSideRef) => go(compareHash(left, file, { ignore, mode })),
    [left, ignore, mode],
  );
  const trial = useFileTrial(api, { left, right }, ignore, moveTo);
  const { load, shown, comparedRight, isTrying, retry, cancel, phase } = trial;
  useLocalFiles(api, [left, right]);
  const [linkProblem, setLinkProblem] = useState<AppError | undefined>(undefined);
  useEffect(() => {
    if (load.state === 'ready') rememberComparison(left, comparedRight, load.compared);
  }, [load, left, comparedRight]);
  const profiles = shown ? shown.ignoreProfiles : knownProfileChoices(ignore);
  // Without an answer naming the sides (comparing, or failed), the boxes name what was asked for.
  const isUnanswered =
    (load.state === 'failed' && !isTrying) || (load.state === 'loading' && !shown);
  // The phase line names environments too ("Fetching the left document from Kanta AT…").
  const environmentNames = useEnvironmentNames(api, isUnanswered || load.state === 'loading');
  return (
    <section className="compare-page" aria-labelledby="compare-heading" data-state={load.state}>
      <h2 id="compare-heading">Compare</h2>
      {shown && (
        <div className="compare-sides">
          <SideCard side="Left" info={shown.left} />
          <SideCard side="Right" info={shown.right} />
        </div>
      )}
      {/* A comparison under way or failed keeps its sides in view, so the tester sees what is
          compared and can pick another file. */}
      {isUnanswered && (
        <div className="compare-sides">
          <SideCard side="Left" info={knownSide(left, environmentNames)} />
          <SideCard side="Right" info={knownSide(right, environmentNames)} />
        </div>
      )}
      <div className="compare-toolbar" role="toolbar" aria-label="Comparison">
        <span role="group" aria-label="Layout">
          {compareModes.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              onClick={() => go(compareHash(left, right, { ignore, mode: option }))}
            >
              {modeNames[option]}
            </button>
          ))}
        </span>
        <label>
          Ignore profile{' '}
          <select
            value={ignore}
            onChange={(event) => go(compareHash(left, right, { ignore: event.target.value, mode }))}
          >
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profileLabel(profile)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => go(compareHash(right, left, { ignore, mode }))}>
          Swap sides
        </button>
        <LocalFilePicker
          api={api}
          label="Compare the left side with a local file…"
          onPicked={trial.tryFile}
          problem={trial.fileProblem}
        />
      </div>
      {load.state === 'loading' && (
        <CompareProgress phaseText={comparePhaseText(phase, environmentNames)} onCancel={cancel} />
      )}
      {load.state === 'failed' && !isTrying && (
        <div className="compare-failure">
          <ErrorNotice error={load.error} />
          <button type="button" onClick={retry}>
            Retry
          </button>
        </div>
      )}
      {linkProblem && <ErrorNotice error={linkProblem} />}
      {shown && <ExportPanel api={api} compareId={shown.compareId} />}
      {shown && (
        <ComparisonView
          api={api}
          compared={shown}
          mode={mode}
          reviewScope={reviewScope(left, load.state === 'ready' ? comparedRight : right)}
          onOpenLink={(url) =>
            void openOutside(api, url).then((opened) =>
              setLinkProblem(opened.ok ? undefined : opened.error),
            )
          }
        />
      )}
    </section>
  );
}
