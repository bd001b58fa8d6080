/**
 * The CLI's training loop: one run per seed (S, S+1, ...), each episode handed to a visitor as it ends.
 * Nothing is kept per episode, so memory does not grow with episodes x seeds; a visitor that writes
 * returns a promise only when its output is full, and the loop waits for it (backpressure).
 */
import type { TrainedState } from '../config/packedArray';
import type { Config } from '../config/schema';
import type { EpisodeResult } from '../rl/metrics';
import { createTrainer, type Trainer } from '../rl/trainer';

export interface RunEnd {
  seed: number;
  /** Episodes the run trained (0 for a planning agent, which solves the model instead). */
  episodes: number;
  totalSteps: number;
  greedy: EpisodeResult;
  values: (number | null)[][];
}

export interface RunVisitor {
  startRun?(seed: number, run: number): void | Promise<void>;
  /** `index` is 0-based within the run. */
  episode?(e: EpisodeResult, index: number, run: number): void | Promise<void>;
  endRun?(end: RunEnd, run: number): void | Promise<void>;
}

/** `resume`: the first run continues this saved run; `trained`: called with each run's trainer once it
 *  has trained (to save it), before the trainer is disposed. */
export interface RunOptions {
  resume?: TrainedState;
  trained?(t: Trainer, run: number): void | Promise<void>;
}

export async function runSeeds(
  config: Config,
  seeds: number,
  visit: RunVisitor,
  opts: RunOptions = {},
): Promise<void> {
  for (let k = 0; k < seeds; k++) {
    const seed = config.train.seed + k;
    const t = await createTrainer(
      { ...config, train: { ...config.train, seed } },
      k === 0 ? opts.resume : undefined,
    );
    try {
      await visit.startRun?.(seed, k);
      let episodes = 0;
      if (t.agent.planner !== null) t.train();
      else
        for (; episodes < config.train.episodes; episodes++) {
          const wait = visit.episode?.(t.runEpisode(), episodes, k);
          if (wait) await wait;
        }
      const end = {
        seed,
        episodes,
        totalSteps: t.totalSteps,
        greedy: t.greedyEpisode(),
        values: t.valueTable(),
      };
      await visit.endRun?.(end, k);
      await opts.trained?.(t, k);
    } finally {
      t.agent.dispose();
    }
  }
}
