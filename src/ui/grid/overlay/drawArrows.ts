/**
 * Policy arrows: for each open cell, one arrow per best action (src/rl/greedy.ts bestMoves: all tied
 * maxima), from pi(a|s) or, without a policy, from greedy Q. All shafts are one path, all heads another,
 * each stroked/filled with a halo so arrows stay readable on any heat colour.
 */
import { ALL_MOVES, bestMoves, TIE } from '../../../rl/greedy';
import { DX, DY, N_ACTIONS } from '../../../rl/grid';
import type { GridGeom } from './geom';
import { isOpenCell } from './minMax';
import type { Palette } from './palette';

/** Bit mask (bit a = action a) of the best actions in s (src/rl/greedy.ts bestMoves); 0 when none is
 *  finite. */
export function bestActionMask(data: ArrayLike<number>, s: number, relTol = TIE): number {
  return bestMoves(data, s, relTol);
}

/** Alpha of the arrows of cells where all four actions tie (no preference yet, e.g. untrained). */
export const UNDECIDED_ALPHA = 0.25;

/**
 * Draws arrows for all open cells, one per tied best action; cells where all four tie are drawn faint.
 * Returns how many arrows were drawn.
 */
export function drawArrows(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Palette,
  data: ArrayLike<number>,
  relTol: number,
  lengthFraction = 0.36,
): number {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.globalAlpha = UNDECIDED_ALPHA;
  let count = drawSet(ctx, g, p, data, relTol, lengthFraction, true);
  ctx.globalAlpha = 1;
  count += drawSet(ctx, g, p, data, relTol, lengthFraction, false);
  return count;
}

function drawSet(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Palette,
  data: ArrayLike<number>,
  relTol: number,
  lengthFraction: number,
  undecided: boolean,
): number {
  const { width, cs, cells } = g;
  // Undecided cells get a smaller, faint four-way mark so an untrained grid stays calm.
  const len = cs * lengthFraction * (undecided ? 0.7 : 1);
  const head = Math.max(3, cs * (undecided ? 0.12 : 0.15));
  const halfW = Math.max(2.5, cs * (undecided ? 0.09 : 0.11));
  const shaftW = Math.max(1.5, cs * 0.06);
  let count = 0;
  // Pass 0: shafts; pass 1: heads.
  for (let pass = 0; pass < 2; pass++) {
    ctx.beginPath();
    for (let s = 0; s < cells.length; s++) {
      if (!isOpenCell(cells[s])) continue;
      const mask = bestActionMask(data, s, relTol);
      if (mask === 0 || (mask === ALL_MOVES) !== undecided) continue;
      const x = s % width;
      const cx = x * cs + cs / 2 + 0.5;
      // Shorter arrows (value text below them) sit a little higher.
      const cy = ((s - x) / width) * cs + cs / 2 + 0.5 - (lengthFraction < 0.36 ? cs * 0.08 : 0);
      for (let a = 0; a < N_ACTIONS; a++) {
        if (!(mask & (1 << a))) continue;
        const dx = DX[a];
        const dy = DY[a];
        const tx = cx + dx * len;
        const ty = cy + dy * len;
        if (pass === 0) {
          ctx.moveTo(cx - dx * cs * 0.06, cy - dy * cs * 0.06);
          ctx.lineTo(tx - dx * head * 0.6, ty - dy * head * 0.6);
          count++;
        } else {
          ctx.moveTo(tx, ty);
          ctx.lineTo(tx - dx * head - dy * halfW, ty - dy * head + dx * halfW);
          ctx.lineTo(tx - dx * head + dy * halfW, ty - dy * head - dx * halfW);
          ctx.closePath();
        }
      }
    }
    if (count === 0) return 0;
    ctx.strokeStyle = p.arrowHalo;
    if (pass === 0) {
      ctx.lineWidth = shaftW + 2.5;
      ctx.stroke();
      ctx.strokeStyle = p.arrow;
      ctx.lineWidth = shaftW;
      ctx.stroke();
    } else {
      ctx.lineWidth = 2.5;
      ctx.stroke();
      ctx.fillStyle = p.arrow;
      ctx.fill();
    }
  }
  return count;
}
