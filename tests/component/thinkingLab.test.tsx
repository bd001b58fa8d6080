import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPreset } from '../../src/config/presets';
import { presetBudget } from '../../src/config/presetExperiments';
import {
  assembleBudget,
  budgetJobs,
  computeUnit,
  runBudgetJob,
  type BudgetJob,
  type BudgetRun,
} from '../../src/rl/lab/budget';
import { resetConfigStore } from '../../src/store/configStore';
import { knobAxis, knobTicks, logTicks } from '../../src/ui/lab/BudgetChart';
import { selectPreset } from '../../src/store/labActions';
import { setLabWorkerFactory, type LabWorkerLike } from '../../src/store/labPool';
import { resetLabStore, useLabStore } from '../../src/store/labStore';
import { LabView } from '../../src/ui/lab/LabView';
import type { FromLabWorker, ToLabWorker } from '../../src/worker/labProtocol';

let posted: ToLabWorker[] = [];
let terminated = 0;

/** Runs budget tasks in-process on a later tick, like a lab worker; 'hang' never answers. */
function fakeWorker(mode: 'run' | 'hang'): LabWorkerLike {
  const w: LabWorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => void terminated++,
    postMessage(msg: ToLabWorker) {
      posted.push(msg);
      if (mode === 'hang' || msg.task.kind !== 'budget') return;
      const job = msg.task.job;
      setTimeout(() => {
        const out: FromLabWorker = {
          type: 'done',
          id: msg.id,
          outcome: { kind: 'budget', run: runBudgetJob(job) },
        };
        w.onmessage?.({ data: out } as MessageEvent<FromLabWorker>);
      }, 0);
    },
  };
  return w;
}

beforeEach(() => {
  resetLabStore();
  resetConfigStore();
  posted = [];
  terminated = 0;
});
afterEach(() => {
  cleanup();
  setLabWorkerFactory(null);
});

function open(id: string): void {
  render(<LabView />);
  act(() => selectPreset(id));
}

