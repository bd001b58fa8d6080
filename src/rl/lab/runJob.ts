/**
 * One run of a comparison: a config with its seed, trained for its episodes, reduced to the per-episode
 * series the statistics need (typed arrays, cheap to post from a worker). Tabular agents run
 * synchronously; `runJobAsync` also builds the TensorFlow.js agents.
 */
import type { Config } from '../../config/schema';
import type { Agent } from '../agent';
import { createAnyAgent } from '../agentFactory';
import { compileGrid } from '../grid';
import { agentSeed, Trainer } from '../trainer';

export interface RunSeries {
  seed: number;
  /** Environment return of each episode. */
  returns: Float64Array;
  /** 1 where the episode reached a goal. */
  success: Uint8Array;
  steps: Int32Array;
  /** The run's first success (1-based episode), null if none within the budget (a censored run). */
  firstSuccess: number | null;
  /** Environment steps taken up to and including the first successful episode, null if none. */
  stepsToFirstSuccess: number | null;
  totalSteps: number;
  /** The greedy walk's length at the end of the run (Trainer.greedyWalk), null where it reaches no goal. */
  greedySteps?: number | null;
}

/** Called every `every` episodes with the episodes done; return true to stop early. */
export type RunTick = (episodesDone: number) => boolean | void;

/** Trains and keeps every episode (a lab run's episodes are bounded by MAX_LAB_EPISODES). */
function train(t: Trainer, episodes: number, onTick?: RunTick, every = 50): RunSeries {
  const returns = new Float64Array(episodes);
  const success = new Uint8Array(episodes);
  const steps = new Int32Array(episodes);
  let n = 0;
  while (n < episodes) {
    const e = t.runEpisode();
    returns[n] = e.return;
    success[n] = e.success ? 1 : 0;
    steps[n] = e.steps;
    n++;
    if (onTick && n % every === 0 && onTick(n)) break;
  }
  const m = t.metrics;
  const walk = t.greedyWalk();
  return {
    greedySteps: walk.success ? walk.steps : null,
    seed: t.config.train.seed,
    returns: returns.slice(0, n),
    success: success.slice(0, n),
    steps: steps.slice(0, n),
    firstSuccess: m.firstSuccess,
    stepsToFirstSuccess: m.stepsToFirstSuccess,
    totalSteps: t.totalSteps,
  };
}

/** Runs a tabular config for `config.train.episodes` episodes. */
export function runJob(config: Config, onTick?: RunTick): RunSeries {
  const t = new Trainer(config);
  return train(t, config.train.episodes, onTick);
}

/** Like runJob, for any agent (TensorFlow.js ones are loaded on demand and disposed afterwards). */
export async function runJobAsync(config: Config, onTick?: RunTick): Promise<RunSeries> {
  const agent: Agent = await createAnyAgent(
    config.agent,
    compileGrid(config.env),
    agentSeed(config.train.seed),
  );
  try {
    return train(new Trainer(config, agent), config.train.episodes, onTick, 5);
  } finally {
    agent.dispose();
  }
}

/** The config of seed k of a run: the base seed plus k (variants share seeds: common random numbers). */
export function withSeed(config: Config, k: number): Config {
  return { ...config, train: { ...config.train, seed: config.train.seed + k } };
}
