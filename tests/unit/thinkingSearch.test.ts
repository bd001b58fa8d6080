import { describe, expect, it } from 'vitest';
import { defaultAgent } from '../../src/config/defaults';
import { MctsAgent, type MctsParams } from '../../src/rl/agents/mcts';
import { searchAfter, type SearchTree } from '../../src/rl/agents/searchTrace';
import { compileGrid } from '../../src/rl/grid';
import { Rng } from '../../src/rl/rng';
import { Trainer } from '../../src/rl/trainer';
import { makeConfig } from './helpers';

/** A 9 x 9 field, the start top-left, the goal 6 steps away; slip so a move has several outcomes. */
const FIELD = Array.from({ length: 9 }, (_, y) =>
  Array.from({ length: 9 }, (_, x) => (x === 0 && y === 0 ? 'S' : x === 3 && y === 3 ? 'G' : '.')).join(''),
);

function params(p: Partial<MctsParams> = {}): MctsParams {
  const { type: _type, ...d } = defaultAgent('mcts') as MctsParams & { type: string };
  return { ...d, rolloutDepth: 20, ...p };
}

const grid = (slip = 0) => compileGrid(makeConfig({ grid: FIELD, env: { slip, gamma: 0.95 } }).env);

function firstSearch(sims: number, slip = 0, seed = 7): { agent: MctsAgent; tree: SearchTree } {
  const agent = new MctsAgent(grid(slip), params({ simulations: sims, reuseTree: false }), new Rng(seed));
  agent.start(0);
  const tree = agent.searchTree();
  if (!tree) throw new Error('no tree after a search');
  return { agent, tree };
}

describe('searchAfter: the last search after k of its simulations', () => {
  it('after k of K simulations is exactly the search that ran only k (same seed, fresh tree)', () => {
    for (const slip of [0, 0.2]) {
      const K = 120;
      const { tree } = firstSearch(K, slip);
      for (const k of [1, 5, 17, 60, 119]) {
        const partial = searchAfter(tree, k, 81);
        const { tree: short } = firstSearch(k, slip);
        const whole = searchAfter(short, k, 81);
        expect(partial.k).toBe(k);
        expect(Array.from(partial.rootVisits)).toEqual(Array.from(whole.rootVisits));
        expect(Array.from(partial.visits)).toEqual(Array.from(whole.visits));
        // The line follows the most visits; where the root has a tie the agent picked at random.
        const counts = Array.from(whole.rootVisits);
        if (counts.filter((c) => c === Math.max(...counts)).length === 1)
          expect(Array.from(partial.line)).toEqual(Array.from(whole.line));
      }
    }
  });

  it('after all simulations: the root counts are the tree’s, the line starts with the move taken', () => {
    const { agent, tree } = firstSearch(200);
    const v = searchAfter(tree, 200, 81);
    expect(Array.from(v.rootVisits)).toEqual(Array.from(tree.edgeVisits.subarray(0, 4)));
    expect(v.rootVisits.reduce((a, b) => a + b, 0)).toBe(200);
    expect(v.choice).toBe(tree.chosen);
    expect(v.line[0]).toBe(0);
    // The first move of the line is the move the agent takes: right (to cell 1) or down (to cell 9).
    const moved = agent.greedy(0) === 1 ? 1 : agent.greedy(0) === 2 ? 9 : -1;
    if (moved >= 0) expect(v.line[1]).toBe(moved);
    // Each simulation walks from the root: the root cell is counted once per simulation, at least.
    expect(v.visits[0]).toBeGreaterThanOrEqual(200);
    // Lines move one cell at a time (4-neighbours), or stay where a move bumps into the edge.
    for (let i = 1; i < v.line.length; i++) {
      const [a, b] = [v.line[i - 1], v.line[i]];
      const d = Math.abs((a % 9) - (b % 9)) + Math.abs(Math.floor(a / 9) - Math.floor(b / 9));
      expect(d).toBeLessThanOrEqual(1);
    }
  });

  it('after 0 simulations there is no choice and nothing visited; k is clamped', () => {
    const { tree } = firstSearch(50);
    const v = searchAfter(tree, 0, 81);
    expect(v.choice).toBe(-1);
    expect(v.visits.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Array.from(v.line)).toEqual([0]);
    expect(searchAfter(tree, 999, 81).k).toBe(50);
    expect(searchAfter(tree, -3, 81).k).toBe(0);
  });

  it('with a reused tree, k = 0 shows the statistics carried over and k = K the final tree', () => {
    const config = makeConfig({
      grid: FIELD,
      env: { gamma: 0.95 },
      agent: { type: 'mcts', simulations: 80, rolloutDepth: 20, reuseTree: true },
    });
    const t = new Trainer(config);
    t.step();
    t.step();
    const agent = t.agent as MctsAgent;
    const tree = agent.searchTree();
    expect(tree).not.toBeNull();
    const start = searchAfter(tree!, 0, 81);
    expect(start.rootVisits.reduce((a, b) => a + b, 0)).toBe(agent.reusedVisits);
    const end = searchAfter(tree!, 80, 81);
    expect(Array.from(end.rootVisits)).toEqual(Array.from(tree!.edgeVisits.subarray(0, 4)));
    expect(end.rootVisits.reduce((a, b) => a + b, 0)).toBe(agent.reusedVisits + 80);
  });

  it('has no tree to show before the first move and once an episode ended', () => {
    const agent = new MctsAgent(grid(), params({ simulations: 20 }), new Rng(1));
    expect(agent.searchTree()).toBeNull();
    agent.start(0);
    expect(agent.searchTree()).not.toBeNull();
    agent.endEpisode();
    expect(agent.searchTree()).toBeNull();
  });
});
