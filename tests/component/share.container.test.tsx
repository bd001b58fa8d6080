import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { useUiStore } from '../../src/store/uiStore';
import { browserStore } from '../../src/storage/keyValueStore';
import { SavedConfigs } from '../../src/storage/savedConfigs';
import { ShareMenu } from '../../src/ui/share/ShareMenu';
import { useShareState } from '../../src/ui/share/shareState';

afterEach(() => {
  cleanup();
  localStorage.clear();
  resetConfigStore();
  useShareState.setState({ helpOpen: false, problem: null });
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
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Load Expected SARSA' }));
    expect(useConfigStore.getState().config).toEqual(c);
    expect(useConfigStore.getState().canUndo).toBe(true);
    expect(useUiStore.getState().notice?.text).toBe('Loaded “Expected SARSA”.');
  });

  it('has the help button, the presentation toggle, and a "?" shortcut', async () => {
    const user = userEvent.setup();
    render(<ShareMenu />);
    expect(screen.getByRole('button', { name: /present/i })).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: '?' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
