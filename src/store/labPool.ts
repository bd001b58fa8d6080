/**
 * Spreads lab tasks over a few Web Workers (src/rl/lab/pool.ts: one per core, at most
 * MAX_POOL_WORKERS), each taking the next task when it finishes one. Cancelling terminates the workers
 * at once. The worker factory is injectable so component tests can run tasks in-process.
 */
import { poolSize as basePoolSize, runPool as runTasks, type PoolRun, type PoolWorker } from '../rl/lab/pool';
import type { FromLabWorker, LabOutcome, LabTask, ToLabWorker } from '../worker/labProtocol';

export type { PoolRun } from '../rl/lab/pool';

export interface LabWorkerLike {
  postMessage(msg: ToLabWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromLabWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export type LabWorkerFactory = () => LabWorkerLike;

export function createLabWorker(): LabWorkerLike {
  return new Worker(new URL('../worker/labWorker.ts', import.meta.url), {
    type: 'module',
    name: 'lab',
  }) as unknown as LabWorkerLike;
}

let factory: LabWorkerFactory = createLabWorker;

/** Replaces the worker factory (tests). */
export function setLabWorkerFactory(f: LabWorkerFactory | null): void {
  factory = f ?? createLabWorker;
}

/** How many workers run `tasks` tasks here (one per core, at most MAX_POOL_WORKERS). */
export function poolSize(tasks: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return basePoolSize(tasks, cores);
}

/** A lab worker as a pool worker: one task message out, its `done` or `error` back. */
function startWorker(fail: (e: Error) => void): PoolWorker<LabTask, LabOutcome> {
  let w: LabWorkerLike;
  try {
    w = factory();
  } catch (e) {
    throw new Error(`could not start a worker (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  let pending: { resolve(o: LabOutcome): void; reject(e: Error): void } | null = null;
  w.onmessage = (e) => {
    const p = pending;
    pending = null;
    const msg = e.data;
    if (msg.type === 'error') p?.reject(new Error(msg.message));
    else p?.resolve(msg.outcome);
  };
  w.onerror = (e) => {
    e.preventDefault?.();
    fail(new Error(e.message || 'a lab worker stopped working'));
  };
  return {
    run: (task, id) =>
      new Promise<LabOutcome>((resolve, reject) => {
        pending = { resolve, reject };
        w.postMessage({ type: 'run', id, task });
      }),
    stop: () => w.terminate(),
  };
}

export function runPool(tasks: LabTask[], onResult: (index: number, outcome: LabOutcome) => void): PoolRun {
  return runTasks(tasks, { size: poolSize(tasks.length), start: startWorker, onResult });
}
