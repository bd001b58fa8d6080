/**
 * Messages between the lab page and a lab worker. The page sends one task at a time (a comparison run,
 * a sweep run or a thinking-budget run, plain data); the worker answers `done` with the result (typed arrays transferred) or
 * `error`. Task ids are chosen by the page.
 */
import type { Config } from '../config/schema';
import type { BudgetJob, BudgetRun } from '../rl/lab/budget';
import type { RunSeries } from '../rl/lab/runJob';
import type { SweepJob, SweepRun } from '../rl/lab/sweep';

export type LabTask =
  { kind: 'compare'; config: Config } | { kind: 'sweep'; job: SweepJob } | { kind: 'budget'; job: BudgetJob };

export type ToLabWorker = { type: 'run'; id: number; task: LabTask };

export type LabOutcome =
  { kind: 'compare'; run: RunSeries } | { kind: 'sweep'; run: SweepRun } | { kind: 'budget'; run: BudgetRun };

export type FromLabWorker =
  { type: 'done'; id: number; outcome: LabOutcome } | { type: 'error'; id: number; message: string };

/** The buffers of an outcome, to transfer instead of copy. */
export function outcomeTransfer(o: LabOutcome): Transferable[] {
  if (o.kind === 'budget') return [o.run.curve.buffer];
  if (o.kind !== 'compare') return [];
  return [o.run.returns.buffer, o.run.success.buffer, o.run.steps.buffer];
}
