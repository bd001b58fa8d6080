/**
 * Splits `count` items (a summary's buckets) into at most maxBuckets contiguous groups of near-equal
 * size, the same for every series of one run, so the charts share their x positions. A series no longer
 * than maxBuckets is kept one item a group.
 */
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
