import { describe, expect, it } from 'vitest';
import { parseConfig, type EnvConfig } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { describeGreedyPath, greedyAction, greedyPath } from '../../src/ui/grid/greedyPath';

const UP = 0;
const RIGHT = 1;
const DOWN = 2;
const LEFT = 3;

function world(rows: string[], env: Partial<EnvConfig> = {}) {
  const r = parseConfig({ version: 1, env: { grid: rows, ...env }, agent: { type: 'random' } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return { grid: compileGrid(r.config.env) };
}

/** Q values preferring `moves[s]` in each cell (a letter U R D L, or '.' for all tied). */
function prefsFrom(moves: string): Float64Array {
  const q = new Float64Array(moves.length * 4);
  const code: Record<string, number> = { U: UP, R: RIGHT, D: DOWN, L: LEFT };
  for (let s = 0; s < moves.length; s++) if (moves[s] in code) q[s * 4 + code[moves[s]]] = 1;
  return q;
}

describe('greedyPath', () => {
  it('follows the best moves to the goal and counts the steps', () => {
    const w = world(['S..', '...', '..G']);
    // R R D / . . D / . . .
    const p = greedyPath({ ...w, prefs: prefsFrom('RRD..D...') });
    expect(p.outcome).toBe('goal');
    expect(p.cells).toEqual([0, 1, 2, 5, 8]);
    expect(p.steps).toBe(4);
    expect(p.loopTo).toBe(-1);
    expect(describeGreedyPath(p)).toBe('Greedy path: reaches the goal in 4 steps');
  });

  it('detects a loop and where it closes', () => {
    const w = world(['S.$', '...', '..G']);
    // Right from 0, down from 1, left from 4, up from 3: back to 0 (a circuit, as around a bonus).
    const p = greedyPath({ ...w, prefs: prefsFrom('RD.UL....') });
    expect(p.outcome).toBe('loop');
    expect(p.cells).toEqual([0, 1, 4, 3]);
    expect(p.loopTo).toBe(0);
    expect(p.steps).toBe(4);
    expect(describeGreedyPath(p)).toBe('Greedy path: loops after 4 steps');
  });

  it('has no preference when every move from the start is tied (an untrained agent)', () => {
    const w = world(['S..', '..G']);
    const p = greedyPath({ ...w, prefs: new Float64Array(6 * 4) });
    expect(p.learned).toBe(false);
    expect(p.outcome).toBe('none');
    expect(p.cells).toEqual([0]);
    expect(describeGreedyPath(p)).toBe('Greedy path: no preference yet');
    expect(greedyPath({ ...w, prefs: null }).outcome).toBe('none');
    // A frame for another grid size counts as no preference too.
    expect(greedyPath({ ...w, prefs: new Float64Array(4) }).outcome).toBe('none');
  });

  it('breaks ties inside the path by the lowest action index', () => {
    const w = world(['...', '.S.', '..G']);
    const q = prefsFrom('....R....');
    // Cell 5 prefers right and down equally: right (1) wins over down (2), so it bumps the edge.
    q[5 * 4 + RIGHT] = 2;
    q[5 * 4 + DOWN] = 2;
    const p = greedyPath({ ...w, prefs: q });
    expect(greedyAction(q, 5)).toBe(RIGHT);
    expect(p.outcome).toBe('loop');
    expect(p.cells).toEqual([4, 5]);
    expect(p.loopTo).toBe(5);
  });

  it('treats walls and edges as staying put (a loop of one step)', () => {
    const w = world(['S#G']);
    const intoWall = greedyPath({ ...w, prefs: prefsFrom('R..') });
    expect(intoWall.outcome).toBe('loop');
    expect(intoWall.cells).toEqual([0]);
    expect(intoWall.loopTo).toBe(0);
    expect(describeGreedyPath(intoWall)).toBe('Greedy path: loops after 1 step');
    const intoEdge = greedyPath({ ...w, prefs: prefsFrom('U..') });
    expect(intoEdge.outcome).toBe('loop');
  });

  it('goes around walls when the policy does', () => {
    const w = world(['S#G', '...']);
    const p = greedyPath({ ...w, prefs: prefsFrom('D..RRU') });
    expect(p.outcome).toBe('goal');
    expect(p.cells).toEqual([0, 3, 4, 5, 2]);
  });

  it('reports pits and cliffs', () => {
    const pit = greedyPath({ ...world(['SXG']), prefs: prefsFrom('R..') });
    expect(pit.outcome).toBe('pit');
    expect(describeGreedyPath(pit)).toBe('Greedy path: falls into a pit after 1 step');
    const cliff = greedyPath({ ...world(['...', 'SCG']), prefs: prefsFrom('...R..') });
    expect(cliff.outcome).toBe('cliff');
    expect(cliff.cells).toEqual([3, 4]);
    expect(describeGreedyPath(cliff)).toBe('Greedy path: runs off the cliff after 1 step');
  });

  it('reads a policy (pi) as well as Q values, negative values included', () => {
    const w = world(['S.G']);
    const q = new Float64Array(12).fill(-5);
    q[0 * 4 + RIGHT] = -1;
    q[1 * 4 + RIGHT] = -0.5;
    expect(greedyPath({ ...w, prefs: q }).outcome).toBe('goal');
  });
});

describe('greedyPath: ties the agent breaks at random', () => {
  it('stops with "no preference yet" where all four moves still tie, instead of going up', () => {
    const w = world(['S..', '...', '..G']);
    // Right from the start, then a cell the agent has learned nothing about.
    const p = greedyPath({ ...w, prefs: prefsFrom('R........') });
    expect(p.outcome).toBe('undecided');
    expect(p.cells).toEqual([0, 1]);
    expect(p.steps).toBe(1);
    expect(describeGreedyPath(p)).toBe('Greedy path: 1 step, then no preference yet');
  });
});

describe('greedyPath: a learning agent keeps learning as it walks', () => {
  // S . . G in a row; gamma 0.9, no step cost: the true Q of "right" is 0.81, 0.9, 1.
  const corridor = () => world(['S..G'], { gamma: 0.9, stepReward: 0, maxSteps: 50 });

  it('walks out of a loop that only optimistic values hold up, as the agent does', () => {
    const w = corridor();
    // Optimistic leftovers: from cell 1 "left" still looks a little better than "right", from the start
    // "right" does. Frozen, that is a loop; walking it teaches the agent it pays nothing.
    const q = new Float64Array(16).fill(0);
    q.set([0.5, 0.95, 0.5, 0.5], 0);
    q.set([0.5, 0.92, 0.5, 0.96], 4);
    q.set([0.5, 1, 0.5, 0.5], 8);
    const frozen = greedyPath({ ...w, prefs: q });
    expect(frozen.outcome).toBe('loop');
    expect(describeGreedyPath(frozen)).toBe('Greedy path: loops after 2 steps');
    const walked = greedyPath({ ...w, prefs: q, learn: { alpha: 0.5 } });
    expect(walked.learned).toBe(true);
    expect(walked.outcome).toBe('goal');
    expect(walked.cells[0]).toBe(0);
    expect(walked.cells.at(-1)).toBe(3);
    // It went left once before learning better (0 1 0 1 ... 2 3), and its input was not changed.
    expect(walked.steps).toBeGreaterThan(3);
    expect(q[4 + 3]).toBe(0.96);
  });

  it('keeps a loop that pays what the agent expects (a farmed reward holds)', () => {
    const w = corridor();
    // Between cells 1 and 2 the agent learns from +1 for every step (as a naive shaping could pay):
    // Q = 1 / (1 - 0.9) = 10 on the loop is exactly what walking it pays, so it never walks out.
    const q = new Float64Array(16).fill(0);
    q.set([0, 10, 0, 0], 0);
    q.set([0, 10, 0, 0], 4);
    q.set([0, 0, 0, 10], 8);
    const p = greedyPath({
      ...w,
      prefs: q,
      learn: { alpha: 0.5, reward: (s, r, s2) => (s2 !== 3 && s2 !== s ? 1 : r) },
    });
    expect(p.outcome).toBe('loop');
    expect(p.cells).toEqual([0, 1, 2]);
    expect(p.loopTo).toBe(1);
    expect(p.steps).toBe(3);
    expect(describeGreedyPath(p)).toBe('Greedy path: loops after 3 steps');
  });

  it('passes the reward and how often the walk entered the cell to the learner', () => {
    const w = corridor();
    const q = new Float64Array(16);
    q.set([0, 1, 0, 0], 0);
    q.set([0, 1, 0, 0], 4);
    q.set([0, 1, 0, 0], 8);
    const seen: [number, number, number, boolean, number][] = [];
    const p = greedyPath({
      ...w,
      prefs: q,
      learn: { alpha: 0.1, reward: (s, r, s2, t, k) => (seen.push([s, r, s2, t, k]), r) },
    });
    expect(p.outcome).toBe('goal');
    expect(seen).toEqual([
      [0, 0, 1, false, 1],
      [1, 0, 2, false, 1],
      [2, 1, 3, true, 1],
    ]);
  });

  it('still wanders when the step limit runs out without settling into a loop', () => {
    const w = world(['S....G'], { gamma: 0.99, maxSteps: 3 });
    const q = new Float64Array(24);
    for (let s = 0; s < 5; s++) q[s * 4 + 1] = 1;
    const p = greedyPath({ ...w, prefs: q, learn: { alpha: 0.5 } });
    expect(p.outcome).toBe('limit');
    expect(p.steps).toBe(3);
    expect(describeGreedyPath(p)).toBe('Greedy path: still wandering after 3 steps');
  });
});
