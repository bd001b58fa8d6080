/**
 * "What changed" on the history timeline: an outline inside each cell whose value changed since the
 * previous snapshot (the theme's `changed` line on its `changedHalo`, readable on both ends of the value
 * colours; ui/theme.ts). Two strokes of one path, however many cells.
 */
import type { GridGeom } from './geom';
import type { Palette } from './palette';
import { haloStroke } from './stroke';

/** Outlines the cells s where changed[s] is non-zero; returns how many. */
export function drawChanged(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Pick<Palette, 'changed' | 'changedHalo'>,
  changed: ArrayLike<number>,
): number {
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
  haloStroke(ctx, p.changedHalo, p.changed, w, 2);
  return count;
}
