/**
 * The recently replaced worlds. Before a link, a preset, an imported file or a restored entry replaces
 * the current config, the old one is kept here, so nothing the user made is lost by opening something
 * else. One storage key per entry (`gridworld:replaced:<time>-<n>`), so one damaged entry never takes the
 * others with it. The newest HISTORY_SIZE distinct worlds are kept; a world already in the history moves
 * to the top instead of being stored twice; the untouched default world is not kept.
 *
 * A rejected autosave (damaged, or written by a newer version of the app) is kept aside here as the text
 * it was stored as: it is never pushed out by newer entries and stays until the user restores or
 * deletes it. Reading never throws: a damaged entry is listed with its problem and its raw text.
 *
 * When the storage is full even after dropping the older replaced worlds, the world is kept in this
 * tab's memory instead (listed like the others, `memoryOnly`, until the tab closes) and the result says
 * so, so the caller can tell the user it will not survive a reload.
 */
import { defaultConfig } from '../config/defaults';
import { CONFIG_JSON_LIMITS, clip, parseJsonSafely } from '../config/safeJson';
import type { Config } from '../config/schema';
import { parseAutosaveText } from './autosave';
import { errorText, tryRead, tryWrite, type KeyValueStore, type StorageResult } from './keyValueStore';
import { parseStoredConfig } from './storedConfig';

export const REPLACED_PREFIX = 'gridworld:replaced:';
/** How many replaced worlds are kept (kept-aside autosaves come on top and are never dropped). */
export const HISTORY_SIZE = 8;
/** A kept-aside autosave holds a whole autosave as a string, escaped: allow for that. */
const ENTRY_LIMITS = { maxChars: CONFIG_JSON_LIMITS.maxChars * 3, maxDepth: CONFIG_JSON_LIMITS.maxDepth };

export interface ReplacedWorld {
  /** Its storage key (for restoring or deleting it). */
  key: string;
  /** When it was replaced (or kept aside), in ms since 1970; 0 if unknown. */
  replacedAt: number;
  /** Why it was replaced, e.g. "Opened a link". */
  reason: string;
  /** The world, when it can be opened. */
  config: Config | null;
  /** Why `config` is null: a damaged entry, or a kept-aside autosave this version cannot open. */
  problem: string | null;
  /** The stored text, to copy or download when `config` is null. */
  raw: string | null;
  /** A rejected autosave, kept until the user deals with it. */
  keptAside: boolean;
  /** Kept only in this tab's memory (the storage was full): gone when the tab closes. */
  memoryOnly?: boolean;
}

export interface ReplacedList {
  entries: ReplacedWorld[];
  /** Set when the storage itself cannot be listed. */
  problem: string | null;
}

export type RecordResult =
  | { ok: true; kept: boolean; memoryOnly?: false }
  /** The storage refused it (`reason`), so it is kept in this tab's memory only. */
  | { ok: true; kept: true; memoryOnly: true; reason: string }
  | Extract<StorageResult, { ok: false }>;

/** What this tab's memory holds of the replaced worlds that storage refused, by store, key -> value. */
const inMemory = new WeakMap<KeyValueStore, Map<string, string>>();

/** Said wherever a memory-only replaced world is listed or reported. */
export const MEMORY_ONLY_NOTE = 'Kept in this tab only (storage is full): lost when the tab closes.';

let sequence = 0;

function timeOfKey(key: string): number {
  const t = Number(key.slice(REPLACED_PREFIX.length).split('-')[0]);
  return Number.isFinite(t) ? t : 0;
}

/** Reads one stored entry. Never throws. */
export function readReplaced(key: string, raw: string): ReplacedWorld {
  const damaged = (problem: string): ReplacedWorld => ({
    key,
    replacedAt: timeOfKey(key),
    reason: 'unknown',
    config: null,
    problem,
    raw,
    keptAside: false,
  });
  const json = parseJsonSafely(raw, ENTRY_LIMITS);
  if (!json.ok) return damaged(`damaged: ${json.error}`);
  const v = json.value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return damaged('damaged: it is not a replaced world');
  const replacedAt =
    typeof v.replacedAt === 'number' && Number.isFinite(v.replacedAt) ? v.replacedAt : timeOfKey(key);
  const reason = typeof v.reason === 'string' ? clip(v.reason, 200) : 'unknown';
  if (v.keptAside === true) {
    const text = typeof v.raw === 'string' ? v.raw : '';
    const r = parseAutosaveText(text);
    return {
      key,
      replacedAt,
      reason,
      config: r.ok ? r.config : null,
      problem: r.ok ? null : [r.reason, ...r.details].join('; '),
      raw: text,
      keptAside: true,
    };
  }
  const parsed = parseStoredConfig(v.config);
  if (!parsed.ok) return { ...damaged(clip(parsed.errors.slice(0, 3).join('; '), 300)), replacedAt, reason };
  return { key, replacedAt, reason, config: parsed.config, problem: null, raw: null, keptAside: false };
}

