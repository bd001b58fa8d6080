/**
 * Classroom, round two (issue 19, items 3, 6, 9, 10): help opens on tap as a toggletip; a setting
 * change keeps the run before it as a faded, named series and says what it reached; the status follows
 * the timeline; no flat epsilon chart; the GIF is titled by lesson and agent; a budget's charts lead
 * with what varies; the comparison explains "found, then not kept".
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAgent } from '../../src/config/defaults';
import { getPreset } from '../../src/config/presets';
import type { BudgetPoint, BudgetResult } from '../../src/rl/lab/budget';
import type { ComparisonResult } from '../../src/rl/lab/compare';
import { firstSuccess } from '../../src/rl/lab/stats';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { resetHistory, useHistoryStore } from '../../src/store/historyStore';
import { describeChange, dismissPreviousRun } from '../../src/store/previousRun';
import { clearStory, loadPreset } from '../../src/store/story';
import { connectTraining } from '../../src/store/trainingController';
import { epsilonChanges, initialTrainingState, useTrainingStore } from '../../src/store/trainingStore';
import { useUiStore } from '../../src/store/uiStore';
import { TrainingCharts } from '../../src/ui/charts/TrainingCharts';
import { ParamField } from '../../src/ui/common/ParamField';
import { closeToggletips } from '../../src/ui/common/Toggletip';
import { titleOf } from '../../src/ui/history/replayPainter';
import { budgetChartOrder } from '../../src/ui/lab/BudgetPanel';
import { StatsTable } from '../../src/ui/lab/StatsTable';
import { PreviousRunLine, StatusLine } from '../../src/ui/training/StatusLine';
import { STAT_HELP } from '../../src/ui/training/statHelp';
import { summaryOf } from '../unit/helpers';
import { FakeRun, fakeFactory, type FakeWorker } from './fakeWorker';

afterEach(() => {
  cleanup();
  closeToggletips();
  resetHistory();
  useTrainingStore.setState(initialTrainingState());
});

/** The live region a toggletip button controls. */
const bubbleOf = (b: HTMLElement) => document.getElementById(b.getAttribute('aria-controls')!)!;

describe('toggletips (item 6)', () => {
  const spec = { key: 'alpha', kind: 'number', label: 'Learning rate', tip: 'How far each update moves.', min: 0, max: 1, step: 0.01 } as const;

  it("opens a field's help from the schema on click, announces it, closes on Escape and on a second press", () => {
    render(<ParamField spec={spec} value={0.5} onCommit={() => ({ ok: true, changed: true })} />);
    // No hover-only title on the field or its label.
    expect(screen.getByLabelText('Learning rate', { selector: 'input' })).not.toHaveAttribute('title');
    const about = screen.getByRole('button', { name: 'About Learning rate' });
    expect(about).toHaveAttribute('aria-expanded', 'false');
    expect(bubbleOf(about)).toHaveTextContent('');
    expect(bubbleOf(about)).toHaveAttribute('role', 'status');
    fireEvent.click(about);
    expect(about).toHaveAttribute('aria-expanded', 'true');
    expect(bubbleOf(about)).toHaveTextContent('How far each update moves.');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(about).toHaveAttribute('aria-expanded', 'false');
    expect(bubbleOf(about)).toHaveTextContent('');
    expect(about).toHaveFocus();
    fireEvent.click(about);
    fireEvent.click(about);
    expect(about).toHaveAttribute('aria-expanded', 'false');
  });

  it("explains every stat from the one table, one tip open at a time, loss in words", () => {
    useTrainingStore.setState({ info: { agentType: 'dqn', isPlanner: false, nStates: 9, backend: 'wasm' } });
    render(<StatusLine />);
    const eps = screen.getByRole('button', { name: 'About ε' });
    const loss = screen.getByRole('button', { name: 'About Loss' });
    fireEvent.click(eps);
    expect(bubbleOf(eps)).toHaveTextContent(STAT_HELP.epsilon);
    fireEvent.click(loss);
    expect(eps).toHaveAttribute('aria-expanded', 'false');
    expect(bubbleOf(eps)).toHaveTextContent('');
    expect(bubbleOf(loss)).toHaveTextContent(
      "Loss: how far the network’s predictions were from its targets on the last update",
    );
    expect(screen.getByRole('button', { name: 'About Backend' })).toBeInTheDocument();
    // A press elsewhere closes it.
    fireEvent.pointerDown(document.body);
    expect(loss).toHaveAttribute('aria-expanded', 'false');
    for (const s of document.querySelectorAll('.stat')) expect(s).not.toHaveAttribute('title');
  });
});

