import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App';
import { defaultAgent } from '../../src/config/defaults';
import type { AgentType } from '../../src/config/schema';
import { Cell } from '../../src/rl/grid';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { useThinkingStore } from '../../src/store/thinkingStore';
import { connectTraining } from '../../src/store/trainingController';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { drawOverlay, type OverlayShow } from '../../src/ui/grid/overlay/drawOverlay';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import { Scratch } from '../../src/ui/grid/overlay/scratch';
import type { SearchView } from '../../src/worker/protocol';
import { fakeFactory, type FakeWorker } from './fakeWorker';
import { recordingContext } from './overlayCanvasStub';

/** The thinking controls are a lazy chunk: its first import can take seconds on a busy machine. */
const LAZY = { timeout: 15_000 };

vi.mock('../../src/ui/grid/overlay/GridOverlay', async () => (await import('./mocks')).overlayMock);
vi.mock('../../src/ui/charts/TrainingCharts', async () => (await import('./mocks')).chartsMock);
vi.mock('../../src/ui/lab/LabView', () => ({ LabView: () => <p>the lab view</p> }));

let disconnect = () => {};
let worker: FakeWorker;

function pick(type: AgentType): void {
  act(() => void useConfigStore.getState().edit((d) => void (d.agent = defaultAgent(type))));
}

beforeEach(() => {
  resetConfigStore();
  useUiStore.setState({ notice: null, tool: 'wall', selected: null, show: DEFAULT_SHOW, view: 'playground' });
  useThinkingStore.setState({ thinking: null, open: false, k: 1, step: null, answered: false });
  const f = fakeFactory();
  disconnect = connectTraining(f.factory);
  worker = f.current();
  render(<App />);
});
afterEach(() => {
  cleanup();
  disconnect();
});

function searchView(k: number, total: number, n: number): SearchView {
  const visits = new Float64Array(n);
  visits[0] = k;
  if (k > 0) visits[1] = k - 1;
  return {
    k,
    total,
    visits,
    line: Int32Array.from(k > 0 ? [0, 1] : [0]),
    rootVisits: Float64Array.from([0, k, 0, 0]),
    choice: k > 0 ? 1 : -1,
  };
}

