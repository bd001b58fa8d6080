import { emptySummary } from '../../src/rl/metrics';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { connectTraining } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { SPEEDS } from '../../src/worker/protocol';
import { fakeFactory, type FakeWorker } from './fakeWorker';

vi.mock('../../src/ui/grid/overlay/GridOverlay', async () => (await import('./mocks')).overlayMock);
vi.mock('../../src/ui/charts/TrainingCharts', async () => (await import('./mocks')).chartsMock);
vi.mock('../../src/ui/lab/LabView', () => ({ LabView: () => <p>the lab view</p> }));

let disconnect = () => {};
let worker: FakeWorker;
beforeEach(() => {
  resetConfigStore();
  useUiStore.setState({ notice: null, tool: 'wall', selected: null, show: DEFAULT_SHOW, view: 'playground' });
  useTrainingStore.setState({ speedIndex: 3 });
  const f = fakeFactory();
  disconnect = connectTraining(f.factory);
  worker = f.current();
  render(<App />);
});
afterEach(() => {
  cleanup();
  disconnect();
});

const play = () => screen.getByRole('button', { name: /^(Play|Pause|Continue)$/ });
const lastSent = () => worker.sent.at(-1);

describe('training controls', () => {
  it('waits for the worker, then plays and pauses', async () => {
    const user = userEvent.setup({ delay: null });
    expect(play()).toBeDisabled();
    expect(screen.getByTestId('run-status')).toHaveTextContent('Preparing');
    worker.ready();
    expect(play()).toBeEnabled();
    expect(screen.getByTestId('empty-hint')).toHaveTextContent(/Press Play/);
    await user.click(play());
    expect(lastSent()).toEqual({ type: 'play' });
    worker.progress({
      running: true,
      episode: 12,
      totalSteps: 3456,
      stepsPerSecond: 120_000,
      metrics: { ...emptySummary().counters, episodes: 12, successRate: 0.42 },
    });
    expect(play()).toHaveTextContent('Pause');
    expect(screen.queryByTestId('empty-hint')).toBeNull();
    expect(screen.getByTestId('run-status')).toHaveTextContent('Training');
    expect(screen.getByTestId('episode-count').parentElement).toHaveTextContent('12 / 500');
    expect(screen.getByTestId('step-count')).toHaveTextContent('3,456');
    expect(screen.getByTestId('steps-per-second')).toHaveTextContent('120K');
    expect(screen.getByTestId('epsilon')).toHaveTextContent('0.100');
    expect(screen.getByTestId('success-rate')).toHaveTextContent('42%');
    await user.click(play());
    expect(lastSent()).toEqual({ type: 'pause' });
  });

  it('shows done and offers to continue', () => {
    worker.ready();
    worker.progress({ done: true, episode: 500, totalSteps: 9000 });
    expect(screen.getByTestId('run-status')).toHaveTextContent('Done');
    expect(play()).toHaveTextContent('Continue');
    fireEvent.click(play());
    expect(lastSent()).toEqual({ type: 'play' });
  });

  it('steps, runs an episode and resets from the buttons', async () => {
    const user = userEvent.setup({ delay: null });
    worker.ready();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(lastSent()).toEqual({ type: 'step' });
    await user.click(screen.getByRole('button', { name: 'Episode' }));
    expect(lastSent()).toEqual({ type: 'episode' });
    const before = worker.lastInit().runId;
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(worker.lastInit().runId).toBe(before + 1);
    expect(worker.lastInit().config).toEqual(useConfigStore.getState().config);
  });

  it('answers Space, S and R, but not while typing in a field', () => {
    worker.ready();
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(lastSent()).toEqual({ type: 'play' });
    worker.progress({ running: true, totalSteps: 10 });
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(lastSent()).toEqual({ type: 'pause' });
    fireEvent.keyDown(document.body, { key: 's' });
    expect(lastSent()).toEqual({ type: 'step' });
    const runId = worker.lastInit().runId;
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(worker.lastInit().runId).toBe(runId + 1);
    worker.ready();
    const count = worker.sent.length;
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    fireEvent.keyDown(seed, { key: 's' });
    fireEvent.keyDown(seed, { key: ' ' });
    fireEvent.keyDown(document.body, { key: 'r', ctrlKey: true });
    expect(worker.sent.length).toBe(count);
  });

  it('Space on a grid cell plays instead of painting', () => {
    worker.ready();
    const start = screen.getByRole('button', { name: 'row 1, column 2: empty' });
    act(() => start.focus());
    fireEvent.keyDown(start, { key: ' ' });
    expect(lastSent()).toEqual({ type: 'play' });
    expect(useConfigStore.getState().config.env.grid[0]).toBe('S.......');
  });

  it('sends the speed from the slider', () => {
    const slider = screen.getByRole('slider', { name: 'Speed' });
    fireEvent.change(slider, { target: { value: String(SPEEDS.length - 1) } });
    expect(lastSent()).toEqual({ type: 'speed', stepsPerSecond: Infinity });
    expect(screen.getByText('Max')).toBeInTheDocument();
    fireEvent.change(slider, { target: { value: '0' } });
    expect(lastSent()).toEqual({ type: 'speed', stepsPerSecond: SPEEDS[0].stepsPerSecond });
  });

  it('an edit while training says the run was paused and reset', () => {
    worker.ready();
    worker.progress({ running: true, totalSteps: 500, episode: 10 });
    fireEvent.pointerDown(screen.getByRole('button', { name: 'row 2, column 2: empty' }), {
      button: 0,
      buttons: 1,
    });
    fireEvent.pointerUp(window);
    expect(screen.getByTestId('notice')).toHaveTextContent('paused and reset');
    expect(screen.getByTestId('run-status')).toHaveTextContent('Preparing');
    expect(worker.lastInit().config.env.grid[1]).toBe('.#......');
  });
});

