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