describe('the previous run (item 3)', () => {
  let disconnect = () => {};
  let worker: FakeWorker;
  beforeEach(() => {
    resetConfigStore();
    clearStory();
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    worker = f.current();
  });
  afterEach(() => disconnect());

  it('keeps the run a setting change reset, named by what changed, until dismissed', () => {
    act(() => void loadPreset(getPreset('needle')!));
    worker.ready();
    const run = new FakeRun();
    worker.progress({ running: false, ...run.episodes(new Array(300).fill(0)) });
    expect(useTrainingStore.getState().previous).toBeNull();
    act(() => useConfigStore.getState().edit((d) => void (d.train.shaping = 'potential')));
    const prev = useTrainingStore.getState().previous!;
    expect(prev.label).toBe('no reward shaping');
    expect(prev.episodes).toBe(300);
    expect(prev.firstSuccess).toBeNull();
    expect(prev.series.counters.episodes).toBe(300);
    expect(prev.series.n.length).toBe(300); // a bounded copy: the buckets in use only
    expect(useTrainingStore.getState().episode).toBe(0); // the new run starts from scratch

    render(<PreviousRunLine />);
    expect(screen.getByTestId('previous-run-status')).toHaveTextContent(
      'Previous run (no reward shaping): 300 episodes, first reward never, final success 0%.',
    );
    cleanup();

    const { container } = render(
      <TrainingCharts
        series={useTrainingStore.getState().series}
        previous={prev}
        onDismissPrevious={dismissPreviousRun}
        theme="light"
      />,
    );
    const legend = screen.getByRole('button', { name: 'Hide the previous run: no reward shaping from the charts' });
    expect(legend).toHaveTextContent('previous run: no reward shaping');
    // The faded series is drawn on every chart, over the old run's 300 episodes.
    expect(container.querySelectorAll('.chart-overlay path.recharts-line-curve').length).toBe(4);
    fireEvent.click(legend);
    expect(useTrainingStore.getState().previous).toBeNull();
  });

  it('a second change before the new run has data renames it; Reset keeps it', () => {
    worker.ready();
    const run = new FakeRun();
    worker.progress({ running: false, ...run.episodes([0, 1, 1]) });
    act(() => useConfigStore.getState().edit((d) => void (d.agent = defaultAgent('sarsa'))));
    expect(useTrainingStore.getState().previous?.label).toBe('Q-learning');
    act(() => useConfigStore.getState().edit((d) => void (d.train.countBonus = 0.2)));
    expect(useTrainingStore.getState().previous?.label).toBe('Q-learning');
    expect(useTrainingStore.getState().previous?.firstSuccess).toBe(2);
  });

  it('names several changes', () => {
    const a = useConfigStore.getState().config;
    const b = structuredClone(a);
    b.env.slip = 0.2;
    expect(describeChange(a, b)).toBe('no slip');
    b.train.episodes = 999;
    b.env.gamma = 0.5;
    expect(describeChange(a, b)).toMatch(/ and 1 more$/);
    expect(describeChange(a, a)).toBeNull();
  });
});

describe('the status follows the timeline (item 10)', () => {
  it('shows the moment on show, not the live run', () => {
    const series = summaryOf(26, (i) => ({ ret: i === 5 ? 1 : 0, steps: 10, success: i === 5, eps: 1 - i / 100 }));
    useTrainingStore.setState({
      episode: 26,
      target: 500,
      totalSteps: 260,
      epsilon: 0.75,
      metrics: series.counters,
      series,
      status: 'paused',
    });
    useHistoryStore.setState({
      moments: [
        { id: 0, episode: 0, steps: 0, plans: 0, marks: [] },
        { id: 1, episode: 7, steps: 70, plans: 0, marks: [] },
      ],
      viewedId: 1,
      viewedIndex: 1,
    });
    render(<StatusLine />);
    expect(screen.getByTestId('episode-count')).toHaveTextContent('7');
    expect(screen.getByTestId('status-line')).toHaveTextContent('7 / 500');
    expect(screen.getByTestId('step-count')).toHaveTextContent('70');
    expect(screen.getByTestId('epsilon')).toHaveTextContent('0.940');
    expect(screen.getByTestId('success-rate')).toHaveTextContent('14%'); // 1 of 7
    expect(screen.getByTestId('first-reward')).toHaveTextContent('ep. 6');
    act(() => useHistoryStore.setState({ viewedId: 0, viewedIndex: 0 }));
    expect(screen.getByTestId('episode-count')).toHaveTextContent('0');
    expect(screen.getByTestId('first-reward')).toHaveTextContent('–');
    act(() => useHistoryStore.setState({ viewedId: null, viewedIndex: null }));
    expect(screen.getByTestId('episode-count')).toHaveTextContent('26');
  });
});

