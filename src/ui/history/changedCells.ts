/**
 * "What changed" between two snapshots: the cells whose value V moved by more than the packing's
 * rounding (snapshots of large worlds hold values as Int16 with a scale of their own, max |V| / 32767,
 * so a value that did not move can differ by up to that much). Under potential shaping the world's and
 * the learned value differ by phi(s), the same in both, so either table gives the same cells. Pure.
 */

/** Relative change (of the larger max |V|) below which a cell counts as unchanged. */
export const CHANGE_TOLERANCE = 2e-4;

function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}

/** 1 for each cell whose value changed from `before` to `after`, or null when either is missing or the
 *  sizes differ. */
export function changedCells(
  before: ArrayLike<number> | null | undefined,
  after: ArrayLike<number> | null | undefined,
): Uint8Array | null {
  if (!before || !after || before.length !== after.length) return null;
  const tol = CHANGE_TOLERANCE * Math.max(maxAbs(before), maxAbs(after)) + 1e-12;
  const out = new Uint8Array(after.length);
  for (let s = 0; s < out.length; s++) {
    const a = before[s];
    const b = after[s];
    if (Math.abs(b - a) > tol || Number.isNaN(a) !== Number.isNaN(b)) out[s] = 1;
  }
  return out;
}
