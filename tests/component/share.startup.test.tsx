import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import LZString from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeConfig, encodeConfig, shareUrl } from '../../src/config/codec';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { loadPreset } from '../../src/store/story';
import { AUTOSAVE_KEY, readAutosave, writeAutosave } from '../../src/storage/autosave';
import { browserStore, memoryStore } from '../../src/storage/keyValueStore';
import { ReplacedWorlds } from '../../src/storage/replacedWorlds';
import { initShare } from '../../src/store/initShare';
import { useShareState } from '../../src/store/shareState';
import { resolveStartupConfig } from '../../src/store/startupConfig';
import { StartupNotice } from '../../src/ui/share/StartupNotice';
import { embedCode, embedUrl, parseUrlFlags } from '../../src/store/urlFlags';

// Hostile-input switches: the validator and the URL-flag parser can be made to throw.
const sabotage = vi.hoisted(() => ({ validator: false, flags: false }));
vi.mock('../../src/config/migrate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/config/migrate')>();
  return {
    ...real,
    parseVersionedConfig: (input: unknown) => {
      if (sabotage.validator) throw new TypeError("Cannot read properties of undefined (reading 'length')");
      return real.parseVersionedConfig(input);
    },
  };
});
vi.mock('../../src/store/urlFlags', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/urlFlags')>();
  return {
    ...real,
    parseUrlFlags: (hash: string) => {
      const flags = real.parseUrlFlags(hash);
      if (!sabotage.flags) return flags;
      return {
        ...flags,
        get embed(): boolean {
          throw new Error('flags exploded');
        },
      };
    },
  };
});
afterEach(() => {
  sabotage.validator = false;
  sabotage.flags = false;
});

/** A world that is not the default one (the untouched default world is never kept). */
function world(seed: number, type: Config['agent']['type'] = 'q-learning'): Config {
  const c = defaultConfig();
  c.agent = defaultAgent(type);
  c.train.seed = seed;
  c.env.gamma = 0.5;
  return c;
}

const autosaveText = (config: unknown) => JSON.stringify({ savedAt: 1, config });
/** A link whose payload is exactly `json` (no compaction, no validation). */
const rawLink = (json: string) => `#c=${LZString.compressToEncodedURIComponent(json)}`;
const replaced = (store = browserStore().store) => new ReplacedWorlds(store).list().entries;

describe('URL flags', () => {
  it.each([
    ['', { embed: false, present: false, controls: true, hasConfig: false }],
    ['#embed=1&c=abc', { embed: true, present: false, controls: true, hasConfig: true }],
    ['#embed&controls=0&c=x', { embed: true, present: false, controls: false, hasConfig: true }],
    ['#present=yes', { embed: false, present: true, controls: true, hasConfig: false }],
    ['#embed=maybe&c=', { embed: false, present: false, controls: true, hasConfig: true }],
  ])('%s', (hash, flags) => expect(parseUrlFlags(hash)).toEqual(flags));

  it('embed links and code open the same config in embed mode', () => {
    const url = embedUrl('https://x.org/', world(3), { controls: false });
    expect(parseUrlFlags(url.slice(url.indexOf('#')))).toMatchObject({ embed: true, controls: false });
    expect(embedCode('https://x.org/', world(3))).toMatch(
      /^<iframe src="https:\/\/x\.org\/#embed=1&amp;c=[^"]+"/,
    );
  });
});

