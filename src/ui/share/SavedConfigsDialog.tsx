/**
 * The saved-configs dialog: every saved config (newest first) with Load, Rename and Delete; the
 * damaged or outdated entries, reported with the reason and removable; and "Recently replaced": the
 * worlds that a link, a preset, a file or a restore replaced, and any autosave that could not be opened,
 * each with when and why, restorable (or, if this app cannot open it, copyable and downloadable).
 * With `saveAgent`, "Save trained agent to browser" keeps the current run with its config (an entry
 * that then opens trained).
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { TrainedState } from '../../config/packedArray';
import type { Config } from '../../config/schema';
import { downloadText } from '../../export/download';
import {
  agentEpisodes,
  errorText,
  MEMORY_ONLY_NOTE,
  ReplacedWorlds,
  type ReplacedWorld,
  type SavedConfigs,
  type SavedEntry,
} from '../../store/savedWork';
import { copyText } from '../../export/clipboard';
import { Dialog } from '../shell/Dialog';

/** "Delete? [Delete] [Keep]" in place of an entry's buttons. */
function ConfirmDelete({ what, onDelete, onKeep }: { what: string; onDelete(): void; onKeep(): void }) {
  return (
    <div className="share-buttons" role="group" aria-label={`Confirm deleting ${what}`}>
      <span>Delete?</span>
      <button type="button" className="danger" onClick={onDelete}>
        Delete
      </button>
      <button type="button" onClick={onKeep}>
        Keep
      </button>
    </div>
  );
}

export interface SavedConfigsDialogProps {
  saved: SavedConfigs;
  /** Loads a saved config, or restores a replaced world (given as an entry named after it). */
  onLoad(entry: SavedEntry): void;
  onClose(): void;
  /** The replaced worlds (default: those kept in the same storage as `saved`). */
  replaced?: ReplacedWorlds;
  /** Offers "Save trained agent to browser": the current config and a way to get its run's state. */
  saveAgent?: { config: Config; suggestedName: string; get(): Promise<TrainedState> };
}

const when = (t: number) => (t ? new Date(t).toLocaleString() : 'unknown time');

function describeWorld(c: Config): string {
  const { grid } = c.env;
  return `${grid[0]?.length ?? 0} × ${grid.length}, ${c.agent.type}, seed ${c.train.seed}`;
}

function describe(e: SavedEntry): string {
  const trained = e.agent
    ? `, trained agent (${agentEpisodes(e.agent).toLocaleString('en-US')} episodes)`
    : '';
  return `${describeWorld(e.config)}${trained}, saved ${when(e.savedAt)}`;
}

