/**
 * The thinking budget: one knob that spends compute (Dyna-Q's planning steps, the search agent's
 * simulations per move, a neural agent's hidden width) turned over values for each variant, over seeds.
 * Each run trains for a fixed number of real episodes and reports:
 *
 * - the first success: RunMetrics.firstSuccess (1-based real episode), null when censored;
 * - "solved": the 1-based real episode after which the greedy path (Trainer.greedyEpisode, no
 *   exploration, no learning) first reached a goal, checked after every `solvedEvery`-th episode
 *   (1: after each one; the episode reported is the one the check followed); null when no check passed;
 * - the success rate: the fraction of the run's real episodes that reached a goal;
 * - the compute spent, in the unit of the agent (`computeUnit`): for tabular agents real environment
 *   steps plus imagined ones (Dyna-Q: planningSteps updates after every real step; MCTS: the steps
 *   simulated in its tree and rollouts); for neural agents the multiply-adds of their network updates
 *   (updateCost.ts: DQN each update on a full minibatch; REINFORCE and actor-critic learn every real step
 *   once), action choices and greedy checks not counted;
 * - the steps of each real episode, kept as at most CURVE_POINTS bucket means (exact up to that many
 *   episodes), for the steps-per-episode curve (Sutton & Barto Figure 8.2).
 *
 * `budgetJobs` lists the runs (plain data a worker can take), `runBudgetJob(Async)` runs one,
 * `assembleBudget` turns finished runs (in any order) into points, `runBudget` does all in-process.
 */
import type { BudgetKnob, BudgetSpec } from '../../config/experiment';
import { isNeuralType } from '../../config/neuralAgents';
import type { Config } from '../../config/schema';
import type { Agent } from '../agent';
import { createAnyAgent } from '../agentFactory';
import { MctsAgent } from '../agents/mcts';
import { compileGrid } from '../grid';
import type { NeuralAgent } from '../neural/common';
import { updateCost } from '../neural/updateCost';
import { agentSeed, Trainer } from '../trainer';
import { runInOrder, seedMajor, withSeed, type LabResultHead } from './runJob';
import { firstSuccess, type FirstSuccess } from './stats';

/** Most points of a run's steps-per-episode curve. */
export const CURVE_POINTS = 200;

export type ComputeUnit = 'steps' | 'multiply-adds';

export interface BudgetJob {
  /** Position in the job list. */
  id: number;
  variant: number;
  /** Index of the knob value in the variant's values. */
  valueIndex: number;
  /** Seed offset (0 .. seeds - 1): every variant and value runs on the same seeds. */
  k: number;
  config: Config;
  episodes: number;
  solvedEvery: number;
}

export interface BudgetRun {
  /** RunMetrics.firstSuccess: 1-based real episode, null if none (censored). */
  firstSuccess: number | null;
  /** 1-based real episode after which the greedy path first reached a goal, null if never. */
  solved: number | null;
  episodes: number;
  successes: number;
  realSteps: number;
  /** Compute of the whole run, and up to the passing greedy check (null if none), in `unit`. */
  compute: number;
  computeToSolved: number | null;
  unit: ComputeUnit;
  /** Mean steps of each bucket of `curveWidth` consecutive episodes (the last may be shorter). */
  curve: Float64Array;
  curveWidth: number;
}

export interface BudgetPoint {
  variant: string;
  knob: BudgetKnob;
  value: number;
  unit: ComputeUnit;
  seeds: number;
  firstSuccessEpisode: FirstSuccess;
  solvedEpisode: FirstSuccess;
  /** Fraction of all real episodes, over all seeds, that reached a goal. */
  successRate: number;
  /** Mean compute of one run (all its episodes). */
  computeSteps: number;
  /** Compute spent until solved, per seed (censored where never solved). */
  solvedCompute: FirstSuccess;
  /** Median over seeds of the (bucketed) steps per episode; curveEpisode[i] is bucket i's first episode
   *  (1-based). */
  curveEpisode: number[];
  medianSteps: number[];
}

export interface BudgetResult extends LabResultHead {
  /** The knob every variant turns, or 'mixed' when variants turn different ones. */
  knob: BudgetKnob | 'mixed';
  solvedEvery: number;
  points: BudgetPoint[];
}

/** One job per variant, value and seed, seed-major (every (variant, value) on the first seeds). */
export function budgetJobs(spec: BudgetSpec): BudgetJob[] {
  const { episodes, solvedEvery } = spec;
  return seedMajor<BudgetJob>(spec.seeds, (k) =>
    spec.variants.flatMap((v, variant) =>
      v.configs.map((c, valueIndex) => ({
        variant,
        valueIndex,
        k,
        config: withSeed(c, k),
        episodes,
        solvedEvery,
      })),
    ),
  );
}

export function computeUnit(agentType: string): ComputeUnit {
  return isNeuralType(agentType) ? 'multiply-adds' : 'steps';
}

