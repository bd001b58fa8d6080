// @vitest-environment node
/**
 * Saving and resuming a trained run, for every agent family: a run exported after k episodes and
 * imported into a fresh trainer for the same config continues exactly as the uninterrupted run (the
 * same next episodes, tables and greedy policy), through the JSON of an agent file. And states that
 * do not fit are refused with a message, changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { agentFileToJson, parseAgentFile } from '../../src/config/agentFile';
import { packArray, type TrainedState } from '../../src/config/packedArray';
import type { Config } from '../../src/config/schema';
import { AgentStateError } from '../../src/rl/agentState';
import { RunMetrics } from '../../src/rl/metrics';
import { Rng } from '../../src/rl/rng';
import { createTrainer, type Trainer } from '../../src/rl/trainer';
import { episodesOf, makeConfig } from './helpers';

const GRID = ['S...', '.#..', '..#.', 'X..G'];

function config(agent: Record<string, unknown>, train: Record<string, unknown> = {}, slip = 0.1): Config {
  return makeConfig({
    grid: GRID,
    env: { slip, maxSteps: 40, gamma: 0.95 },
    agent,
    train: { seed: 7, episodes: 30, ...train },
  });
}

function tables(t: Trainer): { v: number[]; q: number[]; greedy: number[] } {
  const n = t.grid.nStates;
  const v = new Float64Array(n);
  const q = new Float64Array(n * 4);
  t.agent.values(v);
  t.agent.qValues(q);
  return { v: [...v], q: [...q], greedy: Array.from({ length: n }, (_, s) => t.agent.greedy(s)) };
}

/** The state through a file's text and back, as the page and the CLI see it. */
function throughFile(cfg: Config, state: TrainedState): TrainedState {
  const parsed = parseAgentFile(agentFileToJson(cfg, state));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.file.state;
}

async function roundTrip(cfg: Config, before: number, after: number) {
  const a = await createTrainer(cfg);
  for (let i = 0; i < before; i++) a.runEpisode();
  const saved = throughFile(cfg, a.exportState());
  const atSave = tables(a);
  for (let i = 0; i < after; i++) a.runEpisode();

  const b = await createTrainer(cfg, saved);
  expect(b.episode).toBe(before);
  expect(tables(b)).toEqual(atSave);
  for (let i = 0; i < after; i++) b.runEpisode();
  expect(episodesOf(b)).toEqual(episodesOf(a));
  expect(b.totalSteps).toBe(a.totalSteps);
  expect([...b.visits]).toEqual([...a.visits]);
  expect(tables(b)).toEqual(tables(a));
  a.agent.dispose();
  b.agent.dispose();
}

describe('a resumed run continues as the uninterrupted one', () => {
  const tabular = ['q-learning', 'sarsa', 'expected-sarsa'] as const;
  for (const type of tabular)
    it(`${type} (with traces, count bonus)`, async () => {
      await roundTrip(config({ type, lambda: 0.5 }, { countBonus: 0.1 }), 12, 8);
    });
  it('dyna-q (its model and seen pairs)', async () => {
    await roundTrip(config({ type: 'dyna-q', planningSteps: 5 }), 10, 6);
  });
  it('random', async () => {
    await roundTrip(config({ type: 'random' }), 5, 5);
  });
  it('mcts, learned leaf values', async () => {
    await roundTrip(config({ type: 'mcts', simulations: 20, leafValue: 'learned' }), 3, 3);
  });
  it('mcts, rollouts', async () => {
    await roundTrip(config({ type: 'mcts', simulations: 20, rolloutDepth: 10 }), 3, 3);
  });
  it('dqn (weights, target, Adam, replay) on cpu', async () => {
    await roundTrip(
      config({
        type: 'dqn',
        backend: 'cpu',
        hidden: [8],
        batchSize: 8,
        learningStarts: 16,
        targetSync: 50,
        replaySize: 200,
        curiosity: 0.1,
      }),
      6,
      4,
    );
  });
  it('actor-critic on cpu', async () => {
    await roundTrip(config({ type: 'actor-critic', backend: 'cpu', hidden: [8], nSteps: 5 }), 5, 4);
  });
  it('reinforce with a baseline on cpu', async () => {
    await roundTrip(config({ type: 'reinforce', backend: 'cpu', hidden: [8], baseline: true }), 4, 3);
  });

  for (const type of ['value-iteration', 'policy-iteration', 'policy-evaluation'] as const)
    it(`${type}: values, policy and planner counters`, async () => {
      const cfg = config({ type });
      const a = await createTrainer(cfg);
      a.agent.planner!.sweep();
      a.agent.planner!.improve();
      a.agent.planner!.sweep();
      const b = await createTrainer(cfg, throughFile(cfg, a.exportState()));
      expect(tables(b)).toEqual(tables(a));
      const pa = new Float64Array(64);
      const pb = new Float64Array(64);
      a.agent.policy!(pa);
      b.agent.policy!(pb);
      expect([...pb]).toEqual([...pa]);
      expect(b.agent.planner!.sweeps).toBe(2);
      expect(b.agent.planner!.improvements).toBe(1);
      a.agent.planner!.solve();
      b.agent.planner!.solve();
      expect(tables(b)).toEqual(tables(a));
    });
});