/** "Save trained agent to browser": a name, then the run's state kept with the config. */
function SaveTrainedAgent({
  saved,
  offer,
  onSaved,
}: {
  saved: SavedConfigs;
  offer: NonNullable<SavedConfigsDialogProps['saveAgent']>;
  onSaved(): void;
}) {
  const [name, setName] = useState(offer.suggestedName);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string; exists?: boolean } | null>(null);
  const save = async (overwrite: boolean) => {
    setBusy(true);
    try {
      const state = await offer.get();
      const r = saved.saveAgent(name, offer.config, state, { overwrite });
      if (r.ok) {
        setStatus({ error: false, text: `Saved the trained agent as “${name.trim()}”.` });
        onSaved();
      } else setStatus({ error: true, text: r.message, exists: r.code === 'exists' });
    } catch (e) {
      setStatus({ error: true, text: `The trained agent could not be saved (${errorText(e)}).` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="saved-rename"
      aria-label="Save trained agent to browser"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <label htmlFor="saved-agent-name">Name</label>
      <input id="saved-agent-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="primary" disabled={busy}>
        Save trained agent to browser
      </button>
      {status?.exists && (
        <button type="button" className="danger" disabled={busy} onClick={() => void save(true)}>
          Replace it
        </button>
      )}
      {status && (
        <span
          className={status.error ? 'share-error' : 'share-help'}
          role={status.error ? 'alert' : 'status'}
        >
          {status.text}
        </span>
      )}
    </form>
  );
}

function rawFileName(e: ReplacedWorld): string {
  const stamp = e.replacedAt
    ? new Date(e.replacedAt).toISOString().slice(0, 16).replace(/\D/g, '')
    : 'unknown';
  return `gridworld-${e.keptAside ? 'kept-aside-autosave' : 'replaced-world'}-${stamp}.json`;
}

function RecentlyReplaced({
  replaced,
  onRestore,
}: {
  replaced: ReplacedWorlds;
  onRestore(e: ReplacedWorld & { config: Config }): void;
}) {
  const [list, setList] = useState(() => replaced.list());
  const [status, setStatus] = useState<{ key: string; text: string; manual?: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const refresh = () => setList(replaced.list());

  const copy = async (e: ReplacedWorld) => {
    const text = e.raw ?? '';
    if (await copyText(text)) setStatus({ key: e.key, text: 'Copied to the clipboard.' });
    else
      setStatus({
        key: e.key,
        text: 'The browser did not allow copying. Copy it from the box instead.',
        manual: text,
      });
  };
  const download = (e: ReplacedWorld) => {
    const name = rawFileName(e);
    try {
      downloadText(e.raw ?? '', name, 'application/json');
      setStatus({ key: e.key, text: `Saved ${name}.` });
    } catch (err) {
      setStatus({
        key: e.key,
        text: `Download failed (${errorText(err)}).`,
      });
    }
  };
  const remove = (key: string) => {
    const r = replaced.remove(key);
    setDeleting(null);
    setStatus(r.ok ? null : { key, text: r.message });
    refresh();
  };

  return (
    <section className="saved-problems" aria-label="Recently replaced">
      <h3>Recently replaced</h3>
      {list.problem && (
        <p className="share-error" role="alert">
          {list.problem}
        </p>
      )}
      {list.entries.length === 0 && !list.problem && (
        <p className="share-help">
          Nothing yet. When a link, a preset or a file replaces your world, the old one is kept here.
        </p>
      )}
      <ul className="saved-list">
        {list.entries.map((e) => {
          const label = e.keptAside ? 'autosave kept aside' : `world replaced ${when(e.replacedAt)}`;
          return (
            <li key={e.key} className="saved-item" data-testid="replaced-item">
              <div className="saved-text">
                <strong>{e.config ? describeWorld(e.config) : 'Cannot be opened here'}</strong>
                <span className="share-help">
                  {e.keptAside ? 'Kept aside' : 'Replaced'} {when(e.replacedAt)}: {e.reason}
                </span>
                {e.problem && <span className="share-help">{e.problem}</span>}
                {e.memoryOnly && <span className="share-help">{MEMORY_ONLY_NOTE}</span>}
                {status?.key === e.key && (
                  <span className="share-help" role="status">
                    {status.text}
                  </span>
                )}
                {status?.key === e.key && status.manual !== undefined && (
                  <textarea
                    className="manual-copy"
                    readOnly
                    rows={4}
                    value={status.manual}
                    aria-label={`Text of the ${label}`}
                    onFocus={(ev) => ev.currentTarget.select()}
                  />
                )}
              </div>
              {deleting === e.key ? (
                <ConfirmDelete
                  what={`the ${label}`}
                  onDelete={() => remove(e.key)}
                  onKeep={() => setDeleting(null)}
                />
              ) : (
                <div className="share-buttons">
                  {e.config ? (
                    <button
                      type="button"
                      className="primary"
                      aria-label={`Restore the ${label}`}
                      onClick={() => onRestore(e as ReplacedWorld & { config: Config })}
                    >
                      Restore
                    </button>
                  ) : (
                    e.raw !== null && (
                      <>
                        <button type="button" aria-label={`Copy the ${label}`} onClick={() => void copy(e)}>
                          Copy
                        </button>
                        <button
                          type="button"
                          aria-label={`Download the ${label}`}
                          onClick={() => download(e)}
                        >
                          Download
                        </button>
                      </>
                    )
                  )}
                  {(e.keptAside || !e.config) && (
                    <button
                      type="button"
                      aria-label={`Delete the ${label}`}
                      onClick={() => setDeleting(e.key)}
                    >
                      Delete
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function SavedConfigsDialog({ saved, onLoad, onClose, replaced, saveAgent }: SavedConfigsDialogProps) {
  const history = useMemo(() => replaced ?? new ReplacedWorlds(saved.store), [replaced, saved]);
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
        {saveAgent && <SaveTrainedAgent saved={saved} offer={saveAgent} onSaved={refresh} />}
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
                <ConfirmDelete
                  what={e.name}
                  onDelete={() => remove(e.name)}
                  onKeep={() => setDeleting(null)}
                />
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
        <RecentlyReplaced
          replaced={history}
          onRestore={(e) => {
            onLoad({ name: `the world from ${when(e.replacedAt)}`, savedAt: e.replacedAt, config: e.config });
            // A kept-aside autosave is dealt with once restored: it is the current world (and autosave) now.
            if (e.keptAside) history.remove(e.key);
          }}
        />
      </div>
    </Dialog>
  );
}
