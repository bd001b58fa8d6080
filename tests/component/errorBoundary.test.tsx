import { act, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { configToJson } from '../../src/export/configFile';
import { onReplace, resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { useUiStore } from '../../src/store/uiStore';
import { DEFAULT_WORLD_REASON, errorActions } from '../../src/store/errorActions';
import { ErrorActionsContext, ErrorBoundary, type ErrorActions } from '../../src/ui/common/ErrorBoundary';
import { Dialog } from '../../src/ui/shell/Dialog';
import { useShareState } from '../../src/store/shareState';

// App with light stand-ins for the views: the playground throws when told to.
const views = vi.hoisted(() => ({ playgroundThrows: false }));
vi.mock('../../src/ui/layout/Playground', () => ({
  Playground: () => {
    if (views.playgroundThrows) throw new Error('the playground exploded');
    return <main>Playground is fine</main>;
  },
}));
vi.mock('../../src/ui/lab/LabView', () => ({ LabView: () => <main>Lab is fine</main> }));
vi.mock('../../src/ui/layout/Header', () => ({
  Header: () => (
    <header>
      <button type="button" onClick={() => useUiStore.getState().setView('lab')}>
        Lab
      </button>
    </header>
  ),
}));
const { default: App } = await import('../../src/App');

/** Renders with the app's error actions (App.tsx provides them the same way). */
function renderWithActions(ui: ReactElement) {
  return render(ui, {
    wrapper: ({ children }) => (
      <ErrorActionsContext.Provider value={errorActions}>{children}</ErrorActionsContext.Provider>
    ),
  });
}

/** A child that throws while `state.throws` (counting its renders). */
function makeBomb() {
  const state = { throws: true, renders: 0 };
  function Bomb() {
    state.renders++;
    if (state.throws) throw new Error('kaboom in render');
    return <p>All good now</p>;
  }
  return { state, Bomb };
}

function customWorld() {
  const c = defaultConfig();
  c.agent = defaultAgent('sarsa');
  c.train.seed = 77;
  return c;
}

beforeEach(() => {
  // React reports every caught render error on the console; keep the output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  resetConfigStore(customWorld());
  views.playgroundThrows = false;
  useUiStore.setState({ view: 'playground' });
  useShareState.setState({ flags: { embed: false, present: false, controls: true, hasConfig: false } });
});
afterEach(() => {
  vi.restoreAllMocks();
  resetConfigStore();
});

describe('ErrorBoundary', () => {
  it('shows a message with both buttons instead of a blank page, and "Reset this view" remounts', async () => {
    const user = userEvent.setup();
    const { state, Bomb } = makeBomb();
    renderWithActions(
      <ErrorBoundary name="The test view">
        <Bomb />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The test view ran into a problem and stopped.');
    expect(alert).toHaveTextContent('kaboom in render');
    expect(within(alert).getByRole('button', { name: 'Copy the config as JSON' })).toBeInTheDocument();
    // One error is not a repeat: no default-world offer yet (and this view does not offer it anyway).
    expect(screen.queryByRole('button', { name: /default world/i })).toBeNull();
    state.throws = false;
    const before = state.renders;
    await user.click(within(alert).getByRole('button', { name: 'Reset this view' }));
    expect(screen.getByText('All good now')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(state.renders).toBeGreaterThan(before);
  });

  it('"Copy the config as JSON" copies the current config from the config store', async () => {
    const user = userEvent.setup();
    const { Bomb } = makeBomb();
    renderWithActions(
      <ErrorBoundary name="The test view">
        <Bomb />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole('button', { name: 'Copy the config as JSON' }));
    expect(await screen.findByText('The config was copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(configToJson(customWorld()));
  });

  it('when the browser refuses the clipboard, shows the JSON to copy by hand', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    const { Bomb } = makeBomb();
    renderWithActions(
      <ErrorBoundary name="The test view">
        <Bomb />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole('button', { name: 'Copy the config as JSON' }));
    const box = await screen.findByRole('textbox', { name: 'The config as JSON' });
    expect(box).toHaveValue(configToJson(customWorld()));
    expect(JSON.parse((box as HTMLTextAreaElement).value)).toEqual(customWorld());
  });

  it('an error that comes back after a reset offers the default world, keeping the current one', async () => {
    const user = userEvent.setup();
    const kept: Array<[number, string]> = [];
    const stop = onReplace((old, reason) => kept.push([old.train.seed, reason]));
    try {
      const { state, Bomb } = makeBomb();
      renderWithActions(
        <ErrorBoundary name="The playground" offerDefaultWorld>
          <Bomb />
        </ErrorBoundary>,
      );
      expect(screen.queryByRole('button', { name: 'Go back to the default world' })).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Reset this view' }));
      expect(screen.getByRole('alert')).toHaveTextContent(/happened again after a reset/);
      state.throws = false;
      await user.click(screen.getByRole('button', { name: 'Go back to the default world' }));
      expect(useConfigStore.getState().config).toEqual(defaultConfig());
      expect(kept).toEqual([[77, DEFAULT_WORLD_REASON]]);
      expect(screen.getByText('All good now')).toBeInTheDocument();
    } finally {
      stop();
    }
  });

  it('a failing dialog shows the message inside its frame, and the dialog still closes', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const { Bomb } = makeBomb();
    renderWithActions(
      <Dialog title="Saved configs" onClose={onClose}>
        <Bomb />
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Saved configs' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'The “Saved configs” dialog ran into a problem',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('takes its actions as a prop: the buttons call them, and no store is needed', async () => {
    const user = userEvent.setup();
    const actions: ErrorActions = {
      configJson: () => '{"mine":true}',
      copyText: vi.fn(() => Promise.resolve(true)),
      defaultWorld: vi.fn(),
    };
    const { state, Bomb } = makeBomb();
    render(
      <ErrorBoundary name="A view" offerDefaultWorld actions={actions}>
        <Bomb />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole('button', { name: 'Copy the config as JSON' }));
    expect(actions.copyText).toHaveBeenCalledWith('{"mine":true}');
    await user.click(screen.getByRole('button', { name: 'Reset this view' }));
    state.throws = false;
    await user.click(screen.getByRole('button', { name: 'Go back to the default world' }));
    expect(actions.defaultWorld).toHaveBeenCalledTimes(1);
    expect(useConfigStore.getState().config).toEqual(customWorld());
  });
});

describe('App', () => {
  it('a failing playground leaves the header working and shows the message in its place', async () => {
    const user = userEvent.setup();
    views.playgroundThrows = true;
    render(<App />);
    expect(screen.getByRole('alert')).toHaveTextContent('The playground ran into a problem and stopped.');
    expect(screen.getByRole('alert')).toHaveTextContent('the playground exploded');
    // The other view is unaffected.
    await user.click(screen.getByRole('button', { name: 'Lab' }));
    expect(await screen.findByText('Lab is fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => useUiStore.getState().setView('playground'));
    views.playgroundThrows = false;
    await user.click(screen.getByRole('button', { name: 'Reset this view' }));
    expect(screen.getByText('Playground is fine')).toBeInTheDocument();
  });
});