describe('what does not fit is refused, and nothing changes', () => {
  it('a Q table for another grid', async () => {
    const small = config({ type: 'q-learning' });
    const a = await createTrainer(small);
    a.runEpisode();
    const state = a.exportState();
    state.agent.arrays.q = packArray(new Float64Array(8 * 4), 'f64');
    const b = await createTrainer(small);
    expect(() => b.importState(state)).toThrow(/q has 32 numbers, the agent this config describes needs 64/);
    expect(b.episode).toBe(0);
    expect(tables(b).q.every((x) => x === 0)).toBe(true);
  });

  it('a network of another shape', async () => {
    const cfg = config({ type: 'dqn', backend: 'cpu', hidden: [8] });
    const other = config({ type: 'dqn', backend: 'cpu', hidden: [9] });
    const a = await createTrainer(other);
    await expect(createTrainer(cfg, a.exportState())).rejects.toThrow(/net has \d+ numbers/);
  });

  it('NaN weights, another agent type, bad counters', async () => {
    const cfg = config({ type: 'sarsa' });
    const a = await createTrainer(cfg);
    const nan = a.exportState();
    nan.agent.arrays.q = packArray(new Float64Array(64).fill(NaN), 'f64');
    await expect(createTrainer(cfg, nan)).rejects.toThrow(AgentStateError);
    await expect(createTrainer(cfg, nan)).rejects.toThrow(/has NaN at 0/);
    const other = a.exportState();
    other.agent.type = 'q-learning';
    await expect(createTrainer(cfg, other)).rejects.toThrow(/is a q-learning, not a sarsa/);
    const eps = a.exportState();
    eps.agent.numbers.epsilon = 7;
    await expect(createTrainer(cfg, eps)).rejects.toThrow(/epsilon must be at most 1/);
    const metrics = a.exportState();
    metrics.metrics.numbers.count = 5;
    await expect(createTrainer(cfg, metrics)).rejects.toThrow(/counts 0 episodes, the run has 5/);
  });
});

describe('RunMetrics toJSON / fromJSON', () => {
  it('keeps counters, the recent window and a downsampled summary', () => {
    const m = new RunMetrics(8);
    const rng = new Rng(3);
    for (let i = 0; i < 150; i++) m.push(rng.next() - 0.5, 1 + rng.int(20), rng.next() < 0.3, rng.next());
    const back = RunMetrics.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(back.counters()).toEqual(m.counters());
    expect(back.summary(1)).toEqual(m.summary(1));
    expect(back.recent()).toEqual(m.recent());
    m.push(1, 3, true, 0);
    back.push(1, 3, true, 0);
    expect(back.summary(2)).toEqual(m.summary(2));
  });
});

describe('Rng state', () => {
  it('getState / setState continue the stream', () => {
    const a = new Rng(11);
    a.next();
    const b = new Rng(0);
    b.setState(a.getState());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(
      Array.from({ length: 5 }, () => a.nextUint32()),
    );
  });
});
