/**
 * One worker thread of the CLI's lab pool (labThreads.ts): runs the comparison runs and sweep runs it is
 * handed, one at a time, and posts each result back (a comparison run's typed arrays transferred).
 * Neural agents load TensorFlow.js here, once per thread.
 */
import { parentPort } from 'node:worker_threads';
import type { Config } from '../config/schema';
import { isNeuralType } from '../config/neuralTypes';
import { runJob, runJobAsync, type RunSeries } from '../rl/lab/runJob';
import { runSweepJobAsync, type SweepJob, type SweepRun } from '../rl/lab/sweep';

export type ThreadTask = { kind: 'compare'; config: Config } | { kind: 'sweep'; job: SweepJob };
export type ThreadOutcome = { kind: 'compare'; run: RunSeries } | { kind: 'sweep'; run: SweepRun };
export type ToThread = { id: number; task: ThreadTask };
export type FromThread = { id: number; outcome: ThreadOutcome } | { id: number; error: string };

async function run(task: ThreadTask): Promise<ThreadOutcome> {
  if (task.kind === 'sweep') return { kind: 'sweep', run: await runSweepJobAsync(task.job) };
  const c = task.config;
  return { kind: 'compare', run: isNeuralType(c.agent.type) ? await runJobAsync(c) : runJob(c) };
}

const port = parentPort;
if (port)
  port.on('message', (msg: ToThread) => {
    run(msg.task).then(
      (outcome) => {
        const transfer =
          outcome.kind === 'compare'
            ? [outcome.run.returns.buffer, outcome.run.success.buffer, outcome.run.steps.buffer]
            : [];
        port.postMessage({ id: msg.id, outcome } satisfies FromThread, transfer as ArrayBuffer[]);
      },
      (e: unknown) =>
        port.postMessage({
          id: msg.id,
          error: e instanceof Error ? e.message : String(e),
        } satisfies FromThread),
    );
  });
