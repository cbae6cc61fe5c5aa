/**
 * One file (or folder) of a profile: the path main reported, and "Choose…", which opens main's
 * open dialog. The window never reads or types a path; where no dialog exists (the browser
 * harness) a file is named inside the home folder's local-files/, and main resolves it.
 */
import { useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { PickPurpose } from '../../../shared/ipc/profile-editor-types';
import type { AppError } from '../../../shared/result';
import type { FileField } from './profile-form-state';

export function FileChoiceField({
  api,
  purpose,
  label,
  field,
  onChange,
  onError,
}: {
  readonly api: ArchivistApi;
  readonly purpose: PickPurpose;
  readonly label: string;
  readonly field: FileField;
  readonly onChange: (field: FileField) => void;
  readonly onError: (error: AppError | undefined) => void;
}) {
  const [folderHint, setFolderHint] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [isBusy, setBusy] = useState(false);

  async function pick(fileName?: string): Promise<void> {
    setBusy(true);
    onError(undefined);
    const result = await api.pickProfileFile(
      fileName === undefined ? { purpose } : { purpose, name: fileName },
    );
    setBusy(false);
    if (result.ok) {
      if (result.value.kind === 'picked') {
        onChange({ path: result.value.path, choice: { pickId: result.value.pickId } });
        setFolderHint(undefined);
      }
      return;
    }
    if (result.error.code === 'file-dialog-unavailable') setFolderHint(result.error.message);
    else onError(result.error);
  }

  const nameId = `pick-name-${purpose}`;
  return (
    <div className="form-field file-choice" role="group" aria-label={label}>
      <span>{label}</span>
      <span className="file-choice-path" data-testid={`path-${purpose}`}>
        {field.path ?? 'none chosen'}
      </span>
      <span className="file-choice-actions">
        <button type="button" disabled={isBusy} onClick={() => void pick()}>
          Choose…
        </button>
        {field.path !== undefined && (
          <button type="button" disabled={isBusy} onClick={() => onChange({})}>
            Clear
          </button>
        )}
      </span>
      {folderHint && (
        <span className="file-choice-by-name">
          <span className="muted">{folderHint}</span>
          <label htmlFor={nameId}>Name in that folder</label>
          <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} />
          <button
            type="button"
            disabled={isBusy || name.trim() === ''}
            onClick={() => void pick(name.trim())}
          >
            Use this {purpose === 'folder' ? 'folder' : 'file'}
          </button>
        </span>
      )}
    </div>
  );
}
