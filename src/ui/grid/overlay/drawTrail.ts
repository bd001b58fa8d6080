/**
 * The current episode's trail as a polyline through cell centres, fading from old (faint) to new
 * (strong) in a few alpha steps, plus the agent as a filled, outlined circle and the hover outline.
 */
import type { GridGeom } from './geom';
import type { Palette } from './palette';
import { haloStroke } from './stroke';

/** Alpha steps of the fade (one stroke per step). */
export const TRAIL_STEPS = 8;
/** Only the newest segments are drawn (older ones would be nearly invisible anyway). */
export const TRAIL_MAX_SEGMENTS = 2000;

function centre(g: GridGeom, s: number, axis: 0 | 1): number {
  const x = s % g.width;
  return (axis === 0 ? x : (s - x) / g.width) * g.cs + g.cs / 2 + 0.5;
}

/** Opacity of fade step k (0 oldest .. TRAIL_STEPS - 1 newest). */
export function trailAlpha(k: number): number {
  return 0.15 + (0.85 * (k + 1)) / TRAIL_STEPS;
}

/** Draws the trail; a jump between non-adjacent cells (a cliff reset) is not connected. Returns segments drawn. */
export function drawTrail(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Palette,
  trail: ArrayLike<number>,
  length: number,
): number {
  const n = g.cells.length;
  const len = Math.min(length, trail.length);
  const first = Math.max(0, len - 1 - TRAIL_MAX_SEGMENTS);
  const segs = len - 1 - first;
  if (segs <= 0) return 0;
  const w = Math.max(2, g.cs * 0.12);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  let drawn = 0;
  for (let k = 0; k < TRAIL_STEPS; k++) {
    const a = first + Math.floor((k * segs) / TRAIL_STEPS);
    const b = first + Math.floor(((k + 1) * segs) / TRAIL_STEPS);
    if (b <= a) continue;
    ctx.beginPath();
    let prev = trail[a];
    let pen = false;
    for (let i = a; i < b; i++) {
      const s0 = trail[i];
      const s1 = trail[i + 1];
      if (s0 < 0 || s0 >= n || s1 < 0 || s1 >= n) continue;
      const x0 = s0 % g.width;
      const x1 = s1 % g.width;
      const manhattan = Math.abs(x0 - x1) + Math.abs((s0 - x0) / g.width - (s1 - x1) / g.width);
      if (manhattan > 1) {
        pen = false;
        continue;
      }
      if (!pen || prev !== s0) ctx.moveTo(centre(g, s0, 0), centre(g, s0, 1));
      ctx.lineTo(centre(g, s1, 0), centre(g, s1, 1));
      pen = true;
      prev = s1;
      drawn++;
    }
    ctx.globalAlpha = trailAlpha(k);
    haloStroke(ctx, p.trailHalo, p.trail, w, 2.5);
  }
  ctx.globalAlpha = 1;
  return drawn;
}

export function drawAgent(ctx: CanvasRenderingContext2D, g: GridGeom, p: Palette, s: number): void {
  if (s < 0 || s >= g.cells.length) return;
  const r = Math.max(3, g.cs * 0.28);
  ctx.beginPath();
  ctx.arc(centre(g, s, 0), centre(g, s, 1), r, 0, Math.PI * 2);
  ctx.fillStyle = p.agentFill;
  ctx.fill();
  ctx.strokeStyle = p.agentStroke;
  ctx.lineWidth = Math.max(1.5, g.cs * 0.06);
  ctx.stroke();
}

export function drawHover(ctx: CanvasRenderingContext2D, g: GridGeom, p: Palette, s: number): void {
  if (s < 0 || s >= g.cells.length) return;
  const x = s % g.width;
  const w = Math.max(2, g.cs * 0.06);
  ctx.strokeStyle = p.hover;
  ctx.lineWidth = w;
  ctx.strokeRect(x * g.cs + 1 + w / 2, ((s - x) / g.width) * g.cs + 1 + w / 2, g.cs - 1 - w, g.cs - 1 - w);
}
