import { describe, expect, it } from 'vitest';
import { defaultAgent } from '../../src/config/defaults';
import { parseConfig, type Config } from '../../src/config/schema';
import type { Agent } from '../../src/rl/agent';
import { MctsAgent, type MctsParams } from '../../src/rl/agents/mcts';
import { compileGrid, type Grid } from '../../src/rl/grid';
import { Rng } from '../../src/rl/rng';
import { countBonus } from '../../src/rl/shaping';
import { greedyArrows, greedyWalk } from '../../src/rl/greedy';
import { Trainer } from '../../src/rl/trainer';
import { agentGreedyPath } from '../../src/ui/grid/greedyPath';
import { TrainingSession } from '../../src/worker/trainingSession';
import { episodesOf, makeConfig } from './helpers';

const RIGHT = 1;

/** An open 20 x 20 field, start in the top-left corner, the goal at (g, g): 2g steps away. */
function field(g: number): string[] {
  return Array.from({ length: 20 }, (_, y) =>
    Array.from({ length: 20 }, (_, x) => (x === 0 && y === 0 ? 'S' : x === g && y === g ? 'G' : '.')).join(
      '',
    ),
  );
}

function mctsConfig(
  grid: string[],
  agent: Record<string, unknown> = {},
  train: Record<string, unknown> = {},
  env: Record<string, unknown> = {},
): Config {
  return makeConfig({ grid, env: { gamma: 0.99, ...env }, agent: { type: 'mcts', ...agent }, train });
}

function params(p: Partial<MctsParams> = {}): MctsParams {
  const { type: _type, ...d } = defaultAgent('mcts') as MctsParams & { type: string };
  return { ...d, ...p };
}

function agentOn(grid: Grid, p: Partial<MctsParams>, seed = 1): MctsAgent {
  return new MctsAgent(grid, params(p), new Rng(seed));
}

/** Seeds (of 1..n) whose first episode reaches the goal. */
function successes(config: (seed: number) => Config, n: number): number {
  let ok = 0;
  for (let seed = 1; seed <= n; seed++) if (new Trainer(config(seed)).runEpisode().success) ok++;
  return ok;
}

describe('mcts: the search horizon', () => {
  // Sparse reward (1 at the goal, 0 for every step), 80 steps to get there. Measured on 40 seeds with
  // these settings: 500 simulations a move reach a goal 22 steps away 40/40 and one 38 steps away 0/40
  // (no rollout from the start gets near it, so the search has nothing to go on and the agent drifts);
  // potential shaping gives every simulated step a signal, and 100 simulations reach the far goal 39/40.
  const SEEDS = 8;
  const sparse =
    (g: number, sims: number, shaping = 'none') =>
    (seed: number) =>
      mctsConfig(field(g), { simulations: sims, rolloutDepth: 50 }, { seed, shaping }, { maxSteps: 80 });

  it('reaches a near sparse goal but not a far one with the same budget', () => {
    expect(successes(sparse(11, 500), SEEDS)).toBeGreaterThanOrEqual(SEEDS - 1);
    expect(successes(sparse(19, 500), SEEDS)).toBeLessThanOrEqual(1);
  });

  it('reaches the far goal with potential shaping and a fifth of the budget', () => {
    expect(successes(sparse(19, 100, 'potential'), SEEDS)).toBeGreaterThanOrEqual(SEEDS - 2);
  });
});

