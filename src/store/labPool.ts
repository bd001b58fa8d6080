/**
 * Spreads lab tasks over a few Web Workers (as many as the machine has cores, at most 4): each worker
 * takes the next task when it finishes one. Cancelling terminates the workers at once. The worker
 * factory is injectable so component tests can run tasks in-process.
 */
import type { FromLabWorker, LabOutcome, LabTask, ToLabWorker } from '../worker/labProtocol';

export interface LabWorkerLike {
  postMessage(msg: ToLabWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromLabWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export type LabWorkerFactory = () => LabWorkerLike;

export const MAX_LAB_WORKERS = 4;

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

export function poolSize(tasks: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_LAB_WORKERS, cores, tasks));
}

export interface PoolRun {
  /** Resolves when every task is done; rejects with the first task error (the others are stopped). */
  done: Promise<void>;
  /** Stops every worker; `done` then resolves with the tasks finished so far. */
  cancel(): void;
}

export function runPool(tasks: LabTask[], onResult: (index: number, outcome: LabOutcome) => void): PoolRun {
  const workers: LabWorkerLike[] = [];
  let next = 0;
  let finished = 0;
  let stopped = false;
  let settle: (err?: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    settle = (err) => {
      if (stopped) return;
      stopped = true;
      for (const w of workers) w.terminate();
      if (err) reject(err);
      else resolve();
    };
  });
  const feed = (w: LabWorkerLike) => {
    if (next >= tasks.length) return;
    const id = next++;
    w.postMessage({ type: 'run', id, task: tasks[id] });
  };
  if (tasks.length === 0) settle();
  for (let i = 0; i < poolSize(tasks.length) && !stopped; i++) {
    let w: LabWorkerLike;
    try {
      w = factory();
    } catch (e) {
      settle(new Error(`could not start a worker (${e instanceof Error ? e.message : String(e)})`));
      break;
    }
    workers.push(w);
    w.onmessage = (e) => {
      if (stopped) return;
      const msg = e.data;
      if (msg.type === 'error') return settle(new Error(msg.message));
      onResult(msg.id, msg.outcome);
      finished++;
      if (finished === tasks.length) settle();
      else feed(w);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      settle(new Error(e.message || 'a lab worker stopped working'));
    };
    feed(w);
  }
  return { done, cancel: () => settle() };
}
