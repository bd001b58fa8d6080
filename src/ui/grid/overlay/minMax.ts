/** Ranges of per-cell data over the cells the agent can stand on (no per-call allocation in hot use). */
import { Cell } from '../../../rl/grid';

/** Empty, Start and Bonus: cells an agent acts from and that get value tint, arrows and Q triangles. */
export function isOpenCell(code: number): boolean {
  return code === Cell.Empty || code === Cell.Start || code === Cell.Bonus;
}

/**
 * Min and max of data[s * stride + k] (k < stride) over open cells, ignoring NaN; {0, 0} when there
 * is nothing to measure. Pass the result to ValueLegend so the legend matches the canvas colours.
 */
export function valueRange(
  data: ArrayLike<number> | null | undefined,
  cells: Uint8Array,
  stride = 1,
): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  if (data) {
    for (let s = 0; s < cells.length; s++) {
      if (!isOpenCell(cells[s])) continue;
      for (let k = 0; k < stride; k++) {
        const v = data[s * stride + k];
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

/** Largest |v| over open cells (0 when there is none): the extent of the symmetric colour scale.
 *  Cells where `learned` is 0 (not learned yet) are left out. */
export function maxAbsOpen(
  data: ArrayLike<number> | null | undefined,
  cells: Uint8Array,
  stride = 1,
  learned: ArrayLike<number> | null = null,
): number {
  if (!data) return 0;
  let m = 0;
  for (let s = 0; s < cells.length; s++) {
    if (!isOpenCell(cells[s]) || (learned && !learned[s])) continue;
    for (let k = 0; k < stride; k++) {
      const a = Math.abs(data[s * stride + k]);
      if (a > m && Number.isFinite(a)) m = a;
    }
  }
  return m;
}

/** Largest count over non-wall cells. */
export function maxCount(counts: ArrayLike<number> | null | undefined, cells: Uint8Array): number {
  if (!counts) return 0;
  let m = 0;
  for (let s = 0; s < cells.length; s++) if (cells[s] !== Cell.Wall && counts[s] > m) m = counts[s];
  return m;
}
