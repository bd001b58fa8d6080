/** Textbook results reproduced (Sutton & Barto, Reinforcement Learning: An Introduction, 2nd ed.). */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/config/presets';
import { presetBudget } from '../../src/config/presetExperiments';
import { Cell, compileGrid, type Grid } from '../../src/rl/grid';
import { runBudget } from '../../src/rl/lab/budget';
import { Trainer } from '../../src/rl/trainer';
import { episodesOf, makeConfig } from './helpers';

function values(t: Trainer): number[][] {
  return t.valueTable().map((row) => row.map((v) => v ?? NaN));
}

describe('Example 4.1: the uniform random policy on the 4 x 4 gridworld', () => {
  it('converges to the values of Figure 4.1', () => {
    const c = makeConfig({
      grid: ['GS..', '....', '....', '...G'],
      env: { stepReward: -1, rewards: { G: -1 }, gamma: 1 },
      agent: { type: 'policy-evaluation', theta: 1e-10 },
    });
    const t = new Trainer(c);
    t.train();
    const expected = [
      [0, -14, -20, -22],
      [-14, -18, -20, -20],
      [-20, -20, -18, -14],
      [-22, -20, -14, 0],
    ];
    const v = values(t);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) expect(v[y][x]).toBeCloseTo(expected[y][x], 6);
  });

  it('matches the k = 1, 2 and 3 sweeps of Figure 4.1, one sweep at a time', () => {
    const c = makeConfig({
      grid: ['GS..', '....', '....', '...G'],
      env: { stepReward: -1, rewards: { G: -1 }, gamma: 1 },
      agent: { type: 'policy-evaluation' },
    });
    const t = new Trainer(c);
    const p = t.agent.planner!;
    p.sweep();
    expect(values(t)[1][1]).toBeCloseTo(-1, 10);
    p.sweep();
    expect(values(t)[0][1]).toBeCloseTo(-1.75, 10);
    expect(values(t)[1][1]).toBeCloseTo(-2, 10);
    p.sweep();
    expect(values(t)[0][1]).toBeCloseTo(-2.4375, 10);
    expect(values(t)[0][2]).toBeCloseTo(-2.9375, 10);
    expect(values(t)[0][3]).toBeCloseTo(-3, 10);
    expect(p.sweeps).toBe(3);
  });
});

describe('value iteration against values computed by hand', () => {
  it('a slippery corridor S . G (slip 0.2, gamma 0.9)', () => {
    const c = makeConfig({
      grid: ['S.G'],
      env: { slip: 0.2, gamma: 0.9 },
      agent: { type: 'value-iteration', theta: 1e-12 },
    });
    const t = new Trainer(c);
    t.train();
    // V1 = 0.8 * 1 + 0.2 * 0.9 * V1;  V0 = 0.8 * 0.9 * V1 + 0.2 * 0.9 * V0
    const v1 = 0.8 / 0.82;
    const v0 = (0.72 * v1) / 0.82;
    const v = values(t)[0];
    expect(v[1]).toBeCloseTo(v1, 9);
    expect(v[0]).toBeCloseTo(v0, 9);
    expect(v[2]).toBe(0);
    const g = t.greedyEpisode(); // slips only delay it: every greedy move is 'right'
    expect(g).toMatchObject({ return: 1, success: true });
    expect(g.steps).toBeGreaterThanOrEqual(2);
    expect([t.agent.greedy(0), t.agent.greedy(1)]).toEqual([1, 1]);
  });

  it('a bonus worth farming: looping S <-> $ beats the goal when gamma is high', () => {
    const c = makeConfig({
      grid: ['S$G'],
      env: { rewards: { $: 0.9, G: 1 }, gamma: 0.99, maxSteps: 50 },
      agent: { type: 'value-iteration', theta: 1e-12 },
    });
    const t = new Trainer(c);
    t.train();
    // V(S) = 0.9 + 0.99 V($), V($) = 0.99 V(S)  =>  V(S) = 0.9 / (1 - 0.99^2)
    const vs = 0.9 / (1 - 0.99 * 0.99);
    const v = values(t)[0];
    expect(v[0]).toBeCloseTo(vs, 6);
    expect(v[1]).toBeCloseTo(0.99 * vs, 6);
    const g = t.greedyEpisode();
    expect(g.success).toBe(false);
    expect(g.steps).toBe(50);
  });

  it('a pit beside the path with slip makes the longer safe route worth it', () => {
    // Row 0 is safe but long; the direct route passes next to pits and slip may throw the agent in.
    const c = makeConfig({
      grid: ['.....', 'SXXXG', '.....'],
      env: { slip: 0.2, gamma: 0.95, rewards: { X: -10, G: 10 } },
      agent: { type: 'value-iteration', theta: 1e-10 },
    });
    const pi = makeConfig({
      ...{ grid: c.env.grid },
      env: { ...c.env },
      agent: { type: 'policy-iteration', theta: 1e-10 },
    });
    const a = new Trainer(c);
    a.train();
    const b = new Trainer(pi);
    b.train();
    const va = values(a).flat();
    const vb = values(b).flat();
    va.forEach((x, i) => (Number.isNaN(x) ? expect(vb[i]).toBeNaN() : expect(vb[i]).toBeCloseTo(x, 6)));
    expect(a.agent.greedy(5)).not.toBe(1); // from S, never step right into the pit
  });
});

