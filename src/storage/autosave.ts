/**
 * Autosave of the current work: one slot (`gridworld:autosave`), written shortly after each change and
 * flushed when the page is hidden or closed, so a reload or a closed tab loses nothing. An autosave that
 * cannot be opened is reported with its raw text, so the start-up can keep it aside (replacedWorlds.ts)
 * before anything overwrites the slot.
 *
 * Two tabs share the slot. Each autosave says which tab wrote it (`tab`), and before a write the slot is
 * read: when it holds a world this tab neither wrote nor restored (another tab's), that world is handed
 * to `onOverwrite` (the page keeps it in Recently replaced and says so) instead of vanishing silently.
 * `watchOtherTabs` tells a tab, through the storage event, that another one autosaves to the same slot.
 */
import { CONFIG_JSON_LIMITS, clip, contentError, parseJsonSafely } from '../config/safeJson';
import type { Config } from '../config/schema';
import { tryRead, tryWrite, type KeyValueStore, type StorageResult } from './keyValueStore';
import { isFromNewerApp, parseStoredConfig } from './storedConfig';

export const AUTOSAVE_KEY = 'gridworld:autosave';
export const AUTOSAVE_DELAY_MS = 500;

/** Why an autosave (or a kept-aside copy of one) cannot be opened. */
export interface AutosaveProblem {
  /** Short, for "could not be opened (<reason>)". */
  reason: string;
  /** The validator's messages, if any. */
  details: string[];
}

export type AutosaveText =
  { ok: true; config: Config; savedAt: number; tab?: string } | ({ ok: false } & AutosaveProblem);

export type AutosaveRead =
  | { status: 'none' }
  | { status: 'ok'; config: Config; savedAt: number }
  | ({
      status: 'problem';
      /** A whole sentence for the user. */
      message: string;
      /** The stored text, to keep aside; null when the storage itself could not be read. */
      raw: string | null;
    } & AutosaveProblem);

/** Parses the text of an autosave slot. Never throws. */
export function parseAutosaveText(raw: string): AutosaveText {
  const json = parseJsonSafely(raw, CONFIG_JSON_LIMITS);
  if (!json.ok) return { ok: false, reason: 'it is damaged', details: [contentError(json.error)] };
  const value = json.value as { config?: unknown; savedAt?: unknown } | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('config' in value))
    return {
      ok: false,
      reason: 'it is damaged',
      details: ['it is not an autosave (it has no config in it)'],
    };
  const parsed = parseStoredConfig(value.config);
  if (!parsed.ok)
    return {
      ok: false,
      reason: isFromNewerApp(value.config)
        ? 'it was made by a newer version of this app'
        : 'it does not pass the checks',
      details: parsed.errors.slice(0, 5).map((e) => clip(e, 200)),
    };
  const savedAt = typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) ? value.savedAt : 0;
  const tab = (value as { tab?: unknown }).tab;
  return {
    ok: true,
    config: parsed.config,
    savedAt,
    ...(typeof tab === 'string' && tab.length <= 40 ? { tab } : {}),
  };
}

export function readAutosave(store: KeyValueStore): AutosaveRead {
  const read = tryRead(store, AUTOSAVE_KEY);
  if (!read.ok)
    return {
      status: 'problem',
      message: `Your autosaved work cannot be read (${read.message}).`,
      reason: read.message,
      details: [],
      raw: null,
    };
  if (read.raw === null) return { status: 'none' };
  const r = parseAutosaveText(read.raw);
  if (r.ok) return { status: 'ok', config: r.config, savedAt: r.savedAt };
  return {
    status: 'problem',
    message: `Your autosaved work could not be restored: ${r.reason}${r.details.length ? ` (${clip(r.details.slice(0, 2).join('; '), 200)})` : ''}.`,
    reason: r.reason,
    details: r.details,
    raw: read.raw,
  };
}

export function writeAutosave(
  store: KeyValueStore,
  config: Config,
  now = Date.now(),
  tab?: string,
): StorageResult {
  return tryWrite(() =>
    store.setItem(
      AUTOSAVE_KEY,
      JSON.stringify(tab ? { savedAt: now, tab, config } : { savedAt: now, config }),
    ),
  );
}

/** A tab's name for its autosaves (random, short). */
export function newTabId(): string {
  return `t${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
}

/** What the storage event gives (window's 'storage' events). */
export interface StorageEventLike {
  key: string | null;
  newValue: string | null;
}

/**
 * Calls `onOther` (once) when another tab writes the autosave slot; returns the removal. `target` is
 * the window (its 'storage' event fires only for writes by other tabs of the same origin).
 */
export function watchOtherTabs(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  tab: string,
  onOther: () => void,
): () => void {
  let told = false;
  const listener = (e: Event) => {
    const ev = e as unknown as StorageEventLike;
    if (told || ev.key !== AUTOSAVE_KEY || ev.newValue === null) return;
    const r = parseAutosaveText(ev.newValue);
    if (r.ok && r.tab === tab) return;
    told = true;
    onOther();
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}

export interface AutosaverOptions {
  delayMs?: number;
  /** Called once per new kind of failure (not again until a write succeeds). */
  onError?: (result: Extract<StorageResult, { ok: false }>) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** This tab's name in its autosaves (default: a new random one). */
  tab?: string;
  /** The slot held a world another tab autosaved, which this write is about to replace. */
  onOverwrite?: (config: Config, savedAt: number) => void;
}

/** Debounced writer of the autosave slot; skips writes of an unchanged config. */
export class Autosaver {
  private pending: Config | null = null;
  private timer: unknown = null;
  private lastWritten = '';
  private lastError: string | null = null;
  private readonly delay: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  readonly tab: string;

  constructor(
    private readonly store: KeyValueStore,
    private readonly opts: AutosaverOptions = {},
  ) {
    this.delay = opts.delayMs ?? AUTOSAVE_DELAY_MS;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.tab = opts.tab ?? newTabId();
  }

  /** Remembers `config` as already stored (e.g. the one just restored), so it is not rewritten. */
  markSaved(config: Config): void {
    this.lastWritten = JSON.stringify(config);
  }

  schedule(config: Config): void {
    this.pending = config;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => this.flush(), this.delay);
  }

  /** Writes the pending config now (call on pagehide / visibilitychange to hidden). */
  flush(): StorageResult {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const config = this.pending;
    this.pending = null;
    if (!config) return { ok: true };
    const text = JSON.stringify(config);
    if (text === this.lastWritten) return { ok: true };
    this.keepOthers(text);
    const r = writeAutosave(this.store, config, Date.now(), this.tab);
    if (r.ok) {
      this.lastWritten = text;
      this.lastError = null;
    } else if (r.code !== this.lastError) {
      this.lastError = r.code;
      this.opts.onError?.(r);
    }
    return r;
  }

  /** Hands the slot's world to onOverwrite when another tab wrote it (not this tab's last write or the
   *  world it restored, nor the one about to be written). */
  private keepOthers(text: string): void {
    if (!this.opts.onOverwrite) return;
    const read = tryRead(this.store, AUTOSAVE_KEY);
    if (!read.ok || read.raw === null) return;
    const cur = parseAutosaveText(read.raw);
    if (!cur.ok || cur.tab === this.tab) return;
    const theirs = JSON.stringify(cur.config);
    if (theirs === this.lastWritten || theirs === text) return;
    try {
      this.opts.onOverwrite(cur.config, cur.savedAt);
    } catch {
      // Keeping their world failed (e.g. storage full): this tab's autosave still goes ahead.
    }
  }

  cancel(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
