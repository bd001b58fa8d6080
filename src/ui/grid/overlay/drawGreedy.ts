/**
 * The greedy path (see ../greedyPath.ts) as a dashed polyline through cell centres with a halo, and,
 * when it loops, a circular-arrow marker on the cell where the loop closes. A handful of strokes.
 */
import type { GridGeom } from './geom';
import type { Palette } from './palette';
import { arrowHead, strokeOnHalo } from './stroke';

export interface GreedyPathDraw {
  /** Cells in order, from the start. */
  cells: ArrayLike<number>;
  /** The revisited cell when the path loops, else -1. */
  loopTo: number;
}

function cx(g: GridGeom, s: number): number {
  return (s % g.width) * g.cs + g.cs / 2 + 0.5;
}

function cy(g: GridGeom, s: number): number {
  return Math.floor(s / g.width) * g.cs + g.cs / 2 + 0.5;
}

/** Draws the path; returns the number of segments drawn. */
export function drawGreedyPath(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Palette,
  path: GreedyPathDraw,
): number {
  const n = g.cells.length;
  const len = path.cells.length;
  const w = Math.max(2, g.cs * 0.09);
  let segs = 0;
  ctx.beginPath();
  for (let i = 0; i < len; i++) {
    const s = path.cells[i];
    if (s < 0 || s >= n) return segs;
    if (i === 0) ctx.moveTo(cx(g, s), cy(g, s));
    else {
      ctx.lineTo(cx(g, s), cy(g, s));
      segs++;
    }
  }
  const last = len > 0 ? path.cells[len - 1] : -1;
  const loop = path.loopTo >= 0 && path.loopTo < n ? path.loopTo : -1;
  if (loop >= 0 && loop !== last) {
    ctx.lineTo(cx(g, loop), cy(g, loop));
    segs++;
  }
  strokeOnHalo(ctx, p.greedyHalo, p.greedy, w, [w * 2.2, w * 1.6]);
  ctx.setLineDash([]);
  if (loop >= 0) drawLoopMarker(ctx, g, p, loop, w);
  return segs;
}

/** A circular arrow (about 300 degrees of arc with a head) centred on cell s. */
function drawLoopMarker(ctx: CanvasRenderingContext2D, g: GridGeom, p: Palette, s: number, w: number): void {
  const x = cx(g, s);
  const y = cy(g, s);
  const r = Math.max(4, g.cs * 0.3);
  const a0 = -Math.PI / 2 + 0.5;
  const a1 = a0 + Math.PI * 1.65;
  for (const [color, width] of [
    [p.greedyHalo, w + 3],
    [p.greedy, w],
  ] as const) {
    ctx.beginPath();
    ctx.arc(x, y, r, a0, a1);
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  const hx = x + r * Math.cos(a1);
  const hy = y + r * Math.sin(a1);
  const head = Math.max(3, w * 1.8);
  const tangent = a1 + Math.PI / 2;
  arrowHead(ctx, hx, hy, tangent, head, head, 2.4, p.greedy, p.greedyHalo);
}
