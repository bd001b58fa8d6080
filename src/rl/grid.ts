/**
 * Compiles an env config into flat typed arrays: per cell type and, per (cell, direction), where a move
 * lands, what it pays and whether it ends the episode. Both the simulator and the exact model read these
 * tables, so the two can never disagree.
 */
import type { EnvConfig } from '../config/schema';

export const Cell = { Empty: 0, Wall: 1, Start: 2, Goal: 3, Pit: 4, Cliff: 5, Bonus: 6 } as const;
export type Cell = (typeof Cell)[keyof typeof Cell];

export const CHAR_TO_CELL: Record<string, Cell> = {
  '.': Cell.Empty,
  '#': Cell.Wall,
  S: Cell.Start,
  G: Cell.Goal,
  X: Cell.Pit,
  C: Cell.Cliff,
  $: Cell.Bonus,
};

export const CELL_TO_CHAR = ['.', '#', 'S', 'G', 'X', 'C', '$'] as const;

/** Actions: 0 up, 1 right, 2 down, 3 left. */
export const N_ACTIONS = 4;
export const DX = [0, 1, 0, -1] as const;
export const DY = [-1, 0, 1, 0] as const;
export const ACTION_NAMES = ['up', 'right', 'down', 'left'] as const;

/**
 * Slip, defined once for the simulator (env.ts), the exact model (model.ts) and the search agents: a move
 * has SLIP_OUTCOMES outcomes, k = 0 the intended direction (probability 1 - slip), k = 1 the direction
 * one turn clockwise and k = 2 one turn counter-clockwise (slip / 2 each).
 */
export const SLIP_OUTCOMES = 3;

/** The direction outcome k of an action moves in. */
export function outcomeDirection(action: number, k: number): number {
  return (action + (k === 0 ? 0 : k === 1 ? 1 : 3)) & 3;
}

/** The probability of outcome k. */
export function outcomeProbability(slip: number, k: number): number {
  return k === 0 ? 1 - slip : slip / 2;
}

/** The outcome a uniform draw u in [0, 1) picks: [0, slip / 2) is 1, [slip / 2, slip) is 2, else 0. */
export function slipOutcome(slip: number, u: number): number {
  return u < slip ? (u < slip / 2 ? 1 : 2) : 0;
}

/** The direction a move actually takes, for a uniform draw u in [0, 1) (draw one only when slip > 0). */
export function slipDirection(slip: number, action: number, u: number): number {
  return outcomeDirection(action, slipOutcome(slip, u));
}

/**
 * The cell a move from s in direction d enters: s itself when the move would leave the grid or enter a
 * wall. (Entering a cliff then sends the agent back to the start: that is `Grid.nextState`.)
 */
export function moveTarget(
  width: number,
  height: number,
  cells: ArrayLike<number>,
  s: number,
  d: number,
): number {
  const x = (s % width) + DX[d];
  const y = Math.floor(s / width) + DY[d];
  if (x < 0 || y < 0 || x >= width || y >= height) return s;
  const t = y * width + x;
  return cells[t] === Cell.Wall ? s : t;
}

export interface Grid {
  readonly width: number;
  readonly height: number;
  /** Number of cells (= states; walls are states the agent never occupies). */
  readonly nStates: number;
  readonly cells: Uint8Array;
  /** Reward for entering each cell (type reward or per-cell override, else stepReward). */
  readonly enterReward: Float64Array;
  /** 1 for G and X cells. */
  readonly terminal: Uint8Array;
  /** Per (state * 4 + direction): the state the move leads to (after a cliff: the start). */
  readonly nextState: Int32Array;
  /** Per (state * 4 + direction): the reward of that move. */
  readonly moveReward: Float64Array;
  /** Per (state * 4 + direction): 1 if the move ends the episode (enters G or X). */
  readonly moveDone: Uint8Array;
  /** Per (state * 4 + direction): 1 if the move reaches a goal G. */
  readonly moveSuccess: Uint8Array;
  readonly start: number;
  readonly stepReward: number;
  readonly slip: number;
  readonly maxSteps: number;
  readonly gamma: number;
}

export function compileGrid(env: EnvConfig): Grid {
  const height = env.grid.length;
  const width = env.grid[0].length;
  const n = width * height;
  const cells = new Uint8Array(n);
  const enterReward = new Float64Array(n);
  const terminal = new Uint8Array(n);
  let start = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = y * width + x;
      const c = CHAR_TO_CELL[env.grid[y][x]] ?? Cell.Empty;
      cells[s] = c;
      if (c === Cell.Start) start = s;
      if (c === Cell.Goal || c === Cell.Pit) terminal[s] = 1;
      enterReward[s] =
        c === Cell.Goal
          ? env.rewards.G
          : c === Cell.Pit
            ? env.rewards.X
            : c === Cell.Cliff
              ? env.rewards.C
              : c === Cell.Bonus
                ? env.rewards.$
                : env.stepReward;
    }
  }
  for (const o of env.cellRewards) {
    const s = o.y * width + o.x;
    const c = cells[s];
    if (c === Cell.Goal || c === Cell.Pit || c === Cell.Cliff || c === Cell.Bonus) enterReward[s] = o.reward;
  }
  const nextState = new Int32Array(n * N_ACTIONS);
  const moveReward = new Float64Array(n * N_ACTIONS);
  const moveDone = new Uint8Array(n * N_ACTIONS);
  const moveSuccess = new Uint8Array(n * N_ACTIONS);
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < N_ACTIONS; d++) {
      const i = s * N_ACTIONS + d;
      const t = moveTarget(width, height, cells, s, d);
      if (t === s) {
        nextState[i] = s;
        moveReward[i] = env.stepReward;
        continue;
      }
      moveReward[i] = enterReward[t];
      nextState[i] = cells[t] === Cell.Cliff ? start : t;
      moveDone[i] = terminal[t];
      moveSuccess[i] = cells[t] === Cell.Goal ? 1 : 0;
    }
  }
  return {
    width,
    height,
    nStates: n,
    cells,
    enterReward,
    terminal,
    nextState,
    moveReward,
    moveDone,
    moveSuccess,
    start,
    stepReward: env.stepReward,
    slip: env.slip,
    maxSteps: env.maxSteps,
    gamma: env.gamma,
  };
}

/** A state the agent can stand in and act from: not a wall, not terminal. */
export function isActive(grid: Grid, s: number): boolean {
  return grid.cells[s] !== Cell.Wall && grid.terminal[s] === 0;
}
