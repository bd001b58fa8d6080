import type { Config } from '../config/schema';
import type { EpisodeResult } from '../rl/metrics';
import { createTrainer } from '../rl/trainer';

export interface RunResult {
  seed: number;
  episodes: EpisodeResult[];
  greedy: EpisodeResult;
  values: (number | null)[][];
}

/** Trains one run per seed (S, S+1, ...) and reports what the CLI prints. */
export async function runSeeds(config: Config, seeds: number): Promise<RunResult[]> {
  const out: RunResult[] = [];
  for (let k = 0; k < seeds; k++) {
    const seed = config.train.seed + k;
    const t = await createTrainer({ ...config, train: { ...config.train, seed } });
    t.train();
    const episodes: EpisodeResult[] = [];
    for (let i = 0; i < t.metrics.count; i++) episodes.push(t.metrics.get(i));
    out.push({ seed, episodes, greedy: t.greedyEpisode(), values: t.valueTable() });
    t.agent.dispose();
  }
  return out;
}