describe('mcts: determinism, tree reuse and ties', () => {
  const slippery = (seed: number) =>
    mctsConfig(
      ['S...', '.#..', '...X', '..$G'],
      { simulations: 50, rolloutDepth: 10 },
      { seed },
      {
        slip: 0.2,
        maxSteps: 40,
      },
    );

  it('replays the same episodes from the same seed, and others from another', () => {
    const run = (seed: number) => {
      const t = new Trainer(slippery(seed));
      for (let i = 0; i < 4; i++) t.runEpisode();
      const v = new Float64Array(t.grid.nStates);
      t.agent.values(v);
      return { episodes: episodesOf(t), visits: Array.from(t.visits), values: Array.from(v) };
    };
    const a = run(5);
    expect(run(5)).toEqual(a);
    expect(run(6)).not.toEqual(a);
  });

  it('keeps the statistics of the subtree it moves into when reuse is on', () => {
    const g = compileGrid(mctsConfig(field(19)).env);
    const sims = 300;
    const on = agentOn(g, { simulations: sims, reuseTree: true });
    const a = on.start(g.start);
    expect(on.rootVisits).toBe(sims);
    const n = new Float64Array(g.nStates * 4);
    on.searchVisits(n);
    const s2 = g.nextState[g.start * 4 + a];
    on.step(0, s2, false);
    // Deterministic moves: the child was made by one simulation and visited by all the others through a.
    expect(on.reusedVisits).toBeGreaterThan(0);
    expect(on.reusedVisits).toBe(n[g.start * 4 + a] - 1);
    expect(on.rootVisits).toBe(on.reusedVisits + sims);

    const off = agentOn(g, { simulations: sims, reuseTree: false });
    off.step(0, g.nextState[g.start * 4 + off.start(g.start)], false);
    expect(off.reusedVisits).toBe(0);
    expect(off.rootVisits).toBe(sims);
  });

  it('keys children by the real next state under slip, and stays inside its pool over many moves', () => {
    const c = mctsConfig(field(19), { simulations: 200, rolloutDepth: 20 }, { seed: 3 }, { slip: 0.3 });
    const t = new Trainer(c);
    const agent = t.agent as MctsAgent;
    let reused = 0;
    for (let i = 0; i < 150; i++) {
      t.step();
      if (agent.reusedVisits > 0) reused++;
      expect(agent.treeSize).toBeLessThanOrEqual(2 * 200 + 1);
      if (agent.treeSize > 0) expect(agent.rootVisits).toBe(agent.reusedVisits + 200);
    }
    expect(reused).toBeGreaterThan(100);
  });

  it('breaks ties at random: in a world that never pays, every first move is taken on some seeds', () => {
    const g = compileGrid(makeConfig({ grid: ['...', '.S.', '...'] }).env);
    for (const sims of [1, 4, 40]) {
      const firsts = [0, 0, 0, 0];
      for (let seed = 1; seed <= 80; seed++) firsts[agentOn(g, { simulations: sims }, seed).start(g.start)]++;
      for (const f of firsts) expect(f, `simulations ${sims}: ${firsts.join(' ')}`).toBeGreaterThan(8);
    }
  });
});

