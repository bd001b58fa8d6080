/**
 * Statistics over seeds, on plain numbers so they can be checked on hand-made data: per-episode mean,
 * standard deviation and min-max band, success rate, and the distribution of the first success where
 * a seed that never succeeded within the budget is censored (kept and counted, never dropped).
 */

export interface Band {
  mean: Float64Array;
  /** Population standard deviation over seeds (0 for a single seed). */
  std: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** Per-index statistics over equally long series (shorter series only count where they have data). */
export function band(series: ArrayLike<number>[]): Band {
  const n = series.reduce((m, s) => Math.max(m, s.length), 0);
  const mean = new Float64Array(n);
  const std = new Float64Array(n);
  const min = new Float64Array(n);
  const max = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    let sum = 0;
    let sq = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series) {
      if (i >= s.length) continue;
      const x = s[i];
      k++;
      sum += x;
      sq += x * x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const m = k ? sum / k : 0;
    mean[i] = m;
    std[i] = k ? Math.sqrt(Math.max(0, sq / k - m * m)) : 0;
    min[i] = k ? lo : 0;
    max[i] = k ? hi : 0;
  }
  return { mean, std, min, max };
}

/** Mean of the last `fraction` of each series (at least one element), averaged over series. */
export function meanOfLast(series: ArrayLike<number>[], fraction = 0.1): number {
  if (series.length === 0) return 0;
  let total = 0;
  for (const s of series) {
    const k = Math.max(1, Math.ceil(s.length * fraction));
    let sum = 0;
    for (let i = s.length - k; i < s.length; i++) sum += s[i];
    total += s.length ? sum / k : 0;
  }
  return total / series.length;
}

/** Trailing moving average with a window of `w` (the first points average what exists so far). */
export function movingAverage(xs: ArrayLike<number>, w: number): Float64Array {
  const out = new Float64Array(xs.length);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += xs[i];
    if (i >= w) sum -= xs[i - w];
    out[i] = sum / Math.min(i + 1, w);
  }
  return out;
}

export interface FirstSuccess {
  /** Seeds in all. */
  n: number;
  /** Seeds that never succeeded within the budget. */
  censored: number;
  /** Sorted values of the seeds that succeeded. */
  found: number[];
  /** Median over all seeds with censored ones counted as later than any value; null when the median
   *  falls on a censored seed (more than half never succeeded, or exactly half with an even count). */
  median: number | null;
  /** Smallest and largest finite value (null when no seed succeeded). */
  min: number | null;
  max: number | null;
}

/** Summarises first-success times; `null` or a negative value marks a censored seed. */
export function firstSuccess(values: readonly (number | null)[]): FirstSuccess {
  const found = values.filter((v): v is number => v !== null && v >= 0).sort((a, b) => a - b);
  const n = values.length;
  const censored = n - found.length;
  const at = (i: number): number => (i < found.length ? found[i] : Infinity);
  let median: number | null = null;
  if (n > 0) {
    const m = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
    median = Number.isFinite(m) ? m : null;
  }
  return {
    n,
    censored,
    found,
    median,
    min: found.length ? found[0] : null,
    max: found.length ? found[found.length - 1] : null,
  };
}

export interface Histogram {
  /** Lower edge of each bin; bin i covers [edges[i], edges[i + 1]) and the last one ends at `limit`. */
  edges: number[];
  counts: number[];
  /** Seeds that never succeeded: the "never" bar. */
  never: number;
}

/** Histogram of first-success values over [0, limit) in `bins` equal bins, plus the censored count. */
export function histogram(values: readonly (number | null)[], limit: number, bins: number): Histogram {
  const width = Math.max(1, Math.ceil(limit / bins));
  const k = Math.max(1, Math.ceil(limit / width));
  const edges = Array.from({ length: k }, (_, i) => 1 + i * width);
  const counts = new Array<number>(k).fill(0);
  let never = 0;
  for (const v of values) {
    if (v === null || v < 1) never++;
    else counts[Math.min(k - 1, Math.floor((v - 1) / width))]++;
  }
  return { edges, counts, never };
}

export interface Downsampled {
  /** Representative x (the bucket's first index) of each point. */
  x: number[];
  mean: number[];
  min: number[];
  max: number[];
}

/** At most `maxPoints` points: bucket means of `mean`, the lowest min and the highest max per bucket. */
export function downsample(
  mean: ArrayLike<number>,
  min: ArrayLike<number>,
  max: ArrayLike<number>,
  maxPoints: number,
): Downsampled {
  const n = mean.length;
  const size = Math.max(1, Math.ceil(n / Math.max(1, maxPoints)));
  const out: Downsampled = { x: [], mean: [], min: [], max: [] };
  for (let i = 0; i < n; i += size) {
    const end = Math.min(n, i + size);
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = i; j < end; j++) {
      sum += mean[j];
      lo = Math.min(lo, min[j]);
      hi = Math.max(hi, max[j]);
    }
    out.x.push(i);
    out.mean.push(sum / (end - i));
    out.min.push(lo);
    out.max.push(hi);
  }
  return out;
}
