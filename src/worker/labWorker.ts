/**
 * A lab worker: runs the comparison, sweep and thinking-budget tasks the page hands it, one at a time, and posts each
 * result back. Neural agents (in any of the three) load TensorFlow.js on demand; tabular ones run synchronously.
 */
import { isNeuralType } from '../config/neuralAgents';
import { runBudgetJobAsync } from '../rl/lab/budget';
import { runJob, runJobAsync } from '../rl/lab/runJob';
import { runSweepJobAsync } from '../rl/lab/sweep';
import { outcomeTransfer, type FromLabWorker, type LabOutcome, type ToLabWorker } from './labProtocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

async function run(msg: ToLabWorker): Promise<LabOutcome> {
  const t = msg.task;
  if (t.kind === 'sweep') return { kind: 'sweep', run: await runSweepJobAsync(t.job) };
  if (t.kind === 'budget') return { kind: 'budget', run: await runBudgetJobAsync(t.job) };
  const series = isNeuralType(t.config.agent.type) ? await runJobAsync(t.config) : runJob(t.config);
  return { kind: 'compare', run: series };
}

ctx.onmessage = (e: MessageEvent<ToLabWorker>) => {
  const msg = e.data;
  run(msg).then(
    (outcome) => {
      const out: FromLabWorker = { type: 'done', id: msg.id, outcome };
      ctx.postMessage(out, outcomeTransfer(outcome));
    },
    (err: unknown) => {
      const out: FromLabWorker = {
        type: 'error',
        id: msg.id,
        message: err instanceof Error ? err.message : String(err),
      };
      ctx.postMessage(out);
    },
  );
};
