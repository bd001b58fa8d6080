/**
 * Reward transforms the agent learns from (the reported return is always the environment's own):
 * - potential: F = gamma * phi(s') - phi(s), phi(s) = -scale * (shortest-path steps to the nearest goal),
 *   phi = 0 on terminal cells. Ng, Harada & Russell (1999): leaves the optimal policy unchanged.
 *   (With gamma < 1 a move that stays put pays (1 - gamma) * scale * distance, so a zero-initialised
 *   learner far from the goal may first learn to bump into walls; gamma near 1 avoids that.)
 * - naive: +scale whenever a step gets closer to a goal, nothing otherwise. Not a potential difference,
 *   so stepping away and back again is a loop the agent can farm.
 * - count bonus: beta / sqrt(N(s')) - beta, N counting visits to s' over all episodes (MBIE-EB style,
 *   measured from a first visit): 0 for a new cell, down to -beta for familiar ones. Shifting it by
 *   -beta keeps untried moves (Q = 0) ahead of well-trodden ones; an all-positive bonus would make every
 *   tried move look better than an untried one and stop exploration.
 * What the world pays is recoverable from values learned with potential shaping, and only with it: the
 * shaped return telescopes to G - phi(s0) (phi = 0 at the terminal state), so Q'(s, a) = Q(s, a) - phi(s)
 * for the optimal values and for every fixed policy's (Ng, Harada & Russell 1999, proof of Theorem 1),
 * and a learner's estimate Q' + phi is exactly the table an unshaped learner started at Q = qInit + phi
 * would hold (Wiewiora 2003). Naive shaping and the count bonus have no such inverse: values learned
 * with them include rewards the world never pays.
 */
import type { TrainConfig } from '../config/schema';
import { bfsDistances } from './distances';
import { Cell, type Grid } from './grid';

/** Shortest-path steps from every cell to the nearest goal over open cells (cliffs lead back to the start,
 *  so they are not passable); Infinity where no goal is reachable, -1 on walls. */
export function goalDistances(grid: Grid): Float64Array {
  const goals: number[] = [];
  for (let s = 0; s < grid.nStates; s++) if (grid.cells[s] === Cell.Goal) goals.push(s);
  const dist = bfsDistances(grid, goals);
  for (let s = 0; s < grid.nStates; s++) if (grid.cells[s] === Cell.Wall) dist[s] = -1;
  return dist;
}

/** phi(s) = -scale * distance to the nearest goal; 0 on terminal cells and walls; cells with no path
 *  to a goal get the worst finite potential so shaping stays finite. */
export function potentials(grid: Grid, scale: number, dist = goalDistances(grid)): Float64Array {
  const phi = new Float64Array(grid.nStates);
  let far = 0;
  for (let s = 0; s < grid.nStates; s++) if (dist[s] !== Infinity) far = Math.max(far, dist[s]);
  for (let s = 0; s < grid.nStates; s++) {
    if (grid.terminal[s] || dist[s] < 0) continue;
    phi[s] = -scale * (dist[s] === Infinity ? far + 1 : dist[s]);
  }
  return phi;
}

/** The potential-based term for s -> s2 (phi of a terminal state counts as 0). */
export function potentialTerm(
  phi: Float64Array,
  gamma: number,
  s: number,
  s2: number,
  terminal: boolean,
): number {
  return gamma * (terminal ? 0 : phi[s2]) - phi[s];
}

/** The naive "closer is better" term: +scale when s2 is nearer a goal than s. */
export function naiveTerm(dist: Float64Array, scale: number, s: number, s2: number): number {
  return dist[s2] >= 0 && dist[s2] < dist[s] ? scale : 0;
}

/** The count bonus for the n-th visit (n >= 1) of a cell. */
export function countBonus(beta: number, n: number): number {
  return beta / Math.sqrt(n) - beta;
}

/**
 * The world's values from values learned with potential shaping: out[i] = learned[i] + phi(s), for a
 * value table (one entry per state) or a Q table (s * 4 + a). Returns a new array.
 */
export function unshape(phi: Float64Array, learned: Float64Array): Float64Array {
  const stride = Math.max(1, Math.round(learned.length / Math.max(1, phi.length)));
  const out = new Float64Array(learned.length);
  for (let i = 0; i < learned.length; i++) out[i] = learned[i] + (phi[Math.floor(i / stride)] ?? 0);
  return out;
}

/**
 * Which cells the agent has learned anything about: 1 where any of the cell's learned Q values
 * (s * 4 + a) differs from the value the table started at (`qInit`), 0 where the row is still the
 * starting guess. Under potential shaping an untouched cell's world value is qInit + phi(s), i.e. minus
 * its distance to the goal: the shaping's guess, not what the world pays, so the page shows it as
 * "not learned yet" instead of as a value.
 */
export function learnedMask(
  learnedQ: Float64Array,
  qInit: number,
  nStates = learnedQ.length / 4,
): Uint8Array {
  const out = new Uint8Array(nStates);
  for (let s = 0; s < nStates; s++)
    for (let a = 0; a < 4; a++)
      if (learnedQ[s * 4 + a] !== qInit) {
        out[s] = 1;
        break;
      }
  return out;
}

export type ShapingOptions = Pick<TrainConfig, 'shaping' | 'shapingScale' | 'countBonus'>;

/** A run's reward transforms without its visit counts (those are the run's own): see shapedReward. */
export interface Shaping {
  readonly potential: boolean;
  readonly naive: boolean;
  /** The count bonus's beta (0: none). */
  readonly beta: number;
  readonly gamma: number;
  readonly scale: number;
  readonly dist: Float64Array;
  readonly phi: Float64Array;
}

/** The transforms `opts` asks for on this grid; null when the agent learns from the world's reward. */
export function shapingOf(opts: ShapingOptions, grid: Grid): Shaping | null {
  const potential = opts.shaping === 'potential';
  const naive = opts.shaping === 'naive';
  const beta = opts.countBonus;
  if (!potential && !naive && beta <= 0) return null;
  const dist = goalDistances(grid);
  const phi = potentials(grid, opts.shapingScale, dist);
  return { potential, naive, beta, gamma: grid.gamma, scale: opts.shapingScale, dist, phi };
}

/** The reward learned from for the move s -> s2 that paid r, s2 being entered for the n-th time (n >= 1;
 *  only the count bonus reads it). */
export function shapedReward(
  sh: Shaping,
  s: number,
  r: number,
  s2: number,
  terminal: boolean,
  n: number,
): number {
  let out = r;
  if (sh.potential) out += potentialTerm(sh.phi, sh.gamma, s, s2, terminal);
  else if (sh.naive) out += naiveTerm(sh.dist, sh.scale, s, s2);
  if (sh.beta > 0) out += countBonus(sh.beta, Math.max(1, n));
  return out;
}

export interface RewardShaper {
  /** The reward the agent learns from for the move s -> s2 that paid r. */
  shape(s: number, r: number, s2: number, terminal: boolean): number;
  /** The count bonus's visit counts per cell (null without one), kept when a run is saved. */
  readonly counts?: Float64Array | null;
}

export function createShaper(opts: ShapingOptions, grid: Grid): RewardShaper | null {
  const sh = shapingOf(opts, grid);
  if (!sh) return null;
  const counts = new Float64Array(grid.nStates);
  return {
    shape: (s, r, s2, terminal) => shapedReward(sh, s, r, s2, terminal, sh.beta > 0 ? ++counts[s2] : 1),
    counts: sh.beta > 0 ? counts : null,
  };
}
