/** A grid as the vector drawers see it. */
export interface GridGeom {
  width: number;
  height: number;
  /** Cell size in CSS px. */
  cs: number;
  cells: Uint8Array;
}
