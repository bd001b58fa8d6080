/**
 * A comparison: every variant of an experiment over the same seeds. `comparisonJobs` lists the runs
 * (one per variant and seed, plain data a worker can take), `assembleComparison` turns finished runs
 * into summaries, and `runComparison` does both in-process (the CLI; the app spreads the jobs over
 * Web Workers instead).
 */
import type { Experiment } from '../../config/experiment';
import type { Config } from '../../config/schema';
import { isNeuralType } from '../../config/neuralAgents';
import { runJob, runJobAsync, withSeed, type RunSeries } from './runJob';
import { summarizeVariant, type VariantSummary } from './summarize';
import { compileGrid } from '../grid';
import { goalDistances } from '../shaping';
import { bestDemoSteps } from '../teacher/demonstrations';

export interface LabJob {
  /** Position in the job list. */
  id: number;
  variant: number;
  /** Seed offset (0 .. seeds - 1). */
  k: number;
  config: Config;
}

export interface ComparisonResult {
  title: string;
  seeds: number;
  episodes: number;
  variants: VariantSummary[];
  elapsedMs: number;
  /** For an experiment whose base carries demonstrations (a teacher): the shortest path's length by the
   *  exact model and the best (shortest successful) demonstration's; null otherwise. */
  reference: PathReference | null;
}

export interface PathReference {
  /** Steps of the shortest path from the start to a goal (null: no goal is reachable). */
  optimalSteps: number | null;
  /** Steps of the shortest demonstration that reaches a goal (null: none does). */
  teacherSteps: number | null;
}

/** The reference lengths of a world with demonstrations (null when it has none). */
export function pathReference(config: Config): PathReference | null {
  if (!config.demonstrations?.length) return null;
  const grid = compileGrid(config.env);
  const d = goalDistances(grid)[grid.start];
  return {
    optimalSteps: Number.isFinite(d) ? d : null,
    teacherSteps: bestDemoSteps(grid, config.demonstrations),
  };
}

/** Seed-major order, so a cancelled or half-done comparison has every variant on its first seeds. */
export function comparisonJobs(exp: Experiment): LabJob[] {
  const jobs: LabJob[] = [];
  for (let k = 0; k < exp.seeds; k++)
    exp.variants.forEach((v, variant) =>
      jobs.push({ id: jobs.length, variant, k, config: withSeed(v.config, k) }),
    );
  return jobs;
}

/** Summaries from the finished runs (in any order); variants keep their experiment order. */
export function assembleComparison(
  exp: Experiment,
  done: { job: LabJob; run: RunSeries }[],
  elapsedMs: number,
): ComparisonResult {
  const per = exp.variants.map(() => [] as { k: number; run: RunSeries }[]);
  for (const d of done) per[d.job.variant].push({ k: d.job.k, run: d.run });
  return {
    title: exp.title,
    seeds: exp.seeds,
    episodes: exp.episodes,
    variants: exp.variants.map((v, i) =>
      summarizeVariant(
        v.name,
        per[i].sort((a, b) => a.k - b.k).map((x) => x.run),
        exp.episodes,
      ),
    ),
    elapsedMs,
    reference: pathReference(exp.base),
  };
}

export function needsTf(exp: Experiment): boolean {
  return exp.variants.some((v) => isNeuralType(v.config.agent.type));
}

/** Runs the whole comparison here, one job after another. */
export async function runComparison(
  exp: Experiment,
  onProgress?: (done: number, total: number) => void,
): Promise<ComparisonResult> {
  const t0 = performance.now();
  const jobs = comparisonJobs(exp);
  const done: { job: LabJob; run: RunSeries }[] = [];
  for (const job of jobs) {
    const neural = isNeuralType(job.config.agent.type);
    const run = neural ? await runJobAsync(job.config) : runJob(job.config);
    done.push({ job, run });
    onProgress?.(done.length, jobs.length);
  }
  return assembleComparison(exp, done, performance.now() - t0);
}
