// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/schema';
import { greedyAction } from '../../src/rl/greedy';
import { isActive } from '../../src/rl/grid';
import { createTrainer } from '../../src/rl/trainer';
import type { NeuralAgent } from '../../src/rl/neural/createNeuralAgent';

/** A corridor with the goal 5 steps right of the start and a pit one step left of it. */
function corridor(agent: Record<string, unknown>, seed = 1): Config {
  const r = parseConfig({
    version: 2,
    env: { grid: ['XS....G'], rewards: { G: 1, X: -1 }, stepReward: 0, maxSteps: 30, gamma: 0.9 },
    agent,
    train: { seed },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

describe.each([
  { type: 'actor-critic', budget: 6000 },
  { type: 'reinforce', budget: 12000 },
])('$type', ({ type, budget }) => {
  it('learns a tiny corridor: the greedy episode walks straight to the goal', async () => {
    const t = await createTrainer(corridor({ type }));
    const agent = t.agent as NeuralAgent;
    expect(t.greedyEpisode().success).toBe(false); // the untrained policy does not already solve it
    let solvedAt = -1;
    while (t.totalSteps < budget && solvedAt < 0) {
      t.runSteps(200);
      const g = t.greedyEpisode();
      if (g.success && g.steps === 5) solvedAt = t.totalSteps;
    }
    expect(solvedAt).toBeGreaterThan(0);
    expect(agent.updates).toBeGreaterThan(0);
    expect(agent.epsilon()).toBe(0);

    // qValues are the policy's probabilities: each active row sums to 1 and favours "right".
    const q = new Float64Array(t.grid.nStates * 4);
    const v = new Float64Array(t.grid.nStates);
    agent.qValues(q);
    agent.values(v);
    for (let s = 0; s < t.grid.nStates; s++) {
      const row = Array.from(q.subarray(s * 4, s * 4 + 4));
      if (!isActive(t.grid, s)) {
        expect(row).toEqual([0, 0, 0, 0]);
        continue;
      }
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(agent.greedy(s)).toBe(1);
    }
    // greedy() is the core's rule on the table the walk and the views read, in every cell.
    for (let s = 0; s < t.grid.nStates; s++)
      if (isActive(t.grid, s)) expect(agent.greedy(s)).toBe(greedyAction(q, s));
    // The critic / baseline values the cell next to the goal above the start.
    expect(v[5]).toBeGreaterThan(v[1]);
    agent.dispose();
  });
});