describe('mcts: values, Q and greedy', () => {
  it("rollout: a cell's value and Q are its last search's root returns; 0 where it never searched", () => {
    const c = mctsConfig(['S..G'], { simulations: 200, rolloutDepth: 10 });
    const g = compileGrid(c.env);
    const agent = agentOn(g, { simulations: 200, rolloutDepth: 10 });
    const a = agent.start(g.start);
    const v = new Float64Array(g.nStates);
    const q = new Float64Array(g.nStates * 4);
    const n = new Float64Array(g.nStates * 4);
    agent.values(v);
    agent.qValues(q);
    expect(agent.searchVisits(n)).toBe(true);
    const root = [0, 1, 2, 3].map((k) => ({ q: q[k], n: n[k] }));
    const visits = root.reduce((x, r) => x + r.n, 0);
    expect(visits).toBe(200);
    expect(v[0]).toBeGreaterThan(0);
    expect(v[0]).toBeCloseTo(root.reduce((x, r) => x + r.q * r.n, 0) / visits, 12);
    expect(a).toBe(RIGHT);
    expect(n[RIGHT]).toBe(Math.max(...root.map((r) => r.n)));
    expect(agent.greedy(0)).toBe(RIGHT);
    for (const s of [1, 2]) {
      expect(v[s]).toBe(0);
      expect(Array.from(q.subarray(s * 4, s * 4 + 4))).toEqual([0, 0, 0, 0]);
      expect(agent.greedy(s)).toBe(0);
    }
    // After a move the next cell has been searched too.
    agent.step(0, 1, false);
    agent.values(v);
    expect(v[1]).toBeGreaterThan(v[0]);
  });

  it('learned: values are the TD(0) table of the real steps, Q and greedy its one-step lookahead', () => {
    const alpha = 0.3;
    const c = mctsConfig(
      ['S..', '...', '..G'],
      { leafValue: 'learned', alpha, simulations: 30 },
      { seed: 2 },
      {
        stepReward: -0.1,
        maxSteps: 30,
      },
    );
    const t = new Trainer(c);
    const g = t.grid;
    const replay = new Float64Array(g.nStates);
    for (let e = 0; e < 3; e++) {
      t.runEpisode();
      for (let i = 0; i + 1 < t.trailLength; i++) {
        const s = t.trail[i];
        const s2 = t.trail[i + 1];
        const end = g.terminal[s2] === 1;
        const r = end ? 1 : -0.1;
        replay[s] += alpha * (r + (end ? 0 : g.gamma * replay[s2]) - replay[s]);
      }
    }
    const v = new Float64Array(g.nStates);
    t.agent.values(v);
    for (let s = 0; s < g.nStates; s++) expect(v[s]).toBeCloseTo(replay[s], 12);
    expect(v.some((x) => x !== 0)).toBe(true);
    const q = new Float64Array(g.nStates * 4);
    t.agent.qValues(q);
    // Q(s, a) = r + gamma V(s') on this deterministic world; greedy is its best action.
    for (let s = 0; s < g.nStates; s++) {
      if (g.terminal[s]) continue;
      for (let a = 0; a < 4; a++) {
        const i = s * 4 + a;
        const s2 = g.nextState[i];
        expect(q[i]).toBeCloseTo(g.moveReward[i] + (g.moveDone[i] ? 0 : g.gamma * v[s2]), 12);
      }
      const best = Math.max(...q.subarray(s * 4, s * 4 + 4));
      expect(q[s * 4 + t.agent.greedy(s)]).toBeCloseTo(best, 8);
    }
  });
});

describe("mcts: the greedy overlay walks the agent's own values (regression: it ran Q-learning on them)", () => {
  it('a loop in the values stays a loop: the overlay does not learn its way out, and never says it learned', () => {
    // Frozen, these values loop between cells 0 and 1; one-step Q-learning with alpha 0.5 on the walk
    // (what the overlay used to do for every agent with an alpha, MCTS included) walked out of it and
    // reported 'goal' with learned: true.
    const c = mctsConfig(['S..G'], { leafValue: 'learned', alpha: 0.5 }, {}, { gamma: 0.9, stepReward: 0 });
    const g = compileGrid(c.env);
    const q = new Float64Array(16);
    q.set([0.5, 0.95, 0.5, 0.5], 0);
    q.set([0.5, 0.92, 0.5, 0.96], 4);
    q.set([0.5, 1, 0.5, 0.5], 8);
    const path = agentGreedyPath({ grid: g, frame: { q, policy: greedyArrows(q), shaped: null } });
    expect(path.outcome).toBe('loop');
    expect(path.cells).toEqual([0, 1]);
    expect('learned' in path).toBe(false);
  });

  for (const leafValue of ['rollout', 'learned'] as const) {
    it(`${leafValue}: the overlay's path on a frame is the trainer's greedy walk, the "solved" test`, () => {
      const c = mctsConfig(
        ['S..', '.#.', '..G'],
        { leafValue, alpha: 0.5, simulations: 40, rolloutDepth: 8 },
        { seed: 4 },
        { stepReward: -0.05, maxSteps: 30 },
      );
      const t = new Trainer(c);
      const outcomes = new Set<string>();
      for (let e = 0; e < 4; e++) {
        t.runEpisode();
        const frame = new TrainingSession(t).progress(0).frame;
        const path = agentGreedyPath({ grid: t.grid, frame });
        expect(path).toEqual(t.greedyWalk());
        expect(path.success).toBe(t.greedyEpisode().success);
        expect('learned' in path).toBe(false);
        outcomes.add(path.outcome);
      }
      expect(outcomes.has('goal')).toBe(true);
    });
  }

  it("rollout: the walk follows the move each cell's last search chose, not the root means' argmax", () => {
    const c = mctsConfig(['S..G'], { simulations: 200, rolloutDepth: 10 }, {}, { stepReward: -0.1 });
    const g = compileGrid(c.env);
    const agent = agentOn(g, { simulations: 200, rolloutDepth: 10 });
    agent.start(g.start);
    const pi = new Float64Array(g.nStates * 4);
    expect(agent.policy(pi)).toBe(true);
    expect(Array.from(pi.subarray(0, 4))).toEqual([0, 1, 0, 0]);
    // Only the start has been searched: from cell 1 on there is no preference yet.
    expect(Array.from(pi.subarray(4, 8))).toEqual([0, 0, 0, 0]);
    expect(greedyWalk(g, pi)).toMatchObject({ outcome: 'undecided', cells: [0, 1] });
  });
});

