// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { createEncoder, LOCAL_VIEW_CLASSES } from '../../src/rl/neural/observations';

function grid(rows: string[]) {
  const r = parseConfig({ version: 2, env: { grid: rows }, agent: { type: 'random' } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return compileGrid(r.config.env);
}

// x = 0 1 2 3 4
//     S . # . .   y = 0
//     . . X . .   y = 1
//     . . . G .   y = 2
const g = grid(['S.#..', '..X..', '...G.']);
const s = 1 * 5 + 1; // the cell at x = 1, y = 1

describe('observation encoders', () => {
  it('one-hot puts a single 1 at the cell index', () => {
    const enc = createEncoder('one-hot', g);
    const out = new Float32Array(enc.size + 2).fill(7);
    enc.encode(s, out, 1);
    expect(enc.size).toBe(15);
    expect(out[0]).toBe(7);
    expect(out[16]).toBe(7);
    const v = Array.from(out.subarray(1, 16));
    expect(v.indexOf(1)).toBe(6);
    expect(v.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('xy scales column and row to [-1, 1]', () => {
    const enc = createEncoder('xy', g);
    const out = new Float32Array(2);
    enc.encode(s, out, 0);
    expect(Array.from(out)).toEqual([-0.5, 0]);
    enc.encode(2 * 5 + 4, out, 0);
    expect(Array.from(out)).toEqual([1, 1]);
  });

  it('local view one-hots the 5 x 5 window (outside = wall) and appends x, y', () => {
    const enc = createEncoder('local-view', g);
    const k = LOCAL_VIEW_CLASSES.length;
    expect(enc.size).toBe(25 * k + 2);
    const out = new Float32Array(enc.size).fill(9);
    enc.encode(s, out, 0);
    const at = (dx: number, dy: number) =>
      Array.from(out.subarray(((dy + 2) * 5 + dx + 2) * k, ((dy + 2) * 5 + dx + 3) * k));
    expect(at(-2, -2)).toEqual([1, 0, 0, 0, 0]); // x = -1: outside
    expect(at(1, -1)).toEqual([1, 0, 0, 0, 0]); // the wall at (2, 0)
    expect(at(1, 0)).toEqual([0, 0, 1, 0, 0]); // the pit at (2, 1)
    expect(at(2, 1)).toEqual([0, 1, 0, 0, 0]); // the goal at (3, 2)
    expect(at(-1, -1)).toEqual([0, 0, 0, 0, 0]); // the start counts as empty
    expect(at(0, 0)).toEqual([0, 0, 0, 0, 0]); // the agent's own empty cell
    for (let dx = -2; dx <= 2; dx++) expect(at(dx, 2)).toEqual([1, 0, 0, 0, 0]); // y = 3: outside
    // 13 outside cells + wall + pit + goal
    expect(out.subarray(0, 25 * k).reduce((a, b) => a + b, 0)).toBe(16);
    expect(Array.from(out.subarray(25 * k))).toEqual([-0.5, 0]);
  });
});