/** The compute a trainer's run has spent so far (see the module comment). */
function spent(t: Trainer): number {
  const cfg = t.config.agent;
  const real = t.totalSteps;
  if (cfg.type === 'dyna-q') return real * (1 + cfg.planningSteps);
  if (t.agent instanceof MctsAgent) return real + t.agent.simulatedSteps;
  if (cfg.type === 'dqn' || cfg.type === 'actor-critic' || cfg.type === 'reinforce') {
    const cost = updateCost(cfg, t.grid);
    return cfg.type === 'dqn' ? (t.agent as NeuralAgent).updates * cost.macs : real * cost.perSample;
  }
  return real;
}

function train(t: Trainer, job: BudgetJob, onTick?: (episodesDone: number) => void): BudgetRun {
  const width = Math.max(1, Math.ceil(job.episodes / CURVE_POINTS));
  const curve = new Float64Array(Math.ceil(job.episodes / width));
  let solved: number | null = null;
  let computeToSolved: number | null = null;
  for (let n = 1; n <= job.episodes; n++) {
    const e = t.runEpisode();
    curve[Math.floor((n - 1) / width)] += e.steps;
    if (solved === null && n % job.solvedEvery === 0 && t.greedyEpisode().success) {
      solved = n;
      computeToSolved = spent(t);
    }
    onTick?.(n);
  }
  for (let b = 0; b < curve.length; b++) curve[b] /= Math.min(width, job.episodes - b * width);
  const m = t.metrics;
  return {
    firstSuccess: m.firstSuccess,
    solved,
    episodes: m.count,
    successes: m.successes,
    realSteps: t.totalSteps,
    compute: spent(t),
    computeToSolved,
    unit: computeUnit(t.config.agent.type),
    curve,
    curveWidth: width,
  };
}

/** Runs a job of a tabular or search agent (neural ones need runBudgetJobAsync). */
export function runBudgetJob(job: BudgetJob, onTick?: (episodesDone: number) => void): BudgetRun {
  return train(new Trainer(job.config), job, onTick);
}

/** Runs any job; TensorFlow.js agents are loaded on demand and disposed afterwards. */
export async function runBudgetJobAsync(
  job: BudgetJob,
  onTick?: (episodesDone: number) => void,
): Promise<BudgetRun> {
  if (!isNeuralType(job.config.agent.type)) return runBudgetJob(job, onTick);
  const c = job.config;
  const agent: Agent = await createAnyAgent(c.agent, compileGrid(c.env), agentSeed(c.train.seed));
  try {
    return train(new Trainer(c, agent), job, onTick);
  } finally {
    agent.dispose();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Points in variant order, each variant's values in its order; seeds in seed order. */
export function assembleBudget(
  spec: BudgetSpec,
  done: { job: BudgetJob; run: BudgetRun }[],
  elapsedMs: number,
): BudgetResult {
  const per = spec.variants.map((v) => v.values.map(() => [] as { k: number; run: BudgetRun }[]));
  for (const d of done) per[d.job.variant][d.job.valueIndex].push({ k: d.job.k, run: d.run });
  const points: BudgetPoint[] = [];
  spec.variants.forEach((v, i) =>
    v.values.forEach((value, j) => {
      const runs = per[i][j].sort((a, b) => a.k - b.k).map((x) => x.run);
      const episodes = runs.reduce((s, r) => s + r.episodes, 0);
      const width = runs[0]?.curveWidth ?? 1;
      const buckets = runs.length ? Math.min(...runs.map((r) => r.curve.length)) : 0;
      const medianSteps = Array.from({ length: buckets }, (_, b) => median(runs.map((r) => r.curve[b])));
      points.push({
        variant: v.name,
        knob: v.knob,
        value,
        unit: computeUnit(v.configs[j].agent.type),
        seeds: runs.length,
        firstSuccessEpisode: firstSuccess(runs.map((r) => r.firstSuccess)),
        solvedEpisode: firstSuccess(runs.map((r) => r.solved)),
        successRate: episodes ? runs.reduce((s, r) => s + r.successes, 0) / episodes : 0,
        computeSteps: runs.length ? runs.reduce((s, r) => s + r.compute, 0) / runs.length : 0,
        solvedCompute: firstSuccess(runs.map((r) => r.computeToSolved)),
        curveEpisode: Array.from({ length: buckets }, (_, b) => b * width + 1),
        medianSteps,
      });
    }),
  );
  const knobs = new Set(spec.variants.map((v) => v.knob));
  return {
    title: spec.title,
    knob: knobs.size === 1 ? spec.variants[0].knob : 'mixed',
    seeds: spec.seeds,
    episodes: spec.episodes,
    solvedEvery: spec.solvedEvery,
    points,
    elapsedMs,
  };
}

/** Runs the whole budget here, one job after another, keeping only each run's reduction. */
export async function runBudget(
  spec: BudgetSpec,
  onProgress?: (done: number, total: number) => void,
): Promise<BudgetResult> {
  const t0 = performance.now();
  const done = await runInOrder(budgetJobs(spec), (job) => runBudgetJobAsync(job), onProgress);
  return assembleBudget(spec, done, performance.now() - t0);
}
