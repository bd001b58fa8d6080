/**
 * Grid edits as recipes on a draft Config (for `useConfigStore.getState().edit`). They keep the draft
 * consistent (one start, overrides only where they apply); the store still validates the result.
 */
import type { Config, EnvConfig } from '../config/schema';
import { CELL_NAMES, LIMITS, REWARD_CHARS, type CellChar } from '../config/limits';
import type { Cell, Tool } from './uiStore';

export const TOOL_CHAR: Record<Exclude<Tool, 'inspect'>, CellChar> = {
  wall: '#',
  goal: 'G',
  pit: 'X',
  cliff: 'C',
  bonus: '$',
  start: 'S',
  eraser: '.',
};

export function cellChar(env: EnvConfig, x: number, y: number): CellChar {
  return (env.grid[y]?.[x] ?? '.') as CellChar;
}

export function cellName(env: EnvConfig, x: number, y: number): string {
  return CELL_NAMES[cellChar(env, x, y)];
}

export function canHaveReward(ch: string): boolean {
  return (REWARD_CHARS as readonly string[]).includes(ch);
}

export function findStart(env: EnvConfig): Cell | null {
  for (let y = 0; y < env.grid.length; y++) {
    const x = env.grid[y].indexOf('S');
    if (x >= 0) return { x, y };
  }
  return null;
}

/** The reward override of a cell, or undefined. */
export function cellReward(env: EnvConfig, x: number, y: number): number | undefined {
  return env.cellRewards.find((c) => c.x === x && c.y === y)?.reward;
}

function dropOverride(env: EnvConfig, x: number, y: number): void {
  env.cellRewards = env.cellRewards.filter((c) => c.x !== x || c.y !== y);
}

function setChar(env: EnvConfig, x: number, y: number, ch: string): void {
  const row = env.grid[y];
  if (row === undefined || x < 0 || x >= row.length) throw new Error(`cell (${x}, ${y}) is outside the grid`);
  if (row[x] === ch) return;
  env.grid[y] = row.slice(0, x) + ch + row.slice(x + 1);
  dropOverride(env, x, y);
}

/** Paints `ch` at (x, y). Painting a start moves the start. */
export function paint(draft: Config, x: number, y: number, ch: CellChar): void {
  const env = draft.env;
  if (cellChar(env, x, y) === ch) return;
  if (ch === 'S') {
    const s = findStart(env);
    if (s) setChar(env, s.x, s.y, '.');
  }
  setChar(env, x, y, ch);
}

/** Resizes to width x height, keeping what fits; a start that falls outside moves to the nearest edge. */
export function resize(draft: Config, width: number, height: number): void {
  const max = LIMITS.maxGridSide;
  for (const [name, v] of [
    ['Width', width],
    ['Height', height],
  ] as const)
    if (!Number.isInteger(v) || v < 1 || v > max)
      throw new Error(`${name} must be a whole number from 1 to ${max}`);
  const env = draft.env;
  const start = findStart(env);
  const rows: string[] = [];
  for (let y = 0; y < height; y++) {
    const old = env.grid[y] ?? '';
    rows.push(old.slice(0, width).padEnd(width, '.'));
  }
  env.grid = rows;
  env.cellRewards = env.cellRewards.filter((c) => c.x < width && c.y < height);
  if (start && (start.x >= width || start.y >= height))
    setChar(env, Math.min(start.x, width - 1), Math.min(start.y, height - 1), 'S');
}

/** Empties every cell except the start; drops all reward overrides. */
export function clearGrid(draft: Config): void {
  const env = draft.env;
  env.grid = env.grid.map((row) => row.replace(/[^S]/g, '.'));
  env.cellRewards = [];
}

/** Sets (or with null removes) a per-cell reward override. */
export function setCellReward(draft: Config, x: number, y: number, reward: number | null): void {
  const env = draft.env;
  dropOverride(env, x, y);
  if (reward === null) return;
  const ch = cellChar(env, x, y);
  if (!canHaveReward(ch))
    throw new Error(`a ${CELL_NAMES[ch]} cell cannot have its own reward (only goal, pit, cliff and bonus)`);
  env.cellRewards.push({ x, y, reward });
}

/** The per-type reward of a cell char (goal, pit, cliff, bonus), else the step reward. */
export function typeReward(env: EnvConfig, ch: CellChar): number {
  if (ch === 'G' || ch === 'X' || ch === 'C' || ch === '$') return env.rewards[ch];
  return env.stepReward;
}
