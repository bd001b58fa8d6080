/** Small helpers for benchmark sections. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** "median (min-max)" with a unit, to show the noise next to the figure. */
export function spread(xs: number[], digits = 0, unit = ''): string {
  const f = (x: number) =>
    x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${f(median(xs))}${unit} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
}