describe('the lab thinking budget', () => {
  it('a budget preset shows its budget panel instead of "no variants to compare"', () => {
    open('dyna-maze');
    const panel = screen.getByRole('region', { name: 'Thinking budget' });
    expect(within(panel).getByRole('spinbutton', { name: /Seeds/ })).toHaveValue(30);
    expect(screen.queryByRole('region', { name: 'Compare runs' })).toBeNull();
    expect(screen.queryByText(/single run/)).toBeNull();
    expect(within(panel).getByText(/planning steps per move/)).toBeInTheDocument();
    // The preset's caption and the notes on what thinking buys.
    expect(screen.getByText(getPreset('dyna-maze')!.caption[1])).toBeInTheDocument();
    expect(within(panel).getByText('What thinking buys, and where it stops')).toBeInTheDocument();
    // Presets with variants keep the comparison and the sweep.
    act(() => selectPreset('needle'));
    expect(screen.queryByRole('region', { name: 'Thinking budget' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Compare runs' })).toBeInTheDocument();
  });

  it('runs the budget on the pool with progress, then charts and the table per (variant, value)', async () => {
    setLabWorkerFactory(() => fakeWorker('run'));
    open('dyna-maze');
    const panel = screen.getByRole('region', { name: 'Thinking budget' });
    fireEvent.change(within(panel).getByRole('spinbutton', { name: /Seeds/ }), { target: { value: '2' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Run thinking budget' }));
    expect(within(panel).getByRole('progressbar', { name: 'Thinking budget progress' })).toBeInTheDocument();
    expect(within(panel).getByText(/\/ 6 runs/)).toBeInTheDocument();
    const table = await within(panel).findByRole(
      'table',
      { name: 'Thinking budget statistics' },
      { timeout: 50_000 },
    );
    expect(posted.every((m) => m.task.kind === 'budget')).toBe(true);
    expect(posted).toHaveLength(6);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-value'))).toEqual(['0', '5', '50']);
    expect(rows.every((r) => r.getAttribute('data-seeds') === '2')).toBe(true);
    // Every seed finds the goal in episode 1 (a 10,000-step random walk); planning solves sooner.
    expect(rows.map((r) => r.getAttribute('data-first-median'))).toEqual(['1', '1', '1']);
    const solved = rows.map((r) => Number(r.getAttribute('data-solved-median')));
    expect(solved[2]).toBeLessThan(solved[0]);
    // More planning costs more compute per run.
    const compute = rows.map((r) => Number(r.getAttribute('data-compute')));
    expect(compute[2]).toBeGreaterThan(compute[0]);
    for (const title of [
      /Episodes until the first success/,
      /Episodes until solved/,
      /Success rate/,
      /Compute per run \(steps\)/,
    ])
      expect(within(panel).getByRole('figure', { name: title })).toBeInTheDocument();
    expect(within(panel).queryByText(/Two units of compute/)).toBeNull();
    expect(useLabStore.getState().budget.status).toBe('done');
  });

  it('cancels: the workers stop, and the runs finished so far are kept', async () => {
    setLabWorkerFactory(() => fakeWorker('hang'));
    open('search-wall');
    fireEvent.click(screen.getByRole('button', { name: 'Run thinking budget' }));
    expect(useLabStore.getState().budget.status).toBe('running');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText(/Cancelled after 0 of 200 runs/);
    expect(terminated).toBeGreaterThan(0);
    expect(useLabStore.getState().budget.result).toBeNull();
  });

  it('mixed units (DQN multiply-adds beside steps) get a compute chart each and a note saying so', () => {
    const spec = presetBudget(getPreset('bigger-or-longer')!, 1)!;
    const fake = (job: BudgetJob): BudgetRun => ({
      firstSuccess: job.valueIndex === 0 ? null : 3,
      solved: job.variant === 0 ? null : 5,
      episodes: spec.episodes,
      successes: 10,
      realSteps: 1000,
      compute: computeUnit(job.config.agent.type) === 'steps' ? 1e4 * (job.valueIndex + 1) : 1e9,
      computeToSolved: null,
      unit: computeUnit(job.config.agent.type),
      curve: new Float64Array(1),
      curveWidth: spec.episodes,
    });
    const done = budgetJobs(spec).map((job) => ({ job, run: fake(job) }));
    const result = assembleBudget(spec, done, 1234);
    open('bigger-or-longer');
    act(() => useLabStore.setState({ budget: { status: 'done', done: 12, total: 12, result, error: null } }));
    const panel = screen.getByRole('region', { name: 'Thinking budget' });
    expect(within(panel).getByRole('figure', { name: 'Compute per run (steps)' })).toBeInTheDocument();
    expect(
      within(panel).getByRole('figure', { name: 'Compute per run (multiply-adds)' }),
    ).toBeInTheDocument();
    expect(within(panel).getByText(/Two units of compute/)).toBeInTheDocument();
    const table = within(panel).getByRole('table', { name: 'Thinking budget statistics' });
    const dqn = within(table)
      .getAllByRole('row')
      .filter((r) => r.getAttribute('data-variant') === 'DQN, wider');
    expect(dqn.map((r) => r.getAttribute('data-value'))).toEqual(['16', '64', '256']);
    // Censored seeds read "never", as in the lab's other tables.
    expect(dqn[0]).toHaveTextContent('never');
    expect(dqn[0].getAttribute('data-first-median')).toBe('never');
  });
});

describe('the knob axis', () => {
  it('puts 0 at a left edge before the smallest value, on a log scale', () => {
    const a = knobAxis([0, 5, 50]);
    expect(a.pos(5)).toBeCloseTo(Math.log10(5));
    expect(a.pos(0)).toBeLessThan(a.pos(5));
    expect(a.domain[0]).toBeLessThan(a.pos(0));
    expect(a.domain[1]).toBeGreaterThan(a.pos(50));
    expect(knobTicks(a, 500)).toEqual([0, 5, 50]);
  });

  it('labels round values when the actual ones would run together', () => {
    const a = knobAxis([16, 64, 256, 5, 20, 80, 25, 100, 400]);
    const ticks = knobTicks(a, 200);
    expect(ticks.length).toBeLessThan(9);
    for (let i = 1; i < ticks.length; i++) expect(a.pos(ticks[i]) - a.pos(ticks[i - 1])).toBeGreaterThan(0);
    expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });
});
