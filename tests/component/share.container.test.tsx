import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { configToJson } from '../../src/export/configFile';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { useUiStore } from '../../src/store/uiStore';
import { AUTOSAVE_KEY } from '../../src/storage/autosave';
import { browserStore } from '../../src/storage/keyValueStore';
import { ReplacedWorlds } from '../../src/storage/replacedWorlds';
import { SavedConfigs } from '../../src/storage/savedConfigs';
import { initShare } from '../../src/store/initShare';
import { ShareMenu } from '../../src/ui/share/ShareMenu';
import { useShareState } from '../../src/store/shareState';

// The validator can be made to throw, to prove that an import never passes an exception on.
const sabotage = vi.hoisted(() => ({ validator: false }));
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

afterEach(() => {
  sabotage.validator = false;
  cleanup();
  localStorage.clear();
  resetConfigStore();
  useShareState.setState({ helpOpen: false, problem: null, autosaveProblem: null, storageWarning: null });
});

describe('ShareMenu connected to the stores', () => {
  it('loads a saved config into the config store (undoably) and reports it in the notice bar', async () => {
    const c = defaultConfig();
    c.agent = defaultAgent('expected-sarsa');
    new SavedConfigs(browserStore().store).save('Expected SARSA', c);
    const user = userEvent.setup();
    render(<ShareMenu />);
    await user.click(screen.getByRole('button', { name: /share & save/i }));
    await user.click(screen.getByRole('menuitem', { name: /saved configs/i }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Load Expected SARSA' }),
    );
    expect(useConfigStore.getState().config).toEqual(c);
    expect(useConfigStore.getState().canUndo).toBe(true);
    expect(useUiStore.getState().notice?.text).toBe('Loaded “Expected SARSA”.');
  });

  it('an import whose validation throws gives a message and keeps the world', async () => {
    const user = userEvent.setup();
    render(<ShareMenu />);
    const before = useConfigStore.getState().config;
    sabotage.validator = true;
    await user.upload(screen.getByTestId('import-json-input'), new File([configToJson(before)], 'odd.json'));
    await waitFor(() => expect(useUiStore.getState().notice?.text).toMatch(/^Not imported: .*odd\.json/));
    expect(useConfigStore.getState().config).toBe(before);
  });

  it('has the help button, the presentation toggle, and a "?" shortcut', async () => {
    const user = userEvent.setup();
    render(<ShareMenu />);
    expect(screen.getByRole('button', { name: /present/i })).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: '?' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});

function world(seed: number, type: Config['agent']['type'] = 'q-learning'): Config {
  const c = defaultConfig();
  c.agent = defaultAgent(type);
  c.train.seed = seed;
  c.env.gamma = 0.5;
  return c;
}

describe('Recently replaced (saved-configs dialog)', () => {
  let dispose: (() => void) | null = null;
  let downloads: Blob[] = [];
  const realCreate = URL.createObjectURL;
  const realRevoke = URL.revokeObjectURL;
  beforeEach(() => {
    history.replaceState(null, '', '/');
    downloads = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      downloads.push(b);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => {
    dispose?.();
    dispose = null;
    vi.restoreAllMocks();
    URL.createObjectURL = realCreate;
    URL.revokeObjectURL = realRevoke;
  });

  async function openDialog(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole('button', { name: /share & save/i }));
    await user.click(screen.getByRole('menuitem', { name: /saved configs/i }));
    return within(await screen.findByRole('region', { name: 'Recently replaced' }));
  }

  it('an imported file keeps the world it replaced, which Restore brings back', async () => {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, config: world(3) }));
    dispose = initShare();
    const user = userEvent.setup();
    render(<ShareMenu />);
    const input = screen.getByTestId('import-json-input') as HTMLInputElement;
    await user.upload(input, new File([configToJson(world(4, 'sarsa'))], 'lesson.json'));
    await waitFor(() => expect(useConfigStore.getState().config).toEqual(world(4, 'sarsa')));

    const section = await openDialog(user);
    const item = section.getByTestId('replaced-item');
    expect(item).toHaveTextContent('seed 3');
    expect(item).toHaveTextContent('Loaded the file “lesson.json”');
    await user.click(section.getByRole('button', { name: /^Restore the world replaced/ }));
    expect(useConfigStore.getState().config).toEqual(world(3));
    // The world the restore replaced is kept in turn.
    expect(new ReplacedWorlds(browserStore().store).list().entries[0].config).toEqual(world(4, 'sarsa'));
  });

  it('a kept-aside autosave that cannot be opened can be copied, downloaded and deleted', async () => {
    const raw = JSON.stringify({ savedAt: 1, config: { ...defaultConfig(), version: 9 } });
    localStorage.setItem(AUTOSAVE_KEY, raw);
    dispose = initShare();
    expect(useShareState.getState().autosaveProblem?.title).toMatch(/kept aside: see Saved configs/);
    const user = userEvent.setup();
    render(<ShareMenu />);
    const section = await openDialog(user);
    const item = section.getByTestId('replaced-item');
    expect(item).toHaveTextContent('Cannot be opened here');
    expect(item).toHaveTextContent(/newer version/);
    expect(section.queryByRole('button', { name: /^Restore/ })).toBeNull();

    await user.click(section.getByRole('button', { name: 'Copy the autosave kept aside' }));
    expect(await within(item).findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(raw);

    await user.click(section.getByRole('button', { name: 'Download the autosave kept aside' }));
    expect(downloads).toHaveLength(1);
    expect(await downloads[0].text()).toBe(raw);

    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    await user.click(section.getByRole('button', { name: 'Copy the autosave kept aside' }));
    expect(await section.findByRole('textbox', { name: 'Text of the autosave kept aside' })).toHaveValue(raw);

    await user.click(section.getByRole('button', { name: 'Delete the autosave kept aside' }));
    await user.click(within(section.getByRole('group')).getByRole('button', { name: 'Delete' }));
    expect(section.queryByTestId('replaced-item')).toBeNull();
    expect(new ReplacedWorlds(browserStore().store).list().entries).toEqual([]);
  });

  it('a kept-aside autosave this version can open is restored, and then no longer kept aside', async () => {
    const store = browserStore().store;
    new ReplacedWorlds(store).keepAside(JSON.stringify({ savedAt: 1, config: world(8) }), 'kept');
    const user = userEvent.setup();
    render(<ShareMenu />);
    const section = await openDialog(user);
    await user.click(section.getByRole('button', { name: 'Restore the autosave kept aside' }));
    expect(useConfigStore.getState().config).toEqual(world(8));
    expect(new ReplacedWorlds(store).list().entries.filter((e) => e.keptAside)).toEqual([]);
  });

  it('loading a saved config keeps the world it replaced; damaged entries do not break the dialog', async () => {
    dispose = initShare();
    useConfigStore.getState().setConfig(world(11));
    const store = browserStore().store;
    new SavedConfigs(store).save('Mine', world(12, 'sarsa'));
    store.setItem('gridworld:replaced:000000000000001-000000', '{"config":');
    const user = userEvent.setup();
    render(<ShareMenu />);
    await openDialog(user);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Load Mine' }));
    expect(useConfigStore.getState().config).toEqual(world(12, 'sarsa'));
    const section = await openDialog(user);
    const items = section.getAllByTestId('replaced-item');
    expect(items[0]).toHaveTextContent('seed 11');
    expect(items[0]).toHaveTextContent('Loaded “Mine”');
    expect(items.at(-1)).toHaveTextContent(/damaged/);
  });
});
