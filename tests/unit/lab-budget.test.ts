// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseBudget, type BudgetInput } from '../../src/config/experiment';
import { compileGrid } from '../../src/rl/grid';
import {
  assembleBudget,
  budgetJobs,
  CURVE_POINTS,
  runBudget,
  runBudgetJob,
  runBudgetJobAsync,
} from '../../src/rl/lab/budget';
import { budgetJson, budgetTable } from '../../src/rl/lab/report';
import { updateCost } from '../../src/rl/neural/updateCost';
import type { MctsAgent } from '../../src/rl/agents/mcts';
import { Trainer } from '../../src/rl/trainer';

const room = ['S....', '.....', '..#..', '.....', '....G'];
const base = {
  version: 2 as const,
  env: { grid: room, stepReward: 0, maxSteps: 60, gamma: 0.95 },
  agent: { type: 'dyna-q' as const, alpha: 0.5, epsilon: 0.1, planningSteps: 0 },
  train: { episodes: 20, seed: 3 },
};
const dyna: BudgetInput = {
  version: 1,
  title: 'small',
  base,
  knob: 'planningSteps',
  values: [0, 10],
  variants: [{ name: 'Dyna-Q' }, { name: 'Dyna-Q, step cost', env: { stepReward: -0.01 } }],
  seeds: 3,
};

