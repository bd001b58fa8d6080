/**
 * A search agent's last search (the frame's `search`, or the search stepper's): where it looked, as a
 * teal disc in each cell its tree walked through, the area growing with the log of the visits (so a
 * cell seen once still shows and the root does not swallow the rest), and the line it chose (the
 * principal variation) as a solid teal polyline on a halo from the root, with an arrowhead at its end.
 * Vector strokes on top of the raster layers: one fill for the discs, two strokes and a head for the line.
 */
import { logScale01 } from './colorScale';
import { themeColors, type GridColors } from '../../theme';
import type { GridGeom } from './geom';
import { arrowHead, strokeOnHalo } from './stroke';

export interface SearchDraw {
  /** Per cell: how often the search visited it. */
  visits: ArrayLike<number>;
  /** The chosen line, as cells from the root's. */
  line: ArrayLike<number>;
}

type SearchColors = Pick<GridColors, 'searchDisc' | 'searchRim' | 'searchLine' | 'searchHalo'>;

function centre(g: GridGeom, s: number): [number, number] {
  const x = s % g.width;
  return [x * g.cs + g.cs / 2 + 0.5, ((s - x) / g.width) * g.cs + g.cs / 2 + 0.5];
}

/** Draws the search; returns the number of cells with a disc. */
export function drawSearch(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  search: SearchDraw,
  theme: string,
): number {
  const c: SearchColors = themeColors(theme === 'dark' ? 'dark' : 'light').grid;
  const n = Math.min(g.cells.length, search.visits.length);
  let max = 0;
  for (let s = 0; s < n; s++) if (search.visits[s] > max) max = search.visits[s];
  let discs = 0;
  if (max > 0) {
    const rMax = g.cs * 0.4;
    const rMin = Math.max(1.5, g.cs * 0.1);
    ctx.beginPath();
    for (let s = 0; s < n; s++) {
      const v = search.visits[s];
      if (!(v > 0)) continue;
      // Area proportional to the log scale: radius from rMin (one visit) to rMax (the most).
      const r = rMin + (rMax - rMin) * Math.sqrt(logScale01(v, max));
      const [x, y] = centre(g, s);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      discs++;
    }
    ctx.fillStyle = c.searchDisc;
    ctx.fill();
    ctx.strokeStyle = c.searchRim;
    ctx.lineWidth = Math.max(1, g.cs * 0.025);
    ctx.stroke();
  }
  drawLine(ctx, g, search.line, c);
  return discs;
}

function drawLine(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  line: ArrayLike<number>,
  c: SearchColors,
): void {
  const n = g.cells.length;
  const pts: [number, number][] = [];
  for (let i = 0; i < line.length; i++) {
    const s = line[i];
    if (s < 0 || s >= n) break;
    const p = centre(g, s);
    const q = pts[pts.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) pts.push(p);
  }
  if (pts.length < 2) return;
  const w = Math.max(2, g.cs * 0.1);
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  strokeOnHalo(ctx, c.searchHalo, c.searchLine, w);
  // The head: a triangle at the last cell, pointing along the last segment.
  const [x1, y1] = pts[pts.length - 1];
  const [x0, y0] = pts[pts.length - 2];
  const a = Math.atan2(y1 - y0, x1 - x0);
  const h = Math.max(5, w * 2.2);
  arrowHead(ctx, x1, y1, a, h * 0.6, h, 2.5, c.searchLine, c.searchHalo);
}
