/**
 * Turns a metrics log into at most maxPoints chart rows shared by the four charts (same x positions, so
 * their tooltips can be synchronised): per bucket of episodes the min/max band and mean of return and
 * steps, trailing moving averages, the success rate over the trailing window, and mean epsilon.
 */
import { bucketBounds } from './downsample';
import type { MetricsSeries } from './metricsSeries';
import { smoothingWindow, windowMeanAt } from './movingAverage';

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
  /** Smoothing window (episodes) of the moving averages and the success rate. */
  window: number;
  count: number;
  /** True when every episode is its own point (no downsampling). */
  exact: boolean;
  /** First episode (1-based) that reached a goal, or null if none did. */
  firstSuccess: number | null;
  /**
   * Some episode before the first success (any episode, while none) had a positive return: the agent
   * got a reward that was not the goal's (a bonus), so the time before the goal was not signal-free.
   */
  rewardBeforeGoal: boolean;
}

/** First episode (1-based) among the first `count` with a success, or null. */
export function firstSuccessOf(success: ArrayLike<number>, count: number): number | null {
  const n = Math.min(count, success.length);
  for (let i = 0; i < n; i++) if (success[i] !== 0) return i + 1;
  return null;
}

export const MAX_POINTS = 200;

export function buildChartData(series: MetricsSeries, maxPoints = MAX_POINTS, window?: number): ChartData {
  const count = Math.max(
    0,
    Math.min(
      series.count,
      series.returns.length,
      series.steps.length,
      series.success.length,
      series.epsilon.length,
    ),
  );
  const w = window && window > 0 ? Math.floor(window) : smoothingWindow(count);
  const { n, from, to } = bucketBounds(count, maxPoints);
  const rows: ChartRow[] = [];
  const { returns, steps, success, epsilon } = series;
  for (let b = 0; b < n; b++) {
    const a = from[b];
    const e = to[b];
    let rLo = Infinity;
    let rHi = -Infinity;
    let rSum = 0;
    let sLo = Infinity;
    let sHi = -Infinity;
    let sSum = 0;
    let eSum = 0;
    for (let i = a; i < e; i++) {
      const r = returns[i];
      const s = steps[i];
      if (r < rLo) rLo = r;
      if (r > rHi) rHi = r;
      if (s < sLo) sLo = s;
      if (s > sHi) sHi = s;
      rSum += r;
      sSum += s;
      eSum += epsilon[i];
    }
    const k = e - a;
    rows.push({
      ep: k === 1 ? a + 1 : (a + e - 1) / 2 + 1,
      from: a + 1,
      to: e,
      ret: rSum / k,
      retBand: [rLo, rHi],
      retAvg: windowMeanAt(returns, e - 1, w),
      steps: sSum / k,
      stepsBand: [sLo, sHi],
      stepsAvg: windowMeanAt(steps, e - 1, w),
      success: windowMeanAt(success, e - 1, w) * 100,
      eps: eSum / k,
    });
  }
  const firstSuccess = firstSuccessOf(success, count);
  let rewardBeforeGoal = false;
  for (let i = 0, end = firstSuccess === null ? count : firstSuccess - 1; i < end; i++)
    if (returns[i] > 0) {
      rewardBeforeGoal = true;
      break;
    }
  return { rows, window: w, count, exact: n === count, firstSuccess, rewardBeforeGoal };
}
