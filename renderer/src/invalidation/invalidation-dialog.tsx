/**
 * The invalidation dialog (issue 6, item 6), for one document or a multi-selection: preflight
 * (findings and the exact payload, nothing sent), a reason (free text for "other"), the typed
 * confirmation of the document id (or the set token), progress, and the read-back per document.
 * A native modal <dialog>, so focus stays inside and Escape closes it (except while sending).
 */
import { useEffect, useRef, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type {
  InvalidationPreview,
  InvalidationProgressEvent,
  InvalidationRunResult,
} from '../../../shared/ipc/invalidation-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { InvalidationForm, type InvalidationChoice } from './invalidation-form';
import { InvalidationOutcomes } from './invalidation-outcomes';
import { InvalidationPreviewPanel } from './invalidation-preview';
import { forgetSending, rememberSending } from './sending-run';
import { useLeaveWarning } from './use-leave-warning';

type Step =
  | { readonly step: 'preflight' }
  | { readonly step: 'ready'; readonly preview: InvalidationPreview }
  | { readonly step: 'running'; readonly preview: InvalidationPreview }
  | { readonly step: 'finished'; readonly result: InvalidationRunResult }
  | { readonly step: 'failed'; readonly error: AppError; readonly preview?: InvalidationPreview };

export interface InvalidationDialogProps {
  readonly api: ArchivistApi;
  readonly profileId: string;
  readonly resourceIds: readonly string[];
  readonly onClose: (result?: InvalidationRunResult) => void;
}

function progressText(event: InvalidationProgressEvent): string {
  switch (event.stage) {
    case 'reading':
      return `Preflight: reading ${event.index + 1} of ${event.total} (DocumentReference/${event.resourceId})…`;
    case 'sending':
      return `Sending the invalidation of DocumentReference/${event.resourceId}…`;
    case 'verifying':
      return `Reading DocumentReference/${event.resourceId} back…`;
    case 'done':
      return `DocumentReference/${event.outcome.resourceId}: ${event.outcome.state}.`;
  }
}

export function InvalidationDialog({
  api,
  profileId,
  resourceIds,
  onClose,
}: InvalidationDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>({ step: 'preflight' });
  const [progress, setProgress] = useState<string[]>([]);
  const [doneCount, setDoneCount] = useState(0);
  const idsKey = resourceIds.join(' ');

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    let isCurrent = true;
    const ids = idsKey.split(' ');
    void api.preflightInvalidation({ profileId, resourceIds: ids }).then((result) => {
      if (!isCurrent) return;
      setStep(
        result.ok
          ? { step: 'ready', preview: result.value }
          : { step: 'failed', error: result.error },
      );
    });
    return () => {
      isCurrent = false;
    };
  }, [api, profileId, idsKey]);

  const preview = step.step === 'ready' || step.step === 'running' ? step.preview : undefined;
  useLeaveWarning(step.step === 'running');
  useEffect(() => {
    // The form that held focus is gone (review 11, finding 10): Close takes it, Enter closes.
    if (step.step === 'finished' || step.step === 'failed') closeButton.current?.focus();
  }, [step.step]);

  async function run(confirmed: InvalidationPreview, choice: InvalidationChoice): Promise<void> {
    const runId = crypto.randomUUID();
    setStep({ step: 'running', preview: confirmed });
    setProgress([]);
    const unsubscribe = api.onInvalidationProgress((event) => {
      if (event.runId !== runId) return;
      setProgress((lines) => [...lines, progressText(event)]);
      if (event.stage === 'done') setDoneCount((n) => n + 1);
    });
    const text = choice.comment.trim();
    const { reason } = choice;
    const ids = confirmed.documents.map((document) => document.resourceId);
    const startedAt = new Date().toISOString();
    rememberSending(window.sessionStorage, { profileId, resourceIds: ids, startedAt });
    const result = await api.runInvalidation({
      profileId,
      runId,
      resourceIds: ids,
      reason: text === '' ? { code: reason } : { code: reason, comment: text },
      confirmation: choice.typed,
    });
    unsubscribe();
    forgetSending(window.sessionStorage);
    setStep(
      result.ok
        ? { step: 'finished', result: result.value }
        : { step: 'failed', error: result.error, preview: confirmed },
    );
  }

  const title =
    resourceIds.length === 1
      ? `Invalidate DocumentReference/${resourceIds[0] ?? ''}`
      : `Invalidate ${resourceIds.length} documents`;
  const finishedResult = step.step === 'finished' ? step.result : undefined;

  return (
    <dialog
      ref={dialog}
      className="invalidation-dialog"
      aria-labelledby="invalidation-heading"
      onCancel={(event) => {
        if (step.step === 'running') event.preventDefault();
      }}
      onClose={() => onClose(finishedResult)}
    >
      <h2 id="invalidation-heading">{title}</h2>
      {step.step === 'preflight' && (
        <p role="status">Preflight: checking the environment and reading the documents…</p>
      )}
      {preview && <InvalidationPreviewPanel preview={preview} />}
      {step.step === 'failed' && <ErrorNotice error={step.error} />}
      {step.step === 'ready' && step.preview.isAllowed && (
        <InvalidationForm
          preview={step.preview}
          onConfirm={(choice) => void run(step.preview, choice)}
        />
      )}
      {step.step === 'running' && (
        <div className="invalidation-progress" role="status" aria-live="polite">
          <progress max={resourceIds.length} value={doneCount} aria-label="Invalidation progress" />
          <ul>
            {progress.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {finishedResult && <InvalidationOutcomes result={finishedResult} />}
      <div className="dialog-actions">
        <button
          ref={closeButton}
          type="button"
          disabled={step.step === 'running'}
          autoFocus
          onClick={() => dialog.current?.close()}
        >
          {step.step === 'finished' ? 'Close' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
