/**
 * A small pool that spreads lab tasks over a few workers: each worker takes the next task when it
 * finishes one, results are reported as they come (by task index), the first error stops every worker.
 * Plain TypeScript: the page's Lab (src/store/labPool.ts, Web Workers) and the CLI (src/cli/labThreads.ts,
 * worker threads) each say how a worker is started and how it runs one task.
 */

/** The most workers a lab run uses (and never more than the machine's cores or the tasks). */
export const MAX_POOL_WORKERS = 4;

/** How many workers run `tasks` tasks on a machine with `cores` cores. */
export function poolSize(tasks: number, cores: number): number {
  return Math.max(1, Math.min(MAX_POOL_WORKERS, cores, tasks));
}

/** One worker of a pool, running one task at a time. */
export interface PoolWorker<T, R> {
  /** Runs task number `id`; rejects with the task's error. */
  run(task: T, id: number): Promise<R>;
  /** Stops the worker (the pool settles once every stop has finished). */
  stop(): void | Promise<unknown>;
}

export interface PoolOptions<T, R> {
  /** Workers to start (see poolSize). */
  size: number;
  /** Starts a worker; `fail` reports that it broke outside a task (the pool then stops). A throw here
   *  stops the pool with that error. */
  start(fail: (error: Error) => void): PoolWorker<T, R>;
  /** Called as each task finishes, with its index in `tasks`. */
  onResult(index: number, result: R): void;
}

export interface PoolRun {
  /** Resolves when every task is done; rejects with the first error (the other workers stopped). */
  done: Promise<void>;
  /** Stops every worker; `done` then resolves with the tasks finished so far. */
  cancel(): void;
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export function runPool<T, R>(tasks: readonly T[], opts: PoolOptions<T, R>): PoolRun {
  const workers: PoolWorker<T, R>[] = [];
  let next = 0;
  let finished = 0;
  let stopped = false;
  let settle: (err?: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    settle = (err) => {
      if (stopped) return;
      stopped = true;
      const stops = workers.map((w) => w.stop());
      const end = () => (err ? reject(err) : resolve());
      if (stops.some((s) => s instanceof Promise)) void Promise.allSettled(stops).then(end);
      else end();
    };
  });
  const work = async (w: PoolWorker<T, R>) => {
    while (!stopped && next < tasks.length) {
      const id = next++;
      let result: R;
      try {
        result = await w.run(tasks[id], id);
      } catch (e) {
        return settle(asError(e));
      }
      if (stopped) return;
      opts.onResult(id, result);
      if (++finished === tasks.length) return settle();
    }
  };
  if (tasks.length === 0) settle();
  for (let i = 0; i < opts.size && !stopped; i++) {
    let w: PoolWorker<T, R>;
    try {
      w = opts.start((e) => settle(e));
    } catch (e) {
      settle(asError(e));
      break;
    }
    workers.push(w);
    void work(w);
  }
  return { done, cancel: () => settle() };
}