describe('mcts: rewards of simulated steps', () => {
  it('gets the trainer reward function: shaping as for learners, the count bonus at the real visit counts', () => {
    let reward: ((s: number, r: number, s2: number, terminal: boolean) => number) | null = null;
    const c = mctsConfig(['S..', '...', '..G'], {}, { countBonus: 0.5, shaping: 'potential' });
    const rng = new Rng(1);
    const spy: Agent = {
      type: 'spy',
      planner: null,
      start: () => rng.int(4),
      step: () => rng.int(4),
      endEpisode() {},
      greedy: () => 0,
      qValues() {},
      values() {},
      epsilon: () => 0,
      dispose() {},
      setSimulatedReward(fn) {
        reward = fn;
      },
    };
    const t = new Trainer(c, spy);
    expect(reward).not.toBeNull();
    const phi = (s: number) => -(Math.abs(2 - (s % 3)) + Math.abs(2 - Math.floor(s / 3)));
    const expected = (s: number, s2: number) => 0.99 * phi(s2) - phi(s) + countBonus(0.5, t.visits[s2] + 1);
    expect(reward!(0, 0, 1, false)).toBeCloseTo(expected(0, 1), 12);
    for (let i = 0; i < 20; i++) t.step();
    expect(t.visits[1] + t.visits[3]).toBeGreaterThan(0);
    for (const s2 of [1, 3]) expect(reward!(0, 0, s2, false)).toBeCloseTo(expected(0, s2), 12);
    // and none without shaping or bonus
    new Trainer(mctsConfig(['S..', '...', '..G']), spy);
    expect(reward).toBeNull();
  });
});

describe('mcts: config', () => {
  it('has defaults and refuses out-of-range fields with a message naming them', () => {
    expect(defaultAgent('mcts')).toEqual({
      type: 'mcts',
      simulations: 200,
      rolloutDepth: 50,
      exploration: 1.4,
      leafValue: 'rollout',
      alpha: 0.1,
      reuseTree: true,
    });
    const bad = parseConfig({
      version: 2,
      env: { grid: ['S.G'] },
      agent: { type: 'mcts', simulations: 0, rolloutDepth: 1.5, leafValue: 'oracle' },
    });
    expect(bad.ok).toBe(false);
    const text = bad.ok ? '' : bad.errors.join('\n');
    expect(text).toMatch(/agent\.simulations/);
    expect(text).toMatch(/agent\.rolloutDepth/);
    expect(text).toMatch(/agent\.leafValue/);
  });
});
