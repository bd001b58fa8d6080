/**
 * The CLI's worker pool for neural lab runs (the Node counterpart of the app's src/store/labPool.ts, on
 * the same pool: src/rl/lab/pool.ts): one worker thread per core (at most MAX_POOL_WORKERS), each taking
 * the next run when it finishes one (labThread.ts). A run is a pure function of its config, so the results are the same as
 * in-process, in the same order. Under tsx (this file run as .ts) each thread registers tsx's loader
 * before importing labThread.ts. If a thread cannot start or dies, the whole set runs in-process instead.
 * Tabular runs stay in-process: they take milliseconds, less than starting a thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Experiment, SweepSpec } from '../config/experiment';
import { isNeuralType } from '../config/neuralTypes';
import {
  assembleComparison,
  comparisonJobs,
  needsTf,
  runComparison,
  type ComparisonResult,
} from '../rl/lab/compare';
import { poolSize, runPool, type PoolWorker } from '../rl/lab/pool';
import type { RunSeries } from '../rl/lab/runJob';
import { assembleSweep, runSweep, sweepJobs, type SweepResult, type SweepRun } from '../rl/lab/sweep';
import type { FromThread, ThreadOutcome, ThreadTask, ToThread } from './labThread';

type Progress = (done: number, total: number) => void;

export function threadCount(tasks: number): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return poolSize(tasks, cores);
}

/** A thread that failed as a thread (could not load, crashed), as opposed to a run that failed. */
class ThreadFailure extends Error {}

/** tsx's ESM API ('tsx/esm/api', its `import` entry: the `require` one cannot be imported). */
function tsxApiUrl(here: string): string {
  try {
    if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  } catch {
    // not resolvable this way here (a test runner): read tsx's exports map below
  }
  const pkg = createRequire(here).resolve('tsx/package.json');
  const entry = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, unknown> }).exports[
    './esm/api'
  ] as { import: { default: string } };
  return pathToFileURL(join(dirname(pkg), entry.import.default)).href;
}

function startThread(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./labThread.js', here));
  const target = new URL('./labThread.ts', here).href;
  const tsx = tsxApiUrl(here);
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
  return new Worker(boot, { eval: true });
}

/** A lab thread as a pool worker: one task message out, its outcome or error back. */
function threadWorker(fail: (e: Error) => void): PoolWorker<ThreadTask, ThreadOutcome> {
  let w: Worker;
  try {
    w = startThread();
  } catch (e) {
    throw new ThreadFailure(e instanceof Error ? e.message : String(e), { cause: e });
  }
  let pending: { resolve(o: ThreadOutcome): void; reject(e: Error): void } | null = null;
  w.on('message', (msg: FromThread) => {
    const p = pending;
    pending = null;
    if ('error' in msg) p?.reject(new Error(msg.error));
    else p?.resolve(msg.outcome);
  });
  w.on('error', (e) => fail(new ThreadFailure(e.message)));
  w.on('exit', (code) => fail(new ThreadFailure(`a lab thread exited (code ${code})`)));
  return {
    run: (task, id) =>
      new Promise<ThreadOutcome>((resolve, reject) => {
        pending = { resolve, reject };
        w.postMessage({ id, task } satisfies ToThread);
      }),
    stop: () => w.terminate(),
  };
}

/** Runs the tasks on a pool of threads; onResult as each one finishes. Rejects with the first run's
 *  error (or a ThreadFailure); every thread is stopped before it settles. */
export function runOnThreads(
  tasks: readonly ThreadTask[],
  onResult: (index: number, outcome: ThreadOutcome) => void,
  threads = threadCount(tasks.length),
): Promise<void> {
  return runPool(tasks, { size: threads, start: threadWorker, onResult }).done;
}

/** Runs `tasks` on threads; null when a thread failed as a thread (the caller then runs in-process). */
async function onThreads<R>(tasks: ThreadTask[], onProgress?: Progress): Promise<R[] | null> {
  const out: R[] = new Array(tasks.length);
  let done = 0;
  try {
    await runOnThreads(tasks, (i, o) => {
      out[i] = o.run as R;
      onProgress?.(++done, tasks.length);
    });
  } catch (e) {
    if (e instanceof ThreadFailure) return null;
    throw e;
  }
  return out;
}

/** A comparison, on threads when it has neural variants and the machine more than one core. */
export async function runComparisonThreaded(
  exp: Experiment,
  onProgress?: Progress,
): Promise<ComparisonResult> {
  const jobs = comparisonJobs(exp);
  if (!needsTf(exp) || threadCount(jobs.length) < 2) return runComparison(exp, onProgress);
  const t0 = performance.now();
  const runs = await onThreads<RunSeries>(
    jobs.map((j) => ({ kind: 'compare', config: j.config })),
    onProgress,
  );
  if (!runs) return runComparison(exp, onProgress);
  return assembleComparison(
    exp,
    jobs.map((job, i) => ({ job, run: runs[i] })),
    performance.now() - t0,
  );
}

/** A sparsity sweep, on threads when its agent is neural and the machine has more than one core. */
export async function runSweepThreaded(
  spec: SweepSpec,
  onProgress?: Progress,
): Promise<{ ok: true; result: SweepResult } | { ok: false; error: string }> {
  const planned = sweepJobs(spec);
  if (!planned.ok) return planned;
  const { jobs } = planned;
  if (!isNeuralType(spec.base.agent.type) || threadCount(jobs.length) < 2) return runSweep(spec, onProgress);
  const t0 = performance.now();
  const runs = await onThreads<SweepRun>(
    jobs.map((job) => ({ kind: 'sweep', job })),
    onProgress,
  );
  if (!runs) return runSweep(spec, onProgress);
  const done = jobs.map((job, i) => ({ job, run: runs[i] }));
  return { ok: true, result: assembleSweep(spec, done, performance.now() - t0) };
}
