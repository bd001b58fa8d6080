/**
 * Named saved configs, one storage key each (`gridworld:saved:<name>`), so one damaged entry never
 * takes the others with it. Every entry is re-validated (and migrated) when read: a corrupt or outdated
 * entry is reported in `problems` and skipped, never fatal. Writes report a full quota.
 */
import { CONFIG_JSON_LIMITS, clip, parseJsonSafely } from '../config/safeJson';
import type { Config } from '../config/schema';
import { tryWrite, type KeyValueStore, type StorageResult } from './keyValueStore';
import { parseStoredConfig } from './storedConfig';

export const SAVED_PREFIX = 'gridworld:saved:';
export const MAX_NAME_CHARS = 60;

export interface SavedEntry {
  name: string;
  /** Milliseconds since 1970. */
  savedAt: number;
  config: Config;
}

export interface StorageProblem {
  key: string;
  name: string;
  message: string;
}

export interface SavedList {
  entries: SavedEntry[];
  problems: StorageProblem[];
}

export type LoadResult = { ok: true; entry: SavedEntry } | { ok: false; message: string };

/** The trimmed name, or a message saying what is wrong with it. */
export function checkName(raw: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) return { ok: false, message: 'Give the config a name.' };
  if (name.length > MAX_NAME_CHARS)
    return { ok: false, message: `A name can have at most ${MAX_NAME_CHARS} characters.` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    return { ok: false, message: 'A name cannot contain control characters.' };
  return { ok: true, name };
}

/** Reads and validates one stored value. */
export function readEntry(key: string, raw: string | null): LoadResult {
  const name = key.slice(SAVED_PREFIX.length);
  if (raw === null) return { ok: false, message: `There is no saved config named "${clip(name, 80)}".` };
  const json = parseJsonSafely(raw, CONFIG_JSON_LIMITS);
  if (!json.ok) return { ok: false, message: `damaged: ${json.error}` };
  const v = json.value as Partial<SavedEntry> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !('config' in v))
    return { ok: false, message: 'damaged: it is not a saved config' };
  const parsed = parseStoredConfig(v.config);
  if (!parsed.ok) return { ok: false, message: clip(parsed.errors.slice(0, 3).join('; '), 300) };
  const savedAt = typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) ? v.savedAt : 0;
  return { ok: true, entry: { name, savedAt, config: parsed.config } };
}

export class SavedConfigs {
  constructor(
    /** The storage it lives in (the saved-configs dialog also shows the replaced worlds kept there). */
    readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every readable entry, newest first, and a problem for each unreadable one. */
  list(): SavedList {
    const entries: SavedEntry[] = [];
    const problems: StorageProblem[] = [];
    let keys: string[];
    try {
      keys = this.store.keys().filter((k) => k.startsWith(SAVED_PREFIX));
    } catch (e) {
      return { entries, problems: [{ key: '', name: '', message: `storage cannot be read (${String(e)})` }] };
    }
    for (const key of keys) {
      let raw: string | null;
      try {
        raw = this.store.getItem(key);
      } catch (e) {
        problems.push({ key, name: key.slice(SAVED_PREFIX.length), message: `unreadable (${String(e)})` });
        continue;
      }
      const r = readEntry(key, raw);
      if (r.ok) entries.push(r.entry);
      else problems.push({ key, name: key.slice(SAVED_PREFIX.length), message: r.message });
    }
    entries.sort((a, b) => b.savedAt - a.savedAt || a.name.localeCompare(b.name));
    return { entries, problems };
  }

  has(name: string): boolean {
    try {
      return this.store.getItem(SAVED_PREFIX + name) !== null;
    } catch {
      return false;
    }
  }

  load(name: string): LoadResult {
    try {
      return readEntry(SAVED_PREFIX + name, this.store.getItem(SAVED_PREFIX + name));
    } catch (e) {
      return { ok: false, message: `Storage cannot be read (${String(e)}).` };
    }
  }

  save(rawName: string, config: Config, opts: { overwrite?: boolean } = {}): StorageResult {
    const checked = checkName(rawName);
    if (!checked.ok) return { ok: false, code: 'invalid-name', message: checked.message };
    const { name } = checked;
    if (!opts.overwrite && this.has(name))
      return { ok: false, code: 'exists', message: `A saved config named "${name}" already exists.` };
    const value = JSON.stringify({ name, savedAt: this.now(), config });
    return tryWrite(() => this.store.setItem(SAVED_PREFIX + name, value));
  }

  rename(from: string, rawTo: string, opts: { overwrite?: boolean } = {}): StorageResult {
    const checked = checkName(rawTo);
    if (!checked.ok) return { ok: false, code: 'invalid-name', message: checked.message };
    const to = checked.name;
    if (to === from) return { ok: true };
    const old = this.load(from);
    if (!old.ok) return { ok: false, code: 'not-found', message: old.message };
    if (!opts.overwrite && this.has(to))
      return { ok: false, code: 'exists', message: `A saved config named "${to}" already exists.` };
    const value = JSON.stringify({ name: to, savedAt: old.entry.savedAt, config: old.entry.config });
    const written = tryWrite(() => this.store.setItem(SAVED_PREFIX + to, value));
    if (!written.ok) return written;
    return this.removeKey(SAVED_PREFIX + from);
  }

  remove(name: string): StorageResult {
    if (!this.has(name))
      return { ok: false, code: 'not-found', message: `There is no saved config named "${clip(name, 80)}".` };
    return this.removeKey(SAVED_PREFIX + name);
  }

  /** Deletes a damaged entry reported by `list()` (by its storage key). */
  removeKey(key: string): StorageResult {
    if (!key.startsWith(SAVED_PREFIX))
      return { ok: false, code: 'not-found', message: 'That is not a saved config.' };
    return tryWrite(() => this.store.removeItem(key));
  }
}
