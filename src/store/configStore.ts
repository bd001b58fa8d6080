/**
 * The current config: the single source of truth for the world, the agent and the training settings.
 *
 * Store API (for the editor and for later features such as share links, presets and saved configs):
 * - `useConfigStore(s => s.config)`: the current, always valid, `Config` (treat it as immutable).
 * - `setConfig(input, opts?)`: replaces the whole config. `input` may be anything (parsed JSON, a
 *   decoded link): it is validated with `parseConfig`; an invalid one is refused, a message is shown
 *   (unless `opts.quiet`) and `{ ok: false, message }` is returned. The change is undoable. Every
 *   loading of another world (link, preset, file, saved config) goes through it, with `opts.reason`;
 *   the world it replaces is first handed to the `onReplace` listener (the share feature keeps it).
 * - `edit(recipe, opts?)`: applies `recipe` to a copy of the config and commits the result if it is
 *   valid (same refusal rules). `opts.key` merges consecutive edits with the same key into one undo step.
 * - `undo()`, `redo()`, `canUndo`, `canRedo`; `seal()` ends the current merge group.
 * Every committed change resets the training run (see trainingController.ts).
 */
import { create } from 'zustand';
import { DEFAULT_CONFIG } from '../config/defaults';
import { type Config } from '../config/schema';
import { parseGuarded, setAsideMessage, useSetAside } from './demoGuard';
import { EditorHistory } from './editorHistory';
import { friendlyErrors } from './friendlyErrors';
import { useUiStore } from './uiStore';

export type EditResult = { ok: true; changed: boolean } | { ok: false; message: string };

export interface EditOptions {
  /** Undo-merge key: consecutive edits with the same key become one undo step. */
  key?: string | null;
  /** Do not show the refusal message (the caller shows it). */
  quiet?: boolean;
  /** Labels for config paths in refusal messages, e.g. { 'agent.alpha': 'Learning rate' }. */
  labels?: Record<string, string>;
  /** setConfig: why the world is replaced, e.g. "Opened a link" (kept with the replaced world). */
  reason?: string;
}

export type ReplaceListener = (replaced: Config, reason: string) => void;
let replaceListener: ReplaceListener | null = null;

/** Registers the one listener told about each world that setConfig replaces; returns its removal. */
export function onReplace(listener: ReplaceListener): () => void {
  replaceListener = listener;
  return () => {
    if (replaceListener === listener) replaceListener = null;
  };
}

export interface ConfigState {
  config: Config;
  canUndo: boolean;
  canRedo: boolean;
  setConfig(input: unknown, opts?: EditOptions): EditResult;
  edit(recipe: (draft: Config) => void, opts?: EditOptions): EditResult;
  undo(): boolean;
  redo(): boolean;
  seal(): void;
}

const history = new EditorHistory<Config>();

function sameConfig(a: Config, b: Config): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export const useConfigStore = create<ConfigState>()((set, get) => {
  const commit = (input: unknown, opts: EditOptions, replacing = false): EditResult => {
    // Demonstrations that are damaged or do not fit the world are set aside, never the world.
    const { result: r, setAside } = parseGuarded(input);
    if (r.ok && setAside.length > 0) {
      useSetAside.setState({ items: setAside });
      if (!opts.quiet) useUiStore.getState().notify('warn', setAsideMessage(setAside));
    }
    if (!r.ok) {
      const message = friendlyErrors(r.errors, opts.labels);
      if (!opts.quiet) useUiStore.getState().notify('warn', `Not changed: ${message}`);
      return { ok: false, message };
    }
    const current = get().config;
    if (sameConfig(current, r.config)) return { ok: true, changed: false };
    if (replacing) replaceListener?.(current, opts.reason ?? 'Replaced by another world');
    history.record(current, opts.key ?? null);
    set({ config: r.config, canUndo: history.canUndo, canRedo: history.canRedo });
    return { ok: true, changed: true };
  };
  return {
    config: structuredClone(DEFAULT_CONFIG),
    canUndo: false,
    canRedo: false,
    setConfig: (input, opts = {}) => commit(input, opts, true),
    edit: (recipe, opts = {}) => {
      const draft = structuredClone(get().config);
      try {
        recipe(draft);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (!opts.quiet) useUiStore.getState().notify('warn', `Not changed: ${message}`);
        return { ok: false, message };
      }
      return commit(draft, opts);
    },
    undo: () => {
      const prev = history.undo(get().config);
      if (!prev) return false;
      set({ config: prev, canUndo: history.canUndo, canRedo: history.canRedo });
      return true;
    },
    redo: () => {
      const next = history.redo(get().config);
      if (!next) return false;
      set({ config: next, canUndo: history.canUndo, canRedo: history.canRedo });
      return true;
    },
    seal: () => history.seal(),
  };
});

/** Test helper: back to the default config (or `config`) with an empty history. */
export function resetConfigStore(config: Config = DEFAULT_CONFIG): void {
  history.clear();
  useConfigStore.setState({ config: structuredClone(config), canUndo: false, canRedo: false });
}
