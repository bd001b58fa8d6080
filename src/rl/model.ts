/**
 * The exact model for planning agents: for every (state, action) up to three outcomes (intended move,
 * and the two perpendicular slips) with their probabilities, rewards, next states and terminal flags,
 * derived from the slip definition in grid.ts (the simulator samples the same outcomes).
 */
import type { Grid } from './grid';
import { isActive, N_ACTIONS, outcomeDirection, outcomeProbability, SLIP_OUTCOMES } from './grid';

/** Outcomes per (state, action), indexed k as in grid.ts outcomeDirection. */
export const OUTCOMES = SLIP_OUTCOMES;

/** A transform of the reward a (simulated) move s -> s2 pays, e.g. the run's shaping. */
export type SimulatedReward = (s: number, r: number, s2: number, terminal: boolean) => number;

export interface Model {
  readonly grid: Grid;
  /** Per ((s * 4 + a) * 3 + k). */
  readonly prob: Float64Array;
  readonly next: Int32Array;
  readonly reward: Float64Array;
  readonly done: Uint8Array;
  /** States that act (not walls, not terminal). */
  readonly active: Int32Array;
}

export function buildModel(grid: Grid): Model {
  const n = grid.nStates * N_ACTIONS * OUTCOMES;
  const prob = new Float64Array(n);
  const next = new Int32Array(n);
  const reward = new Float64Array(n);
  const done = new Uint8Array(n);
  const active: number[] = [];
  for (let s = 0; s < grid.nStates; s++) {
    if (isActive(grid, s)) active.push(s);
    for (let a = 0; a < N_ACTIONS; a++) {
      for (let k = 0; k < OUTCOMES; k++) {
        const i = (s * N_ACTIONS + a) * OUTCOMES + k;
        const m = s * N_ACTIONS + outcomeDirection(a, k);
        prob[i] = outcomeProbability(grid.slip, k);
        next[i] = grid.nextState[m];
        reward[i] = grid.moveReward[m];
        done[i] = grid.moveDone[m];
      }
    }
  }
  return { grid, prob, next, reward, done, active: Int32Array.from(active) };
}

/** Q(s, a) by one-step lookahead on V (with the rewards `reward` makes of the model's, if given). */
export function lookahead(
  model: Model,
  v: Float64Array,
  s: number,
  a: number,
  reward?: SimulatedReward | null,
): number {
  const gamma = model.grid.gamma;
  let q = 0;
  const base = (s * N_ACTIONS + a) * OUTCOMES;
  for (let k = 0; k < OUTCOMES; k++) {
    const i = base + k;
    const p = model.prob[i];
    if (p === 0) continue;
    const r = reward ? reward(s, model.reward[i], model.next[i], model.done[i] === 1) : model.reward[i];
    q += p * (r + (model.done[i] ? 0 : gamma * v[model.next[i]]));
  }
  return q;
}