function spec(input: unknown) {
  const r = parseBudget(input);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

function errors(input: unknown): string[] {
  const r = parseBudget(input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('parseBudget', () => {
  it('resolves one config per variant and knob value, the episodes of the document', () => {
    const s = spec({ ...dyna, episodes: 7 });
    expect(s.variants.map((v) => [v.name, v.knob, v.values])).toEqual([
      ['Dyna-Q', 'planningSteps', [0, 10]],
      ['Dyna-Q, step cost', 'planningSteps', [0, 10]],
    ]);
    const [c0, c10] = s.variants[1].configs;
    expect(c0.agent).toMatchObject({ type: 'dyna-q', planningSteps: 0, alpha: 0.5 });
    expect(c10.agent).toMatchObject({ type: 'dyna-q', planningSteps: 10 });
    expect(c10.env.stepReward).toBe(-0.01);
    expect(c10.train.episodes).toBe(7);
    expect(s).toMatchObject({ title: 'small', seeds: 3, episodes: 7, solvedEvery: 1 });
  });

  it('lets a variant turn its own knob; hidden sets the width of every layer', () => {
    const s = spec({
      ...dyna,
      variants: [
        { name: 'Dyna-Q' },
        { name: 'DQN', knob: 'hidden', values: [16, 64], agent: { type: 'dqn', hidden: [8, 8] } },
      ],
    });
    expect(s.variants[1].configs.map((c) => (c.agent as { hidden: number[] }).hidden)).toEqual([
      [16, 16],
      [64, 64],
    ]);
  });

  it.each([
    [{ ...dyna, knob: 'width' }, /^knob: must be one of planningSteps, simulations, hidden/],
    [{ ...dyna, values: [5, 5] }, /variant 'Dyna-Q': values: 5 is listed twice/],
    [{ ...dyna, values: [] }, /values: needs at least one value/],
    [
      { ...dyna, values: [0, 1000] },
      /variant 'Dyna-Q': agent\.planningSteps: .*500.* \(at planningSteps 1000\)/,
    ],
    [
      { ...dyna, knob: 'hidden' },
      /variant 'Dyna-Q': knob: hidden is a knob of dqn \/ actor-critic \/ reinforce agents, not of dyna-q/,
    ],
    [{ ...dyna, knob: undefined }, /variant 'Dyna-Q': knob: none given/],
    [{ ...dyna, variants: [{ name: 'a' }, { name: 'a' }] }, /variant 'a': name: the name is used twice/],
    [{ ...dyna, variants: [{ name: 'a', agent: { alpha: 3 } }] }, /variant 'a': agent\.alpha/],
    [{ ...dyna, seeds: 0 }, /seeds/],
    [{ ...dyna, solvedEvery: 0 }, /solvedEvery/],
  ])('refuses a bad document with a message naming the field (%#)', (input, message) => {
    expect(errors(input).join('\n')).toMatch(message);
  });

  it('never throws', () => {
    for (const bad of [null, 42, 'x', [], { version: 1 }, { ...dyna, variants: 'x' }]) errors(bad);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(errors(hostile)[0]).toMatch(/could not be checked|\(document\)/);
  });
});

describe('the thinking-budget experiment', () => {
  it('jobs: every (variant, value) on the same seeds, seed-major', () => {
    const jobs = budgetJobs(spec(dyna));
    expect(jobs).toHaveLength(2 * 2 * 3);
    expect(jobs.slice(0, 4).map((j) => [j.variant, j.valueIndex, j.k])).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [1, 1, 0],
    ]);
    expect(new Set(jobs.filter((j) => j.k === 2).map((j) => j.config.train.seed))).toEqual(new Set([5]));
  });

  it('is deterministic, and the same whatever order the runs finish in', async () => {
    const s = spec({
      ...dyna,
      variants: [
        ...dyna.variants,
        { name: 'MCTS', knob: 'simulations', values: [4, 16], agent: { type: 'mcts', rolloutDepth: 10 } },
      ],
    });
    const a = await runBudget(s);
    const b = await runBudget(s);
    const jobs = budgetJobs(s);
    const reversed = jobs.reverse().map((job) => ({ job, run: runBudgetJob(job) }));
    const c = assembleBudget(s, reversed, 0);
    const strip = (r: typeof a) => ({ ...r, elapsedMs: 0 });
    expect(strip(b)).toEqual(strip(a));
    expect(c).toEqual(strip(a));
    expect(JSON.stringify(budgetJson(strip(b)))).toBe(JSON.stringify(budgetJson(strip(a))));
    // Something differs between the seeds and the values (not one run copied everywhere).
    expect(new Set(a.points.map((p) => p.computeSteps)).size).toBe(6);
  });

  it('counts Dyna-Q compute as real steps plus planning steps, and reads first success from the metrics', () => {
    const s = spec(dyna);
    const job = budgetJobs(s).find((j) => j.valueIndex === 1)!;
    const run = runBudgetJob(job);
    expect(run.unit).toBe('steps');
    expect(run.compute).toBe(run.realSteps * 11);
    expect(run.episodes).toBe(20);
    expect(run.firstSuccess).not.toBeNull();
    expect(run.solved).not.toBeNull();
    expect(run.solved!).toBeGreaterThanOrEqual(run.firstSuccess!);
    expect(run.computeToSolved!).toBeLessThanOrEqual(run.compute);
    // Up to CURVE_POINTS episodes the curve is the exact steps per episode; they add up to the run.
    expect(run.curveWidth).toBe(1);
    expect(run.curve.reduce((t, x) => t + x, 0)).toBe(run.realSteps);
  });

  it("counts a search agent's compute as real steps plus the steps it simulated", () => {
    const s = spec({
      ...dyna,
      variants: [
        { name: 'MCTS', knob: 'simulations', values: [8], agent: { type: 'mcts', rolloutDepth: 10 } },
      ],
      episodes: 2,
    });
    const job = budgetJobs(s)[0];
    const run = runBudgetJob(job);
    const t = new Trainer(job.config);
    t.runEpisode();
    t.runEpisode();
    expect(run.unit).toBe('steps');
    expect(run.realSteps).toBe(t.totalSteps);
    expect(run.compute).toBe(t.totalSteps + (t.agent as MctsAgent).simulatedSteps);
    // Each move simulates 8 episodes of at least one step.
    expect(run.compute - run.realSteps).toBeGreaterThanOrEqual(8 * run.realSteps);
  });

  it('checks the greedy path only every solvedEvery episodes, and reports the episode it followed', () => {
    const job = budgetJobs(spec(dyna))[1];
    const each = runBudgetJob(job);
    const every = runBudgetJob({ ...job, solvedEvery: 4 });
    expect(every.solved! % 4).toBe(0);
    expect(every.solved!).toBeGreaterThanOrEqual(each.solved!);
    // The checks do not disturb training: the same run either way.
    expect([...every.curve]).toEqual([...each.curve]);
    expect(every.compute).toBe(each.compute);
  });

  it('keeps at most CURVE_POINTS bucket means of a long run', () => {
    const s = spec({ ...dyna, values: [0], variants: [{ name: 'q' }], seeds: 1, episodes: 450 });
    const run = runBudgetJob(budgetJobs(s)[0]);
    expect(run.curveWidth).toBe(3);
    expect(run.curve.length).toBe(150);
    expect(run.curve.length).toBeLessThanOrEqual(CURVE_POINTS);
    const r = assembleBudget(s, [{ job: budgetJobs(s)[0], run }], 0);
    expect(r.points[0].curveEpisode.slice(0, 3)).toEqual([1, 4, 7]);
  });

  it('censors runs that never succeed or are never solved', async () => {
    const walled = { ...base, env: { ...base.env, grid: ['S#G'], maxSteps: 5 } };
    const r = await runBudget(
      spec({ ...dyna, base: walled, variants: [{ name: 'q' }], seeds: 2, episodes: 3 }),
    );
    for (const p of r.points) {
      expect(p.firstSuccessEpisode).toMatchObject({ n: 2, censored: 2, median: null });
      expect(p.solvedEpisode).toMatchObject({ n: 2, censored: 2, median: null });
      expect(p.successRate).toBe(0);
    }
    expect(budgetTable(r)).toMatch(/q\s+0\s+never\s+2\/2\s+never\s+2\/2\s+0%/);
  });

  it('counts a neural agent in multiply-adds of its updates; a wider network costs more', async () => {
    const s = spec({
      version: 1,
      base: {
        ...base,
        agent: { type: 'dqn', hidden: [8], batchSize: 8, learningStarts: 20, trainEvery: 4, backend: 'cpu' },
      },
      knob: 'hidden',
      values: [4, 16],
      variants: [{ name: 'DQN' }],
      seeds: 1,
      episodes: 3,
    });
    const jobs = budgetJobs(s);
    const runs = [];
    for (const job of jobs) runs.push(await runBudgetJobAsync(job));
    const grid = compileGrid(jobs[0].config.env);
    for (const [i, run] of runs.entries()) {
      expect(run.unit).toBe('multiply-adds');
      const cost = updateCost(jobs[i].config.agent as Parameters<typeof updateCost>[0], grid).macs;
      expect(run.compute % cost).toBe(0);
      expect(run.compute).toBeGreaterThan(0);
    }
    const perUpdate = jobs.map(
      (j) => updateCost(j.config.agent as Parameters<typeof updateCost>[0], grid).macs,
    );
    expect(perUpdate[1]).toBeGreaterThan(3 * perUpdate[0]);
    expect(() => runBudgetJob(jobs[0])).toThrow(/TensorFlow\.js/);
  });
});
