/** Strokes the current path twice: in `halo`, `extra` px wider and solid, then in `color`, `w` px wide
 *  (dashed when `dash` is given). */
export function haloStroke(
  ctx: CanvasRenderingContext2D,
  halo: string,
  color: string,
  w: number,
  extra: number,
  dash: number[] = [],
): void {
  ctx.setLineDash([]);
  ctx.strokeStyle = halo;
  ctx.lineWidth = w + extra;
  ctx.stroke();
  ctx.setLineDash(dash);
  ctx.strokeStyle = color;
  ctx.lineWidth = w;
  ctx.stroke();
}

/** A line on a halo: the path stroked `w + 3` px wide in the halo colour, then `w` wide in its own
 *  (dashed when `dash` is given), with round caps and joins. The greedy path and the search line. */
export function strokeOnHalo(
  ctx: CanvasRenderingContext2D,
  halo: string,
  color: string,
  w: number,
  dash: number[] = [],
): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  haloStroke(ctx, halo, color, w, 3, dash);
}

/** An arrowhead: a triangle with its tip `tip` px from (x, y) along `angle` and its two back corners
 *  `back` px away at `angle` ± `spread` radians, filled in `fill` over a 1.5 px `halo` edge. The greedy
 *  loop's head and the search line's. */
export function arrowHead(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  angle: number,
  tip: number,
  back: number,
  spread: number,
  fill: string,
  halo: string,
): void {
  ctx.beginPath();
  ctx.moveTo(x + tip * Math.cos(angle), y + tip * Math.sin(angle));
  ctx.lineTo(x + back * Math.cos(angle + spread), y + back * Math.sin(angle + spread));
  ctx.lineTo(x + back * Math.cos(angle - spread), y + back * Math.sin(angle - spread));
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.strokeStyle = halo;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.fill();
}
