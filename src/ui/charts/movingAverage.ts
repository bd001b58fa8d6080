/**
 * Trailing moving averages: out[i] = mean of values[i-window+1 .. i] (fewer at the start, where only
 * i+1 values exist). `windowMeanAt` computes single points for sampling long series without an O(n) buffer.
 */
export function movingAverage(values: ArrayLike<number>, count: number, window: number): Float64Array {
  const n = Math.min(count, values.length);
  const w = Math.max(1, Math.floor(window));
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    if (i >= w) sum -= values[i - w];
    out[i] = sum / Math.min(i + 1, w);
  }
  return out;
}

/** Mean of values[end-window+1 .. end] (clipped at 0), i.e. movingAverage(...)[end], computed directly. */
export function windowMeanAt(values: ArrayLike<number>, end: number, window: number): number {
  const w = Math.max(1, Math.floor(window));
  const from = Math.max(0, end - w + 1);
  let sum = 0;
  for (let i = from; i <= end; i++) sum += values[i];
  return sum / (end - from + 1);
}

const NICE_WINDOWS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/**
 * A round smoothing window for count episodes: about count/40, from a fixed list (10 .. 5000) so the
 * label does not change with every new episode.
 */
export function smoothingWindow(count: number): number {
  const target = count / 40;
  for (const w of NICE_WINDOWS) if (w >= target) return w;
  return NICE_WINDOWS[NICE_WINDOWS.length - 1];
}
