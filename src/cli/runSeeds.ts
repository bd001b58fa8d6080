/**
 * The CLI's training loop: one run per seed (S, S+1, ...), each one `simulateStream` (src/rl/simulate.ts,
 * the same run the `./core` package's `simulate` returns), each episode handed to a visitor as it ends.
 * Nothing is kept per episode, so memory does not grow with episodes x seeds; a visitor that writes
 * returns a promise only when its output is full, and the loop waits for it (backpressure).
 */
import type { TrainedState } from '../config/packedArray';
import type { Config } from '../config/schema';
import type { EpisodeResult } from '../rl/metrics';
import { simulateStream, type RunEnd } from '../rl/simulate';
import type { Trainer } from '../rl/trainer';

export type { RunEnd };

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
    const end = await simulateStream(config, {
      seed,
      resume: k === 0 ? opts.resume : undefined,
      onStart: visit.startRun && (() => visit.startRun!(seed, k)),
      onEpisode: visit.episode && ((e, i) => visit.episode!(e, i, k)),
      onTrained: opts.trained && ((t) => opts.trained!(t, k)),
    });
    await visit.endRun?.(end, k);
  }
}
