/**
 * One headless training run of a config, the unit the CLI and the `./core` package share: `simulate`
 * returns exactly what one entry of `npm run sim -- --json`'s `runs` holds (the CLI writes those entries
 * from `simulateStream`, episode by episode, so its memory stays flat). Neural agents load TensorFlow.js
 * on demand (agentFactory.ts); nothing else here touches it.
 */
import type { TrainedState } from '../config/packedArray';
import { LIMITS } from '../config/limits';
import { parseConfig, type Config } from '../config/schema';
import type { EpisodeResult, RunMetrics } from './metrics';
import { createTrainer, type Trainer } from './trainer';

export interface SimulateOptions {
  /** The run's seed (default: the config's `train.seed`). */
  seed?: number;
  /** Episodes to train (default: the config's `train.episodes`; planning agents run none). */
  episodes?: number;
}

/** One run as `npm run sim -- --json` prints it in `runs`. */
export interface SimRun {
  seed: number;
  /** Every training episode, in order (empty for a planning agent, which solves the model instead). */
  episodes: EpisodeResult[];
  /** One episode of the greedy policy after training (its own random stream, no learning). */
  greedy: EpisodeResult;
  /** V(s) per cell, row by row: null on walls, 0 on goals and pits. */
  values: (number | null)[][];
}

/** How a streamed run ended. */
export interface RunEnd {
  seed: number;
  /** Episodes this run trained (0 for a planning agent). */
  episodes: number;
  totalSteps: number;
  greedy: EpisodeResult;
  values: (number | null)[][];
  /** The run's metrics (a resumed run's include the episodes trained before it). */
  metrics: RunMetrics;
}

export interface StreamOptions extends SimulateOptions {
  /** A saved run to continue (Trainer.importState: an AgentStateError when it does not fit). */
  resume?: TrainedState;
  /** Called once the run's agent is built (a config that cannot be built has thrown by then). */
  onStart?(): void | Promise<void>;
  /** Called with each episode as it ends (`index` 0-based); a returned promise is waited for. */
  onEpisode?(e: EpisodeResult, index: number): void | Promise<void>;
  /** Called once the run has trained, before its agent is disposed (to save it). */
  onTrained?(t: Trainer): void | Promise<void>;
}

const whole = (name: string, v: number, lo: number, hi: number) => {
  if (!Number.isSafeInteger(v) || v < lo || v > hi)
    throw new RangeError(`${name} must be a whole number from ${lo} to ${hi}, got ${String(v)}`);
  return v;
};

/** The config with the run's seed and episodes, checked (a config that is not valid: a TypeError with
 *  the schema's messages). */
function runConfig(config: Config, opts: SimulateOptions): Config {
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new TypeError(`invalid config: ${parsed.errors.join('; ')}`);
  const train = { ...parsed.config.train };
  if (opts.seed !== undefined) train.seed = whole('seed', opts.seed, 0, LIMITS.maxSeed);
  if (opts.episodes !== undefined) train.episodes = whole('episodes', opts.episodes, 1, LIMITS.maxEpisodes);
  return { ...parsed.config, train };
}

/** Trains one run, handing each episode to `onEpisode` as it ends; keeps nothing per episode. */
export async function simulateStream(config: Config, opts: StreamOptions = {}): Promise<RunEnd> {
  const c = runConfig(config, opts);
  const t = await createTrainer(c, opts.resume);
  try {
    await opts.onStart?.();
    let episodes = 0;
    if (t.agent.planner !== null) t.train();
    else
      for (; episodes < c.train.episodes; episodes++) {
        const e = t.runEpisode();
        const wait = opts.onEpisode?.(e, episodes);
        if (wait) await wait;
      }
    const end: RunEnd = {
      seed: c.train.seed,
      episodes,
      totalSteps: t.totalSteps,
      greedy: t.greedyEpisode(),
      values: t.valueTable(),
      metrics: t.metrics,
    };
    await opts.onTrained?.(t);
    return end;
  } finally {
    t.agent.dispose();
  }
}

/** Trains one run of `config` (seed and episodes from `opts`, else the config's) and returns it as one
 *  entry of `npm run sim -- --json`'s `runs`. */
export async function simulate(config: Config, opts: SimulateOptions = {}): Promise<SimRun> {
  const episodes: EpisodeResult[] = [];
  const end = await simulateStream(config, { ...opts, onEpisode: (e) => void episodes.push(e) });
  return { seed: end.seed, episodes, greedy: end.greedy, values: end.values };
}
