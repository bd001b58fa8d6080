/**
 * The path the current greedy policy would take from the start, ignoring slip: in each cell the action
 * with the highest preference (pi(a|s) or Q(s, a), lowest index on ties), moves as the environment makes
 * them (a wall or the edge keeps the agent in place, a cliff sends it back to the start). It stops at a
 * goal or pit, at the first revisited cell (a loop: the reward-hacking circuit, or an untrained
 * policy bumping into a wall), or after width * height moves. Pure, no allocation beyond the result.
 */
import { Cell, DX, DY, N_ACTIONS } from '../../rl/grid';

export type GreedyOutcome = 'goal' | 'pit' | 'cliff' | 'loop' | 'limit' | 'none';

export interface GreedyPath {
  outcome: GreedyOutcome;
  /** Cells visited in order, from the start cell (for 'cliff': ending with the cliff cell it runs into). */
  cells: number[];
  /** Moves taken (for 'loop': including the move back to an earlier cell). */
  steps: number;
  /** For 'loop': the revisited cell (where the loop closes); otherwise -1. */
  loopTo: number;
}

export interface GreedyInput {
  width: number;
  height: number;
  /** Cell codes (src/rl/grid.ts Cell), y * width + x. */
  cells: ArrayLike<number>;
  /** Preferences at s * 4 + a: a policy pi(a|s) or Q values; null or too short: no preference. */
  prefs: ArrayLike<number> | null | undefined;
}

const TIE = 1e-9;

function startOf(cells: ArrayLike<number>, n: number): number {
  for (let s = 0; s < n; s++) if (cells[s] === Cell.Start) return s;
  return 0;
}

/** The greedy action in s (lowest index on ties), or -1 when all four are tied. */
export function greedyAction(prefs: ArrayLike<number>, s: number): number {
  let best = 0;
  let hi = prefs[s * N_ACTIONS];
  let lo = hi;
  for (let a = 1; a < N_ACTIONS; a++) {
    const v = prefs[s * N_ACTIONS + a];
    if (v > hi + TIE * Math.max(1, Math.abs(hi))) {
      hi = v;
      best = a;
    }
    if (v < lo) lo = v;
  }
  if (!Number.isFinite(hi) || hi - lo <= TIE * Math.max(1, Math.abs(hi))) return -1;
  return best;
}

export function greedyPath({ width, height, cells, prefs }: GreedyInput): GreedyPath {
  const n = width * height;
  const start = startOf(cells, n);
  const path: GreedyPath = { outcome: 'none', cells: [start], steps: 0, loopTo: -1 };
  if (!prefs || prefs.length < n * N_ACTIONS || cells.length < n) return path;
  if (greedyAction(prefs, start) < 0) return path;
  const seen = new Uint8Array(n);
  seen[start] = 1;
  let s = start;
  for (let step = 1; step <= n; step++) {
    const a = Math.max(0, greedyAction(prefs, s));
    const x = (s % width) + DX[a];
    const y = Math.floor(s / width) + DY[a];
    let t = y * width + x;
    if (x < 0 || y < 0 || x >= width || y >= height || cells[t] === Cell.Wall) t = s;
    const code = cells[t];
    path.steps = step;
    if (code === Cell.Cliff) {
      path.outcome = 'cliff';
      path.cells.push(t);
      return path;
    }
    if (seen[t]) {
      path.outcome = 'loop';
      path.loopTo = t;
      return path;
    }
    path.cells.push(t);
    if (code === Cell.Goal || code === Cell.Pit) {
      path.outcome = code === Cell.Goal ? 'goal' : 'pit';
      return path;
    }
    seen[t] = 1;
    s = t;
  }
  path.outcome = 'limit';
  return path;
}

/** One line for under the grid. */
export function describeGreedyPath(p: GreedyPath): string {
  const steps = `${p.steps} step${p.steps === 1 ? '' : 's'}`;
  switch (p.outcome) {
    case 'goal':
      return `Greedy path: reaches the goal in ${steps}`;
    case 'loop':
      return `Greedy path: loops after ${steps}`;
    case 'pit':
      return `Greedy path: falls into a pit after ${steps}`;
    case 'cliff':
      return `Greedy path: runs off the cliff after ${steps}`;
    case 'limit':
      return `Greedy path: still wandering after ${steps}`;
    default:
      return 'Greedy path: no preference yet';
  }
}
