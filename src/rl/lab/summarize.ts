/**
 * Reduces the runs of each variant to what the lab shows and the CLI prints: the return band, the
 * success rate per episode, the first-success distribution (censored seeds kept), the final success
 * rate and the mean return over the last 10% of episodes.
 */
import { band, firstSuccess, meanOfLast, movingAverage, type Band, type FirstSuccess } from './stats';
import type { RunSeries } from './runJob';

export interface VariantSummary {
  name: string;
  seeds: number;
  episodes: number;
  returns: Band;
  /** The band over each seed's return curve smoothed by a trailing moving average of `smoothWindow`
   *  episodes (what the chart draws: binary returns make a raw min-max band all noise). */
  smoothReturns: Band;
  smoothWindow: number;
  /** Fraction of seeds whose episode i reached a goal. */
  successRate: Float64Array;
  /** First successful episode (1-based, as RunMetrics defines it) per seed, null where it never came. */
  firstEpisodes: (number | null)[];
  firstEpisode: FirstSuccess;
  /** Environment steps until the first success, per seed. */
  firstSteps: FirstSuccess;
  /** Success rate and mean return over the last 10% of episodes, averaged over seeds. */
  finalSuccessRate: number;
  meanReturnLast10: number;
  /** Episodes before any seed found a reward: the flat "no signal yet" stretch of the mean curve. */
  noSignalUntil: number;
  totalSteps: number;
  /** The greedy walk's length at the end of each seed's run (null where it reaches no goal), and the
   *  median, min and max over the seeds where it does (n of them). */
  greedySteps: GreedySteps;
}

export interface GreedySteps {
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  perSeed: (number | null)[];
}

export function greedyStepsOf(perSeed: (number | null)[]): GreedySteps {
  const v = perSeed.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const n = v.length;
  const median = n === 0 ? null : n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  return { n, median, min: n ? v[0] : null, max: n ? v[n - 1] : null, perSeed };
}

export function summarizeVariant(name: string, runs: RunSeries[], episodes: number): VariantSummary {
  const firstEpisodes = runs.map((r) => r.firstSuccess);
  const fe = firstSuccess(firstEpisodes);
  const success = runs.map((r) => r.success);
  const smoothWindow = Math.max(1, Math.round(episodes / 50));
  return {
    name,
    seeds: runs.length,
    episodes,
    returns: band(runs.map((r) => r.returns)),
    smoothReturns: band(runs.map((r) => movingAverage(r.returns, smoothWindow))),
    smoothWindow,
    successRate: band(success).mean,
    firstEpisodes,
    firstEpisode: fe,
    firstSteps: firstSuccess(runs.map((r) => r.stepsToFirstSuccess)),
    finalSuccessRate: meanOfLast(success, 0.1),
    meanReturnLast10: meanOfLast(
      runs.map((r) => r.returns),
      0.1,
    ),
    noSignalUntil: fe.min === null ? episodes : fe.min - 1,
    totalSteps: runs.reduce((t, r) => t + r.totalSteps, 0),
    greedySteps: greedyStepsOf(runs.map((r) => r.greedySteps ?? null)),
  };
}
