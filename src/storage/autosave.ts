/**
 * Autosave of the current work: one slot (`gridworld:autosave`), written shortly after each change and
 * flushed when the page is hidden or closed, so a reload or a closed tab loses nothing.
 */
import { parseVersionedConfig } from '../config/migrate';
import { CONFIG_JSON_LIMITS, clip, parseJsonSafely } from '../config/safeJson';
import type { Config } from '../config/schema';
import { tryWrite, type KeyValueStore, type StorageResult } from './keyValueStore';

export const AUTOSAVE_KEY = 'gridworld:autosave';
export const AUTOSAVE_DELAY_MS = 500;

export type AutosaveRead =
  | { status: 'none' }
  | { status: 'ok'; config: Config; savedAt: number }
  | { status: 'problem'; message: string };

export function readAutosave(store: KeyValueStore): AutosaveRead {
  let raw: string | null;
  try {
    raw = store.getItem(AUTOSAVE_KEY);
  } catch (e) {
    return { status: 'problem', message: `Your autosaved work cannot be read (${String(e)}).` };
  }
  if (raw === null) return { status: 'none' };
  const json = parseJsonSafely(raw, CONFIG_JSON_LIMITS);
  const value = json.ok ? (json.value as { config?: unknown; savedAt?: unknown } | null) : null;
  if (!json.ok || typeof value !== 'object' || value === null)
    return { status: 'problem', message: 'Your autosaved work was damaged and could not be restored.' };
  const parsed = parseVersionedConfig(value.config);
  if (!parsed.ok)
    return {
      status: 'problem',
      message: `Your autosaved work could not be restored: ${clip(parsed.errors.slice(0, 2).join('; '), 200)}`,
    };
  const savedAt = typeof value.savedAt === 'number' ? value.savedAt : 0;
  return { status: 'ok', config: parsed.config, savedAt };
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
