import { parseConfig, type Config } from '../../src/config/schema';
import { RunMetrics, type EpisodeResult, type MetricsSummary } from '../../src/rl/metrics';

/** A validated config from a partial one (defaults fill the rest); throws with the messages if invalid. */
export function makeConfig(input: {
  grid: string[];
  env?: Record<string, unknown>;
  agent?: Record<string, unknown>;
  train?: Record<string, unknown>;
}): Config {
  const r = parseConfig({
    version: 2,
    env: { grid: input.grid, ...input.env },
    agent: input.agent ?? { type: 'q-learning' },
    train: input.train ?? {},
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

/** Every episode of a trainer's run so far, from its metrics summary (exact while it is one bucket per
 *  episode; throws once the run is long enough to be downsampled). */
export function episodesOf(t: { metrics: RunMetrics }): EpisodeResult[] {
  const s = t.metrics.summary(0);
  if (s.width !== 1) throw new Error(`the summary is downsampled (${s.width} episodes a bucket)`);
  return Array.from({ length: s.buckets }, (_, i) => ({
    return: s.retSum[i],
    steps: s.stepSum[i],
    success: s.succ[i] === 1,
  }));
}

/** A run's metrics summary from `n` episodes described by `episode(i)` (0-based i). */
export function summaryOf(
  n: number,
  episode: (i: number) => { ret: number; steps: number; success: boolean; eps?: number },
  capacity?: number,
): MetricsSummary {
  const m = new RunMetrics(capacity);
  for (let i = 0; i < n; i++) {
    const e = episode(i);
    m.push(e.ret, e.steps, e.success, e.eps ?? 0);
  }
  return m.summary(1);
}
