/**
 * Autosave of the current work: one slot (`gridworld:autosave`), written shortly after each change and
 * flushed when the page is hidden or closed, so a reload or a closed tab loses nothing. An autosave that
 * cannot be opened is reported with its raw text, so the start-up can keep it aside (replacedWorlds.ts)
 * before anything overwrites the slot.
 */
import { CONFIG_JSON_LIMITS, clip, parseJsonSafely } from '../config/safeJson';
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

export type AutosaveText = { ok: true; config: Config; savedAt: number } | ({ ok: false } & AutosaveProblem);

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
  if (!json.ok) return { ok: false, reason: 'it is damaged', details: [`its content ${json.error}`] };
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
  return { ok: true, config: parsed.config, savedAt };
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

export function writeAutosave(store: KeyValueStore, config: Config, now = Date.now()): StorageResult {
  return tryWrite(() => store.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: now, config })));
}

export interface AutosaverOptions {
  delayMs?: number;
  /** Called once per new kind of failure (not again until a write succeeds). */
  onError?: (result: Extract<StorageResult, { ok: false }>) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
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

  constructor(
    private readonly store: KeyValueStore,
    private readonly opts: AutosaverOptions = {},
  ) {
    this.delay = opts.delayMs ?? AUTOSAVE_DELAY_MS;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
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
    const r = writeAutosave(this.store, config);
    if (r.ok) {
      this.lastWritten = text;
      this.lastError = null;
    } else if (r.code !== this.lastError) {
      this.lastError = r.code;
      this.opts.onError?.(r);
    }
    return r;
  }

  cancel(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
