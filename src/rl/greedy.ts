/**
 * The greedy rule and the greedy walk, stated once: the trainer's greedy evaluation (the timeline's
 * "solved" mark, the Lab's solved episode, the CLI's greedy result), the planners' and search agents'
 * greedy moves, the arrows and the overlay's greedy path all call this module, so they agree on every
 * frame by construction.
 *
 * Preferences. An agent's preferences in cell s are four numbers at s * 4 + a: its policy pi(a|s) when
 * it keeps one of its own (planners, policy-gradient networks: Agent.policy), else Q(s, a). A frame
 * carries the same table (its `policy` is the agent's, or greedyArrows of its Q, which has the same best
 * moves), so a walk over a frame and a walk over the agent it was taken from cannot differ.
 *
 * The rule. The best moves in s are those within TIE of the highest, relative to its size (at least
 * TIE absolute): values that should be equal (two equally long routes, a planner's tied lookaheads)
 * differ in their last bits after float sums, and an exact comparison would turn that rounding noise
 * into a preference. The greedy move is the lowest-index best move (up, right, down, left), so it is
 * deterministic. Where all four moves are best (an untrained table, a cell never visited), or none is
 * a finite number, the agent has no preference: it would pick at random there, so the walk stops
 * ('undecided') and the arrows are drawn faint.
 * Training does not use this rule: epsilon-greedy breaks exact ties at random from the agent's seeded
 * stream (agents/tabular.ts argmaxRandomTie), which an untrained agent needs to get off the first wall;
 * networks act on the exact argmax of their outputs (neural/common.ts argmax).
 *
 * The walk. From the start it takes the greedy move in every cell with the preferences frozen (no
 * learning on the way) and as intended (no slip: it is the policy's own path, not one episode's luck),
 * through the compiled moves (grid.ts: a wall or the edge keeps it in place). Being deterministic and
 * frozen, it ends in one of:
 * - goal / pit: the move enters a terminal cell (only 'goal' counts as solved);
 * - cliff: the move runs into a cliff (back at the start it would go round the same path forever);
 * - loop: the move enters a cell it has been in (it would go round forever: an untrained policy bumping
 *   into a wall, or a circuit that farms a reward);
 * - limit: the episode's step limit (maxSteps) runs out first, as it would cut an episode;
 * - undecided: it stands in a cell with no preference;
 * - none: no preference at the start (or no table at all).
 * As an episode (greedyEpisode: the CLI's and the Lab's greedy result), a walk that goes round (loop,
 * cliff) goes on round until the step limit, as the episode would; one that stops undecided ends there.
 * Pure; allocates only the walk's own arrays.
 */
import type { Agent } from './agent';
import { Cell, moveTarget, N_ACTIONS, type Grid } from './grid';
import type { EpisodeResult } from './metrics';

/** Relative tolerance of a tie (see the file's comment). */
export const TIE = 1e-9;

/** The mask of all four moves: no preference. */
export const ALL_MOVES = (1 << N_ACTIONS) - 1;

/**
 * Bit mask (bit a = move a) of the best moves in s: those within TIE (relative to the highest's size)
 * of the highest of p[s * 4 .. s * 4 + 3]; 0 when the highest is not a finite number. `relTol` widens
 * the tolerance (for a caller that states why; the walk and the arrows use TIE).
 */
export function bestMoves(p: ArrayLike<number>, s: number, relTol = TIE): number {
  const b = s * N_ACTIONS;
  let max = -Infinity;
  for (let a = 0; a < N_ACTIONS; a++) if (p[b + a] > max) max = p[b + a];
  if (!Number.isFinite(max)) return 0;
  const low = max - relTol * Math.max(1, Math.abs(max));
  let mask = 0;
  for (let a = 0; a < N_ACTIONS; a++) if (p[b + a] >= low) mask |= 1 << a;
  return mask;
}

/** Whether a best-move mask leaves the agent without a preference (all four tied, or none finite). */
export function noPreference(mask: number): boolean {
  return mask === 0 || mask === ALL_MOVES;
}

/** The lowest move in a non-empty mask (0 for an empty one). */
export function lowestMove(mask: number): number {
  for (let a = 0; a < N_ACTIONS; a++) if (mask & (1 << a)) return a;
  return 0;
}

/** The greedy move in s: the lowest-index best move (0 when no move is finite). */
export function greedyAction(p: ArrayLike<number>, s: number): number {
  return lowestMove(bestMoves(p, s));
}

/** The greedy move in s, or -1 where the agent has no preference (see noPreference). */
export function preferredAction(p: ArrayLike<number>, s: number): number {
  const mask = bestMoves(p, s);
  return noPreference(mask) ? -1 : lowestMove(mask);
}