describe('agent panel', () => {
  it('offers every agent and rebuilds the run with the picked one', async () => {
    const user = userEvent.setup({ delay: null });
    const select = screen.getByRole('combobox', { name: 'Algorithm' });
    const types = Array.from(select.querySelectorAll('option')).map((o) => o.value);
    expect(types).toEqual([
      'random',
      'q-learning',
      'sarsa',
      'expected-sarsa',
      'dyna-q',
      'imitation',
      'value-iteration',
      'policy-iteration',
      'policy-evaluation',
      'dqn',
      'actor-critic',
      'reinforce',
      'mcts',
    ]);
    await user.selectOptions(select, 'dyna-q');
    expect(worker.lastInit().config.agent).toMatchObject({ type: 'dyna-q', planningSteps: 10 });
    expect(screen.getByRole('spinbutton', { name: 'Planning steps' })).toHaveValue(10);
  });

  it('shows the worker error for a neural agent that fails to start', async () => {
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Algorithm' }), 'dqn');
    expect(screen.getByRole('textbox', { name: 'Hidden layers' })).toHaveValue('64,64');
    expect(screen.getByRole('checkbox', { name: 'Double DQN' })).toBeChecked();
    const init = worker.lastInit();
    worker.reply({
      type: 'error',
      runId: init.runId,
      phase: 'create',
      message: 'the dqn agent is not available yet',
    });
    const card = screen.getByTestId('run-error');
    expect(card).toHaveTextContent('Could not start the DQN agent');
    expect(card).toHaveTextContent('the dqn agent is not available yet');
    expect(play()).toBeDisabled();
  });

  it('edits hyperparameters and refuses invalid values with a message', async () => {
    const user = userEvent.setup({ delay: null });
    const alpha = screen.getByRole('spinbutton', { name: 'Learning rate α' });
    await user.clear(alpha);
    await user.type(alpha, '0.25');
    expect(useConfigStore.getState().config.agent).toMatchObject({ alpha: 0.25 });
    await user.clear(alpha);
    await user.type(alpha, '3');
    expect(useConfigStore.getState().config.agent).toMatchObject({ alpha: 0.25 });
    expect(screen.getByRole('alert')).toHaveTextContent(/Learning rate α: .*1/);
    fireEvent.change(screen.getByRole('slider', { name: 'Exploration ε slider' }), {
      target: { value: '0.3' },
    });
    expect(useConfigStore.getState().config.agent).toMatchObject({ epsilon: 0.3 });
  });

  it('edits a neural list field and refuses a bad one', async () => {
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Algorithm' }), 'actor-critic');
    const hidden = screen.getByRole('textbox', { name: 'Hidden layers' });
    await user.clear(hidden);
    await user.type(hidden, '32,16');
    expect(useConfigStore.getState().config.agent).toMatchObject({ hidden: [32, 16] });
    await user.type(hidden, ',x');
    expect(screen.getByRole('alert')).toHaveTextContent(/whole numbers/);
    expect(useConfigStore.getState().config.agent).toMatchObject({ hidden: [32, 16] });
  });

  it('drives a planning agent one sweep at a time', async () => {
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Algorithm' }), 'value-iteration');
    worker.ready({ planner: { sweeps: 0, improvements: 0, lastDelta: Infinity, converged: false } });
    await user.click(screen.getByRole('button', { name: 'Sweep' }));
    expect(lastSent()).toEqual({ type: 'plan', op: 'sweep' });
    worker.progress({ planner: { sweeps: 1, improvements: 0, lastDelta: 0.95, converged: false } });
    const stats = screen.getByLabelText('Planning steps');
    expect(stats).toHaveTextContent('Sweeps 1');
    expect(stats).toHaveTextContent('Last Δ 0.95');
    await user.click(screen.getByRole('button', { name: 'Improve' }));
    expect(lastSent()).toEqual({ type: 'plan', op: 'improve' });
    await user.click(screen.getByRole('button', { name: 'Solve' }));
    expect(lastSent()).toEqual({ type: 'plan', op: 'solve' });
    worker.progress({ planner: { sweeps: 40, improvements: 1, lastDelta: 1e-7, converged: true } });
    expect(stats).toHaveTextContent('converged');
  });

  it('edits the training settings', async () => {
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reward shaping' }), 'potential');
    expect(useConfigStore.getState().config.train.shaping).toBe('potential');
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '1.5');
    expect(screen.getByRole('alert')).toHaveTextContent('whole number');
    expect(useConfigStore.getState().config.train.seed).toBe(1);
  });
});

describe('header', () => {
  it('switches to the Lab view (pausing training) and back', async () => {
    const user = userEvent.setup({ delay: null });
    worker.ready();
    worker.progress({ running: true, totalSteps: 10 });
    await user.click(screen.getByRole('button', { name: 'Lab' }));
    expect(lastSent()).toEqual({ type: 'pause' });
    expect(await screen.findByText('the lab view')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lab' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryAllByRole('button', { name: /^row / })).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Playground' }));
    expect(screen.getAllByRole('button', { name: /^row / })).toHaveLength(64);
  });
});
