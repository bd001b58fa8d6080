/**
 * Turns a run's metrics summary (src/rl/metrics.ts) into at most maxPoints chart rows shared by the four charts (same x positions, so
 * their tooltips can be synchronised): per bucket of episodes the min/max band and mean of return and
 * steps, trailing moving averages, the success rate over the trailing window, and mean epsilon.
 */
import { bucketBounds } from './downsample';
import { SUCCESS_WINDOW, type MetricsSummary } from '../../rl/metrics';
import { smoothingWindow } from './movingAverage';

export interface ChartRow {
  /** x: episode number (1-based) at the bucket's centre. */
  ep: number;
  /** First and last episode (1-based, inclusive) in this point. */
  from: number;
  to: number;
  ret: number;
  retBand: [number, number];
  retAvg: number;
  steps: number;
  stepsBand: [number, number];
  stepsAvg: number;
  /** Success rate in % over the trailing window ending at `to`. */
  success: number;
  eps: number;
}

export interface ChartData {
  rows: ChartRow[];
  /** Smoothing window (episodes) of the moving averages. */
  window: number;
  /** Window (episodes) of the success rate: SUCCESS_WINDOW, as everywhere. */
  successWindow: number;
  count: number;
  /** Episodes per bucket of the summary the rows were built from (1: exact per episode). */
  width: number;
  /** True when every episode is its own point (no downsampling). */
  exact: boolean;
  /** First episode (1-based) that reached a goal, or null if none did (from the run's counters). */
  firstSuccess: number | null;
  /** A reward came before the first success (see MetricsCounters.rewardBeforeGoal). */
  rewardBeforeGoal: boolean;
}

export const MAX_POINTS = 200;

/** Prefix sums over buckets: out[b] = sum of values[0..b). */
function prefix(values: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(k + 1);
  for (let b = 0; b < k; b++) out[b + 1] = out[b] + values[b];
  return out;
}

export function buildChartData(series: MetricsSummary, maxPoints = MAX_POINTS, window?: number): ChartData {
  const k = Math.max(
    0,
    Math.min(
      series.buckets,
      series.n.length,
      series.retSum.length,
      series.stepSum.length,
      series.succ.length,
    ),
  );
  const width = Math.max(1, series.width);
  const eps = prefix(series.n, k);
  const count = eps[k];
  const w = window && window > 0 ? Math.floor(window) : smoothingWindow(count);
  /** The moving averages' window in buckets (whole buckets once the summary is downsampled, so the
   *  window is w to within one bucket). */
  const wb = Math.max(1, Math.round(w / width));
  const sb = Math.max(1, Math.round(SUCCESS_WINDOW / width));
  const ret = prefix(series.retSum, k);
  const stp = prefix(series.stepSum, k);
  const suc = prefix(series.succ, k);
  const { n, from, to } = bucketBounds(k, maxPoints);
  const { retMin, retMax, stepMin, stepMax, epsSum } = series;
  const rows: ChartRow[] = [];
  for (let g = 0; g < n; g++) {
    const a = from[g];
    const e = to[g];
    let rLo = Infinity;
    let rHi = -Infinity;
    let sLo = Infinity;
    let sHi = -Infinity;
    let eSum = 0;
    for (let b = a; b < e; b++) {
      if (retMin[b] < rLo) rLo = retMin[b];
      if (retMax[b] > rHi) rHi = retMax[b];
      if (stepMin[b] < sLo) sLo = stepMin[b];
      if (stepMax[b] > sHi) sHi = stepMax[b];
      eSum += epsSum[b];
    }
    const first = eps[a];
    const last = eps[e];
    const episodes = last - first;
    const back = Math.max(0, e - wb);
    const inWindow = last - eps[back];
    const sBack = Math.max(0, e - sb);
    rows.push({
      ep: episodes === 1 ? last : (first + 1 + last) / 2,
      from: first + 1,
      to: last,
      ret: (ret[e] - ret[a]) / episodes,
      retBand: [rLo, rHi],
      retAvg: (ret[e] - ret[back]) / inWindow,
      steps: (stp[e] - stp[a]) / episodes,
      stepsBand: [sLo, sHi],
      stepsAvg: (stp[e] - stp[back]) / inWindow,
      success: ((suc[e] - suc[sBack]) / (last - eps[sBack])) * 100,
      eps: eSum / episodes,
    });
  }
  return {
    rows,
    window: w,
    successWindow: SUCCESS_WINDOW,
    count,
    width,
    exact: width === 1 && n === k,
    firstSuccess: series.counters.firstSuccess,
    rewardBeforeGoal: series.counters.rewardBeforeGoal,
  };
}
