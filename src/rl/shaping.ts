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

export interface RewardShaper {
  /** The reward the agent learns from for the move s -> s2 that paid r. */
  shape(s: number, r: number, s2: number, terminal: boolean): number;
}

export type ShapingOptions = Pick<TrainConfig, 'shaping' | 'shapingScale' | 'countBonus'>;

export function createShaper(opts: ShapingOptions, grid: Grid): RewardShaper | null {
  const potential = opts.shaping === 'potential';
  const naive = opts.shaping === 'naive';
  const beta = opts.countBonus;
  if (!potential && !naive && beta <= 0) return null;
  const dist = goalDistances(grid);
  const phi = potentials(grid, opts.shapingScale, dist);
  const counts = new Float64Array(grid.nStates);
  const gamma = grid.gamma;
  const scale = opts.shapingScale;
  return {
    shape(s, r, s2, terminal) {
      let out = r;
      if (potential) out += potentialTerm(phi, gamma, s, s2, terminal);
      else if (naive) out += naiveTerm(dist, scale, s, s2);
      if (beta > 0) out += countBonus(beta, ++counts[s2]);
      return out;
    },
  };
}
