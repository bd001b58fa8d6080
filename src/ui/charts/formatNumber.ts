/** Compact axis / tooltip numbers: 1234 -> "1.2k", 100000 -> "100k", 2500000 -> "2.5M", 0.125 -> "0.13". */
export function formatCompact(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '–' : v > 0 ? '∞' : '-∞';
  const a = Math.abs(v);
  const trim = (s: string) => s.replace(/\.0+$|(\.\d*?)0+$/, '$1');
  if (a >= 1e6) return `${trim((v / 1e6).toFixed(1))}M`;
  if (a >= 1e4) return `${trim((v / 1e3).toFixed(0))}k`;
  if (a >= 1e3) return `${trim((v / 1e3).toFixed(1))}k`;
  if (a >= 100 || Number.isInteger(v)) return v.toFixed(0);
  if (a >= 10) return trim(v.toFixed(1));
  return trim(v.toFixed(2));
}

/** Full integer with thousands separators (tooltips): 12345 -> "12,345". */
export function formatInt(v: number): string {
  return Math.round(v).toLocaleString('en-US');
}
