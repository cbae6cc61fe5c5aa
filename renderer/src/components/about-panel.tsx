/** The About dialog: a native <dialog>, so focus trapping and Escape come from the platform. */
import { useEffect, useRef } from 'react';

export function AboutPanel({
  version,
  onClose,
}: {
  readonly version: string | undefined;
  readonly onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="about-panel" aria-labelledby="about-heading" onClose={onClose}>
      <h2 id="about-heading">Archivist {version ?? ''}</h2>
      <p>
        A document inspector for Kanta Services&apos; test environments. Patient data stays on this
        machine unless you export it.
      </p>
      <button type="button" autoFocus onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
