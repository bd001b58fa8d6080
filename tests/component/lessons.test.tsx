import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App';
import { getPreset, PRESETS } from '../../src/config/presets';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { clearStory, showStory } from '../../src/store/story';
import { connectTraining } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { NO_SIGNAL_TIP } from '../../src/ui/training/StatusLine';
import { FakeRun, fakeFactory, type FakeWorker } from './fakeWorker';

vi.mock('../../src/ui/grid/overlay/GridOverlay', async () => (await import('./mocks')).overlayMock);
vi.mock('../../src/ui/charts/TrainingCharts', async () => (await import('./mocks')).chartsMock);
vi.mock('../../src/ui/lab/LabView', () => ({ LabView: () => <p>the lab view</p> }));

let disconnect = () => {};
let worker: FakeWorker;
beforeEach(() => {
  resetConfigStore();
  clearStory();
  useUiStore.setState({ notice: null, tool: 'wall', selected: null, show: DEFAULT_SHOW, view: 'playground' });
  const f = fakeFactory();
  disconnect = connectTraining(f.factory);
  worker = f.current();
  render(<App />);
});
afterEach(() => {
  cleanup();
  disconnect();
});

const needle = getPreset('needle')!;
const picker = () => screen.getByRole('combobox', { name: 'Lesson' });
const banner = () => screen.queryByRole('region', { name: 'What to watch' });

describe('preset picker and story banner', () => {
  it('lists every preset with its caption as a tooltip', () => {
    const options = within(picker()).getAllByRole('option');
    for (const p of PRESETS) {
      const o = options.find((x) => x.textContent === p.title);
      expect(o).toBeDefined();
      expect(o).toHaveAttribute('title', p.caption.join(' '));
    }
    expect(picker()).toHaveValue('');
    expect(banner()).toBeNull();
  });

  it("loads a preset's config as one undoable edit and shows its caption until undone", async () => {
    const user = userEvent.setup({ delay: null });
    const before = useConfigStore.getState().config;
    await user.selectOptions(picker(), 'needle');
    expect(useConfigStore.getState().config.env.grid).toEqual(needle.config.env.grid);
    expect(useConfigStore.getState().config.agent).toEqual(needle.config.agent);
    expect(picker()).toHaveValue('needle');
    const b = banner()!;
    expect(b).toHaveTextContent('Needle in a haystack');
    expect(b).toHaveTextContent(needle.caption[0]);
    expect(b).toHaveTextContent(needle.caption[1]);
    // The new run is built for the preset's world.
    expect(worker.lastInit().config.env.grid).toEqual(needle.config.env.grid);
    act(() => void useConfigStore.getState().undo());
    expect(useConfigStore.getState().config).toEqual(before);
    expect(banner()).toBeNull();
    expect(picker()).toHaveValue('');
  });

  it('keeps the story for agent tweaks but drops it when the world is edited', async () => {
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(picker(), 'needle');
    act(() => void useConfigStore.getState().edit((d) => void (d.train.countBonus = 0.1)));
    expect(banner()).not.toBeNull();
    // Paint a wall (the default tool) on an empty cell.
    await user.click(screen.getByRole('button', { name: 'row 2, column 2: empty' }));
    expect(useConfigStore.getState().config.env.grid[1][1]).toBe('#');
    expect(banner()).toBeNull();
  });

  it('replaces the story when another preset is chosen, and can be dismissed', async () => {
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(picker(), 'needle');
    await user.selectOptions(picker(), 'cliff-walk');
    expect(banner()).toHaveTextContent('Cliff walk');
    expect(banner()).not.toHaveTextContent('Needle');
    await user.click(screen.getByRole('button', { name: "Dismiss the preset's story" }));
    expect(banner()).toBeNull();
    // Dismissing does not undo the preset.
    expect(useConfigStore.getState().config.env.grid).toEqual(getPreset('cliff-walk')!.config.env.grid);
  });

  it("shows a story loaded elsewhere (the lab's Open in playground) only for its own world", () => {
    let shown = true;
    act(() => void (shown = showStory(needle)));
    expect(shown).toBe(false);
    expect(banner()).toBeNull();
    act(() => {
      useConfigStore.getState().setConfig(needle.config);
      expect(showStory(needle)).toBe(true);
    });
    expect(banner()).toHaveTextContent(needle.caption[1]);
  });
});

describe('first reward', () => {
  const stat = () => screen.getByTestId('first-reward');

  it('shows – before training, "not yet" while no goal was reached, then the episode', () => {
    worker.ready();
    expect(stat()).toHaveTextContent('–');
    worker.progress({ running: true });
    expect(stat()).toHaveTextContent('not yet');
    const about = within(stat().closest('.stat') as HTMLElement).getByRole('button', { name: 'About First reward' });
    fireEvent.click(about);
    expect(document.getElementById(about.getAttribute('aria-controls')!)).toHaveTextContent(NO_SIGNAL_TIP);
    fireEvent.click(about);
    const run = new FakeRun();
    worker.progress({ running: true, ...run.episodes([0, 0, 0]) });
    expect(stat()).toHaveTextContent('not yet');
    worker.progress({ running: true, ...run.episodes([0, 0, 1, 1]) });
    expect(stat()).toHaveTextContent('ep. 6');
    expect(useTrainingStore.getState().metrics.firstSuccess).toBe(6);
    // Later successes do not move it; a reset clears it.
    worker.progress({ running: false, ...run.episodes([1]) });
    expect(stat()).toHaveTextContent('ep. 6');
    fireEvent.click(screen.getByRole('button', { name: /^Reset/ }));
    expect(stat()).toHaveTextContent('–');
  });
});

describe('greedy path text', () => {
  const text = () => screen.queryByTestId('greedy-path');

  it('is off until its toggle is on, then describes where the greedy policy leads', async () => {
    const user = userEvent.setup({ delay: null });
    act(() => void useConfigStore.getState().edit((d) => void (d.env.grid = ['S.G', '...'])));
    worker.ready();
    expect(text()).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Greedy path' }));
    expect(text()).toHaveTextContent('Greedy path: no preference yet');
    const q = new Float64Array(6 * 4);
    q[0 * 4 + 1] = 0.5; // start: right
    q[1 * 4 + 1] = 0.9; // then right, into the goal
    worker.progress({ frame: { ...frameOf(6), q } });
    expect(text()).toHaveTextContent('Greedy path: reaches the goal in 2 steps');
    q[1 * 4 + 1] = 0;
    q[1 * 4 + 3] = 0.9; // back left: a loop
    worker.progress({ frame: { ...frameOf(6), q: q.slice() } });
    expect(text()).toHaveTextContent('Greedy path: loops after 2 steps');
    await user.click(screen.getByRole('checkbox', { name: 'Greedy path' }));
    expect(text()).toBeNull();
  });
});

function frameOf(n: number) {
  return {
    nStates: n,
    values: new Float64Array(n),
    q: new Float64Array(n * 4),
    policy: null,
    visits: new Uint32Array(n),
    episodeVisits: new Uint32Array(n),
    trail: new Int32Array(0),
    agent: 0,
  };
}
