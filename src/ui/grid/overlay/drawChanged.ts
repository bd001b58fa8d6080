/**
 * "What changed" on the history timeline: an outline inside each cell whose value changed since the
 * previous snapshot (a yellow line on a dark halo, readable on both ends of the value colours). Two
 * strokes of one path, however many cells.
 */
import type { GridGeom } from './geom';

const LINE = '#facc15';
const HALO = 'rgba(0, 0, 0, 0.55)';

/** Outlines the cells s where changed[s] is non-zero; returns how many. */
export function drawChanged(ctx: CanvasRenderingContext2D, g: GridGeom, changed: ArrayLike<number>): number {
  const n = Math.min(changed.length, g.cells.length);
  const w = Math.max(1.5, g.cs * 0.07);
  const inset = 1 + w;
  const side = g.cs - 1 - 2 * w;
  if (side <= 0) return 0;
  let count = 0;
  ctx.beginPath();
  for (let s = 0; s < n; s++) {
    if (!changed[s]) continue;
    const x = s % g.width;
    ctx.rect(x * g.cs + inset, ((s - x) / g.width) * g.cs + inset, side, side);
    count++;
  }
  if (count === 0) return 0;
  ctx.lineJoin = 'miter';
  ctx.strokeStyle = HALO;
  ctx.lineWidth = w + 2;
  ctx.stroke();
  ctx.strokeStyle = LINE;
  ctx.lineWidth = w;
  ctx.stroke();
  return count;
}
