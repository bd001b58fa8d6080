/**
 * Moves the goal of a world: removes every goal and puts one on an open cell at a given shortest-path
 * distance from the start (the cell nearest the start's diagonal, so the walk cannot follow a wall).
 */
import type { EnvConfig } from '../../config/schema';
import { DX, DY } from '../grid';

/** Shortest-path steps from the start over cells a walk can cross (not walls, pits or cliffs). */
export function startDistances(env: EnvConfig): { dist: Int32Array; width: number; start: number } {
  const width = env.grid[0].length;
  const height = env.grid.length;
  const dist = new Int32Array(width * height).fill(-1);
  const queue = new Int32Array(width * height);
  let start = 0;
  env.grid.forEach((row, y) => {
    const x = row.indexOf('S');
    if (x >= 0) start = y * width + x;
  });
  dist[start] = 0;
  queue[0] = start;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const s = queue[head++];
    const x = s % width;
    const y = (s - x) / width;
    for (let d = 0; d < 4; d++) {
      const nx = x + DX[d];
      const ny = y + DY[d];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const t = ny * width + nx;
      if (dist[t] >= 0 || '#XC'.includes(env.grid[ny][nx])) continue;
      dist[t] = dist[s] + 1;
      queue[tail++] = t;
    }
  }
  return { dist, width, start };
}

export function maxGoalDistance(env: EnvConfig): number {
  return startDistances(env).dist.reduce((m, d) => Math.max(m, d), 0);
}

/** Up to `count` evenly spread distances from 2 to the farthest reachable cell. */
export function defaultDistances(env: EnvConfig, count = 8): number[] {
  const far = maxGoalDistance(env);
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(Math.max(1, Math.round(2 + ((far - 2) * i) / (count - 1))));
  return [...out].filter((d) => d <= far).sort((a, b) => a - b);
}

/** The env with its goals removed and one goal at distance d, or an error message. */
export function placeGoal(
  env: EnvConfig,
  d: number,
): { ok: true; env: EnvConfig } | { ok: false; error: string } {
  const { dist, width, start } = startDistances(env);
  const sx = start % width;
  const sy = (start - sx) / width;
  let best = -1;
  let bestKey = Infinity;
  for (let s = 0; s < dist.length; s++) {
    if (dist[s] !== d) continue;
    const x = s % width;
    const y = (s - x) / width;
    if (env.grid[y][x] === '$') continue;
    const key = Math.abs(Math.abs(x - sx) - Math.abs(y - sy));
    if (key < bestKey) {
      bestKey = key;
      best = s;
    }
  }
  if (best < 0)
    return {
      ok: false,
      error: `no open cell at distance ${d} from the start (farthest: ${maxGoalDistance(env)})`,
    };
  const gx = best % width;
  const gy = (best - gx) / width;
  const grid = env.grid.map((row, y) => {
    const chars = [...row.replaceAll('G', '.')];
    if (y === gy) chars[gx] = 'G';
    return chars.join('');
  });
  const cellRewards = env.cellRewards.filter((c) => grid[c.y][c.x] !== '.');
  return { ok: true, env: { ...env, grid, cellRewards } };
}
