/**
 * The small storage interface behind saved configs and autosave: localStorage in the browser, an
 * in-memory map in tests (or when the browser refuses storage, e.g. in a sandboxed iframe).
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  /** May throw: a full quota, or storage disabled. */
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

export type StorageErrorCode = 'quota' | 'unavailable' | 'exists' | 'invalid-name' | 'not-found';
export type StorageResult = { ok: true } | { ok: false; code: StorageErrorCode; message: string };

export const QUOTA_MESSAGE =
  'Browser storage is full. Delete some saved configs (export them as JSON files first if you want to keep them) and try again.';

/** An in-memory store; `quotaChars` makes writes beyond that total size throw like a full localStorage. */
export function memoryStore(initial: Record<string, string> = {}, quotaChars = Infinity): KeyValueStore {
  const map = new Map(Object.entries(initial));
  const size = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const after = size() - (map.has(k) ? k.length + map.get(k)!.length : 0) + k.length + v.length;
      if (after > quotaChars) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(k, String(v));
    },
    removeItem: (k) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

/** Whether an exception from setItem means "storage is full" (names differ between browsers). */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

/** The text of an exception, for a message. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs a write, turning exceptions into a result with a message for the user. */
export function tryWrite(write: () => void): StorageResult {
  try {
    write();
    return { ok: true };
  } catch (e) {
    if (isQuotaError(e)) return { ok: false, code: 'quota', message: QUOTA_MESSAGE };
    return { ok: false, code: 'unavailable', message: `The browser refused to save (${errorText(e)}).` };
  }
}

/** Reads one key; a store that throws gives a message instead. */
export function tryRead(
  store: KeyValueStore,
  key: string,
): { ok: true; raw: string | null } | { ok: false; message: string } {
  try {
    return { ok: true, raw: store.getItem(key) };
  } catch (e) {
    return { ok: false, message: `storage cannot be read (${errorText(e)})` };
  }
}

export interface OpenedStore {
  store: KeyValueStore;
  /** False when the browser refused localStorage and a memory store stands in (nothing survives a reload). */
  persistent: boolean;
}

function wrapStorage(s: Storage): KeyValueStore {
  return {
    getItem: (k) => s.getItem(k),
    setItem: (k, v) => s.setItem(k, v),
    removeItem: (k) => s.removeItem(k),
    keys: () => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) out.push(k);
      }
      return out;
    },
  };
}

let opened: OpenedStore | null = null;

/** The browser's localStorage (probed once), or a memory store if it is unavailable. */
export function browserStore(): OpenedStore {
  if (opened) return opened;
  try {
    const s = globalThis.localStorage;
    const probe = '__gridworld_probe__';
    try {
      s.setItem(probe, '1');
      s.removeItem(probe);
    } catch (e) {
      if (!isQuotaError(e)) throw e; // full but readable: still the real store
    }
    opened = { store: wrapStorage(s), persistent: true };
  } catch {
    opened = { store: memoryStore(), persistent: false };
  }
  return opened;
}
