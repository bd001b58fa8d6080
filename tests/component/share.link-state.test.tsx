/**
 * The link is the state: the address bar follows the world, the view, the lesson and the overlays
 * (debounced, one history entry per view switch, none per edit), Back and Forward move between views,
 * and the Share menu's link is the same link.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeConfig, encodeConfig } from '../../src/config/codec';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { getPreset } from '../../src/config/presets';
import type { Config } from '../../src/config/schema';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { clearStory, loadPreset } from '../../src/store/story';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { ReplacedWorlds } from '../../src/storage/replacedWorlds';
import { browserStore } from '../../src/storage/keyValueStore';
import { Header } from '../../src/ui/layout/Header';
import { StoryBanner } from '../../src/ui/layout/StoryBanner';
import { ADDRESS_DELAY_MS, HISTORY_REASON, initShare } from '../../src/store/initShare';
import { shareLinkFor } from '../../src/store/shareActions';
import { useShareState } from '../../src/store/shareState';
import { LINK_REASON } from '../../src/store/startupConfig';
import { linkUrl, parseLinkState, type LinkState } from '../../src/store/urlFlags';

const needle = getPreset('needle')!;

function world(seed: number): Config {
  const c = defaultConfig();
  c.agent = defaultAgent('sarsa');
  c.train.seed = seed;
  c.env.gamma = 0.5;
  return c;
}

const state = (patch: Partial<LinkState> = {}): LinkState => ({
  view: 'playground',
  lesson: null,
  show: DEFAULT_SHOW,
  ...patch,
});
/** The config in the address bar. */
const addressConfig = () => {
  const r = decodeConfig(location.hash);
  return r.ok ? r.config : r.errors;
};
const replaced = () => new ReplacedWorlds(browserStore().store).list().entries;

let dispose: (() => void) | null = null;

/** A fresh page opened at `hash` (stores back to their start values, then initShare). */
function openPage(hash = ''): void {
  dispose?.();
  clearStory();
  resetConfigStore();
  useUiStore.setState({ view: 'playground', show: DEFAULT_SHOW, story: null, notice: null });
  history.replaceState(null, '', `/${hash}`);
  dispose = initShare();
}

beforeEach(() => {
  localStorage.clear();
  useShareState.setState({ problem: null, autosaveProblem: null, storageWarning: null });
});
afterEach(() => {
  dispose?.();
  dispose = null;
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.documentElement.className = '';
});

describe('the address bar follows the page', () => {
  it('an edit reaches the address after the debounce, as the Share menu’s link', () => {
    vi.useFakeTimers();
    openPage();
    expect(addressConfig()).toEqual(defaultConfig());
    useConfigStore.getState().edit((c) => void (c.train.seed = 77));
    expect(addressConfig()).toEqual(defaultConfig()); // not on every edit
    vi.advanceTimersByTime(ADDRESS_DELAY_MS + 10);
    expect(addressConfig()).toMatchObject({ train: { seed: 77 } });
    expect(location.href).toBe(shareLinkFor(useConfigStore.getState().config, location.href));
  });

  it('a drag of many edits adds no history entry and writes the address once', () => {
    vi.useFakeTimers();
    openPage();
    const entries = history.length;
    const replace = vi.spyOn(history, 'replaceState');
    const push = vi.spyOn(history, 'pushState');
    for (let x = 0; x < 6; x++) {
      useConfigStore.getState().edit(
        (c) => {
          const row = c.env.grid[3];
          c.env.grid[3] = row.slice(0, x) + '#' + row.slice(x + 1);
        },
        { key: 'paint' },
      );
      vi.advanceTimersByTime(ADDRESS_DELAY_MS / 3);
    }
    useUiStore.getState().setShow({ q: true });
    vi.advanceTimersByTime(ADDRESS_DELAY_MS + 10);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    expect(history.length).toBe(entries);
    expect(addressConfig()).toMatchObject({ env: { grid: expect.arrayContaining(['######..']) } });
    expect(parseLinkState(location.hash).show).toMatchObject({ q: true });
  });

  it('the last edit reaches the address when the page is hidden', () => {
    vi.useFakeTimers();
    openPage();
    useConfigStore.getState().edit((c) => void (c.train.seed = 78));
    window.dispatchEvent(new Event('pagehide'));
    expect(addressConfig()).toMatchObject({ train: { seed: 78 } });
  });

  it('embed mode leaves its address as given', () => {
    vi.useFakeTimers();
    const hash = `#embed=1&show=q&c=${encodeConfig(world(5))}`;
    openPage(hash);
    expect(useUiStore.getState().show).toMatchObject({ q: true, values: false });
    useConfigStore.getState().edit((c) => void (c.train.seed = 6));
    vi.advanceTimersByTime(ADDRESS_DELAY_MS * 3);
    expect(location.hash).toBe(hash);
  });
});

