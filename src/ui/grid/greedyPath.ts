/**
 * The path the agent would take from the start if it stopped exploring, ignoring slip: in each cell the
 * action with the highest preference (pi(a|s) or Q(s, a); lowest index among partial ties), moving as
 * the world's compiled moves say (a wall or the edge keeps it in place, a cliff sends it back to the
 * start). A learning agent keeps learning as it walks, as it does in training: each move updates the
 * walk's own copy of Q by one-step Q-learning with the agent's step size and the reward it learns from
 * (what every tabular TD agent does when it acts greedily; traces and Dyna's replays aside). So values
 * that only look good because they are not settled yet (optimistic ones above all) are corrected on the
 * way, as the agent corrects them, instead of showing a loop the agent walks out of at once.
 * It stops at a goal or pit, at a cliff, in a cell where all four moves still tie (the agent would pick
 * at random there: no preference yet), or when the episode's step limit runs out (frozen values: at the
 * first revisited cell, which would repeat forever). A walk that ends circling reports the loop: the
 * reward-hacking circuit, or an untrained policy bumping into a wall. Pure.
 */
import type { AgentConfig } from '../../config/schema';
import { isNeuralType } from '../../config/neuralAgents';
import { Cell, moveTarget, N_ACTIONS, type Grid } from '../../rl/grid';
import { shapedReward, type Shaping } from '../../rl/shaping';
import type { Frame } from '../../worker/protocol';

export type GreedyOutcome = 'goal' | 'pit' | 'cliff' | 'loop' | 'limit' | 'undecided' | 'none';

export interface GreedyPath {
  outcome: GreedyOutcome;
  /** Cells visited in order, from the start cell (for 'cliff': ending with the cliff cell it runs into;
   *  for 'loop': up to the move that closes the loop, which returns to loopTo). */
  cells: number[];
  /** Moves taken (for 'loop': including the move back to loopTo). */
  steps: number;
  /** For 'loop': the revisited cell (where the loop closes); otherwise -1. */
  loopTo: number;
  /** Whether the walk learned as it went (see GreedyLearning). */
  learned: boolean;
}

/** How a learning agent updates its values while it walks. */
export interface GreedyLearning {
  /** The agent's step size (0: frozen). */
  alpha: number;
  /** The reward it learns from for s -> s2 that paid r, s2 being entered the k-th time on this walk
   *  (shaping and count bonuses; default: the world's r). */
  reward?: (s: number, r: number, s2: number, terminal: boolean, k: number) => number;
}

export interface GreedyInput {
  /** The compiled world (src/rl/grid.ts compileGrid). */
  grid: Grid;
  /** Preferences at s * 4 + a: a policy pi(a|s) or Q values; null or too short: no preference. With
   *  `learn`, the agent's own Q table (what it learned, shaping included). */
  prefs: ArrayLike<number> | null | undefined;
  /** The agent keeps learning as it walks; null or absent: the preferences are frozen. */
  learn?: GreedyLearning | null;
}

const TIE = 1e-9;

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

/** The cliff cell the move a from s runs into, or -1. */
function cliffAhead(grid: Grid, s: number, a: number): number {
  const t = moveTarget(grid.width, grid.height, grid.cells, s, a);
  return grid.cells[t] === Cell.Cliff ? t : -1;
}

function maxOf(q: Float64Array, s: number): number {
  const b = s * N_ACTIONS;
  return Math.max(q[b], q[b + 1], q[b + 2], q[b + 3]);
}