describe('the thinking budget beside Play', () => {
  it('is not there for agents that do not think between moves', () => {
    worker.ready();
    expect(screen.queryByTestId('thinking-budget')).toBeNull();
    expect(screen.queryByTestId('thinking-status')).toBeNull();
  });

  it('sets MCTS simulations per move through the config (a fresh run with the new budget)', async () => {
    pick('mcts');
    worker.ready();
    const group = await screen.findByTestId('thinking-budget', {}, LAZY);
    const box = within(group).getByRole('spinbutton', { name: 'Simulations' });
    expect(box).toHaveValue(200);
    const slider = within(group).getByRole('slider', { name: 'Simulations slider' });
    // A log slider: 200 of 1..10,000 sits at log(200)/log(10,000) of its 1000 steps.
    expect(Number(slider.getAttribute('value'))).toBe(Math.round((Math.log(200) / Math.log(10_000)) * 1000));
    fireEvent.change(box, { target: { value: '30' } });
    expect(useConfigStore.getState().config.agent).toMatchObject({ type: 'mcts', simulations: 30 });
    expect(worker.lastInit().config.agent).toMatchObject({ simulations: 30 });
    fireEvent.change(slider, { target: { value: '1000' } });
    expect(useConfigStore.getState().config.agent).toMatchObject({ simulations: 10_000 });
    // Out of the schema's range: refused with the field's message, the config unchanged.
    fireEvent.change(box, { target: { value: '0' } });
    expect(within(group).getByRole('alert')).toHaveTextContent(/Simulations: must be from 1/);
    expect(useConfigStore.getState().config.agent).toMatchObject({ simulations: 10_000 });
  });

  it('sets Dyna-Q planning steps, 0 included, and explains what thinking buys behind "?"', async () => {
    pick('dyna-q');
    worker.ready();
    const group = await screen.findByTestId('thinking-budget', {}, LAZY);
    const box = within(group).getByRole('spinbutton', { name: 'Planning' });
    fireEvent.change(box, { target: { value: '0' } });
    expect(useConfigStore.getState().config.agent).toMatchObject({ type: 'dyna-q', planningSteps: 0 });
    const help = within(group).getByLabelText('What does thinking buy?');
    const details = help.closest('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(help);
    expect(details.open).toBe(true);
    const notes = within(details).getByLabelText('What thinking buys');
    expect(notes).toHaveTextContent(/Planning steps/);
    expect(notes).toHaveTextContent(/Simulations/);
    expect(notes).toHaveTextContent(/Width/);
    expect(notes).toHaveTextContent(/no amount of thinking finds a reward never seen/);
    fireEvent.keyDown(details, { key: 'Escape' });
    expect(details.open).toBe(false);
  });
});

describe('thinking status and the search stepper', () => {
  it('shows the budget and the time per move from the worker', async () => {
    pick('dyna-q');
    worker.ready({ thinking: { unit: 'planning steps', perMove: 10, msPerMove: null } });
    const status = await screen.findByTestId('thinking-status', {}, LAZY);
    expect(status).toHaveTextContent('10 planning steps per move');
    expect(screen.getByTestId('ms-per-move')).toHaveTextContent('–');
    worker.progress({ thinking: { unit: 'planning steps', perMove: 10, msPerMove: 0.0421 } });
    expect(screen.getByTestId('ms-per-move')).toHaveTextContent('0.042 ms');
    expect(within(status).queryByRole('button')).toBeNull();
  });

  it('steps through the current decision’s search a simulation at a time', async () => {
    pick('mcts');
    worker.ready({ thinking: { unit: 'simulations', perMove: 200, msPerMove: 3.14 } });
    const init = worker.lastInit();
    const n = init.config.env.grid.length * init.config.env.grid[0].length;
    expect(await screen.findByTestId('thinking-status', {}, LAZY)).toHaveTextContent(
      '200 simulations per move',
    );
    expect(screen.getByTestId('ms-per-move')).toHaveTextContent('3.1 ms');
    // Choosing a search agent turns the Search overlay on (issue 19 item 7); turned off, opening the
    // stepper turns it back on.
    expect(useUiStore.getState().show.search).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Search' }));
    expect(useUiStore.getState().show.search).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Step through the search' }));
    // Opening turns the overlay on and asks for the search after one simulation.
    expect(useUiStore.getState().show.search).toBe(true);
    expect(worker.sent.at(-1)).toEqual({ type: 'search-step', k: 1 });
    expect(screen.getByTestId('stepper-note')).toHaveTextContent('Asking the worker');
    worker.reply({ type: 'search', runId: init.runId, step: searchView(1, 200, n) });
    expect(screen.getByTestId('stepper-count')).toHaveTextContent('1 / 200');
    // The stepper takes the status row's place.
    expect(screen.queryByTestId('thinking-status')).toBeNull();
    expect(screen.getByTestId('stepper-note')).toHaveTextContent(
      'After 1 simulations the search would move right',
    );
    fireEvent.click(screen.getByRole('button', { name: 'One simulation more' }));
    expect(worker.sent.at(-1)).toEqual({ type: 'search-step', k: 2 });
    fireEvent.click(screen.getByRole('button', { name: 'All simulations' }));
    expect(worker.sent.at(-1)).toEqual({ type: 'search-step', k: 200 });
    worker.reply({ type: 'search', runId: init.runId, step: searchView(200, 200, n) });
    expect(screen.getByTestId('stepper-note')).toHaveTextContent(
      'All simulations done: the agent moved right',
    );
    // A step of the run: the stepper asks again for the same k, now about the next decision.
    const asked = worker.of('search-step').length;
    worker.progress({ totalSteps: 1 });
    expect(worker.of('search-step').length).toBe(asked + 1);
    // While training it does not ask (and says to pause).
    worker.progress({ running: true, totalSteps: 50 });
    expect(worker.of('search-step').length).toBe(asked + 1);
    expect(screen.getByTestId('stepper-note')).toHaveTextContent('Pause to step');
    // An answer about a replaced run is ignored.
    worker.reply({ type: 'search', runId: init.runId - 1, step: null });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('search-stepper')).toBeNull();
    expect(screen.getByTestId('thinking-status')).toBeInTheDocument();
  });

  it('says so when no search stands (the episode just ended)', async () => {
    pick('mcts');
    worker.ready();
    fireEvent.click(await screen.findByRole('button', { name: 'Step through the search' }));
    worker.reply({ type: 'search', runId: worker.lastInit().runId, step: null });
    expect(screen.getByTestId('stepper-note')).toHaveTextContent(/No search yet for this move/);
  });

  it('offers the Search overlay for MCTS only, on when it is chosen, and it can be turned off', () => {
    worker.ready();
    expect(screen.queryByRole('checkbox', { name: 'Search' })).toBeNull();
    pick('mcts');
    const box = screen.getByRole('checkbox', { name: 'Search' });
    expect(useUiStore.getState().show.search).toBe(true);
    fireEvent.click(box);
    expect(useUiStore.getState().show.search).toBe(false);
  });
});

describe('drawing the search', () => {
  // 3 x 2 grid, 10 px cells.
  const cells = Uint8Array.from([Cell.Start, Cell.Empty, Cell.Goal, Cell.Empty, Cell.Empty, Cell.Empty]);
  const OFF: OverlayShow = { values: false, policy: false, q: false, visits: 'off', trail: false };
  const search = { visits: Float64Array.from([20, 5, 1, 0, 0, 0]), line: Int32Array.from([0, 1, 2]) };
  const paint = (show: OverlayShow) => {
    const rec = recordingContext();
    drawOverlay(
      rec.ctx,
      { width: 3, height: 2, cells, cellSize: 10, show, search },
      getPalette('light'),
      new Scratch(),
      {
        dpr: 1,
        theme: 'light',
      },
    );
    return rec;
  };

  it('draws a disc per visited cell and the chosen line only when the overlay is on', () => {
    const off = paint(OFF);
    expect(off.count('arc')).toBe(0);
    const on = paint({ ...OFF, search: true });
    expect(on.count('arc')).toBe(3);
    // The line: from the root's centre through two more cells, then its head.
    expect(on.calls.filter((c) => c.name === 'lineTo').length).toBeGreaterThanOrEqual(4);
    const radii = on.calls.filter((c) => c.name === 'arc').map((c) => c.args[2] as number);
    expect(radii[0]).toBeGreaterThan(radii[1]);
    expect(radii[1]).toBeGreaterThan(radii[2]);
  });
});
