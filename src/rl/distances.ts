/** Breadth-first shortest-path distances on a compiled grid, shared by shaping and the lab's goal placement. */
import { Cell, DX, DY, type Grid } from './grid';

/**
 * Steps from the nearest of `sources` to every cell, moving up/right/down/left through cells a walk can
 * cross: not walls, pits or cliffs (a cliff leads back to the start). Sources are at 0 whatever their
 * type; Infinity where no source is reachable.
 */
export function bfsDistances(grid: Grid, sources: ArrayLike<number>): Float64Array {
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