describe('Back and Forward move between views', () => {
  it('a view switch pushes an entry; Back restores the view, Forward the lab again', async () => {
    openPage();
    useConfigStore.getState().edit((c) => void (c.train.seed = 80));
    const entries = history.length;
    const user = userEvent.setup();
    render(<Header />);
    await user.click(screen.getByRole('button', { name: 'Lab' }));
    expect(history.length).toBe(entries + 1);
    expect(parseLinkState(location.hash).view).toBe('lab');
    expect(addressConfig()).toMatchObject({ train: { seed: 80 } });

    act(() => history.back());
    await waitFor(() => expect(useUiStore.getState().view).toBe('playground'));
    expect(screen.getByRole('button', { name: 'Playground' })).toHaveAttribute('aria-pressed', 'true');
    // The entry left kept the edit made before the switch: the world did not change.
    expect(useConfigStore.getState().config.train.seed).toBe(80);
    expect(replaced()).toEqual([]);
    expect(history.length).toBe(entries + 1);

    act(() => history.forward());
    await waitFor(() => expect(useUiStore.getState().view).toBe('lab'));
    expect(history.length).toBe(entries + 1);
  });

  it('Back to an entry with another world loads it the guarded way (kept, undoable)', async () => {
    openPage();
    useConfigStore.getState().edit((c) => void (c.train.seed = 90));
    useUiStore.getState().setView('lab');
    // Edited in the lab's entry (another world than the playground entry's), then Back.
    useConfigStore.getState().setConfig(world(91), { reason: 'test' });
    await waitFor(() => expect(addressConfig()).toEqual(world(91)));
    act(() => history.back());
    await waitFor(() => expect(useUiStore.getState().view).toBe('playground'));
    expect(useConfigStore.getState().config.train.seed).toBe(90);
    expect(replaced()[0]).toMatchObject({ config: world(91), reason: HISTORY_REASON });
    expect(useUiStore.getState().notice?.text).toMatch(/^Back or Forward opened another world\. Undo/);
    expect(useConfigStore.getState().undo()).toBe(true);
    expect(useConfigStore.getState().config).toEqual(world(91));
  });
});

