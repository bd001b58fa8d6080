/**
 * Bucket downsampling for long per-episode series: at most maxBuckets contiguous buckets, each with its
 * episode range and the min, max and mean of its values. Every value falls in exactly one bucket, so the
 * series' extremes survive; a series no longer than maxBuckets is kept exactly (one value per bucket).
 */
export interface Buckets {
  /** Number of buckets. */
  n: number;
  /** First index of each bucket (inclusive). */
  from: Int32Array;
  /** One past the last index of each bucket. */
  to: Int32Array;
  min: Float64Array;
  max: Float64Array;
  mean: Float64Array;
}

/** Bucket boundaries only: the same for every series of one log, so charts share their x positions. */
export function bucketBounds(
  count: number,
  maxBuckets: number,
): { n: number; from: Int32Array; to: Int32Array } {
  const n = Math.max(0, Math.min(count, Math.max(1, Math.floor(maxBuckets))));
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = Math.floor((i * count) / n);
    to[i] = Math.floor(((i + 1) * count) / n);
  }
  return { n, from, to };
}

/** Downsamples values[0..count) into at most maxBuckets buckets (NaN values are skipped). */
export function bucketize(values: ArrayLike<number>, count: number, maxBuckets: number): Buckets {
  const { n, from, to } = bucketBounds(Math.min(count, values.length), maxBuckets);
  const min = new Float64Array(n);
  const max = new Float64Array(n);
  const mean = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    let lo = Infinity;
    let hi = -Infinity;
    let sum = 0;
    let k = 0;
    for (let i = from[b]; i < to[b]; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      sum += v;
      k++;
    }
    min[b] = k ? lo : NaN;
    max[b] = k ? hi : NaN;
    mean[b] = k ? sum / k : NaN;
  }
  return { n, from, to, min, max, mean };
}
