import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeConfig } from '../../src/config/codec';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { RunMetrics } from '../../src/rl/metrics';
import { memoryStore, type KeyValueStore } from '../../src/storage/keyValueStore';
import { SAVED_PREFIX, SavedConfigs } from '../../src/storage/savedConfigs';
import { ShareMenuView, type ShareMenuProps } from '../../src/ui/share/ShareMenuView';

const PAGE = 'https://example.org/play/';
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

function sarsa(): Config {
  const c = defaultConfig();
  c.agent = defaultAgent('sarsa');
  c.train.seed = 5;
  return c;
}

function setup(extra: Partial<ShareMenuProps> = {}, storage: KeyValueStore = memoryStore()) {
  const onLoadConfig = vi.fn();
  const user = userEvent.setup();
  render(
    <ShareMenuView
      config={sarsa()}
      onLoadConfig={onLoadConfig}
      storage={storage}
      pageUrl={PAGE}
      {...extra}
    />,
  );
  const open = async () => user.click(screen.getByRole('button', { name: /share & save/i }));
  const choose = async (name: RegExp) => {
    await open();
    await user.click(screen.getByRole('menuitem', { name }));
  };
  return { user, onLoadConfig, open, choose, storage };
}

describe('ShareMenu', () => {
  it('copies a link that opens the same config', async () => {
    const { choose } = setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await choose(/copy link/i);
    expect(writeText).toHaveBeenCalledTimes(1);
    const url = writeText.mock.calls[0][0] as string;
    expect(url.startsWith(`${PAGE}#c=`)).toBe(true);
    expect(decodeConfig(url)).toEqual({ ok: true, config: sarsa() });
    expect(await screen.findByRole('status')).toHaveTextContent(/link copied/i);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows the link to copy by hand when the clipboard is refused', async () => {
    const { choose } = setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    document.execCommand = vi.fn(() => false);
    await choose(/copy link/i);
    const dialog = await screen.findByRole('dialog', { name: /copy this link/i });
    const box = within(dialog).getByRole('textbox', { name: /link to copy/i }) as HTMLTextAreaElement;
    expect(decodeConfig(box.value)).toEqual({ ok: true, config: sarsa() });
  });

  it('falls back to the old copy command when there is no Clipboard API', async () => {
    const { choose } = setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const exec = vi.fn(() => true);
    document.execCommand = exec;
    await choose(/copy embed code/i);
    expect(exec).toHaveBeenCalledWith('copy');
    expect(await screen.findByRole('status')).toHaveTextContent(/embed code copied/i);
  });

  it('menu keyboard: arrows move, Escape closes and returns focus', async () => {
    const { open, user } = setup();
    await open();
    const items = screen.getAllByRole('menuitem').filter((b) => !(b as HTMLButtonElement).disabled);
    expect(items).toHaveLength(6);
    await waitFor(() => expect(items[0]).toHaveFocus());
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(items[5]).toHaveFocus();
    expect(items[5]).toHaveTextContent('Import JSON...');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: /share & save/i })).toHaveFocus();
  });

  it('saves under a name, and asks before replacing', async () => {
    const { choose, user, storage } = setup();
    await choose(/save as/i);
    const dialog = await screen.findByRole('dialog', { name: /save as/i });
    const name = within(dialog).getByRole('textbox', { name: /name/i });
    // The dialog moves focus in its effect, which React may run after the dialog is on screen.
    await waitFor(() => expect(name).toHaveFocus());
    await user.clear(name);
    await user.type(name, 'Lesson 1{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Saved as “Lesson 1”.');
    const loaded = new SavedConfigs(storage).load('Lesson 1');
    expect(loaded.ok && loaded.entry.config).toEqual(sarsa());

    await choose(/save as/i);
    const again = within(await screen.findByRole('dialog')).getByRole('textbox', { name: /name/i });
    await user.clear(again);
    await user.type(again, 'Lesson 1{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(/already exists\. replace it\?/i);
    await user.click(screen.getByRole('button', { name: 'Replace' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reports a full storage quota when saving', async () => {
    const full: KeyValueStore = {
      ...memoryStore(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const { choose, user } = setup({}, full);
    await choose(/save as/i);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/storage is full/i);
  });

  it('lists saved configs: load, rename, delete, and damaged entries reported and removable', async () => {
    const store = memoryStore();
    const saved = new SavedConfigs(store);
    saved.save('Cliff lesson', defaultConfig());
    saved.save('<b>Bold</b> name', sarsa());
    store.setItem(`${SAVED_PREFIX}Broken`, '{oops');
    const { choose, user, onLoadConfig } = setup({}, store);

    await choose(/saved configs/i);
    let dialog = await screen.findByRole('dialog', { name: /saved configs/i });
    const list = within(dialog).getByRole('list', { name: 'Saved configs' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('<b>Bold</b> name')).toBeInTheDocument();
    expect(within(dialog).getByText(/1 saved config could not be read/i)).toBeInTheDocument();
    expect(within(dialog).getByText(/not valid JSON/i)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Rename Cliff lesson' }));
    const input = within(dialog).getByRole('textbox', { name: /new name for cliff lesson/i });
    await user.clear(input);
    await user.type(input, 'Cliff walk{Enter}');
    expect(within(dialog).getByText('Cliff walk')).toBeInTheDocument();
    expect(saved.has('Cliff lesson')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Delete <b>Bold</b> name' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(within(dialog).queryByText('<b>Bold</b> name')).toBeNull();
    expect(saved.has('<b>Bold</b> name')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Remove damaged Broken' }));
    expect(within(dialog).queryByText(/could not be read/i)).toBeNull();
    expect(store.getItem(`${SAVED_PREFIX}Broken`)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Load Cliff walk' }));
    expect(onLoadConfig).toHaveBeenCalledWith(defaultConfig(), '“Cliff walk”');
    expect(screen.queryByRole('dialog')).toBeNull();
    dialog = screen.getByRole('status');
    expect(dialog).toHaveTextContent('Loaded “Cliff walk”.');
  });

  it('exports the config as JSON and imports it back; refuses a bad file', async () => {
    const { choose, user, onLoadConfig } = setup();
    await choose(/export json/i);
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toMatch(/^gridworld-sarsa-8x8-seed5-.*\.json$/);
    const text = await downloads[0].blob.text();
    expect(JSON.parse(text)).toEqual(sarsa());

    const input = screen.getByTestId('import-json-input') as HTMLInputElement;
    await user.upload(input, new File([text], 'lesson.json', { type: 'application/json' }));
    await waitFor(() => expect(onLoadConfig).toHaveBeenCalledWith(sarsa(), 'the file “lesson.json”'));

    onLoadConfig.mockClear();
    await user.upload(input, new File(['{"version":1,"env":{"grid":["..."]}}'], 'bad.json'));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/not imported.*bad\.json.*start/i),
    );
    expect(onLoadConfig).not.toHaveBeenCalled();
  });

  it('exports run data as CSV, and says so when there is none yet', async () => {
    const log = new RunMetrics();
    const { choose } = setup({ getRunData: () => log.summary(1) });
    await choose(/export csv/i);
    expect(downloads).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent(/no run data yet/i);
    log.push(1, 10, true, 0.1);
    log.push(0, 200, false, 0.1);
    await choose(/export csv/i);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(await downloads[0].blob.text()).toBe(
      'episode,return,steps,success,epsilon\n1,1,10,1,0.1\n2,0,200,0,0.1\n',
    );
  });

  it('exports the grid canvas as PNG, and disables exports that have no source', async () => {
    const canvas = document.createElement('canvas');
    canvas.toBlob = (cb: BlobCallback) => cb(new Blob(['png'], { type: 'image/png' }));
    const { choose, open } = setup({ getGridCanvas: () => canvas });
    await open();
    expect(screen.getByRole('menuitem', { name: /export charts png/i })).toBeDisabled();
    expect(screen.getByRole('menuitem', { name: /export csv/i })).toBeDisabled();
    await act(async () => screen.getByRole('button', { name: /share & save/i }).click());
    await choose(/export grid png/i);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toMatch(/-grid-.*\.png$/);
    expect(downloads[0].blob.type).toBe('image/png');
  });

  it('sends messages to onMessage when given', async () => {
    const onMessage = vi.fn();
    const { choose } = setup({ onMessage, getRunData: () => new RunMetrics().summary(1) });
    await choose(/export csv/i);
    await waitFor(() =>
      expect(onMessage).toHaveBeenCalledWith('warn', expect.stringMatching(/no run data/i)),
    );
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
