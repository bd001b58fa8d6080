import { describe, expect, it, vi } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { AUTOSAVE_KEY, Autosaver, readAutosave, writeAutosave } from '../../src/storage/autosave';
import { memoryStore, type KeyValueStore } from '../../src/storage/keyValueStore';

function manualTimers() {
  let next: (() => void) | null = null;
  return {
    setTimer: (fn: () => void) => {
      next = fn;
      return 1;
    },
    clearTimer: () => {
      next = null;
    },
    fire: () => next?.(),
    get armed() {
      return next !== null;
    },
  };
}

describe('autosave', () => {
  it('reads back what it wrote', () => {
    const store = memoryStore();
    expect(readAutosave(store)).toEqual({ status: 'none' });
    const c = defaultConfig();
    c.agent = defaultAgent('dyna-q');
    expect(writeAutosave(store, c, 77)).toEqual({ ok: true });
    expect(readAutosave(store)).toEqual({ status: 'ok', config: c, savedAt: 77 });
  });

  it('reports damaged and outdated autosaves instead of failing', () => {
    expect(readAutosave(memoryStore({ [AUTOSAVE_KEY]: 'nope' }))).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/damaged/),
    });
    const future = JSON.stringify({ config: { ...defaultConfig(), version: 3 } });
    expect(readAutosave(memoryStore({ [AUTOSAVE_KEY]: future }))).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/newer app/),
    });
    const bare = '{"version":1,"env":{"grid":[]}}';
    expect(readAutosave(memoryStore({ [AUTOSAVE_KEY]: bare }))).toMatchObject({
      status: 'problem',
      reason: 'it is damaged',
      raw: bare,
    });
    expect(readAutosave(memoryStore({ [AUTOSAVE_KEY]: future }))).toMatchObject({
      reason: 'it was made by a newer version of this app',
      raw: future,
    });
    const emptyGrid = JSON.stringify({ savedAt: 1, config: { version: 2, env: { grid: [] } } });
    expect(readAutosave(memoryStore({ [AUTOSAVE_KEY]: emptyGrid }))).toMatchObject({
      status: 'problem',
      raw: emptyGrid,
    });
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
    } as unknown as KeyValueStore;
    expect(readAutosave(throwing)).toMatchObject({ status: 'problem', raw: null, message: /cannot be read/ });
  });

  it('debounces writes and skips an unchanged config', () => {
    const store = memoryStore();
    const setItem = vi.spyOn(store, 'setItem');
    const timers = manualTimers();
    const saver = new Autosaver(store, timers);
    const a = defaultConfig();
    const b = defaultConfig();
    b.env.gamma = 0.5;
    saver.schedule(a);
    saver.schedule(b);
    expect(setItem).not.toHaveBeenCalled();
    timers.fire();
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(readAutosave(store)).toMatchObject({ status: 'ok', config: b });
    saver.schedule(structuredClone(b));
    timers.fire();
    expect(setItem).toHaveBeenCalledTimes(1);
  });

  it('flush writes the pending config at once (page hidden or closed); cancel drops it', () => {
    const store = memoryStore();
    const timers = manualTimers();
    const saver = new Autosaver(store, timers);
    const c = defaultConfig();
    c.train.seed = 9;
    saver.schedule(c);
    expect(saver.flush()).toEqual({ ok: true });
    expect(timers.armed).toBe(false);
    expect(readAutosave(store)).toMatchObject({ status: 'ok', config: { train: { seed: 9 } } });
    c.train.seed = 10;
    saver.schedule(structuredClone(c));
    saver.cancel();
    saver.flush();
    expect(readAutosave(store)).toMatchObject({ config: { train: { seed: 9 } } });
  });

  it('does not rewrite the config it was told is already saved', () => {
    const store = memoryStore();
    const setItem = vi.spyOn(store, 'setItem');
    const saver = new Autosaver(store, manualTimers());
    saver.markSaved(defaultConfig());
    saver.schedule(defaultConfig());
    saver.flush();
    expect(setItem).not.toHaveBeenCalled();
  });

  it('reports a full quota once, and again only after a success', () => {
    let full = true;
    const inner = memoryStore();
    const store: KeyValueStore = {
      ...inner,
      setItem: (k, v) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        inner.setItem(k, v);
      },
    };
    const onError = vi.fn();
    const saver = new Autosaver(store, { ...manualTimers(), onError });
    const c = defaultConfig();
    for (let seed = 1; seed <= 3; seed++) {
      saver.schedule({ ...c, train: { ...c.train, seed } });
      expect(saver.flush()).toMatchObject({ ok: false, code: 'quota' });
    }
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0].message).toMatch(/storage is full/);
    full = false;
    saver.schedule({ ...c, train: { ...c.train, seed: 4 } });
    expect(saver.flush()).toEqual({ ok: true });
    full = true;
    saver.schedule({ ...c, train: { ...c.train, seed: 5 } });
    saver.flush();
    expect(onError).toHaveBeenCalledTimes(2);
  });
});
