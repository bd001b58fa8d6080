/** "Save as...": name the current config and keep it in this browser; asks before replacing one. */
import { useState, type FormEvent } from 'react';
import type { Config } from '../../config/schema';
import { MAX_NAME_CHARS, type SavedConfigs } from '../../store/savedWork';
import { Dialog } from '../shell/Dialog';

export interface SaveAsDialogProps {
  config: Config;
  saved: SavedConfigs;
  suggestedName: string;
  onSaved(name: string): void;
  onClose(): void;
}

export function SaveAsDialog({ config, saved, suggestedName, onSaved, onClose }: SaveAsDialogProps) {
  const [name, setName] = useState(suggestedName);
  const [error, setError] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);

  const save = (overwrite: boolean) => {
    const r = saved.save(name, config, { overwrite });
    if (r.ok) {
      onSaved(name.trim().replace(/\s+/g, ' '));
      return;
    }
    if (r.code === 'exists') {
      setConfirmReplace(name.trim());
      setError(null);
    } else setError(r.message);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(false);
  };

  return (
    <Dialog title="Save as..." onClose={onClose}>
      <form className="share-dialog-body" onSubmit={onSubmit}>
        <label className="share-field">
          <span>Name</span>
          <input
            type="text"
            value={name}
            maxLength={MAX_NAME_CHARS + 20}
            data-autofocus
            aria-invalid={error ? true : undefined}
            aria-describedby="save-as-help"
            onChange={(e) => {
              setName(e.target.value);
              setConfirmReplace(null);
              setError(null);
            }}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <p id="save-as-help" className="share-help">
          Saved in this browser only. Use Copy link or Export JSON to move it elsewhere.
        </p>
        {error && (
          <p className="share-error" role="alert">
            {error}
          </p>
        )}
        {confirmReplace ? (
          <div className="share-confirm" role="alert">
            <span>A saved config named “{confirmReplace}” already exists. Replace it?</span>
            <div className="share-buttons">
              <button type="button" className="primary" onClick={() => save(true)}>
                Replace
              </button>
              <button type="button" onClick={() => setConfirmReplace(null)}>
                Keep both (rename)
              </button>
            </div>
          </div>
        ) : (
          <div className="share-buttons">
            <button type="submit" className="primary">
              Save
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        )}
      </form>
    </Dialog>
  );
}
