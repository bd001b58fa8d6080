import { describe, expect, it } from 'vitest';
import { CHAR_TO_CELL } from '../../src/rl/grid';
import { describeGreedyPath, greedyAction, greedyPath } from '../../src/ui/grid/greedyPath';

const UP = 0;
const RIGHT = 1;
const DOWN = 2;
const LEFT = 3;

function world(rows: string[]) {
  const width = rows[0].length;
  const height = rows.length;
  const cells = Uint8Array.from(rows.join('').split(''), (c) => CHAR_TO_CELL[c]);
  return { width, height, cells };
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