describe('resolveStartupConfig', () => {
  it('uses a valid link, and keeps different autosaved work in the replaced worlds', () => {
    const store = memoryStore();
    writeAutosave(store, world(7));
    const r = resolveStartupConfig(`#c=${encodeConfig(world(1, 'sarsa'))}`, store);
    expect(r).toMatchObject({ source: 'link', problem: null, autosaveProblem: null, previousKept: true });
    expect(r.config).toEqual(world(1, 'sarsa'));
    expect(replaced(store)).toMatchObject([{ config: world(7), reason: 'Opened a link' }]);
  });

  it('opening link B after link A keeps both earlier worlds, not only the last one', () => {
    const store = memoryStore();
    writeAutosave(store, world(7));
    resolveStartupConfig(`#c=${encodeConfig(world(1))}`, store);
    writeAutosave(store, world(2)); // the user edited the world of link A
    resolveStartupConfig(`#c=${encodeConfig(world(3))}`, store);
    expect(replaced(store).map((e) => e.config?.train.seed)).toEqual([2, 7]);
  });

  it('does not keep anything when the autosave already equals the link', () => {
    const store = memoryStore();
    writeAutosave(store, world(1));
    expect(resolveStartupConfig(`#c=${encodeConfig(world(1))}`, store).previousKept).toBe(false);
    expect(replaced(store)).toEqual([]);
  });

  it('a broken link gives a message and the default world', () => {
    const r = resolveStartupConfig('#c=this-is-not-a-link', memoryStore());
    expect(r.source).toBe('default');
    expect(r.config).toEqual(defaultConfig());
    expect(r.problem?.title).toBe('This link could not be opened');
    expect(r.problem?.fallback).toMatch(/default world/);
    expect(r.problem?.details.join()).toMatch(/damaged|cut off/);
  });

  it('a broken link falls back to autosaved work when there is some', () => {
    const store = memoryStore();
    writeAutosave(store, world(9));
    const r = resolveStartupConfig('#c=', store);
    expect(r).toMatchObject({ source: 'autosave', config: world(9) });
    expect(r.problem?.fallback).toMatch(/autosaved/);
  });

  it('without a link: the autosave, or the default with a message if it is damaged', () => {
    const store = memoryStore();
    expect(resolveStartupConfig('', store)).toMatchObject({ source: 'default', problem: null });
    writeAutosave(store, world(4));
    expect(resolveStartupConfig('#present=1', store)).toMatchObject({ source: 'autosave', config: world(4) });
    const damaged = resolveStartupConfig('', memoryStore({ [AUTOSAVE_KEY]: '{"config":' }));
    expect(damaged).toMatchObject({
      source: 'default',
      problem: null,
      autosaveProblem: {
        title:
          'Your autosaved world could not be opened (it is damaged); it was kept aside: see Saved configs',
      },
    });
  });

  it('embed mode never reads or writes the visitor’s work', () => {
    const store = memoryStore();
    writeAutosave(store, world(4));
    const before = JSON.stringify(store.keys().map((k) => [k, store.getItem(k)]));
    const r = resolveStartupConfig(`#embed=1&c=${encodeConfig(world(2))}`, store);
    expect(r).toMatchObject({ source: 'link', previousKept: false });
    expect(resolveStartupConfig('#embed=1&c=bad', store).config).toEqual(defaultConfig());
    expect(JSON.stringify(store.keys().map((k) => [k, store.getItem(k)]))).toBe(before);
  });
});

describe('resolveStartupConfig with hostile input never throws', () => {
  const hostileAutosaves: Array<[string, string]> = [
    ['a bare config with an empty grid', '{"version":1,"env":{"grid":[]}}'],
    ['an autosave whose config has an empty grid', autosaveText({ version: 2, env: { grid: [] } })],
    ['garbage', '\u0000\uFFFF{{{{ not json'],
    ['an array', '[[[[[]]]]]'],
    ['a polluted object', '{"config":{"__proto__":{"x":1}}}'],
    ['deep nesting', '['.repeat(5000)],
  ];
  it.each(hostileAutosaves)('autosave: %s gives the default world and keeps it aside', (_, raw) => {
    const store = memoryStore({ [AUTOSAVE_KEY]: raw });
    const r = resolveStartupConfig('', store);
    expect(r).toMatchObject({ source: 'default', keepAutosaveSlot: false, problem: null });
    expect(r.config).toEqual(defaultConfig());
    expect(r.autosaveProblem?.title).toMatch(
      /^Your autosaved world could not be opened \(.+\); it was kept aside/,
    );
    expect(r.autosaveProblem?.advice).toMatch(/Recently replaced/);
    expect(r.autosaveProblem?.advice).not.toMatch(/sender/);
    expect(replaced(store)).toMatchObject([{ keptAside: true, raw, config: null }]);
  });

  it('an autosave from a newer version says so', () => {
    const raw = autosaveText({ ...defaultConfig(), version: 7 });
    const r = resolveStartupConfig('', memoryStore({ [AUTOSAVE_KEY]: raw }));
    expect(r.autosaveProblem?.title).toBe(
      'Your autosaved world could not be opened (it was made by a newer version of this app); it was kept aside: see Saved configs',
    );
  });

  it.each([
    ['an empty grid', '{"version":1,"env":{"grid":[]}}'],
    ['grid: null', '{"version":1,"env":{"grid":null},"agent":{"type":"sarsa"}}'],
    ['not an object', '"just a string"'],
  ])('a link with %s gives the fallback world and a link message', (_, json) => {
    const store = memoryStore();
    writeAutosave(store, world(9));
    const r = resolveStartupConfig(rawLink(json), store);
    expect(r).toMatchObject({ source: 'autosave', config: world(9), autosaveProblem: null });
    expect(r.problem).toMatchObject({ title: 'This link could not be opened', fallback: /autosaved/ });
    expect(r.problem?.advice).toMatch(/sender/);
    expect(resolveStartupConfig(rawLink(json), memoryStore()).config).toEqual(defaultConfig());
  });

  it('a validator that throws: the default world, both messages, the autosave kept aside', () => {
    const raw = autosaveText(world(5));
    const store = memoryStore({ [AUTOSAVE_KEY]: raw });
    sabotage.validator = true;
    const r = resolveStartupConfig(`#c=${encodeConfig(world(6))}`, store);
    expect(r).toMatchObject({ source: 'default', keepAutosaveSlot: false });
    expect(r.config).toEqual(defaultConfig());
    expect(r.problem?.details.join()).toMatch(/could not be (read|checked)/);
    expect(r.autosaveProblem?.title).toMatch(/could not be opened.*kept aside/);
    expect(r.autosaveProblem?.details.join()).toMatch(/could not be checked/);
    sabotage.validator = false;
    // Once the app can read it again, it can be restored.
    expect(replaced(store)).toMatchObject([{ keptAside: true, raw, config: world(5) }]);
  });

  it('a rejected autosave that cannot be kept aside makes the caller leave the slot alone', () => {
    const raw = '{"damaged';
    const store = memoryStore({ [AUTOSAVE_KEY]: raw }, AUTOSAVE_KEY.length + raw.length + 5);
    const r = resolveStartupConfig('', store);
    expect(r.keepAutosaveSlot).toBe(true);
    expect(r.autosaveProblem?.title).toMatch(/could not be kept aside/);
    expect(r.autosaveProblem?.fallback).toMatch(/Autosave is paused/);
  });

  it('a failure outside every guard still gives the default world and a message', () => {
    sabotage.flags = true;
    const store = memoryStore();
    writeAutosave(store, world(8));
    const r = resolveStartupConfig(`#c=${encodeConfig(world(6))}`, store);
    expect(r).toMatchObject({ source: 'default', keepAutosaveSlot: true });
    expect(r.problem?.title).toBe('The page could not open your world');
    expect(r.problem?.details).toEqual(['flags exploded']);
  });
});

