// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/schema';
import { createTrainer, type Trainer } from '../../src/rl/trainer';
import { Cell, isActive } from '../../src/rl/grid';
import { episodesOf } from './helpers';
import type { NeuralAgent } from '../../src/rl/neural/createNeuralAgent';

/** 5 x 5, start and goal in opposite corners, nothing paid but the goal: 8 steps at best. */
function sparse5(agent: Record<string, unknown>, seed = 1): Config {
  const r = parseConfig({
    version: 2,
    env: { grid: ['S....', '.....', '..#..', '.....', '....G'], stepReward: 0, maxSteps: 50, gamma: 0.9 },
    agent: { type: 'dqn', epsilonDecaySteps: 1000, ...agent },
    train: { seed },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

/** Trains until the greedy episode has taken the shortest path on 3 checks in a row; returns the step. */
function trainUntilSolved(t: Trainer, shortest: number, budget: number): number {
  let streak = 0;
  while (t.totalSteps < budget) {
    t.runSteps(250);
    const g = t.greedyEpisode();
    streak = g.success && g.steps === shortest ? streak + 1 : 0;
    if (streak === 3) return t.totalSteps;
  }
  return -1;
}

function metrics(t: Trainer): number[] {
  const out: number[] = [];
  for (const e of episodesOf(t)) {
    out.push(e.return, e.steps, e.success ? 1 : 0);
  }
  return out;
}

describe('DQN', () => {
  it('solves a sparse 5 x 5 world: the greedy episode takes the 8-step shortest path', async () => {
    const t = await createTrainer(sparse5({}));
    const agent = t.agent as NeuralAgent;
    expect(agent.backend).toBe('wasm');
    expect(t.greedyEpisode().success).toBe(false); // the untrained network does not already solve it
    expect(trainUntilSolved(t, 8, 5000)).toBeGreaterThan(0);
    expect(agent.updates).toBeGreaterThan(100);
    expect(Number.isFinite(agent.loss)).toBe(true);

    // The views agree with the greedy policy; walls, goals and pits read 0.
    const q = new Float64Array(t.grid.nStates * 4);
    const v = new Float64Array(t.grid.nStates);
    agent.qValues(q);
    agent.values(v);
    for (let s = 0; s < t.grid.nStates; s++) {
      const row = Array.from(q.subarray(s * 4, s * 4 + 4));
      if (!isActive(t.grid, s)) {
        expect(row).toEqual([0, 0, 0, 0]);
        expect(v[s]).toBe(0);
        continue;
      }
      expect(agent.greedy(s)).toBe(row.indexOf(Math.max(...row)));
      expect(v[s]).toBeCloseTo(Math.max(...row), 6);
    }
    expect(t.grid.cells[12]).toBe(Cell.Wall);
    // Next to the goal the learnt value is close to the goal's reward.
    expect(v[23]).toBeGreaterThan(0.7);
    agent.dispose();
  });

  it.each(['cpu', 'wasm'])(
    'replays exactly with the same seed on %s, and differs with another seed',
    async (backend) => {
      const run = async (seed: number) => {
        const t = await createTrainer(sparse5({ backend, learningStarts: 50, batchSize: 16 }, seed));
        expect((t.agent as NeuralAgent).backend).toBe(backend);
        t.runSteps(300);
        const q = new Float64Array(t.grid.nStates * 4);
        t.agent.qValues(q);
        const out = { metrics: metrics(t), q: Array.from(q), loss: (t.agent as NeuralAgent).loss };
        t.agent.dispose();
        return out;
      };
      const a = await run(3);
      const b = await run(3);
      const c = await run(4);
      expect(a.metrics.length).toBeGreaterThan(9);
      expect(b).toEqual(a);
      expect(c.q).not.toEqual(a.q);
    },
  );

  it('learns from the local view and from (x, y) too', async () => {
    for (const observation of ['local-view', 'xy']) {
      const t = await createTrainer(sparse5({ observation }));
      expect(trainUntilSolved(t, 8, 6000), observation).toBeGreaterThan(0);
      t.agent.dispose();
    }
  });
});
