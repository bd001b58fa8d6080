/**
 * Breadth-first shortest-path distances on a compiled grid, shared by shaping, the lab's goal placement
 * and the check that a world can reward its agent at all.
 */
import { Cell, DX, DY, N_ACTIONS, type Grid } from './grid';

/**
 * Steps from the nearest of `sources` to every cell, moving up/right/down/left through cells a walk can
 * cross: not walls, pits or cliffs (a cliff leads back to the start). Sources are at 0 whatever their
 * type; Infinity where no source is reachable. Cells marked in `stopAt` get a distance but the walk does
 * not go on through them (e.g. `grid.terminal`: an episode ends on a goal).
 */
export function bfsDistances(
  grid: Grid,
  sources: ArrayLike<number>,
  stopAt?: ArrayLike<number>,
): Float64Array {
  const { width, height, cells } = grid;
  const dist = new Float64Array(grid.nStates).fill(Infinity);
  const queue = new Int32Array(grid.nStates);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    if (dist[s] === 0) continue;
    dist[s] = 0;
    queue[tail++] = s;
  }
  while (head < tail) {
    const s = queue[head++];
    if (stopAt?.[s] && dist[s] > 0) continue;
    const x = s % width;
    const y = (s - x) / width;
    for (let d = 0; d < 4; d++) {
      const nx = x + DX[d];
      const ny = y + DY[d];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const t = ny * width + nx;
      const c = cells[t];
      if (c === Cell.Wall || c === Cell.Pit || c === Cell.Cliff || dist[t] !== Infinity) continue;
      dist[t] = dist[s] + 1;
      queue[tail++] = t;
    }
  }
  return dist;
}

/** What a walk from the start can ever get: a goal, and a move that pays more than a plain step. */
export interface StartReach {
  /** Some goal can be entered. */
  goal: boolean;
  /** Some move pays more than the step reward (entering a goal, a pit, a cliff or a bonus cell). */
  rewarded: boolean;
}

/**
 * Follows every move (slips only pick among the same four) from the start, not through goals or pits
 * (they end the episode) nor cliffs (they lead back to the start). When `rewarded` is false no run can
 * ever give the agent anything to learn from.
 */
export function startReach(grid: Grid): StartReach {
  const dist = bfsDistances(grid, [grid.start], grid.terminal);
  let goal = false;
  let rewarded = false;
  for (let s = 0; s < grid.nStates; s++) {
    if (dist[s] === Infinity || grid.terminal[s]) continue;
    for (let d = 0; d < N_ACTIONS; d++) {
      const i = s * N_ACTIONS + d;
      if (grid.moveSuccess[i]) goal = true;
      if (grid.moveReward[i] > grid.stepReward) rewarded = true;
    }
  }
  return { goal, rewarded };
}
