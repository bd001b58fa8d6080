// The lab's worker pool (src/rl/lab/pool.ts), shared by the page's Web Workers and the CLI's threads:
// the size cap, every task run once with its index, the first error stops every worker, a worker's own
// failure does too, cancel keeps what finished.
import { describe, expect, it } from 'vitest';
import { MAX_POOL_WORKERS, poolSize, runPool, type PoolWorker } from '../../src/rl/lab/pool';

/** Workers that answer task t with t * 10 after `delay(t)` timer turns, failing on `bad`. */
function fakes(opts: { bad?: number; delay?: (t: number) => number } = {}) {
  const started: number[] = [];
  let stopped = 0;
  let fail: ((e: Error) => void) | null = null;
  const start = (f: (e: Error) => void): PoolWorker<number, number> => {
    fail = f;
    started.push(started.length);
    return {
      run: (t) =>
        new Promise((resolve, reject) =>
          setTimeout(
            () => (t === opts.bad ? reject(new Error(`task ${t} broke`)) : resolve(t * 10)),
            opts.delay?.(t) ?? 0,
          ),
        ),
      stop: () => {
        stopped++;
      },
    };
  };
  return { start, started, stopped: () => stopped, fail: (e: Error) => fail?.(e) };
}

describe('runPool', () => {
  it('sizes the pool by cores and tasks, capped once', () => {
    expect(MAX_POOL_WORKERS).toBe(4);
    expect(poolSize(100, 16)).toBe(4);
    expect(poolSize(100, 2)).toBe(2);
    expect(poolSize(1, 8)).toBe(1);
    expect(poolSize(0, 8)).toBe(1);
  });

  it('runs every task once on `size` workers and reports each by its index', async () => {
    const f = fakes({ delay: (t) => (t % 3) * 2 });
    const got = new Map<number, number>();
    await runPool([0, 1, 2, 3, 4, 5, 6], { size: 3, start: f.start, onResult: (i, r) => got.set(i, r) }).done;
    expect(f.started).toHaveLength(3);
    expect([...got].sort((a, b) => a[0] - b[0])).toEqual([0, 1, 2, 3, 4, 5, 6].map((t) => [t, t * 10]));
    expect(f.stopped()).toBe(3);
  });

  it('rejects with the first task error and stops every worker', async () => {
    const f = fakes({ bad: 2 });
    const run = runPool([0, 1, 2, 3, 4, 5], { size: 2, start: f.start, onResult: () => {} });
    await expect(run.done).rejects.toThrow('task 2 broke');
    expect(f.stopped()).toBe(2);
  });

  it('rejects when a worker reports a failure of its own, or cannot start', async () => {
    const f = fakes({ delay: () => 50 });
    const run = runPool([0, 1], { size: 2, start: f.start, onResult: () => {} });
    f.fail(new Error('the worker died'));
    await expect(run.done).rejects.toThrow('the worker died');
    const none = runPool([0], {
      size: 1,
      start: () => {
        throw new Error('no workers here');
      },
      onResult: () => {},
    });
    await expect(none.done).rejects.toThrow('no workers here');
  });

  it('cancel resolves with the tasks finished so far; an empty list is done at once', async () => {
    const f = fakes({ delay: (t) => (t === 0 ? 0 : 1000) });
    const got: number[] = [];
    const run = runPool([0, 1, 2], { size: 1, start: f.start, onResult: (i) => got.push(i) });
    await new Promise((r) => setTimeout(r, 20));
    run.cancel();
    await run.done;
    expect(got).toEqual([0]);
    await expect(runPool([], { size: 2, start: f.start, onResult: () => {} }).done).resolves.toBeUndefined();
  });
});
