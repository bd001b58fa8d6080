import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import {
  QUOTA_MESSAGE,
  browserStore,
  isQuotaError,
  memoryStore,
  type KeyValueStore,
} from '../../src/storage/keyValueStore';
import { AUTOSAVE_KEY, readAutosave } from '../../src/storage/autosave';
import { ReplacedWorlds } from '../../src/storage/replacedWorlds';
import { SAVED_PREFIX, SavedConfigs, checkName } from '../../src/storage/savedConfigs';

// The validator can be made to throw, to prove that storage never passes an exception on.
const validator = vi.hoisted(() => ({ throws: false }));
vi.mock('../../src/config/migrate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/config/migrate')>();
  return {
    ...real,
    parseVersionedConfig: (input: unknown) => {
      if (validator.throws) throw new TypeError("Cannot read properties of undefined (reading 'length')");
      return real.parseVersionedConfig(input);
    },
  };
});
afterEach(() => {
  validator.throws = false;
});

function sarsaWorld(): Config {
  const c = defaultConfig();
  c.agent = defaultAgent('sarsa');
  c.env.grid = ['S..', '.#.', '..G'];
  return c;
}

let clock = 1000;
const tick = () => (clock += 1000);

describe('saved configs', () => {
  it('saves, lists (newest first), loads, renames and deletes', () => {
    const saved = new SavedConfigs(memoryStore(), tick);
    expect(saved.save('First', defaultConfig())).toEqual({ ok: true });
    expect(saved.save('  Second   world ', sarsaWorld())).toEqual({ ok: true });
    expect(saved.list().entries.map((e) => e.name)).toEqual(['Second world', 'First']);

    const loaded = saved.load('Second world');
    expect(loaded.ok && loaded.entry.config).toEqual(sarsaWorld());

    expect(saved.rename('First', 'Renamed')).toEqual({ ok: true });
    expect(
      saved
        .list()
        .entries.map((e) => e.name)
        .sort(),
    ).toEqual(['Renamed', 'Second world']);
    expect(saved.load('First').ok).toBe(false);
    const renamed = saved.load('Renamed');
    expect(renamed.ok && renamed.entry.config).toEqual(defaultConfig());

    expect(saved.remove('Renamed')).toEqual({ ok: true });
    expect(saved.list().entries.map((e) => e.name)).toEqual(['Second world']);
    expect(saved.remove('Renamed')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('refuses to overwrite silently, and overwrites when asked', () => {
    const saved = new SavedConfigs(memoryStore(), tick);
    saved.save('A', defaultConfig());
    saved.save('B', sarsaWorld());
    expect(saved.save('A', sarsaWorld())).toMatchObject({ ok: false, code: 'exists' });
    expect(saved.rename('B', 'A')).toMatchObject({ ok: false, code: 'exists' });
    expect(saved.save('A', sarsaWorld(), { overwrite: true })).toEqual({ ok: true });
    const a = saved.load('A');
    expect(a.ok && a.entry.config.agent.type).toBe('sarsa');
    expect(saved.rename('B', 'A', { overwrite: true })).toEqual({ ok: true });
    expect(saved.list().entries.map((e) => e.name)).toEqual(['A']);
  });

  it('checks names', () => {
    expect(checkName('   ')).toMatchObject({ ok: false });
    expect(checkName('x'.repeat(61))).toMatchObject({ ok: false });
    expect(checkName('tab\there')).toEqual({ ok: true, name: 'tab here' });
    expect(checkName('bell\u0007')).toMatchObject({ ok: false });
    const saved = new SavedConfigs(memoryStore());
    expect(saved.save('', defaultConfig())).toMatchObject({ ok: false, code: 'invalid-name' });
    expect(saved.rename('nothing', 'x')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('keeps a name with markup as plain text', () => {
    const saved = new SavedConfigs(memoryStore());
    saved.save('<img src=x onerror=alert(1)>', defaultConfig());
    expect(saved.list().entries[0].name).toBe('<img src=x onerror=alert(1)>');
  });

  it('reports and skips corrupt and outdated entries without losing the good ones', () => {
    const good = JSON.stringify({ name: 'Good', savedAt: 5, config: defaultConfig() });
    const store = memoryStore({
      [`${SAVED_PREFIX}Good`]: good,
      [`${SAVED_PREFIX}Not JSON`]: '{"name":',
      [`${SAVED_PREFIX}Not an entry`]: '[1,2,3]',
      [`${SAVED_PREFIX}Bad config`]: JSON.stringify({ config: { version: 2, env: { grid: ['..'] } } }),
      [`${SAVED_PREFIX}From the future`]: JSON.stringify({ config: { ...defaultConfig(), version: 9 } }),
      [`${SAVED_PREFIX}Polluted`]: '{"config":{"__proto__":{"x":1}}}',
      [`${SAVED_PREFIX}Legacy v0`]: JSON.stringify({ savedAt: 1, config: { grid: ['SG'], agent: 'sarsa' } }),
      'some-other-app': 'not ours',
    });
    const { entries, problems } = new SavedConfigs(store).list();
    expect(entries.map((e) => e.name)).toEqual(['Good', 'Legacy v0']);
    expect(entries[1].config.agent.type).toBe('sarsa');
    const byName = Object.fromEntries(problems.map((p) => [p.name, p.message]));
    expect(Object.keys(byName).sort()).toEqual([
      'Bad config',
      'From the future',
      'Not JSON',
      'Not an entry',
      'Polluted',
    ]);
    expect(byName['Not JSON']).toMatch(/damaged.*not valid JSON/);
    expect(byName['From the future']).toMatch(/newer app/);
    expect(byName['Bad config']).toMatch(/start/);
    expect(byName['Polluted']).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();

    const saved = new SavedConfigs(store);
    expect(saved.load('Not JSON')).toMatchObject({ ok: false });
    expect(saved.removeKey(`${SAVED_PREFIX}Not JSON`)).toEqual({ ok: true });
    expect(saved.list().problems).toHaveLength(4);
    expect(saved.removeKey('some-other-app')).toMatchObject({ ok: false });
    expect(store.getItem('some-other-app')).toBe('not ours');
  });

  it('reports a full quota and leaves the existing entries intact', () => {
    const store = memoryStore({}, 3000);
    const saved = new SavedConfigs(store, tick);
    expect(saved.save('Small', defaultConfig())).toEqual({ ok: true });
    const big = defaultConfig();
    big.env.grid = Array.from({ length: 50 }, (_, y) => (y ? '.'.repeat(50) : 'S'.padEnd(50, '.')));
    const r = saved.save('Big', big);
    expect(r).toEqual({ ok: false, code: 'quota', message: QUOTA_MESSAGE });
    expect(saved.list().entries.map((e) => e.name)).toEqual(['Small']);
    expect(saved.rename('Small', 'Small but renamed')).toEqual({ ok: true });
  });

  it('survives a store that throws on every call', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      keys: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const saved = new SavedConfigs(broken);
    expect(saved.list().problems[0].message).toMatch(/cannot be read/);
    expect(saved.save('x', defaultConfig())).toMatchObject({ ok: false, code: 'unavailable' });
    expect(saved.load('x')).toMatchObject({ ok: false });
  });

  it('recognises quota errors from every browser', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('uses the real localStorage when it is available', () => {
    const opened = browserStore();
    expect(opened.persistent).toBe(true);
    const saved = new SavedConfigs(opened.store);
    saved.save('In localStorage', defaultConfig());
    expect(localStorage.getItem(`${SAVED_PREFIX}In localStorage`)).toContain('"version":2');
    localStorage.clear();
  });
});

describe('hostile stored values', () => {
  const entry = (config: unknown) => JSON.stringify({ savedAt: 1, config });

  it('an entry with an empty grid is a reported problem, not a crash', () => {
    const store = memoryStore({
      [`${SAVED_PREFIX}Empty grid`]: entry({ version: 2, env: { grid: [] } }),
      [`${SAVED_PREFIX}Good`]: entry(defaultConfig()),
    });
    const { entries, problems } = new SavedConfigs(store).list();
    expect(entries.map((e) => e.name)).toEqual(['Good']);
    expect(problems.map((p) => p.name)).toEqual(['Empty grid']);
    expect(new SavedConfigs(store).load('Empty grid')).toMatchObject({ ok: false });
    expect(
      readAutosave(memoryStore({ [AUTOSAVE_KEY]: entry({ version: 2, env: { grid: [] } }) })),
    ).toMatchObject({
      status: 'problem',
    });
  });

  it('a validator that throws makes every reader report a problem instead of throwing', () => {
    const store = memoryStore({
      [`${SAVED_PREFIX}Good`]: entry(defaultConfig()),
      [AUTOSAVE_KEY]: entry(defaultConfig()),
    });
    new ReplacedWorlds(store).keepAside(entry(defaultConfig()), 'kept');
    validator.throws = true;
    const saved = new SavedConfigs(store);
    expect(saved.list()).toMatchObject({
      entries: [],
      problems: [{ name: 'Good', message: expect.stringMatching(/could not be checked/) }],
    });
    expect(saved.load('Good')).toMatchObject({ ok: false });
    expect(readAutosave(store)).toMatchObject({ status: 'problem', raw: entry(defaultConfig()) });
    expect(new ReplacedWorlds(store).list().entries).toMatchObject([{ config: null, keptAside: true }]);
  });
});