/**
 * The greedy policy of a Q table as the views draw it: tied best moves share the probability, and a
 * cell without a preference is all zero (no arrow, instead of a four-way arrow in every cell of an
 * untrained table). Its best moves are Q's, so a walk over it is a walk over Q.
 */
export function greedyArrows(q: ArrayLike<number>): Float64Array {
  const n = q.length >> 2;
  const out = new Float64Array(n * N_ACTIONS);
  for (let s = 0; s < n; s++) {
    const mask = bestMoves(q, s);
    if (noPreference(mask)) continue;
    const ties = popCount(mask);
    for (let a = 0; a < N_ACTIONS; a++) if (mask & (1 << a)) out[s * N_ACTIONS + a] = 1 / ties;
  }
  return out;
}

/** Number of moves in a mask. */
export function popCount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1);
}

/** The agent's preferences (see the file's comment) written into `out` (nStates * 4), returned. */
export function agentPreferences(agent: Agent, out: Float64Array): Float64Array {
  if (!agent.policy?.(out)) agent.qValues(out);
  return out;
}

/** The preferences a frame carries: its policy, else its Q as the agent learned it (shaped, if so). */
export function framePreferences(frame: {
  policy?: Float64Array | null;
  q?: Float64Array | null;
  shaped?: { q: Float64Array } | null;
}): Float64Array | null {
  return frame.policy ?? frame.shaped?.q ?? frame.q ?? null;
}

export type GreedyOutcome = 'goal' | 'pit' | 'cliff' | 'loop' | 'limit' | 'undecided' | 'none';

export interface GreedyWalk {
  outcome: GreedyOutcome;
  /** Cells visited in order, from the start cell (for 'cliff': ending with the cliff cell it runs into;
   *  for 'loop': up to the move that closes the loop, which returns to loopTo). */
  cells: number[];
  /** Moves taken (for 'loop': including the move back to loopTo). */
  steps: number;
  /** For 'loop': the revisited cell (where the loop closes); otherwise -1. */
  loopTo: number;
  /** What the world pays for the moves taken (its own rewards, never shaped ones). */
  return: number;
  /** Whether it reaches a goal: the greedy policy solves the world. */
  success: boolean;
}

/** The greedy walk over preferences p (see the file's comment); null or too short: 'none'. */
export function greedyWalk(grid: Grid, p: ArrayLike<number> | null | undefined): GreedyWalk {
  const n = grid.nStates;
  const start = grid.start;
  const walk: GreedyWalk = {
    outcome: 'none',
    cells: [start],
    steps: 0,
    loopTo: -1,
    return: 0,
    success: false,
  };
  if (!p || p.length < n * N_ACTIONS || preferredAction(p, start) < 0) return walk;
  const seen = new Uint8Array(n);
  seen[start] = 1;
  let s = start;
  for (let step = 1; step <= grid.maxSteps; step++) {
    const a = preferredAction(p, s);
    if (a < 0) {
      walk.outcome = 'undecided';
      return walk;
    }
    const i = s * N_ACTIONS + a;
    walk.steps = step;
    walk.return += grid.moveReward[i];
    const ahead = moveTarget(grid.width, grid.height, grid.cells, s, a);
    if (grid.cells[ahead] === Cell.Cliff) {
      walk.outcome = 'cliff';
      walk.cells.push(ahead);
      return walk;
    }
    const t = grid.nextState[i];
    if (grid.moveDone[i] === 1) {
      walk.cells.push(t);
      walk.outcome = grid.moveSuccess[i] === 1 ? 'goal' : 'pit';
      walk.success = walk.outcome === 'goal';
      return walk;
    }
    if (seen[t]) {
      walk.outcome = 'loop';
      walk.loopTo = t;
      return walk;
    }
    walk.cells.push(t);
    seen[t] = 1;
    s = t;
  }
  walk.outcome = 'limit';
  return walk;
}

/** The walk w over preferences p as one episode's metrics (see the file's comment). */
export function greedyEpisode(grid: Grid, p: ArrayLike<number>, w: GreedyWalk): EpisodeResult {
  let steps = w.steps;
  let ret = w.return;
  if (w.outcome === 'loop' || w.outcome === 'cliff') {
    // Frozen and deterministic: round the same cycle, every cell on it decided.
    let s = w.outcome === 'cliff' ? grid.start : w.loopTo;
    for (; steps < grid.maxSteps; steps++) {
      const i = s * N_ACTIONS + greedyAction(p, s);
      ret += grid.moveReward[i];
      s = grid.nextState[i];
    }
  }
  return { return: ret, steps, success: w.success };
}
