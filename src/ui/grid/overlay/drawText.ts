/** Numbers written in cells: state values (big cells only) and per-cell reward overrides. */
import { N_ACTIONS } from '../../../rl/grid';
import { divergingBin } from './colorScale';
import type { GridGeom } from './geom';
import { setFont } from './drawGlyphs';
import { formatCellNumber } from './formatCellNumber';
import { isOpenCell } from './minMax';
import type { Palette } from './palette';

/** Cell size (CSS px) from which Q numbers are written. */
export const Q_NUMBERS_MIN_CELL = 56;

// Where each action's number goes (cell fractions from the inner top-left) and how it is aligned, so
// that left/right numbers stay inside their own cell.
const LABEL_X = [0.5, 0.97, 0.5, 0.03];
const LABEL_Y = [0.15, 0.5, 0.85, 0.5];
const LABEL_ALIGN = ['center', 'right', 'center', 'left'] as const;

/** Writes Q(s, a) near each edge of every open cell (only = -1) or of the cell `only` (zeros stay quiet). */
export function drawQNumbers(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Palette,
  q: ArrayLike<number>,
  maxAbs: number,
  only: number,
): void {
  const { width, cs, cells } = g;
  const size = cs - 1;
  setFont(ctx, cs * 0.15);
  const from = only >= 0 ? only : 0;
  const to = only >= 0 ? only + 1 : cells.length;
  for (let s = from; s < to; s++) {
    if (!isOpenCell(cells[s])) continue;
    const x = s % width;
    const x0 = x * cs + 1;
    const y0 = ((s - x) / width) * cs + 1;
    for (let a = 0; a < N_ACTIONS; a++) {
      const v = q[s * N_ACTIONS + a];
      if (v === 0 || Number.isNaN(v)) continue;
      ctx.fillStyle = p.divergingText[divergingBin(v, maxAbs, p.diverging.length)];
      ctx.textAlign = LABEL_ALIGN[a];
      ctx.fillText(formatCellNumber(v), x0 + LABEL_X[a] * size, y0 + LABEL_Y[a] * size);
    }
  }
}

/** Cell size (CSS px) from which values are written in the cells. */
export const VALUE_TEXT_MIN_CELL = 36;

/** Writes V(s) in every open cell (except exact zeros), in the readable colour of its heat bin; returns texts written. */
export function drawValueText(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Palette,
  values: ArrayLike<number>,
  maxAbs: number,
  lowered: boolean,
  skip = -1,
  /** Where 0: not learned yet, no number. */
  learned: ArrayLike<number> | null = null,
): number {
  const { width, cs, cells } = g;
  if (cs < VALUE_TEXT_MIN_CELL) return 0;
  setFont(ctx, cs * (lowered ? 0.19 : 0.24), true);
  let count = 0;
  // When arrows are drawn too (shortened), the number sits at the bottom of the cell.
  const dy = lowered ? cs * 0.36 : 0;
  for (let s = 0; s < cells.length; s++) {
    if (!isOpenCell(cells[s])) continue;
    const v = values[s];
    if (v === 0 || Number.isNaN(v) || s === skip || (learned && !learned[s])) continue; // untouched stay quiet
    const x = s % width;
    ctx.fillStyle = p.divergingText[divergingBin(v, maxAbs, p.diverging.length)];
    ctx.fillText(formatCellNumber(v), x * cs + cs / 2 + 0.5, ((s - x) / width) * cs + cs / 2 + 0.5 + dy);
    count++;
  }
  return count;
}

/** Writes each reward override small in the bottom-right corner of its cell, with a halo. */
export function drawRewardText(
  ctx: CanvasRenderingContext2D,
  g: GridGeom,
  p: Palette,
  rewards: Map<number, number>,
): void {
  const { width, cs, cells } = g;
  if (cs < 18 || rewards.size === 0) return;
  setFont(ctx, cs * 0.22, true);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = p.textHalo;
  ctx.fillStyle = p.text;
  for (const [s, r] of rewards) {
    if (s < 0 || s >= cells.length) continue;
    const x = s % width;
    const text = (r > 0 ? '+' : '') + formatCellNumber(r);
    const tx = (x + 1) * cs - 2;
    const ty = ((s - x) / width + 1) * cs - 1;
    ctx.strokeText(text, tx, ty);
    ctx.fillText(text, tx, ty);
  }
}
