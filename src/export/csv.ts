/**
 * Run data as CSV, from the run's metrics summary (src/rl/metrics.ts): one row per episode while the
 * summary is exact; once the run outgrew it, one row per bucket of episodes (mean, min and max), with a
 * first line saying so, so the file still covers the whole run.
 */
import type { MetricsSummary } from '../rl/metrics';

export const CSV_HEADER = 'episode,return,steps,success,epsilon';
export const CSV_BUCKET_HEADER =
  'episode_from,episode_to,episodes,mean_return,min_return,max_return,mean_steps,min_steps,max_steps,success_rate,mean_epsilon';

/** Episodes in a summary (the sum of its buckets). */
function episodesIn(s: MetricsSummary): number {
  let n = 0;
  for (let b = 0; b < s.buckets; b++) n += s.n[b];
  return n;
}

export function metricsToCsv(s: MetricsSummary): string {
  const k = Math.max(0, Math.min(s.buckets, s.n.length));
  const lines: string[] = [];
  if (s.width <= 1) {
    lines.push(CSV_HEADER);
    for (let b = 0; b < k; b++)
      lines.push(`${b + 1},${s.retSum[b]},${s.stepSum[b]},${s.succ[b] ? 1 : 0},${s.epsSum[b]}`);
  } else {
    const total = episodesIn(s);
    lines.push(
      `# downsampled: ${total} episodes in ${k} rows of ${s.width} episodes each (the last may hold fewer)`,
      CSV_BUCKET_HEADER,
    );
    let from = 1;
    for (let b = 0; b < k; b++) {
      const n = s.n[b];
      const to = from + n - 1;
      lines.push(
        [
          from,
          to,
          n,
          s.retSum[b] / n,
          s.retMin[b],
          s.retMax[b],
          s.stepSum[b] / n,
          s.stepMin[b],
          s.stepMax[b],
          s.succ[b] / n,
          s.epsSum[b] / n,
        ].join(','),
      );
      from = to + 1;
    }
  }
  return lines.join('\n') + '\n';
}