describe('Example 6.6: cliff walking, Q-learning versus SARSA', () => {
  const cliff = (type: string, seed: number) =>
    makeConfig({
      grid: ['............', '............', '............', 'SCCCCCCCCCCG'],
      env: { stepReward: -1, rewards: { G: -1, C: -100 }, gamma: 1, maxSteps: 10_000 },
      agent: { type, alpha: 0.5, epsilon: 0.1 },
      train: { episodes: 500, seed },
    });

  it("Q-learning's greedy path is the 13-step edge path; SARSA's is the safer, longer one", () => {
    for (const seed of [1, 2, 3]) {
      const q = new Trainer(cliff('q-learning', seed));
      q.train();
      expect(q.greedyEpisode()).toEqual({ return: -13, steps: 13, success: true });
      const s = new Trainer(cliff('sarsa', seed));
      s.train();
      const g = s.greedyEpisode();
      expect(g.success).toBe(true);
      expect(g.steps).toBeGreaterThanOrEqual(15);
      expect(g.return).toBe(-g.steps);
    }
  });

  it("SARSA's return during learning is higher than Q-learning's", () => {
    let q = 0;
    let s = 0;
    for (let seed = 1; seed <= 10; seed++) {
      for (const [type, add] of [
        ['q-learning', (x: number) => (q += x)],
        ['sarsa', (x: number) => (s += x)],
      ] as const) {
        const t = new Trainer(cliff(type, seed));
        t.train();
        for (const e of episodesOf(t).slice(100, 500)) add(e.return);
      }
    }
    // Figure 6.4: about -25 for SARSA and -50 for Q-learning per episode.
    expect(s / 4000).toBeGreaterThan(q / 4000);
    expect(s / 4000).toBeGreaterThan(-35);
    expect(q / 4000).toBeLessThan(-40);
  });
});

/**
 * Hitting times of the blind walk: before any reward a zero-initialised epsilon-greedy learner has
 * every Q(s, a) at exactly 0 (a zero reward and a zero bootstrap change nothing), so all four moves tie
 * and random tie-breaking picks one uniformly, as the epsilon branch does: the walk is a uniform random
 * walk over the moves (a move into a wall stays put). Its expected steps h and second moments m2 to the
 * goal solve h(s) = 1 + mean_a h(s'), m2(s) = 1 + mean_a (2 h(s') + m2(s')), zero at the goal.
 */
function blindWalk(grid: Grid): { mean: Float64Array; second: Float64Array } {
  const states = Array.from({ length: grid.nStates }, (_, s) => s).filter(
    (s) => grid.cells[s] !== Cell.Wall && !grid.terminal[s],
  );
  const at = new Map(states.map((s, i) => [s, i]));
  const solve = (rhs: (s: number) => number): Float64Array => {
    const n = states.length;
    const a = states.map((s, i) => {
      const row = new Float64Array(n + 1);
      row[i] += 1;
      for (let d = 0; d < 4; d++) {
        const j = grid.moveDone[s * 4 + d] ? undefined : at.get(grid.nextState[s * 4 + d]);
        if (j !== undefined) row[j] -= 0.25;
      }
      row[n] = rhs(s);
      return row;
    });
    for (let c = 0; c < n; c++) {
      const p = a.reduce((best, r, i) => (i >= c && Math.abs(r[c]) > Math.abs(a[best][c]) ? i : best), c);
      [a[c], a[p]] = [a[p], a[c]];
      for (let r = 0; r < n; r++)
        if (r !== c && a[r][c] !== 0) {
          const f = a[r][c] / a[c][c];
          for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
        }
    }
    const out = new Float64Array(grid.nStates);
    states.forEach((s, i) => (out[s] = a[i][n] / a[i][i]));
    return out;
  };
  const mean = solve(() => 1);
  const next = (s: number, d: number) => (grid.moveDone[s * 4 + d] ? 0 : mean[grid.nextState[s * 4 + d]]);
  const second = solve((s) => 1 + (2 / 4) * [0, 1, 2, 3].reduce((t, d) => t + next(s, d), 0));
  return { mean, second };
}