export function greedyPath({ grid, prefs, learn }: GreedyInput): GreedyPath {
  const n = grid.nStates;
  const start = grid.start;
  const alpha = learn && learn.alpha > 0 ? learn.alpha : 0;
  const path: GreedyPath = { outcome: 'none', cells: [start], steps: 0, loopTo: -1, learned: alpha > 0 };
  if (!prefs || prefs.length < n * N_ACTIONS) return path;
  if (greedyAction(prefs, start) < 0) return path;
  const q = alpha > 0 ? Float64Array.from(prefs) : null;
  const p = q ?? prefs;
  const entered = q && learn?.reward ? new Uint32Array(n) : null;
  const seen = q ? null : new Uint8Array(n);
  if (seen) seen[start] = 1;
  const limit = q ? grid.maxSteps : n;
  let s = start;
  for (let step = 1; step <= limit; step++) {
    const a = greedyAction(p, s);
    if (a < 0) {
      path.outcome = 'undecided';
      return path;
    }
    path.steps = step;
    const cliff = cliffAhead(grid, s, a);
    if (cliff >= 0) {
      path.outcome = 'cliff';
      path.cells.push(cliff);
      return path;
    }
    const i = s * N_ACTIONS + a;
    const t = grid.nextState[i];
    const done = grid.moveDone[i] === 1;
    if (q) {
      const k = entered ? ++entered[t] : 1;
      const r = learn?.reward ? learn.reward(s, grid.moveReward[i], t, done, k) : grid.moveReward[i];
      q[i] += alpha * ((done ? r : r + grid.gamma * maxOf(q, t)) - q[i]);
    } else if (seen![t]) {
      path.outcome = 'loop';
      path.loopTo = t;
      return path;
    }
    path.cells.push(t);
    if (done) {
      path.outcome = grid.cells[t] === Cell.Goal ? 'goal' : 'pit';
      return path;
    }
    if (seen) seen[t] = 1;
    s = t;
  }
  if (q) return closeLoop(path);
  path.outcome = 'limit';
  return path;
}

/**
 * A learning walk that ran out of steps: when it ends going round the same cycle (its last two laps
 * alike), the loop from where that cycle began, trimmed as a frozen walk reports it; else 'limit'.
 */
function closeLoop(path: GreedyPath): GreedyPath {
  const c = path.cells;
  const last = c.length - 1;
  for (let period = 1; 2 * period <= last; period++) {
    let ok = true;
    for (let j = 0; j < period && ok; j++) ok = c[last - j] === c[last - j - period];
    if (!ok) continue;
    let from = last - period;
    while (from > 0 && c[from - 1] === c[from - 1 + period]) from--;
    // Cells from the start until the cycle closes for the first time.
    const end = from + period;
    return {
      ...path,
      outcome: 'loop',
      cells: c.slice(0, end),
      steps: end,
      loopTo: c[from],
    };
  }
  path.outcome = 'limit';
  return path;
}

/**
 * The greedy path of a training frame for the agent that made it: a tabular learning agent walks its own
 * Q table (with potential shaping, the learned one, not the world's the heatmap shows) learning as it
 * goes, with its step size and the reward it learns from (`shaping`: src/rl/shaping.ts shapingOf of the
 * run's options; the count bonus counts the run's visits to each cell); planners and neural agents walk
 * their values as they are.
 */
export function agentGreedyPath(o: {
  grid: Grid;
  frame: Pick<Frame, 'q' | 'policy' | 'visits' | 'shaped'> | null;
  agent: AgentConfig;
  shaping: Shaping | null;
}): GreedyPath {
  const { grid, frame, agent, shaping } = o;
  const alpha = !isNeuralType(agent.type) && 'alpha' in agent ? agent.alpha : 0;
  if (alpha <= 0) return greedyPath({ grid, prefs: frame ? (frame.policy ?? frame.q) : null });
  const visits = frame?.visits;
  const learn: GreedyLearning = {
    alpha,
    reward: shaping
      ? (s, r, s2, terminal, k) => shapedReward(shaping, s, r, s2, terminal, (visits?.[s2] ?? 0) + k)
      : undefined,
  };
  return greedyPath({ grid, prefs: frame ? (frame.shaped?.q ?? frame.q) : null, learn });
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
    case 'undecided':
      return `Greedy path: ${steps}, then no preference yet`;
    default:
      return 'Greedy path: no preference yet';
  }
}
