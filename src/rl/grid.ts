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
    const x = s % width;
    const y = (s - x) / width;
    for (let d = 0; d < N_ACTIONS; d++) {
      const i = s * N_ACTIONS + d;
      const nx = x + DX[d];
      const ny = y + DY[d];
      const t = ny * width + nx;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height || cells[t] === Cell.Wall) {
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