export class ReplacedWorlds {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every entry, newest first. */
  list(): ReplacedList {
    let keys: string[];
    try {
      keys = this.store.keys().filter((k) => k.startsWith(REPLACED_PREFIX));
    } catch (e) {
      return { entries: this.memoryEntries(), problem: `Storage cannot be read (${errorText(e)}).` };
    }
    const entries: ReplacedWorld[] = this.memoryEntries();
    for (const key of keys) {
      const read = tryRead(this.store, key);
      if (!read.ok) entries.push({ ...readReplaced(key, ''), problem: read.message, raw: null });
      else if (read.raw !== null) entries.push(readReplaced(key, read.raw));
    }
    entries.sort((a, b) => b.replacedAt - a.replacedAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    return { entries, problem: null };
  }

  /**
   * Keeps `config`, the world about to be replaced, with why. A full storage pushes out the oldest
   * replaced worlds first; if even that is not enough, the result says so.
   */
  record(config: Config, reason: string): RecordResult {
    const text = JSON.stringify(config);
    if (text === JSON.stringify(defaultConfig())) return { ok: true, kept: false };
    const { entries } = this.list();
    for (const e of entries)
      if (!e.keptAside && e.config && JSON.stringify(e.config) === text) this.remove(e.key);
    const value = JSON.stringify({ replacedAt: this.now(), reason: clip(reason, 200), config });
    const written = this.writeNew(value, true);
    if (!written.ok) {
      if (written.code !== 'quota' && written.code !== 'unavailable') return written;
      const memory = inMemory.get(this.store) ?? new Map<string, string>();
      inMemory.set(this.store, memory);
      memory.set(this.newKey(), value);
      for (const key of [...memory.keys()].sort().slice(0, -HISTORY_SIZE)) memory.delete(key);
      return { ok: true, kept: true, memoryOnly: true, reason: written.message };
    }
    this.prune();
    return { ok: true, kept: true };
  }

  /**
   * Keeps the text of a rejected autosave (once: the same text is not kept twice). Never drops other
   * entries to make room: the caller must not overwrite the autosave if this fails.
   */
  keepAside(raw: string, reason: string): StorageResult {
    const { entries, problem } = this.list();
    if (problem) return { ok: false, code: 'unavailable', message: problem };
    if (entries.some((e) => e.keptAside && e.raw === raw)) return { ok: true };
    return this.writeNew(
      JSON.stringify({ replacedAt: this.now(), reason: clip(reason, 200), keptAside: true, raw }),
      false,
    );
  }

  remove(key: string): StorageResult {
    if (!key.startsWith(REPLACED_PREFIX))
      return { ok: false, code: 'not-found', message: 'That is not a replaced world.' };
    if (inMemory.get(this.store)?.delete(key)) return { ok: true };
    return tryWrite(() => this.store.removeItem(key));
  }

  private memoryEntries(): ReplacedWorld[] {
    return [...(inMemory.get(this.store) ?? [])].map(([key, raw]) => ({
      ...readReplaced(key, raw),
      memoryOnly: true,
    }));
  }

  private newKey(): string {
    return `${REPLACED_PREFIX}${String(this.now()).padStart(15, '0')}-${String(sequence++).padStart(6, '0')}`;
  }

  private writeNew(value: string, mayDropOld: boolean): StorageResult {
    const key = this.newKey();
    for (;;) {
      const r = tryWrite(() => this.store.setItem(key, value));
      if (r.ok || r.code !== 'quota' || !mayDropOld) return r;
      const oldest = this.droppable().at(-1);
      if (!oldest) return r;
      const removed = this.remove(oldest.key);
      if (!removed.ok) return r;
    }
  }

  /** The ordinary (not kept-aside), readable entries, newest first: what may be pushed out. */
  private droppable(): ReplacedWorld[] {
    return this.list().entries.filter((e) => !e.keptAside && e.config !== null && !e.memoryOnly);
  }

  private prune(): void {
    for (const e of this.droppable().slice(HISTORY_SIZE)) this.remove(e.key);
  }
}
