/** Shown when the browser refuses clipboard access: the text, selected, ready for Ctrl+C. */
import { Dialog } from '../shell/Dialog';

export function ManualCopyDialog({ text, onClose }: { text: string; onClose(): void }) {
  return (
    <Dialog title="Copy this link" onClose={onClose}>
      <div className="share-dialog-body">
        <p className="share-help" id="manual-copy-help">
          Your browser did not allow copying automatically. Press Ctrl+C (⌘C on a Mac) to copy it.
        </p>
        <textarea
          className="manual-copy"
          readOnly
          value={text}
          rows={4}
          data-autofocus
          aria-label="Link to copy"
          aria-describedby="manual-copy-help"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="share-buttons">
          <button type="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
