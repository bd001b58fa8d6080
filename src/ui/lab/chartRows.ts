/**
 * Chart data for the lab, built once per result: downsampled return curves with their bands, success
 * rates, first-success markers, the first-success histogram with its "never" bar, and sweep rows for a
 * log axis (censored medians drawn at the budget). Episodes are 1-based here, as on the axes.
 */
import type { ComparisonResult } from '../../rl/lab/compare';
import { downsample, histogram, movingAverage } from '../../rl/lab/stats';
import type { SweepResult } from '../../rl/lab/sweep';
import { niceStep } from '../charts/niceTicks';

export type Row = Record<string, number | [number, number] | string | null>;

export const MAX_POINTS = 240;

/** Rows {ep, m<i>, b<i>: [lo, hi]} per variant i; the band is min-max or mean +- one std. */
export function returnRows(r: ComparisonResult, kind: 'minmax' | 'std', maxPoints = MAX_POINTS): Row[] {
  const rows: Row[] = [];
  r.variants.forEach((v, i) => {
    const b = v.smoothReturns;
    const lo = kind === 'minmax' ? b.min : b.mean.map((m, k) => m - b.std[k]);
    const hi = kind === 'minmax' ? b.max : b.mean.map((m, k) => m + b.std[k]);
    const d = downsample(b.mean, lo, hi, maxPoints);
    d.x.forEach((x, k) => {
      const row = (rows[k] ??= { ep: x + 1 });
      row[`m${i}`] = d.mean[k];
      row[`b${i}`] = [d.min[k], d.max[k]];
    });
  });
  return rows;
}

/** Success rate over seeds, smoothed over a window of about 1/40 of the run. */
export function successRows(r: ComparisonResult, maxPoints = MAX_POINTS): Row[] {
  const rows: Row[] = [];
  const w = Math.max(1, Math.round(r.episodes / 40));
  r.variants.forEach((v, i) => {
    const s = movingAverage(v.successRate, w);
    const d = downsample(s, s, s, maxPoints);
    d.x.forEach((x, k) => {
      const row = (rows[k] ??= { ep: x + 1 });
      row[`s${i}`] = d.mean[k];
    });
  });
  return rows;
}

export interface Marker {
  variant: number;
  /** 1-based episode of a seed's first success. */
  ep: number;
  /** The variant's mean return there (where the marker sits on its curve). */
  y: number;
}

export function firstSuccessMarkers(r: ComparisonResult): Marker[] {
  const out: Marker[] = [];
  r.variants.forEach((v, i) => {
    for (const e of v.firstEpisodes)
      if (e !== null) out.push({ variant: i, ep: e, y: v.smoothReturns.mean[e - 1] });
  });
  return out;
}

/**
 * About `most` bins over 1..limit whose width is a round number (50 for 300 episodes: 1–50, 51–100, …)
 * where `histogram`'s equal split gives one; else exactly `most`.
 */
export function roundBins(limit: number, most = 8): number {
  const width = Math.max(1, Math.round(niceStep(limit, most)));
  const bins = Math.ceil(limit / width);
  return Math.ceil(limit / bins) === width ? bins : most;
}

/** Histogram rows {bin, v<i>} over the episode budget ("1–50", with an en dash), the last being "never". */
export function firstSuccessHistogram(r: ComparisonResult, bins = roundBins(r.episodes)): Row[] {
  const hs = r.variants.map((v) => histogram(v.firstEpisodes, r.episodes, bins));
  const edges = hs[0]?.edges ?? [];
  const width = edges.length > 1 ? edges[1] - edges[0] : r.episodes;
  const rows: Row[] = edges.map((e, k) => {
    const row: Row = { bin: `${e}–${Math.min(r.episodes, e + width - 1)}` };
    hs.forEach((h, i) => (row[`v${i}`] = h.counts[k]));
    return row;
  });
  const never: Row = { bin: 'never' };
  hs.forEach((h, i) => (never[`v${i}`] = h.never));
  rows.push(never);
  return rows;
}

/** Rows {distance, random, agent, randomNever, agentNever}: medians, or the budget where censored. */
export function sweepRows(r: SweepResult): Row[] {
  return r.distances.map((distance) => {
    const row: Row = { distance };
    for (const who of ['random', 'agent'] as const) {
      const p = r.points.find((x) => x.distance === distance && x.who === who);
      if (!p) continue;
      row[who] = p.stats.median;
      row[`${who}Never`] = p.stats.median === null ? r.budget : null;
      row[`${who}Range`] = p.stats.min !== null ? [p.stats.min, p.stats.max ?? r.budget] : null;
    }
    return row;
  });
}
