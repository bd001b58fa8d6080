import { describe, expect, it } from 'vitest';
import { parseConfig, type EnvConfig } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import {
  ALL_MOVES,
  bestMoves,
  greedyAction,
  greedyArrows,
  greedyEpisode,
  greedyWalk,
  preferredAction,
  TIE,
} from '../../src/rl/greedy';
import { agentGreedyPath, describeGreedyPath } from '../../src/ui/grid/greedyPath';

const UP = 0;
const RIGHT = 1;
const DOWN = 2;
const LEFT = 3;

function world(rows: string[], env: Partial<EnvConfig> = {}) {
  const r = parseConfig({ version: 2, env: { grid: rows, ...env }, agent: { type: 'random' } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return { grid: compileGrid(r.config.env) };
}

/** The core's walk, called as the old UI helper was. */
function greedyPath(o: { grid: ReturnType<typeof compileGrid>; prefs: ArrayLike<number> | null }) {
  return greedyWalk(o.grid, o.prefs);
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

describe("greedyPath: frozen preferences, the episode's step limit", () => {
  it('does not learn as it walks: a loop optimistic values hold up is a loop (the policy as it stands)', () => {
    const w = world(['S..G'], { gamma: 0.9, stepReward: 0, maxSteps: 50 });
    const q = new Float64Array(16).fill(0);
    q.set([0.5, 0.95, 0.5, 0.5], 0);
    q.set([0.5, 0.92, 0.5, 0.96], 4);
    q.set([0.5, 1, 0.5, 0.5], 8);
    const p = greedyPath({ ...w, prefs: q });
    expect(p.outcome).toBe('loop');
    expect(p.cells).toEqual([0, 1]);
    expect(describeGreedyPath(p)).toBe('Greedy path: loops after 2 steps');
    expect(q[4 + 3]).toBe(0.96);
  });

  it('still wanders when the step limit runs out before a goal, as an episode would be cut', () => {
    const w = world(['S....G'], { maxSteps: 3 });
    const p = greedyPath({ ...w, prefs: prefsFrom('RRRRR.') });
    expect(p.outcome).toBe('limit');
    expect(p.success).toBe(false);
    expect(p.steps).toBe(3);
    expect(describeGreedyPath(p)).toBe('Greedy path: still wandering after 3 steps');
    // The goal exactly at the limit counts.
    expect(greedyPath({ ...world(['S....G'], { maxSteps: 5 }), prefs: prefsFrom('RRRRR.') }).outcome).toBe(
      'goal',
    );
  });

  it('sums what the world pays for its moves', () => {
    const w = world(['S..G'], { stepReward: -0.5 });
    const p = greedyPath({ ...w, prefs: prefsFrom('RRR.') });
    expect(p.success).toBe(true);
    expect(p.return).toBeCloseTo(-0.5 - 0.5 + w.grid.moveReward[2 * 4 + RIGHT], 12);
  });
});

describe('greedyEpisode: the walk as an episode', () => {
  it('goes on round a loop or a cliff until the step limit; a path to the goal is itself', () => {
    const loopW = world(['S$G'], { rewards: { G: 1, X: -1, C: -1, $: 0.9 }, stepReward: -0.1, maxSteps: 7 });
    const q = prefsFrom('RL.');
    const loop = greedyWalk(loopW.grid, q);
    expect(loop.outcome).toBe('loop');
    // S -> $ pays 0.9, $ -> S pays -0.1: 4 times one way, 3 times back in 7 steps.
    const e = greedyEpisode(loopW.grid, q, loop);
    expect(e.steps).toBe(7);
    expect(e.success).toBe(false);
    expect(e.return).toBeCloseTo(4 * 0.9 - 3 * 0.1, 12);
    const cliffW = world(['...', 'SCG'], { maxSteps: 4 });
    const c = prefsFrom('...R..');
    const cliff = greedyWalk(cliffW.grid, c);
    expect(cliff.outcome).toBe('cliff');
    expect(greedyEpisode(cliffW.grid, c, cliff)).toMatchObject({ steps: 4, success: false });
    expect(greedyEpisode(cliffW.grid, c, cliff).return).toBeCloseTo(
      4 * cliffW.grid.moveReward[3 * 4 + RIGHT],
      12,
    );
    const goalW = world(['S.G']);
    const g = prefsFrom('RR.');
    expect(greedyEpisode(goalW.grid, g, greedyWalk(goalW.grid, g))).toMatchObject({
      steps: 2,
      success: true,
    });
  });

  it('ends where the walk finds no preference', () => {
    const w = world(['S..', '...', '..G']);
    const q = prefsFrom('R........');
    expect(greedyEpisode(w.grid, q, greedyWalk(w.grid, q))).toMatchObject({ steps: 1, success: false });
  });
});

describe('the tie rule (src/rl/greedy.ts)', () => {
  it('best moves: all within TIE of the highest, relative to its size', () => {
    expect(bestMoves([0, 1, 0, 0], 0)).toBe(0b0010);
    expect(bestMoves([0, 0, 0, 0, 0.5, 0, 0.5, 0], 1)).toBe(0b0101);
    expect(bestMoves([0, 0, 0, 0], 0)).toBe(ALL_MOVES);
    // Rounding noise is a tie, a real difference is not; the tolerance scales with the values.
    expect(bestMoves([-3, -1, -1 - 1e-12, -2], 0)).toBe(0b0110);
    expect(bestMoves([-3, -1, -1.001, -2], 0)).toBe(0b0010);
    expect(bestMoves([1e6, 1e6 - 1e-4, 0, 0], 0)).toBe(0b0011);
    expect(bestMoves([1e6, 1e6 - 1e-2, 0, 0], 0)).toBe(0b0001);
    expect(bestMoves([0.1, 0.1 + TIE / 2, 0, 0], 0)).toBe(0b0011);
    expect(bestMoves([0.1, 0.1 + 2 * TIE, 0, 0], 0)).toBe(0b0010);
    expect(bestMoves([NaN, NaN, NaN, NaN], 0)).toBe(0);
    expect(bestMoves([-Infinity, -Infinity, -Infinity, -Infinity], 0)).toBe(0);
  });

  it('the greedy move is the lowest-index best one; no preference when all four tie or none is finite', () => {
    expect(greedyAction([0, 2, 2, 1], 0)).toBe(RIGHT);
    expect(greedyAction([3, 2, 2 + 1e-12, 3 - 1e-12], 0)).toBe(UP);
    expect(greedyAction([0, 0, 0, 0], 0)).toBe(UP);
    expect(preferredAction([0, 0, 0, 0], 0)).toBe(-1);
    expect(preferredAction([1, 1, 1, 1 - 1e-12], 0)).toBe(-1);
    expect(preferredAction([NaN, NaN, NaN, NaN], 0)).toBe(-1);
    expect(preferredAction([1, 1, 1, 0], 0)).toBe(UP);
    expect(preferredAction([0, 0, 0, 1], 0)).toBe(LEFT);
  });

  it('the arrows of a Q table have its best moves, so a walk over them is the walk over Q', () => {
    const q = Float64Array.from([0, 0, 0, 0, 0.5, 0, 0.5 - 1e-12, 0, 0, 1, 0, 0, NaN, NaN, NaN, NaN]);
    const arrows = greedyArrows(q);
    expect(Array.from(arrows)).toEqual([0, 0, 0, 0, 0.5, 0, 0.5, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    for (let s = 0; s < 4; s++) expect(preferredAction(arrows, s)).toBe(preferredAction(q, s));
  });
});

describe('the UI reads the frame', () => {
  it("walks a frame's policy, else the Q the agent learned (shaped), else its Q", () => {
    const w = world(['S.G']);
    const right = prefsFrom('RR.');
    const left = prefsFrom('LL.');
    expect(agentGreedyPath({ grid: w.grid, frame: { policy: right, q: left } }).outcome).toBe('goal');
    expect(
      agentGreedyPath({
        grid: w.grid,
        frame: { policy: null, q: left, shaped: { q: right, values: new Float64Array(3) } },
      }).outcome,
    ).toBe('goal');
    expect(agentGreedyPath({ grid: w.grid, frame: { policy: null, q: left } }).outcome).toBe('loop');
    expect(agentGreedyPath({ grid: w.grid, frame: null }).outcome).toBe('none');
  });
});
