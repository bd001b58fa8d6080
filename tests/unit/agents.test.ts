import { describe, expect, it } from 'vitest';
import { argmaxFirst, argmaxRandomTie, EpsilonSchedule, expectedQ } from '../../src/rl/agents/tabular';
import { Rng } from '../../src/rl/rng';
import { Trainer } from '../../src/rl/trainer';
import { makeConfig } from './helpers';

describe('action selection', () => {
  it('breaks ties at random while training, by lowest index when greedy', () => {
    const q = new Float64Array([0, 0, 0, 0]);
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(argmaxRandomTie(q, 0, rng));
    expect(seen.size).toBe(4);
    expect(argmaxFirst(q, 0)).toBe(0);
    expect(argmaxFirst(new Float64Array([0, 2, 2, 1]), 0)).toBe(1);
  });

  it('computes the epsilon-greedy expectation', () => {
    // eps 0.2: 0.05 * (1 + 4 + 2 + 3) + 0.8 * 4
    expect(expectedQ(new Float64Array([1, 4, 2, 3]), 0, 0.2)).toBeCloseTo(0.05 * 10 + 3.2, 12);
  });

  it('decays epsilon per episode down to its floor', () => {
    const e = new EpsilonSchedule({ epsilon: 1, epsilonMin: 0.1, epsilonDecay: 0.5 });
    const seen = [e.value];
    for (let i = 0; i < 5; i++) {
      e.endEpisode();
      seen.push(e.value);
    }
    expect(seen).toEqual([1, 0.5, 0.25, 0.125, 0.1, 0.1]);
  });
});

describe('learning agents solve a small world', () => {
  const grid = ['S....', '.###.', '.#...', '.#.#.', '...#G'];
  for (const [type, extra] of [
    ['q-learning', {}],
    ['q-learning', { lambda: 0.9 }],
    ['sarsa', { lambda: 0.9 }],
    ['expected-sarsa', {}],
    ['dyna-q', { planningSteps: 20 }],
  ] as const) {
    it(`${type} ${JSON.stringify(extra)} finds the shortest path (8 steps)`, () => {
      const t = new Trainer(
        makeConfig({
          grid,
          env: { stepReward: -0.01, gamma: 0.95 },
          agent: { type, epsilon: 0.2, ...extra },
          train: { episodes: 300, seed: 4 },
        }),
      );
      t.train();
      expect(t.greedyEpisode()).toMatchObject({ steps: 8, success: true });
    });
  }

  it('a zero-initialised agent in an open room does not push into one wall forever', () => {
    const t = new Trainer(
      makeConfig({
        grid: ['S.........', '.........G'],
        agent: { type: 'q-learning', epsilon: 0 },
        env: { maxSteps: 500 },
      }),
    );
    const first = t.runEpisode();
    expect(first.success).toBe(true);
  });

  it('Dyna-Q needs fewer episodes than Q-learning to first reach 100 % greedy success (Example 8.1)', () => {
    const maze = ['.......#G', '..#....#.', 'S.#....#.', '..#......', '.....#...', '.........'];
    const episodesToSolve = (planningSteps: number) => {
      let total = 0;
      for (let seed = 1; seed <= 5; seed++) {
        const t = new Trainer(
          makeConfig({
            grid: maze,
            env: { gamma: 0.95, maxSteps: 2000 },
            agent: { type: 'dyna-q', alpha: 0.1, epsilon: 0.1, planningSteps },
            train: { seed },
          }),
        );
        let n = 0;
        while (n < 200 && !(t.greedyEpisode().success && t.greedyEpisode().steps === 14)) {
          t.runEpisode();
          n++;
        }
        total += n;
      }
      return total;
    };
    expect(episodesToSolve(50)).toBeLessThan(episodesToSolve(0) / 3);
  });
});

describe('planning agents', () => {
  it('policy iteration exposes evaluation and improvement one step at a time', () => {
    const t = new Trainer(
      makeConfig({ grid: ['S..', '.#.', '..G'], env: { gamma: 0.9 }, agent: { type: 'policy-iteration' } }),
    );
    const p = t.agent.planner!;
    expect(p.sweeps).toBe(0);
    p.sweep();
    p.sweep();
    expect(p.sweeps).toBe(2);
    expect(p.improve()).toBe(false); // the uniform policy changes on the first improvement
    expect(p.improvements).toBe(1);
    p.solve();
    expect(p.converged).toBe(true);
    expect(t.greedyEpisode()).toMatchObject({ steps: 4, success: true });
  });
});
