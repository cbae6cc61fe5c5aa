/**
 * "Compare with a local file": main's open dialog chooses the file and the renderer gets an id
 * for it, never a path. Where no dialog can run (the browser harness), the service says which
 * folder it reads, and the file is named here by its file name.
 */
import { useRef, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { rememberFile } from './compare-memory';

export function LocalFilePicker({
  api,
  label,
  onPicked,
  problem,
}: {
  readonly api: ArchivistApi;
  readonly label: string;
  readonly onPicked: (fileId: string) => void;
  /** Why the file picked last could not be compared (the page keeps its comparison). */
  readonly problem?: AppError | undefined;
}) {
  const [error, setError] = useState<AppError | undefined>();
  const [folderHint, setFolderHint] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [isBusy, setBusy] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  // The picker's own refusal (too large, no such file) is the newer news.
  const shownError = error ?? problem;

  async function pick(fileName?: string): Promise<void> {
    if (isBusy) return;
    setBusy(true);
    setError(undefined);
    const result = await api.pickCompareFile(fileName === undefined ? {} : { name: fileName });
    setBusy(false);
    if (result.ok) {
      if (result.value.picked) {
        // The compare page names the file even when it cannot be compared (not XML, too large).
        rememberFile(result.value);
        onPicked(result.value.fileId);
      }
      return;
    }
    if (result.error.code === 'file-dialog-unavailable') setFolderHint(result.error.message);
    else setError(result.error);
  }

  return (
    <div className="local-file-picker">
      {/* Busy is aria-disabled, not disabled: disabling the focused button dropped the keyboard
          focus on the page's body. */}
      <button ref={openerRef} type="button" aria-disabled={isBusy} onClick={() => void pick()}>
        {label}
      </button>
      {folderHint && (
        <form
          className="local-file-form"
          aria-label="Local file by name"
          // Escape closes the form and gives the focus back to the button that opened it.
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setFolderHint(undefined);
            openerRef.current?.focus();
          }}
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) void pick(name.trim());
          }}
        >
          <p className="muted">{folderHint}</p>
          <label>
            File name{' '}
            <input
              value={name}
              onChange={(event) => setName(event.target.value)}
              // The form appears because the tester asked for a file: the field takes the focus.
              autoFocus
            />
          </label>{' '}
          <button type="submit" aria-disabled={isBusy} disabled={name.trim() === ''}>
            Use this file
          </button>
        </form>
      )}
      {shownError && <ErrorNotice error={shownError} />}
    </div>
  );
}
