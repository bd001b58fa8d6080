/**
 * Moves the goal of a world: removes every goal and puts one on an open cell at a given shortest-path
 * distance from the start (the cell nearest the start's diagonal, so the walk cannot follow a wall).
 */
import type { EnvConfig } from '../../config/schema';
import { bfsDistances } from '../distances';
import { compileGrid } from '../grid';

/** Shortest-path steps from the start over cells a walk can cross (not walls, pits or cliffs); -1 where
 *  the start cannot reach. */
export function startDistances(env: EnvConfig): { dist: Int32Array; width: number; start: number } {
  const grid = compileGrid(env);
  const steps = bfsDistances(grid, [grid.start]);
  const dist = new Int32Array(grid.nStates);
  for (let s = 0; s < dist.length; s++) dist[s] = steps[s] === Infinity ? -1 : steps[s];
  return { dist, width: grid.width, start: grid.start };
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