// tests/unit/agents.test.ts has the Example 8.1 comparison of Dyna-Q and Q-learning (episodes until the
// greedy path is the 14-step one); these reproduce the lab preset's Figure 8.2 and its first episode.
describe('Example 8.1, Figure 8.2: the Dyna maze (lab preset dyna-maze)', () => {
  const preset = getPreset('dyna-maze')!;

  it('planning: n = 50 is near the 14-step optimum by episode 3, n = 0 needs ~25 episodes', async () => {
    const spec = presetBudget(preset)!;
    expect(spec.seeds).toBe(30);
    expect(spec.variants[0].values).toEqual([0, 5, 50]);
    const r = await runBudget(spec);
    const at = (n: number) => r.points.find((p) => p.value === n)!;
    // The median over 30 seeds of the steps in each episode (the figure plots the mean; a few long
    // exploratory episodes move a mean, not a median). 14 is optimal; epsilon 0.1 adds a few steps.
    const curve = (n: number) => at(n).medianSteps;
    const firstBelow = (n: number, steps: number) => curve(n).findIndex((x) => x <= steps) + 1;
    expect(curve(50)[2]).toBeLessThanOrEqual(20);
    expect(firstBelow(50, 20)).toBeLessThanOrEqual(3);
    expect(firstBelow(5, 20)).toBeGreaterThan(firstBelow(50, 20));
    expect(firstBelow(5, 20)).toBeLessThanOrEqual(10);
    expect(firstBelow(0, 20)).toBeGreaterThanOrEqual(15);
    expect(firstBelow(0, 20)).toBeLessThanOrEqual(40);
    // After 50 episodes every n walks near the optimum.
    for (const n of [0, 5, 50]) expect(Math.min(...curve(n).slice(-10))).toBeLessThanOrEqual(18);
    // Solved (greedy path reaches the goal) in this order, and every first success is episode 1.
    const solved = (n: number) => at(n).solvedEpisode.median!;
    expect(solved(50)).toBeLessThanOrEqual(3);
    expect(solved(5)).toBeLessThan(solved(0) / 2);
    for (const n of [0, 5, 50]) {
      expect(at(n).firstSuccessEpisode).toMatchObject({ censored: 0, min: 1, max: 1 });
      expect(at(n).solvedEpisode.censored).toBe(0);
    }
  });

  it('the greedy path after training is the 14-step optimum', () => {
    const t = new Trainer(preset.config);
    t.train();
    expect(t.greedyEpisode()).toMatchObject({ steps: 14, success: true });
  });

  it('episode 1 is the same blind walk for every n: 868.7 steps expected, the exact hitting time', () => {
    const grid = compileGrid(preset.config.env);
    const { mean, second } = blindWalk(grid);
    expect(mean[grid.start]).toBeCloseTo(868.7, 1);
    const sd = Math.sqrt(second[grid.start] - mean[grid.start] ** 2);
    const seeds = 300;
    for (const planningSteps of [0, 5, 50]) {
      let sum = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        const c = {
          ...preset.config,
          agent: { ...preset.config.agent, planningSteps } as typeof preset.config.agent,
        };
        sum += new Trainer({ ...c, train: { ...c.train, seed } }).runEpisode().steps;
      }
      // The sample mean of 300 independent walks: within 4 standard errors of the exact mean (the
      // 10,000-step cap cuts a walk with probability ~1e-5: no measurable bias).
      expect(Math.abs(sum / seeds - mean[grid.start]), `n = ${planningSteps}`).toBeLessThan(
        (4 * sd) / Math.sqrt(seeds),
      );
    }
  });
});