describe('the lesson and the overlays are part of the link', () => {
  it('a Needle link with overlays opens the same world, view, banner and overlays', async () => {
    vi.useFakeTimers();
    openPage();
    loadPreset(needle);
    useUiStore.getState().setShow({ values: false, q: true, visits: 'all', greedy: true });
    vi.advanceTimersByTime(ADDRESS_DELAY_MS + 10);
    const link = location.href;
    expect(link).toMatch(/#lesson=needle&show=[a-z.-]+&c=/);
    const show = useUiStore.getState().show;

    openPage(link.slice(link.indexOf('#')));
    expect(useConfigStore.getState().config).toEqual(needle.config);
    expect(useUiStore.getState().show).toEqual(show);
    expect(useUiStore.getState().story).toMatchObject({ id: 'needle', title: needle.title });
    render(<StoryBanner />);
    expect(screen.getByTestId('story-banner')).toHaveTextContent('Plain Q-learning wanders blindly');
    // The story still goes when the world is edited, and the address follows.
    useConfigStore.getState().edit((c) => void (c.env.grid[5] = '#' + c.env.grid[5].slice(1)));
    expect(useUiStore.getState().story).toBeNull();
    vi.advanceTimersByTime(ADDRESS_DELAY_MS + 10);
    expect(parseLinkState(location.hash).lesson).toBeNull();
  });

  it('a lesson on another world shows no banner', () => {
    openPage(`#lesson=needle&c=${encodeConfig(world(3))}`);
    expect(useConfigStore.getState().config).toEqual(world(3));
    expect(useUiStore.getState().story).toBeNull();
  });

  it('the Share menu copies the same link, with the view, lesson and overlays', async () => {
    openPage(`#view=lab&lesson=needle&show=policy.trail&c=${encodeConfig(needle.config)}`);
    expect(useUiStore.getState()).toMatchObject({ view: 'lab', story: { id: 'needle' } });
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Header />);
    await user.click(screen.getByRole('button', { name: /share & save/i }));
    await user.click(screen.getByRole('menuitem', { name: /copy link/i }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = writeText.mock.calls[0][0] as string;
    expect(copied).toBe(location.href);
    expect(parseLinkState(copied)).toEqual(
      state({ view: 'lab', lesson: 'needle', show: { ...DEFAULT_SHOW, values: false } }),
    );
  });

  it('round-trips every overlay setting', () => {
    const base = 'https://x.org/app/';
    for (const show of [
      DEFAULT_SHOW,
      { ...DEFAULT_SHOW, values: false, policy: false, trail: false },
      { ...DEFAULT_SHOW, q: true, visits: 'episode' as const, greedy: true },
      { ...DEFAULT_SHOW, visits: 'all' as const },
    ]) {
      const s = state({ view: 'lab', lesson: 'far-goal', show });
      const url = linkUrl(base, world(1), s);
      expect(parseLinkState(url.slice(url.indexOf('#')))).toEqual(s);
      expect(decodeConfig(url)).toEqual({ ok: true, config: world(1) });
    }
    expect(linkUrl(base, world(1), state())).toBe(`${base}#c=${encodeConfig(world(1))}`);
  });
});

describe('bad flags are ignored', () => {
  it.each([
    ['view=attic', state()],
    ['view=', state()],
    ['lesson=%3Cscript%3E', state()],
    ['lesson=' + 'a'.repeat(500), state()],
    ['show=values.nonsense', state()],
    ['show=visits-sometimes', state()],
    ['show=__proto__', state()],
    ['show=constructor.toString', state()],
    ['show=%E0%A4%A', state()],
    ['view=LAB&zzz=1&&=&show', state({ view: 'lab' })],
    ['show=none', state({ show: { ...DEFAULT_SHOW, values: false, policy: false, trail: false } })],
  ])('%s', (flags, expected) => expect(parseLinkState(`#${flags}&c=x`)).toEqual(expected));

  it('a link with bad flags opens its world with the default view, lesson and overlays', () => {
    expect(() =>
      openPage(`#view=attic&lesson=nope&show=values.q.xyz&zzz&c=${encodeConfig(world(7))}`),
    ).not.toThrow();
    expect(useConfigStore.getState().config).toEqual(world(7));
    expect(useUiStore.getState()).toMatchObject({ view: 'playground', story: null, show: DEFAULT_SHOW });
    expect(useShareState.getState().problem).toBeNull();
  });
});

describe('a link pasted into the open page', () => {
  it('loads the world, the view and the lesson without adding an entry, keeping the old world', () => {
    openPage();
    useConfigStore.getState().edit((c) => void (c.train.seed = 95));
    const entries = history.length;
    const push = vi.spyOn(history, 'pushState');
    history.replaceState(null, '', `/#view=lab&lesson=needle&c=${encodeConfig(needle.config)}`);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useConfigStore.getState().config).toEqual(needle.config);
    expect(useUiStore.getState()).toMatchObject({ view: 'lab', story: { id: 'needle' } });
    expect(replaced().map((e) => [e.config?.train.seed, e.reason])).toEqual([[95, LINK_REASON]]);
    expect(push).not.toHaveBeenCalled();
    expect(history.length).toBe(entries);
    expect(useUiStore.getState().notice?.text).toMatch(/^Loaded the world from the link/);
  });

  it('a fragment without link parameters (an anchor) changes nothing', () => {
    openPage(`#show=q&c=${encodeConfig(world(4))}`);
    history.replaceState(null, '', '/#top');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useConfigStore.getState().config).toEqual(world(4));
    expect(useUiStore.getState().show).toMatchObject({ q: true });
  });
});
