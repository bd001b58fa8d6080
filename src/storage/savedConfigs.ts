/**
 * Named saved configs, one storage key each (`gridworld:saved:<name>`), so one damaged entry never
 * takes the others with it. Every entry is re-validated (and migrated) when read: a corrupt or outdated
 * entry is reported in `problems` and skipped, never fatal. Writes report a full quota.
 * An entry may carry a trained agent (saveAgent): its state compacted (f64 tables as f32, so a 50 x 50
 * Q table takes ~55,000 characters), refused with a message offering the file when it is too large for
 * browser storage (a big network) or when the quota is full.
 */
import { compactState, type TrainedState } from '../config/packedArray';
import { parseTrainedState } from '../config/agentFile';
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
  /** A trained agent saved with the config (opened with it, to show or go on training). */
  agent?: TrainedState;
}

/** Largest trained agent kept in browser storage (characters of its JSON; localStorage holds about
 *  5 million in most browsers, shared by every saved config). */
export const MAX_STORED_AGENT_CHARS = 3_000_000;

/** Episodes a saved trained agent had trained (0 for planners and an untrained run). */
export function agentEpisodes(state: TrainedState): number {
  const n = state.metrics.numbers.count;
  return typeof n === 'number' && n > 0 ? n : 0;
}

const megabytes = (chars: number) => `${(chars / 1e6).toFixed(1)} MB`;

/** The refusal for an agent too large for browser storage. */
export function agentTooLargeMessage(chars: number): string {
  return `This trained agent is too large for browser storage (${megabytes(chars)}; at most ${megabytes(MAX_STORED_AGENT_CHARS)}), as big networks are. Use Share & save → “Save trained agent” to keep it as a file instead.`;
}

export const AGENT_QUOTA_MESSAGE =
  'Browser storage is full, so the trained agent was not saved. Use Share & save → “Save trained agent” to keep it as a file, or delete some saved configs and try again.';

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
  const json = parseJsonSafely(raw, {
    maxChars: CONFIG_JSON_LIMITS.maxChars + MAX_STORED_AGENT_CHARS,
    maxDepth: CONFIG_JSON_LIMITS.maxDepth,
  });
  if (!json.ok) return { ok: false, message: `damaged: ${json.error}` };
  const v = json.value as Partial<SavedEntry> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !('config' in v))
    return { ok: false, message: 'damaged: it is not a saved config' };
  const parsed = parseStoredConfig(v.config);
  if (!parsed.ok) return { ok: false, message: clip(parsed.errors.slice(0, 3).join('; '), 300) };
  const savedAt = typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) ? v.savedAt : 0;
  const entry: SavedEntry = { name, savedAt, config: parsed.config };
  if (v.agent !== undefined) {
    const agent = parseTrainedState(v.agent, parsed.config);
    if (!agent.ok)
      return {
        ok: false,
        message: clip(`its trained agent is damaged: ${agent.errors.slice(0, 2).join('; ')}`, 300),
      };
    entry.agent = agent.state;
  }
  return { ok: true, entry };
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

  /** Saves the config with a trained agent (compacted); too large or over the quota: a message that
   *  offers the file instead. */
  saveAgent(
    rawName: string,
    config: Config,
    state: TrainedState,
    opts: { overwrite?: boolean } = {},
  ): StorageResult {
    const checked = checkName(rawName);
    if (!checked.ok) return { ok: false, code: 'invalid-name', message: checked.message };
    const { name } = checked;
    if (!opts.overwrite && this.has(name))
      return { ok: false, code: 'exists', message: `A saved config named "${name}" already exists.` };
    const agent = compactState(state);
    const chars = JSON.stringify(agent).length;
    if (chars > MAX_STORED_AGENT_CHARS)
      return { ok: false, code: 'quota', message: agentTooLargeMessage(chars) };
    const value = JSON.stringify({ name, savedAt: this.now(), config, agent });
    const r = tryWrite(() => this.store.setItem(SAVED_PREFIX + name, value));
    return !r.ok && r.code === 'quota' ? { ...r, message: AGENT_QUOTA_MESSAGE } : r;
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
    const { savedAt, config, agent } = old.entry;
    const value = JSON.stringify({ name: to, savedAt, config, ...(agent ? { agent } : {}) });
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
