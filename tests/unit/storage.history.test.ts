import { describe, expect, it } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { AUTOSAVE_KEY } from '../../src/storage/autosave';
import { memoryStore, QUOTA_MESSAGE, type KeyValueStore } from '../../src/storage/keyValueStore';
import {
  HISTORY_SIZE,
  REPLACED_PREFIX,
  ReplacedWorlds,
  readReplaced,
} from '../../src/storage/replacedWorlds';

function world(seed: number, type: Config['agent']['type'] = 'q-learning'): Config {
  const c = defaultConfig();
  c.agent = defaultAgent(type);
  c.train.seed = seed;
  c.env.gamma = 0.5;
  return c;
}

function clock(start = 1_000) {
  let t = start;
  return () => (t += 1000);
}

describe('replaced worlds', () => {
  it('keeps replaced worlds newest first, with when and why', () => {
    const store = memoryStore();
    const h = new ReplacedWorlds(store, clock());
    expect(h.record(world(1), 'Opened a link')).toEqual({ ok: true, kept: true });
    expect(h.record(world(2, 'sarsa'), 'Loaded the preset “Cliff”')).toEqual({ ok: true, kept: true });
    const { entries, problem } = h.list();
    expect(problem).toBeNull();
    expect(entries.map((e) => [e.config?.train.seed, e.reason])).toEqual([
      [2, 'Loaded the preset “Cliff”'],
      [1, 'Opened a link'],
    ]);
    expect(entries[0].replacedAt).toBeGreaterThan(entries[1].replacedAt);
    expect(entries.every((e) => !e.keptAside && e.problem === null)).toBe(true);
  });

  it('keeps at least the last 5 distinct worlds, a repeated one moved to the top, not stored twice', () => {
    const store = memoryStore();
    const h = new ReplacedWorlds(store, clock());
    expect(HISTORY_SIZE).toBeGreaterThanOrEqual(5);
    for (let i = 1; i <= HISTORY_SIZE + 3; i++) h.record(world(i), `step ${i}`);
    let seeds = h.list().entries.map((e) => e.config?.train.seed);
    expect(seeds).toHaveLength(HISTORY_SIZE);
    expect(seeds[0]).toBe(HISTORY_SIZE + 3);
    expect(seeds.at(-1)).toBe(4);
    h.record(world(6), 'again');
    seeds = h.list().entries.map((e) => e.config?.train.seed);
    expect(seeds).toHaveLength(HISTORY_SIZE);
    expect(seeds[0]).toBe(6);
    expect(seeds.filter((s) => s === 6)).toHaveLength(1);
    expect(store.keys().filter((k) => k.startsWith(REPLACED_PREFIX))).toHaveLength(HISTORY_SIZE);
  });

  it('does not keep the untouched default world', () => {
    const store = memoryStore();
    expect(new ReplacedWorlds(store).record(defaultConfig(), 'Opened a link')).toEqual({
      ok: true,
      kept: false,
    });
    expect(store.keys()).toEqual([]);
  });

  it('keeps a rejected autosave aside, once, never pushed out, openable once this version can read it', () => {
    const store = memoryStore();
    const h = new ReplacedWorlds(store, clock());
    const future = JSON.stringify({ savedAt: 3, config: { ...defaultConfig(), version: 99 } });
    expect(h.keepAside(future, 'Your autosave could not be opened')).toEqual({ ok: true });
    expect(h.keepAside(future, 'Your autosave could not be opened')).toEqual({ ok: true });
    const readable = JSON.stringify({ savedAt: 4, config: world(42) });
    h.keepAside(readable, 'kept');
    for (let i = 1; i <= HISTORY_SIZE + 2; i++) h.record(world(i), `step ${i}`);
    const kept = h.list().entries.filter((e) => e.keptAside);
    expect(kept).toHaveLength(2);
    const fromFuture = kept.find((e) => e.raw === future)!;
    expect(fromFuture.config).toBeNull();
    expect(fromFuture.problem).toMatch(/newer version/);
    expect(kept.find((e) => e.raw === readable)!.config).toEqual(world(42));
    expect(h.remove(fromFuture.key)).toEqual({ ok: true });
    expect(h.list().entries.filter((e) => e.keptAside)).toHaveLength(1);
  });

  it('reports damaged entries (with their text) instead of failing, and can delete them', () => {
    const store = memoryStore({
      [`${REPLACED_PREFIX}000000000000005-000001`]: '{"config":',
      [`${REPLACED_PREFIX}000000000000004-000001`]: '[1]',
      [`${REPLACED_PREFIX}000000000000003-000001`]: JSON.stringify({
        reason: 'x',
        config: { version: 2, env: { grid: [] } },
      }),
      [`${REPLACED_PREFIX}000000000000002-000001`]: JSON.stringify({
        keptAside: true,
        raw: '{"version":1,"env":{"grid":[]}}',
      }),
      [AUTOSAVE_KEY]: 'not ours to list',
    });
    const h = new ReplacedWorlds(store);
    const { entries } = h.list();
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => e.config === null && e.problem)).toBe(true);
    expect(entries[0]).toMatchObject({
      replacedAt: 5,
      raw: '{"config":',
      problem: expect.stringMatching(/damaged/),
    });
    expect(entries[3]).toMatchObject({ keptAside: true, raw: '{"version":1,"env":{"grid":[]}}' });
    // Damaged entries are never pushed out silently; a new world is still kept.
    expect(h.record(world(3), 'r')).toMatchObject({ ok: true });
    expect(h.list().entries).toHaveLength(5);
    expect(h.remove(entries[0].key)).toEqual({ ok: true });
    expect(h.remove(AUTOSAVE_KEY)).toMatchObject({ ok: false });
    expect(store.getItem(AUTOSAVE_KEY)).toBe('not ours to list');
  });

  it('a readReplaced of hostile text never throws', () => {
    for (const raw of [
      '',
      'null',
      '"x"',
      '{"keptAside":true}',
      '{"keptAside":true,"raw":5}',
      '{"__proto__":{}}',
    ])
      expect(readReplaced(`${REPLACED_PREFIX}1-1`, raw).config).toBeNull();
  });

  it('a full storage pushes out the oldest replaced worlds, never a kept-aside autosave', () => {
    const size = JSON.stringify({ replacedAt: 0, reason: 'step 1', config: world(1) }).length + 40;
    const store = memoryStore({}, size * 3 + 200);
    const h = new ReplacedWorlds(store, clock());
    h.keepAside('{"damaged', 'kept');
    for (let i = 1; i <= 6; i++)
      expect(h.record(world(i), `step ${i}`)).toMatchObject({ ok: true, kept: true });
    const { entries } = h.list();
    expect(entries[0].config?.train.seed).toBe(6);
    expect(entries.length).toBeLessThan(7);
    expect(entries.some((e) => e.keptAside)).toBe(true);
    // Nothing to push out and still no room: kept aside autosaves are refused with a message.
    const tiny = new ReplacedWorlds(memoryStore({}, 10));
    expect(tiny.keepAside('x'.repeat(50), 'r')).toMatchObject({ ok: false, code: 'quota' });
  });

  it('a world replaced while storage is full is kept in memory, listed, restorable and deletable', () => {
    const store = memoryStore({}, 10);
    const h = new ReplacedWorlds(store, clock());
    expect(h.record(world(1), 'Opened a link')).toEqual({
      ok: true,
      kept: true,
      memoryOnly: true,
      reason: QUOTA_MESSAGE,
    });
    // Another instance over the same store (the Saved configs dialog makes its own) sees it too.
    const { entries } = new ReplacedWorlds(store).list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ memoryOnly: true, reason: 'Opened a link', problem: null });
    expect(entries[0].config?.train.seed).toBe(1);
    for (let i = 2; i <= HISTORY_SIZE + 3; i++) h.record(world(i), `step ${i}`);
    expect(h.list().entries).toHaveLength(HISTORY_SIZE);
    expect(h.list().entries[0].config?.train.seed).toBe(HISTORY_SIZE + 3);
    expect(h.remove(h.list().entries[0].key)).toEqual({ ok: true });
    expect(h.list().entries).toHaveLength(HISTORY_SIZE - 1);
    // A store with room is not affected.
    expect(new ReplacedWorlds(memoryStore()).list().entries).toHaveLength(0);
  });

  it('survives a store that throws on every call', () => {
    const fail = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const broken: KeyValueStore = { getItem: fail, setItem: fail, removeItem: fail, keys: fail };
    const h = new ReplacedWorlds(broken);
    expect(h.list().problem).toMatch(/cannot be read/);
    expect(h.record(world(1), 'r')).toMatchObject({ ok: true, memoryOnly: true });
    expect(h.list()).toMatchObject({ problem: expect.stringMatching(/cannot be read/) });
    expect(h.list().entries.map((e) => e.config?.train.seed)).toEqual([1]);
    expect(h.keepAside('x', 'r')).toMatchObject({ ok: false });
  });
});
