/**
 * The Share & save menu's trained-agent items: Save trained agent downloads a file that Open trained
 * agent reads back (handing the config and run to onLoadAgent), a bad file or a failed save is
 * reported, and the Saved configs dialog keeps a trained agent in the browser (or says why not).
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAgentFile } from '../../src/config/agentFile';
import type { TrainedState } from '../../src/config/packedArray';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { createTrainer } from '../../src/rl/trainer';
import { memoryStore, type KeyValueStore } from '../../src/storage/keyValueStore';
import { ShareMenuView, type ShareMenuProps } from '../../src/ui/share/ShareMenuView';

let downloads: Array<{ name: string; blob: Blob }> = [];
const realCreate = URL.createObjectURL;
const realRevoke = URL.revokeObjectURL;

beforeEach(() => {
  downloads = [];
  let lastBlob: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    lastBlob = b;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  URL.createObjectURL = realCreate;
  URL.revokeObjectURL = realRevoke;
});

function qConfig(): Config {
  const c = defaultConfig();
  c.agent = defaultAgent('q-learning');
  c.train.seed = 4;
  return c;
}

async function trained(config: Config, episodes: number): Promise<TrainedState> {
  const t = await createTrainer(config);
  for (let i = 0; i < episodes; i++) t.runEpisode();
  return t.exportState();
}

function setup(extra: Partial<ShareMenuProps> = {}, storage: KeyValueStore = memoryStore()) {
  const onLoadConfig = vi.fn();
  const onLoadAgent = vi.fn();
  const user = userEvent.setup();
  const config = qConfig();
  render(
    <ShareMenuView
      config={config}
      onLoadConfig={onLoadConfig}
      onLoadAgent={onLoadAgent}
      storage={storage}
      pageUrl="https://example.org/"
      {...extra}
    />,
  );
  const choose = async (name: RegExp) => {
    await user.click(screen.getByRole('button', { name: /share & save/i }));
    await user.click(screen.getByRole('menuitem', { name }));
  };
  return { user, onLoadConfig, onLoadAgent, choose, config };
}

describe('trained agents in the Share & save menu', () => {
  it('saves the trained agent as a file and opens it back', async () => {
    const state = await trained(qConfig(), 3);
    const { choose, user, onLoadAgent, onLoadConfig, config } = setup({ getTrainedAgent: async () => state });
    await choose(/save trained agent/i);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toMatch(/^gridworld-q-learning-8x8-seed4-agent-.*\.json$/);
    expect(screen.getByRole('status')).toHaveTextContent(/trained agent after 3 episodes/);
    const text = await downloads[0].blob.text();
    const parsed = parseAgentFile(text);
    expect(parsed.ok && parsed.file.config).toEqual(config);

    await user.upload(screen.getByTestId('open-agent-input'), new File([text], 'class.json'));
    await waitFor(() => expect(onLoadAgent).toHaveBeenCalledTimes(1));
    expect(onLoadAgent).toHaveBeenCalledWith(config, state, 'the trained agent “class.json”');
    expect(onLoadConfig).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent(
      /opened “class\.json”: the trained agent after 3 episodes/i,
    );
  });

  it('refuses a file that is not a trained agent, and reports a failed save', async () => {
    const { choose, user, onLoadAgent } = setup({
      getTrainedAgent: () => Promise.reject(new Error('there is no trained run to save yet')),
    });
    await user.upload(
      screen.getByTestId('open-agent-input'),
      new File([JSON.stringify(qConfig())], 'config.json'),
    );
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        /not opened: “config\.json”.*open it with import json/i,
      ),
    );
    await user.upload(
      screen.getByTestId('open-agent-input'),
      new File(['{"format":"gridworld-rl-agent",'], 'cut.json'),
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/cut\.json.*not valid JSON/));
    expect(onLoadAgent).not.toHaveBeenCalled();
    await choose(/save trained agent/i);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Saving the trained agent failed: there is no trained run to save yet',
      ),
    );
    expect(downloads).toHaveLength(0);
  });

  it('disables the items when nothing can save or open an agent', async () => {
    const user = userEvent.setup();
    render(<ShareMenuView config={qConfig()} onLoadConfig={vi.fn()} storage={memoryStore()} />);
    await user.click(screen.getByRole('button', { name: /share & save/i }));
    expect(screen.getByRole('menuitem', { name: /save trained agent/i })).toBeDisabled();
    expect(screen.getByRole('menuitem', { name: /open trained agent/i })).toBeDisabled();
  });

  it('keeps a trained agent in the saved configs and loads it trained', async () => {
    const state = await trained(qConfig(), 2);
    const { choose, user, onLoadAgent, onLoadConfig, config } = setup({ getTrainedAgent: async () => state });
    await choose(/saved configs/i);
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Before class');
    await user.click(within(dialog).getByRole('button', { name: 'Save trained agent to browser' }));
    expect(await within(dialog).findByText(/saved the trained agent as “Before class”/i)).toBeInTheDocument();
    expect(within(dialog).getByText(/trained agent \(2 episodes\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save trained agent to browser' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/already exists/);
    await user.click(within(dialog).getByRole('button', { name: 'Replace it' }));
    await user.click(within(dialog).getByRole('button', { name: 'Load Before class' }));
    expect(onLoadAgent).toHaveBeenCalledTimes(1);
    const [c, s, from] = onLoadAgent.mock.calls[0];
    expect(c).toEqual(config);
    expect((s as TrainedState).metrics.numbers.count).toBe(2);
    expect(from).toBe('the trained agent “Before class”');
    expect(onLoadConfig).not.toHaveBeenCalled();
  });

  it('says when browser storage is full, offering the file', async () => {
    const state = await trained(qConfig(), 1);
    const { choose, user } = setup({ getTrainedAgent: async () => state }, memoryStore({}, 2000));
    await choose(/saved configs/i);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Save trained agent to browser' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /storage is full.*Save trained agent.*as a file/,
    );
  });
});