describe('the epsilon chart (item 10)', () => {
  it('is left out for an agent whose epsilon cannot change', () => {
    expect(epsilonChanges(defaultAgent('mcts'))).toBe(false);
    expect(epsilonChanges(defaultAgent('value-iteration'))).toBe(false);
    expect(epsilonChanges({ ...defaultAgent('q-learning'), epsilonDecay: 1 } as never)).toBe(false);
    expect(epsilonChanges({ ...defaultAgent('q-learning'), epsilonDecay: 0.99 } as never)).toBe(true);
    expect(epsilonChanges(defaultAgent('dqn'))).toBe(true);
    const series = summaryOf(20, () => ({ ret: 0, steps: 5, success: false }));
    render(<TrainingCharts series={series} theme="light" showEpsilon={false} />);
    expect(screen.queryByRole('figure', { name: 'Exploration ε' })).toBeNull();
    expect(screen.getAllByRole('figure')).toHaveLength(3);
  });
});

describe('the GIF title (item 10)', () => {
  it("is the lesson's title and the agent's label", () => {
    resetConfigStore();
    clearStory();
    expect(titleOf()).toMatch(/^Gridworld \d+ x \d+ · Q-learning$/);
    act(() => void loadPreset(getPreset('deep-needle')!));
    expect(useUiStore.getState().story?.title).toBe('Deep needle: DQN in a sparse room');
    expect(titleOf()).toBe('Deep needle: DQN in a sparse room · DQN');
  });
});

describe('lab content (item 9)', () => {
  const point = (value: number, success: number, first: (number | null)[]): BudgetPoint => ({
    variant: 'MCTS',
    knob: 'simulations',
    value,
    unit: 'steps',
    seeds: first.length,
    firstSuccessEpisode: firstSuccess(first),
    solvedEpisode: firstSuccess(first),
    successRate: success,
    computeSteps: value * 10,
    solvedCompute: firstSuccess(first),
    curveEpisode: [1],
    medianSteps: [10],
  });

  it('orders a budget of one episode per seed with the success rate first', () => {
    const oneEpisode: BudgetResult = {
      title: 'Search against the wall',
      knob: 'simulations',
      seeds: 4,
      episodes: 1,
      solvedEvery: 1,
      elapsedMs: 1,
      points: [point(0, 0, [null, null, null, null]), point(10, 0.25, [1, null, null, null]), point(100, 0.75, [1, 1, 1, null]), point(1000, 1, [1, 1, 1, 1])],
    };
    expect(budgetChartOrder(oneEpisode)).toEqual(['success', 'first', 'solved']);
    const many: BudgetResult = {
      ...oneEpisode,
      episodes: 50,
      points: [point(0, 0.1, [30, 40, 50, null]), point(10, 0.5, [5, 8, 9, 12]), point(100, 0.9, [2, 3, 3, 4])],
    };
    expect(budgetChartOrder(many)).toEqual(['first', 'solved', 'success']);
  });

  it('explains a variant that found the goal but ends at 0%', () => {
    const variant = (name: string, first: (number | null)[], final: number) =>
      ({ name, seeds: first.length, episodes: 150, firstEpisode: firstSuccess(first), finalSuccessRate: final, meanReturnLast10: 0 }) as ComparisonResult['variants'][number];
    const result = {
      title: 'Deep needle',
      seeds: 8,
      episodes: 150,
      elapsedMs: 1,
      variants: [variant('Plain DQN', [60, 84, 84, 90, 120, null, null, null], 0.001), variant('Potential shaping', [7, 9, 10, 12, 12, 14, 15, 17], 0.98)],
    } as ComparisonResult;
    render(<StatsTable result={result} theme="light" />);
    const table = screen.getByRole('table', { name: 'Statistics per variant' });
    const notes = within(table).getAllByTestId('found-not-kept');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toHaveTextContent(
      'Plain DQN: 5 of 8 seeds reached the goal at least once (median episode 105), but almost none of their last 10% of episodes did (final success 0%): the goal was found, then not kept.',
    );
  });
});
