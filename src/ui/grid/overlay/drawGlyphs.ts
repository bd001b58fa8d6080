/**
 * Simple drawn glyphs for special cells, readable on a projector: wall bevel, goal flag, pit hole,
 * hatched cliff, bonus coin, start ring "S". Each glyph type is one path (or two) for all its cells.
 */
import { Cell } from '../../../rl/grid';
import type { GridGeom } from './geom';
import type { Palette } from './palette';
import { haloStroke } from './stroke';

const TAU = Math.PI * 2;

/** Calls fn(x0, y0, size) for every cell with the given code (x0, y0: the cell's inner top-left). */
function each(g: GridGeom, code: number, fn: (x0: number, y0: number, size: number) => void): number {
  const { width, cs, cells } = g;
  let count = 0;
  for (let s = 0; s < cells.length; s++) {
    if (cells[s] !== code) continue;
    const x = s % width;
    fn(x * cs + 1, ((s - x) / width) * cs + 1, cs - 1);
    count++;
  }
  return count;
}

/** Fills the current path and strokes its rim. */
function fillRimmed(ctx: CanvasRenderingContext2D, fill: string, rim: string, lineWidth: number): void {
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = rim;
  ctx.lineWidth = lineWidth;
  ctx.stroke();
}

export function drawGlyphs(ctx: CanvasRenderingContext2D, g: GridGeom, p: Palette): void {
  const sz = g.cs - 1;
  if (sz < 6) return;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';

  // Wall: dark block with a lighter top/left bevel.
  const bw = Math.max(1, Math.round(sz * 0.08));
  ctx.beginPath();
  const bevel = (x: number, y: number, s: number) => {
    ctx.rect(x, y, s, bw);
    ctx.rect(x, y + bw, bw, s - bw);
  };
  if (each(g, Cell.Wall, bevel)) {
    ctx.fillStyle = p.wallEdge;
    ctx.fill();
  }

  // Cliff: diagonal hatching inside the red cell.
  ctx.beginPath();
  const gap = Math.max(4, sz / 4);
  const hatch = (x: number, y: number, s: number) => {
    for (let t = gap / 2; t < 2 * s; t += gap) {
      ctx.moveTo(x + Math.max(0, t - s), y + Math.min(t, s));
      ctx.lineTo(x + Math.min(t, s), y + Math.max(0, t - s));
    }
  };
  if (each(g, Cell.Cliff, hatch)) {
    ctx.strokeStyle = p.cliffHatch;
    ctx.lineWidth = Math.max(1, sz * 0.07);
    ctx.stroke();
  }

  // Pit: a dark elliptical hole with a rim.
  ctx.beginPath();
  const hole = (x: number, y: number, s: number) => {
    ctx.moveTo(x + s * 0.86, y + s / 2);
    ctx.ellipse(x + s / 2, y + s / 2, s * 0.36, s * 0.27, 0, 0, TAU);
  };
  if (each(g, Cell.Pit, hole)) {
    fillRimmed(ctx, p.pitHole, p.pitRim, Math.max(1, sz * 0.06));
  }

  // Goal: a white flag on a dark pole.
  ctx.beginPath();
  const pole = (x: number, y: number, s: number) => {
    ctx.moveTo(x + s * 0.32, y + s * 0.84);
    ctx.lineTo(x + s * 0.32, y + s * 0.16);
  };
  if (each(g, Cell.Goal, pole)) {
    ctx.strokeStyle = p.goalPole;
    ctx.lineWidth = Math.max(1.5, sz * 0.07);
    ctx.stroke();
    ctx.beginPath();
    each(g, Cell.Goal, (x, y, s) => {
      ctx.moveTo(x + s * 0.34, y + s * 0.16);
      ctx.lineTo(x + s * 0.8, y + s * 0.32);
      ctx.lineTo(x + s * 0.34, y + s * 0.5);
      ctx.closePath();
    });
    ctx.fillStyle = p.goalFlag;
    ctx.fill();
  }

  // Bonus: a gold coin with "$".
  ctx.beginPath();
  const coin = (x: number, y: number, s: number) => {
    ctx.moveTo(x + s * 0.8, y + s / 2);
    ctx.arc(x + s / 2, y + s / 2, s * 0.3, 0, TAU);
  };
  if (each(g, Cell.Bonus, coin)) {
    fillRimmed(ctx, p.coin, p.coinEdge, Math.max(1, sz * 0.05));
    if (sz >= 14) {
      setFont(ctx, sz * 0.36, true);
      ctx.fillStyle = p.coinEdge;
      each(g, Cell.Bonus, (x, y, s) => ctx.fillText('$', x + s / 2, y + s / 2 + s * 0.02));
    }
  }

  // Start: a ring with "S" (haloed so it stays visible on a heat colour).
  ctx.beginPath();
  const ring = (x: number, y: number, s: number) => {
    ctx.moveTo(x + s * 0.82, y + s / 2);
    ctx.arc(x + s / 2, y + s / 2, s * 0.32, 0, TAU);
  };
  if (each(g, Cell.Start, ring)) {
    const w = Math.max(2, sz * 0.08);
    haloStroke(ctx, p.textHalo, p.startRing, w, 2);
    if (sz >= 14) {
      setFont(ctx, sz * 0.36, true);
      ctx.fillStyle = p.startRing;
      each(g, Cell.Start, (x, y, s) => ctx.fillText('S', x + s / 2, y + s / 2 + s * 0.02));
    }
  }
}

/** Sets a centred system-ui font of the given px size. */
export function setFont(ctx: CanvasRenderingContext2D, px: number, bold = false): void {
  ctx.font = `${bold ? '700 ' : ''}${Math.max(8, Math.round(px))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
}
