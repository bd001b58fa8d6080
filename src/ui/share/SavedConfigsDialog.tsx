/**
 * The saved-configs dialog: every saved config (newest first) with Load, Rename and Delete, and the
 * damaged or outdated entries, reported with the reason and removable.
 */
import { useState, type FormEvent } from 'react';
import type { SavedConfigs, SavedEntry } from '../../storage/savedConfigs';
import { Dialog } from './Dialog';

export interface SavedConfigsDialogProps {
  saved: SavedConfigs;
  onLoad(entry: SavedEntry): void;
  onClose(): void;
}

function describe(e: SavedEntry): string {
  const { grid } = e.config.env;
  const when = e.savedAt ? new Date(e.savedAt).toLocaleString() : 'unknown time';
  return `${grid[0].length} × ${grid.length}, ${e.config.agent.type}, seed ${e.config.train.seed}, saved ${when}`;
}

export function SavedConfigsDialog({ saved, onLoad, onClose }: SavedConfigsDialogProps) {
  const [list, setList] = useState(() => saved.list());
  const [renaming, setRenaming] = useState<{ from: string; draft: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => setList(saved.list());

  const submitRename = (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    const r = saved.rename(renaming.from, renaming.draft);
    if (!r.ok) return setError(r.message);
    setRenaming(null);
    setError(null);
    refresh();
  };

  const remove = (name: string) => {
    const r = saved.remove(name);
    setError(r.ok ? null : r.message);
    setDeleting(null);
    refresh();
  };

  const removeDamaged = (key: string) => {
    const r = saved.removeKey(key);
    setError(r.ok ? null : r.message);
    refresh();
  };

  return (
    <Dialog title="Saved configs" onClose={onClose} className="saved-dialog">
      <div className="share-dialog-body">
        {error && (
          <p className="share-error" role="alert">
            {error}
          </p>
        )}
        {list.entries.length === 0 && (
          <p className="share-help">
            Nothing saved yet. Use “Save as...” to keep the current world and settings.
          </p>
        )}
        <ul className="saved-list" aria-label="Saved configs">
          {list.entries.map((e) => (
            <li key={e.name} className="saved-item">
              {renaming?.from === e.name ? (
                <form className="saved-rename" onSubmit={submitRename}>
                  <label className="visually-hidden" htmlFor="saved-rename-input">
                    New name for {e.name}
                  </label>
                  <input
                    id="saved-rename-input"
                    type="text"
                    value={renaming.draft}
                    data-autofocus
                    autoFocus
                    onChange={(ev) => setRenaming({ from: e.name, draft: ev.target.value })}
                  />
                  <button type="submit" className="primary">
                    Save name
                  </button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <div className="saved-text">
                  <strong>{e.name}</strong>
                  <span className="share-help">{describe(e)}</span>
                </div>
              )}
              {deleting === e.name ? (
                <div className="share-buttons" role="group" aria-label={`Confirm deleting ${e.name}`}>
                  <span>Delete?</span>
                  <button type="button" className="danger" onClick={() => remove(e.name)}>
                    Delete
                  </button>
                  <button type="button" onClick={() => setDeleting(null)}>
                    Keep
                  </button>
                </div>
              ) : (
                renaming?.from !== e.name && (
                  <div className="share-buttons">
                    <button
                      type="button"
                      className="primary"
                      onClick={() => onLoad(e)}
                      aria-label={`Load ${e.name}`}
                    >
                      Load
                    </button>
                    <button
                      type="button"
                      onClick={() => setRenaming({ from: e.name, draft: e.name })}
                      aria-label={`Rename ${e.name}`}
                    >
                      Rename
                    </button>
                    <button type="button" onClick={() => setDeleting(e.name)} aria-label={`Delete ${e.name}`}>
                      Delete
                    </button>
                  </div>
                )
              )}
            </li>
          ))}
        </ul>
        {list.problems.length > 0 && (
          <section className="saved-problems" aria-label="Saved configs that could not be read">
            <h3>
              {list.problems.length === 1
                ? '1 saved config could not be read'
                : `${list.problems.length} saved configs could not be read`}
            </h3>
            <ul>
              {list.problems.map((p) => (
                <li key={p.key || 'storage'}>
                  <span>
                    <strong>{p.name || 'Storage'}</strong>: {p.message}
                  </span>
                  {p.key && (
                    <button
                      type="button"
                      onClick={() => removeDamaged(p.key)}
                      aria-label={`Remove damaged ${p.name}`}
                    >
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Dialog>
  );
}
