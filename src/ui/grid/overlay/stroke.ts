/** Strokes the current path twice: in `halo`, `extra` px wider, then in `color`, `w` px wide. */
export function haloStroke(
  ctx: CanvasRenderingContext2D,
  halo: string,
  color: string,
  w: number,
  extra: number,
): void {
  ctx.strokeStyle = halo;
  ctx.lineWidth = w + extra;
  ctx.stroke();
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
  ctx.setLineDash([]);
  ctx.strokeStyle = halo;
  ctx.lineWidth = w + 3;
  ctx.stroke();
  ctx.setLineDash(dash);
  ctx.strokeStyle = color;
  ctx.lineWidth = w;
  ctx.stroke();
}
