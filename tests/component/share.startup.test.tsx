import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeConfig, shareUrl } from '../../src/config/codec';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { AUTOSAVE_KEY, readAutosave, writeAutosave } from '../../src/storage/autosave';
import { browserStore, memoryStore } from '../../src/storage/keyValueStore';
import { SavedConfigs } from '../../src/storage/savedConfigs';
import { initShare, urlWithoutConfig } from '../../src/ui/share/initShare';
import { useShareState } from '../../src/ui/share/shareState';
import { STASH_NAME, resolveStartupConfig } from '../../src/ui/share/startupConfig';
import { StartupNotice } from '../../src/ui/share/StartupNotice';
import { embedCode, embedUrl, parseUrlFlags } from '../../src/ui/share/urlFlags';

function world(seed: number, type: Config['agent']['type'] = 'q-learning'): Config {
  const c = defaultConfig();
  c.agent = defaultAgent(type);
  c.train.seed = seed;
  return c;
}

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

  it('urlWithoutConfig drops only c=', () => {
    expect(urlWithoutConfig('https://x.org/a?q=1#c=abc')).toBe('https://x.org/a?q=1');
    expect(urlWithoutConfig('https://x.org/#present=1&c=abc')).toBe('https://x.org/#present=1');
    expect(urlWithoutConfig('https://x.org/')).toBe('https://x.org/');
  });
});

describe('resolveStartupConfig', () => {
  it('uses a valid link, and keeps different autosaved work as a saved config', () => {
    const store = memoryStore();
    writeAutosave(store, world(7));
    const r = resolveStartupConfig(`#c=${encodeConfig(world(1, 'sarsa'))}`, store);
    expect(r).toMatchObject({ source: 'link', problem: null, stashedAs: STASH_NAME });
    expect(r.config).toEqual(world(1, 'sarsa'));
    const kept = new SavedConfigs(store).load(STASH_NAME);
    expect(kept.ok && kept.entry.config).toEqual(world(7));
  });

  it('does not stash when the autosave already equals the link', () => {
    const store = memoryStore();
    writeAutosave(store, world(1));
    expect(resolveStartupConfig(`#c=${encodeConfig(world(1))}`, store).stashedAs).toBeNull();
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
      problem: { title: /autosaved work could not be restored/ },
    });
  });

  it('embed mode never reads or writes the visitor’s work', () => {
    const store = memoryStore();
    writeAutosave(store, world(4));
    const r = resolveStartupConfig(`#embed=1&c=${encodeConfig(world(2))}`, store);
    expect(r).toMatchObject({ source: 'link', stashedAs: null });
    expect(resolveStartupConfig('#embed=1&c=bad', store).config).toEqual(defaultConfig());
  });
});

describe('initShare (page start-up)', () => {
  let dispose: (() => void) | null = null;
  beforeEach(() => {
    localStorage.clear();
    resetConfigStore();
    useShareState.setState({ problem: null });
    history.replaceState(null, '', '/');
  });
  afterEach(() => {
    dispose?.();
    dispose = null;
    cleanup();
    vi.useRealTimers();
    document.documentElement.className = '';
  });

  it('loads the link, clears it from the address bar, and autosaves later edits', () => {
    vi.useFakeTimers();
    history.replaceState(null, '', `/#present=1&c=${encodeConfig(world(11, 'dyna-q'))}`);
    dispose = initShare();
    expect(useConfigStore.getState().config).toEqual(world(11, 'dyna-q'));
    expect(location.hash).toBe('#present=1');
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
    expect(location.hash).toBe('');
    history.replaceState(null, '', '/#c=garbage');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useConfigStore.getState().config).toEqual(world(33, 'sarsa'));
    expect(useShareState.getState().problem?.fallback).toMatch(/unchanged/);
  });
});
