/**
 * The question before a link from a document leaves Archivist: links in narratives are inert
 * until the user confirms, because the document, not Archivist, chose the address.
 */
export function LinkConfirm({
  url,
  onOpen,
  onClose,
}: {
  readonly url: string;
  readonly onOpen: (url: string) => void;
  readonly onClose: () => void;
}) {
  return (
    <div className="link-confirm" role="alertdialog" aria-label="Open link">
      <p>
        Open <code>{url}</code> outside Archivist? The document, not Archivist, chose this address.
      </p>
      <button
        type="button"
        onClick={() => {
          onOpen(url);
          onClose();
        }}
      >
        Open
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
