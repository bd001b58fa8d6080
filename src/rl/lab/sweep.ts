/**
 * The sparsity sweep: the goal moves farther from the start and, at each distance, a random walk and
 * the chosen agent run until their first success or a step budget. Steps-to-first-success against
 * distance on a log axis shows the exponential wall; runs that hit the budget are censored, not dropped.
 * Tabular agents run synchronously (`runSweepJob`); `runSweepJobAsync` also builds the TensorFlow.js
 * agents (loaded on demand, disposed after the run), still bounded by the step budget.
 */
import type { SweepSpec } from '../../config/experiment';
import { isNeuralType } from '../../config/neuralTypes';
import type { Config } from '../../config/schema';
import { createAnyAgent } from '../agentFactory';
import { compileGrid } from '../grid';
import { agentSeed, Trainer } from '../trainer';
import { placeGoal } from './placeGoal';
import { firstSuccess, type FirstSuccess } from './stats';

export type SweepAgent = 'random' | 'agent';

export interface SweepJob {
  id: number;
  distance: number;
  who: SweepAgent;
  k: number;
  config: Config;
  budget: number;
}

export interface SweepRun {
  /** Steps until the first success, null when the budget ran out first (censored). */
  steps: number | null;
  episodes: number;
  stepsRun: number;
}

export interface SweepPoint {
  distance: number;
  who: SweepAgent;
  stats: FirstSuccess;
}

export interface SweepResult {
  agent: string;
  budget: number;
  seeds: number;
  distances: number[];
  points: SweepPoint[];
  elapsedMs: number;
}

/** Every (distance, walker, seed) run, or the first distance that does not fit the world. */
export function sweepJobs(spec: SweepSpec): { ok: true; jobs: SweepJob[] } | { ok: false; error: string } {
  const jobs: SweepJob[] = [];
  const walkers: SweepAgent[] = spec.base.agent.type === 'random' ? ['random'] : ['random', 'agent'];
  for (const distance of spec.distances) {
    const placed = placeGoal(spec.base.env, distance);
    if (!placed.ok) return placed;
    for (const who of walkers)
      for (let k = 0; k < spec.seeds; k++) {
        const base = spec.base;
        const config: Config =
          who === 'random'
            ? {
                ...base,
                env: placed.env,
                agent: { type: 'random' },
                train: { ...base.train, seed: base.train.seed + k, shaping: 'none', countBonus: 0 },
              }
            : { ...base, env: placed.env, train: { ...base.train, seed: base.train.seed + k } };
        jobs.push({ id: jobs.length, distance, who, k, config, budget: spec.budget });
      }
  }
  return { ok: true, jobs };
}

/** Steps a trainer until its first success or the job's budget. */
function untilFirstSuccess(t: Trainer, budget: number): SweepRun {
  const m = t.metrics;
  while (t.totalSteps < budget) {
    if (t.step() && m.firstSuccess !== null)
      return { steps: m.stepsToFirstSuccess, episodes: m.firstSuccess, stepsRun: t.totalSteps };
  }
  return { steps: null, episodes: t.episode, stepsRun: t.totalSteps };
}

/** Steps a tabular run until its first success or the budget. */
export function runSweepJob(job: SweepJob): SweepRun {
  return untilFirstSuccess(new Trainer(job.config), job.budget);
}

/** Like runSweepJob, for any agent: a TensorFlow.js one is built first and disposed after the run. */
export async function runSweepJobAsync(job: SweepJob): Promise<SweepRun> {
  const c = job.config;
  if (!isNeuralType(c.agent.type)) return runSweepJob(job);
  const agent = await createAnyAgent(c.agent, compileGrid(c.env), agentSeed(c.train.seed));
  try {
    return untilFirstSuccess(new Trainer(c, agent), job.budget);
  } finally {
    agent.dispose();
  }
}

export function assembleSweep(
  spec: SweepSpec,
  done: { job: SweepJob; run: SweepRun }[],
  elapsedMs: number,
): SweepResult {
  const points: SweepPoint[] = [];
  const walkers: SweepAgent[] = spec.base.agent.type === 'random' ? ['random'] : ['random', 'agent'];
  for (const distance of spec.distances)
    for (const who of walkers) {
      const runs = done.filter((d) => d.job.distance === distance && d.job.who === who);
      points.push({ distance, who, stats: firstSuccess(runs.map((r) => r.run.steps)) });
    }
  return {
    agent: spec.base.agent.type,
    budget: spec.budget,
    seeds: spec.seeds,
    distances: spec.distances,
    points,
    elapsedMs,
  };
}

/** The whole sweep in-process, one run after another (the CLI; the app spreads the jobs over workers). */
export async function runSweep(
  spec: SweepSpec,
  onProgress?: (done: number, total: number) => void,
): Promise<{ ok: true; result: SweepResult } | { ok: false; error: string }> {
  const t0 = performance.now();
  const planned = sweepJobs(spec);
  if (!planned.ok) return planned;
  const done: { job: SweepJob; run: SweepRun }[] = [];
  for (const job of planned.jobs) {
    done.push({ job, run: await runSweepJobAsync(job) });
    onProgress?.(done.length, planned.jobs.length);
  }
  return { ok: true, result: assembleSweep(spec, done, performance.now() - t0) };
}
