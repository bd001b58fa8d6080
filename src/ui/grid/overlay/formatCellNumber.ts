/** Short text for a number written inside a cell: at most ~4 characters plus sign. */
export function formatCellNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '' : v > 0 ? '∞' : '-∞';
  const a = Math.abs(v);
  if (a >= 9999.5) return `${(v / 1000).toFixed(0)}k`;
  if (a >= 99.95 || (Number.isInteger(v) && a < 1000)) return v.toFixed(0);
  if (a >= 9.995) return v.toFixed(1);
  if (a < 0.005) return '0';
  return v.toFixed(2);
}
