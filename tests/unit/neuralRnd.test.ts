// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, defaultAgent } from '../../src/config/defaults';
import { parseConfig, type AgentConfig, type Config } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { createNeuralAgent, type NeuralAgent } from '../../src/rl/neural/createNeuralAgent';
import { CellInputs, createEncoder } from '../../src/rl/neural/observations';
import { MAX_RATIO, Rnd } from '../../src/rl/neural/rnd';
import { setupBackend } from '../../src/rl/neural/tfSetup';
import { Trainer } from '../../src/rl/trainer';
import { episodesOf } from './helpers';

/** 6 x 6 open room, nothing paid but the far-corner goal. */
function room(agent: Record<string, unknown>, seed = 1): Config {
  const r = parseConfig({
    version: 2,
    env: { grid: ['S.....', '......', '......', '......', '......', '.....G'], stepReward: 0, maxSteps: 40 },
    agent,
    train: { seed },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

describe('RND curiosity bonus', () => {
  it('is high for a never-seen cell, falls as the predictor trains on it, and stays higher on novel cells', async () => {
    const grid = compileGrid(room({ type: 'dqn' }).env);
    const rnd = new Rnd(
      new CellInputs(createEncoder('one-hot', grid), grid.nStates),
      1,
      5,
      0.01,
      await setupBackend('cpu'),
      32,
    );
    const familiar = [0, 1, 6, 7];
    const novel = [20, 21, 26, 27, 33];
    const mean = (cells: number[]) => cells.reduce((t, s) => t + rnd.error(s), 0) / cells.length;
    // Untrained, every cell is surprising, and the first bonuses are about beta.
    expect(Math.min(...familiar.map((s) => rnd.error(s)))).toBeGreaterThan(1e-3);
    const firstBonus = rnd.bonus(0);
    expect(firstBonus).toBe(1);
    const before = mean(familiar);
    const batch = new Int32Array(32).map((_, k) => familiar[k % familiar.length]);
    const errors: number[] = [];
    const bonuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      for (const s of familiar) bonuses.push(rnd.bonus(s));
      rnd.train(batch);
      errors.push(mean(familiar));
    }
    expect(rnd.updates).toBe(60);
    // The error on the visited cells falls steadily and ends far below where it started.
    expect(errors[59]).toBeLessThan(before / 20);
    expect(errors[59]).toBeLessThan(errors[29]);
    expect(errors[29]).toBeLessThan(errors[0]);
    // So does their bonus.
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(bonuses.slice(-8))).toBeLessThan(avg(bonuses.slice(4, 12)) / 5);
    // The novel cells keep a much larger error, and a larger bonus than any familiar one.
    expect(mean(novel)).toBeGreaterThan(10 * errors[59]);
    const familiarBonus = Math.max(...familiar.map((s) => rnd.bonus(s)));
    for (const s of novel) expect(rnd.bonus(s)).toBeGreaterThan(2 * familiarBonus);
    // Bonuses are bounded.
    for (const b of bonuses) expect(b).toBeLessThanOrEqual(MAX_RATIO);
  });

  it('replays exactly with the same seed (cpu) and changes the run when on', async () => {
    const run = async (curiosity: number, seed: number) => {
      const cfg = room({ type: 'dqn', backend: 'cpu', learningStarts: 50, batchSize: 16, curiosity }, seed);
      const grid = compileGrid(cfg.env);
      const agent = await createNeuralAgent(cfg.agent, grid, seed);
      const t = new Trainer(cfg, agent);
      t.runSteps(300);
      const q = new Float64Array(grid.nStates * 4);
      agent.qValues(q);
      const metrics: number[] = [];
      for (const e of episodesOf(t)) {
        metrics.push(e.return, e.steps, e.success ? 1 : 0);
      }
      agent.dispose();
      return { metrics, q: Array.from(q), loss: agent.loss };
    };
    const a = await run(0.5, 3);
    const b = await run(0.5, 3);
    const off = await run(0, 3);
    expect(a.metrics.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
    expect(off.q).not.toEqual(a.q);
  });
});

describe.each(['dqn', 'actor-critic', 'reinforce'] as const)('%s with curiosity', (type) => {
  it('keeps the tensor count flat over a thousand steps and back at the baseline after dispose()', async () => {
    const config = room({ type, curiosity: 0.2, ...(type === 'dqn' ? { learningStarts: 100 } : {}) });
    const grid = compileGrid(config.env);
    const baseline = tf.memory().numTensors;
    const agent: NeuralAgent = await createNeuralAgent(config.agent, grid, 1);
    const t = new Trainer(config, agent);
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.runSteps(250);
      counts.push(tf.memory().numTensors);
    }
    expect(agent.updates).toBeGreaterThan(10);
    expect(Number.isFinite(agent.loss)).toBe(true);
    expect(counts).toEqual(counts.map(() => baseline));
    agent.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('curiosity in the config', () => {
  const withAgent = (agent: Record<string, unknown>) => parseConfig({ ...DEFAULT_CONFIG, agent });

  it.each(['dqn', 'actor-critic', 'reinforce'] as const)(
    '%s defaults to 0 (off) and accepts a scale',
    (type) => {
      expect((defaultAgent(type) as AgentConfig & { curiosity: number }).curiosity).toBe(0);
      const r = withAgent({ type, curiosity: 0.5 });
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.config.agent).toMatchObject({ type, curiosity: 0.5 });
    },
  );

  it.each([
    ['negative', -0.1],
    ['too big', 11],
    ['not a number', 'lots'],
    ['infinite', Infinity],
  ])('refuses a %s value with a message naming the field', (_, curiosity) => {
    const r = withAgent({ type: 'dqn', curiosity });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(
        r.errors.some((e) => /^agent\.curiosity: /.test(e)),
        r.errors.join('\n'),
      ).toBe(true);
  });

  it('is not a field of the tabular agents', () => {
    const r = withAgent({ type: 'q-learning', curiosity: 0.5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/curiosity/);
  });
});
