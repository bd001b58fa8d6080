/**
 * The training worker: the loop of workerLoop.ts on the worker's globals. Anything that escapes the
 * loop's own error handling reaches the page as a worker error, and the page restarts the worker.
 */
import { createTrainer } from '../rl/trainer';
import type { ToWorker } from './protocol';
import { WorkerLoop } from './workerLoop';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

/** At full speed the next slice comes as a MessageChannel message: after the page's pending commands. */
const channel = new MessageChannel();
let next: (() => void) | null = null;
channel.port1.onmessage = () => {
  const f = next;
  next = null;
  f?.();
};

const loop = new WorkerLoop({
  send: (msg, transfer) => ctx.postMessage(msg, transfer),
  later(f, delayMs) {
    if (delayMs <= 0) {
      next = f;
      channel.port2.postMessage(null);
    } else setTimeout(f, delayMs);
  },
  now: () => performance.now(),
  createTrainer,
});

ctx.onmessage = (e: MessageEvent<ToWorker>) => loop.handle(e.data);
