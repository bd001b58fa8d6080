/** The current grid as Cell codes (src/rl/grid.ts), recomputed only when the grid changes. */
import { useMemo } from 'react';
import { CHAR_TO_CELL, Cell } from '../../rl/grid';
import { useConfigStore } from '../../store/configStore';

export function useCellCodes(): { cells: Uint8Array; width: number; height: number } {
  const grid = useConfigStore((s) => s.config.env.grid);
  return useMemo(() => {
    const width = grid[0].length;
    const height = grid.length;
    const cells = new Uint8Array(width * height);
    grid.forEach((row, y) => {
      for (let x = 0; x < width; x++) cells[y * width + x] = CHAR_TO_CELL[row[x]] ?? Cell.Empty;
    });
    return { cells, width, height };
  }, [grid]);
}

/** Min and max of values over cells the agent acts from (not walls, goals or pits) and has learned
 *  (`learned`, where given, not 0); 0..0 if none. */
export function openRange(
  values: Float64Array | null | undefined,
  cells: Uint8Array,
  learned: Uint8Array | null = null,
): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  if (values)
    for (let s = 0; s < cells.length && s < values.length; s++) {
      const c = cells[s];
      if (c === Cell.Wall || c === Cell.Goal || c === Cell.Pit || c === Cell.Cliff) continue;
      if (learned && !learned[s]) continue;
      const v = values[s];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}