describe('initShare (page start-up)', () => {
  let dispose: (() => void) | null = null;
  beforeEach(() => {
    localStorage.clear();
    resetConfigStore();
    useShareState.setState({ problem: null, autosaveProblem: null, storageWarning: null });
    history.replaceState(null, '', '/');
  });
  afterEach(() => {
    dispose?.();
    dispose = null;
    cleanup();
    vi.useRealTimers();
    document.documentElement.className = '';
  });

  it('loads the link, keeps the world in the address bar, and autosaves later edits', () => {
    vi.useFakeTimers();
    history.replaceState(null, '', `/#present=1&c=${encodeConfig(world(11, 'dyna-q'))}`);
    dispose = initShare();
    expect(useConfigStore.getState().config).toEqual(world(11, 'dyna-q'));
    // The address is rewritten in the Share menu's form (present=1 is not part of it).
    expect(location.hash).toBe(`#c=${encodeConfig(world(11, 'dyna-q'))}`);
    expect(document.documentElement).toHaveClass('presentation');
    vi.advanceTimersByTime(1000);
    const { store } = browserStore();
    expect(readAutosave(store)).toMatchObject({ status: 'ok', config: world(11, 'dyna-q') });
    useConfigStore.getState().edit((c) => void (c.train.seed = 12));
    vi.advanceTimersByTime(1000);
    expect(readAutosave(store)).toMatchObject({ status: 'ok', config: { train: { seed: 12 } } });
  });

  it('restores the autosave on a plain reload', () => {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, config: world(21) }));
    dispose = initShare();
    expect(useConfigStore.getState().config).toEqual(world(21));
    expect(useShareState.getState().problem).toBeNull();
  });

  it('shows a broken link as a message over the default world', async () => {
    history.replaceState(null, '', '/#c=%3Cscript%3Ealert(1)%3C/script%3E');
    dispose = initShare();
    expect(useConfigStore.getState().config).toEqual(defaultConfig());
    render(<StartupNotice />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/this link could not be opened\. showing the default world instead/i);
    expect(alert).toHaveTextContent(/characters a share link never has/);
    await userEvent.setup().click(screen.getByRole('button', { name: /dismiss the link message/i }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('embed mode: html.embed, the URL kept, nothing autosaved', () => {
    vi.useFakeTimers();
    const hash = `#embed=1&c=${encodeConfig(world(5))}`;
    history.replaceState(null, '', `/${hash}`);
    dispose = initShare();
    expect(document.documentElement).toHaveClass('embed');
    expect(location.hash).toBe(hash);
    useConfigStore.getState().edit((c) => void (c.train.seed = 6));
    vi.advanceTimersByTime(1000);
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(useShareState.getState().flags).toMatchObject({ embed: true, controls: true });
  });

  it('loads a link pasted into the address bar of the open page', () => {
    dispose = initShare();
    history.replaceState(null, '', shareUrl('/', world(33, 'sarsa')));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useConfigStore.getState().config).toEqual(world(33, 'sarsa'));
    expect(useConfigStore.getState().canUndo).toBe(true);
    history.replaceState(null, '', '/#c=garbage');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useConfigStore.getState().config).toEqual(world(33, 'sarsa'));
    expect(useShareState.getState().problem?.fallback).toMatch(/unchanged/);
    // The broken link does not stay in the address bar: it shows the world the page shows.
    expect(decodeConfig(location.hash)).toEqual({ ok: true, config: world(33, 'sarsa') });
  });

  it('a rejected autosave is kept aside before the default world is autosaved over it', async () => {
    vi.useFakeTimers();
    const raw = autosaveText({ ...defaultConfig(), version: 4 });
    localStorage.setItem(AUTOSAVE_KEY, raw);
    dispose = initShare();
    expect(useConfigStore.getState().config).toEqual(defaultConfig());
    vi.advanceTimersByTime(1000);
    expect(replaced()).toMatchObject([{ keptAside: true, raw }]);
    vi.useRealTimers();
    render(<StartupNotice />);
    const alert = screen.getByTestId('autosave-problem');
    expect(alert).toHaveTextContent(
      'Your autosaved world could not be opened (it was made by a newer version of this app); it was kept aside: see Saved configs. Showing the default world instead.',
    );
    expect(alert).not.toHaveTextContent(/sender/);
    await userEvent.setup().click(screen.getByRole('button', { name: /dismiss the autosave message/i }));
    expect(screen.queryByTestId('autosave-problem')).toBeNull();
  });

  it('a rejected autosave that cannot be kept aside is never overwritten', () => {
    vi.useFakeTimers();
    const raw = '{"damaged';
    localStorage.setItem(AUTOSAVE_KEY, raw);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key) {
      if (key !== '__gridworld_probe__') throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      dispose = initShare();
      useConfigStore.getState().edit((c) => void (c.train.seed = 12));
      vi.advanceTimersByTime(2000);
      window.dispatchEvent(new Event('pagehide'));
      expect(setItem.mock.calls.filter(([k]) => k === AUTOSAVE_KEY)).toEqual([]);
    } finally {
      setItem.mockRestore();
    }
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBe(raw);
    expect(useShareState.getState().autosaveProblem?.fallback).toMatch(/Autosave is paused/);
  });

  it('a link pasted after another link, a preset or a file keeps each replaced world', () => {
    localStorage.setItem(AUTOSAVE_KEY, autosaveText(world(21)));
    dispose = initShare();
    history.replaceState(null, '', shareUrl('/', world(31)));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    useConfigStore.getState().edit((c) => void (c.train.seed = 32));
    history.replaceState(null, '', shareUrl('/', world(41)));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useConfigStore.getState().config).toEqual(world(41));
    expect(replaced().map((e) => [e.config?.train.seed, e.reason])).toEqual([
      [32, 'Opened a link'],
      [21, 'Opened a link'],
    ]);
    loadPreset({ id: 'p', title: 'Test preset', caption: ['a', 'b'], config: world(51, 'sarsa') });
    expect(replaced()[0]).toMatchObject({ config: world(41), reason: 'Loaded the preset “Test preset”' });
  });

  it('a world replaced while storage is full is kept in this tab, listed, and the user is told', () => {
    localStorage.setItem(AUTOSAVE_KEY, autosaveText(world(71)));
    dispose = initShare();
    const setItem = Storage.prototype.setItem;
    const full = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, k, v) {
      if (k.startsWith('gridworld:replaced:'))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, k, v);
    });
    try {
      loadPreset({ id: 'p', title: 'Full', caption: ['a', 'b'], config: world(72, 'sarsa') });
    } finally {
      full.mockRestore();
    }
    expect(useShareState.getState().storageWarning).toMatch(/Storage is full.*this tab only.*lost when/);
    expect(replaced()[0]).toMatchObject({ config: world(71), memoryOnly: true });
  });

  it('a hostile link pasted into the open page gives a message and keeps the world', () => {
    dispose = initShare();
    useConfigStore.getState().edit((c) => void (c.train.seed = 61));
    const before = useConfigStore.getState().config;
    for (const hash of [
      rawLink('{"version":1,"env":{"grid":[]}}'),
      '#c=%E0%A4%A',
      '#c=' + 'x'.repeat(200_000),
    ]) {
      history.replaceState(null, '', `/${hash}`);
      expect(() => window.dispatchEvent(new HashChangeEvent('hashchange'))).not.toThrow();
      expect(useConfigStore.getState().config).toBe(before);
      expect(useShareState.getState().problem).toMatchObject({ fallback: /unchanged/, advice: /sender/ });
    }
    sabotage.validator = true;
    history.replaceState(null, '', shareUrl('/', world(62)));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useConfigStore.getState().config).toBe(before);
  });
});
