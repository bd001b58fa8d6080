/**
 * The area layers written straight into pixels (much faster than filling thousands of small paths):
 * grid lines, each cell's fill (type colour or heat), Q triangles (four per cell, split on the
 * diagonals) and visit bars along the top edge, one cell at a time (drawOverlay rewrites only the
 * cells that changed).
 */
import type { Scratch } from './scratch';

export interface RasterParams {
  width: number;
  height: number;
  /** Image size in device px. */
  pw: number;
  ph: number;
  /** Grid-line thickness in device px (at the left and top of each cell). */
  gap: number;
  grid: number;
  /** Height in device px of the visit bars. */
  barH: number;
  barColor: number;
}

/** Cell boundaries in device px: X[i] = round(i * cellSize * dpr). */
export function cellBounds(out: Int32Array, count: number, step: number): void {
  for (let i = 0; i <= count; i++) out[i] = Math.round(i * step);
}

/** Writes px into u32[from, to) (short runs in a plain loop: faster than a TypedArray.fill call). */
function run(u32: Uint32Array, px: number, from: number, to: number): void {
  if (to - from > 24) u32.fill(px, from, to);
  else for (let i = from; i < to; i++) u32[i] = px;
}

/**
 * One cell's rectangle only (its grid lines, fill, Q triangles and visit bar), exactly the pixels
 * rasterCells writes there: for redrawing the cells that changed since the last paint.
 */
export function rasterCell(u32: Uint32Array, r: RasterParams, sc: Scratch, s: number): void {
  const { width, pw, gap, grid, barH } = r;
  const cx = s % width;
  const cy = (s - cx) / width;
  const y0 = sc.Y[cy];
  const y1 = sc.Y[cy + 1];
  const top = Math.min(y1, y0 + gap);
  for (let py = y0; py < top; py++) u32.fill(grid, py * pw + sc.X[cx], py * pw + sc.X[cx + 1]);
  const zH = y1 - top;
  const hasBar = sc.bar[s] > 0;
  for (let py = top; py < y1; py++) {
    const v = py - top;
    writeCell(u32, r, sc, py * pw, s, cx, v, zH, hasBar && v < barH);
  }
}

/** Row `row` (offset of the image row) of cell s in column cx; v: the row within the cell's area. */
function writeCell(
  u32: Uint32Array,
  r: RasterParams,
  sc: Scratch,
  row: number,
  s: number,
  cx: number,
  v: number,
  zH: number,
  barRow: boolean,
): void {
  const { gap, grid, barColor } = r;
  const { X, color, dark, qCell, qColor, qDivider, bar } = sc;
  const x0 = row + X[cx];
  const x1 = row + X[cx + 1];
  const a = Math.min(x1, x0 + gap);
  run(u32, grid, x0, a);
  const zW = x1 - a;
  if (qCell[s]) {
    // Diagonals at this row; left of both: action 3, right of both: action 1, between: 0 (top) or 2.
    const d1 = ((v + 0.5) * zW) / zH;
    const lo = Math.floor(Math.min(d1, zW - d1));
    const hi = Math.floor(Math.max(d1, zW - d1));
    const q = s * 4;
    const mid = 2 * v + 1 < zH ? qColor[q] : qColor[q + 2];
    const div = qDivider[s];
    const l = a + Math.max(0, Math.min(zW, lo));
    const h = a + Math.max(0, Math.min(zW - 1, hi));
    run(u32, qColor[q + 3], a, l);
    if (l < x1) u32[l] = div;
    run(u32, mid, l + 1, h);
    if (h > l && h < x1) u32[h] = div;
    run(u32, qColor[q + 1], h + 1, x1);
  } else if (barRow && bar[s] > 0) {
    run(u32, dark[s], a, x1);
  } else {
    run(u32, color[s], a, x1);
  }
  if (barRow && bar[s] > 0) run(u32, barColor, a, Math.min(x1, a + bar[s]));
}
