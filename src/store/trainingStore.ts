/**
 * What the page shows about the current training run, fed by the worker's progress messages (see
 * trainingController.ts, which also holds the actions). Components read it through narrow selectors.
 * The run's metrics are the worker's bounded model (src/rl/metrics.ts): its exact counters arrive with
 * every message, its whole-run summary (`series`, for the charts and the CSV) at most every
 * summaryInterval(); nothing here grows with the run's length.
 */
import { create } from 'zustand';
import { DEFAULT_SPEED_INDEX, type Frame, type Progress, type RunInfo } from '../worker/protocol';
import { emptySummary, SUCCESS_WINDOW, type MetricsSummary } from '../rl/metrics';
import type { Config } from '../config/schema';

/** `pausing`: Pause was pressed and the worker has not yet confirmed (it finishes the step it is in). */
export type RunStatus = 'starting' | 'idle' | 'running' | 'pausing' | 'paused' | 'done' | 'error';

export type { MetricsSummary };

export interface RunError {
  phase: 'create' | 'train' | 'crash';
  message: string;
}

/** The counters a progress message carries, kept as they arrive. */
type ProgressCounters = Pick<
  Progress,
  'episode' | 'target' | 'totalSteps' | 'stepsPerSecond' | 'epsilon' | 'loss' | 'metrics' | 'planner'
>;

/** The run before the last setting change (see previousRun.ts): its curves and what it reached. */
export interface PreviousRun {
  /** What the change altered, as the old run had it: "no reward shaping". */
  label: string;
  /** The old run's config (to rename it when a further change comes before the new run has data). */
  config: Config;
  /** Its chart summary, the buckets in use only (bounded like every summary). */
  series: MetricsSummary;
  episodes: number;
  firstSuccess: number | null;
  /** Success rate over its last SUCCESS_WINDOW episodes (0..1). */
  finalSuccess: number;
}

export interface TrainingState extends ProgressCounters {
  status: RunStatus;
  runId: number;
  /** Number of the newest progress message applied (-1: none yet); an older one that comes late is
   *  ignored, so the page never goes back to a stale frame. */
  seq: number;
  info: RunInfo | null;
  /** The whole run, downsampled to a bounded number of buckets (see MetricsSummary). */
  series: MetricsSummary;
  frame: Frame | null;
  /** A recorded snapshot on show instead of the live frame (the history timeline; null: live). */
  viewed: Frame | null;
  error: RunError | null;
  speedIndex: number;
  /** The first episode at which the agent's greedy walk earned more than your best (null: not yet). */
  passedAt: number | null;
  /** The run before the last setting change, drawn faded on the charts (null: none). */
  previous: PreviousRun | null;
}

/** Versions of published summaries, unique across runs (the charts recompute when it changes). */
let seriesVersion = 0;
/** Pause was pressed and the worker has not yet reported a stopped run: show 'pausing' meanwhile
 *  (a message already in flight, or a long neural update, must not flip the button back). */
let pausePending = false;

export const initialTrainingState = (): TrainingState => {
  const series = emptySummary(++seriesVersion);
  return {
    status: 'starting',
    runId: 0,
    seq: -1,
    info: null,
    episode: 0,
    target: 0,
    totalSteps: 0,
    stepsPerSecond: 0,
    epsilon: 0,
    loss: null,
    metrics: series.counters,
    series,
    frame: null,
    viewed: null,
    planner: null,
    error: null,
    speedIndex: DEFAULT_SPEED_INDEX,
    passedAt: null,
    previous: null,
  };
};

export const useTrainingStore = create<TrainingState>()(() => initialTrainingState());

/** The frame the grid draws: the recorded snapshot on show, else the live one. */
export const selectShownFrame = (s: TrainingState): Frame | null => s.viewed ?? s.frame;

function statusOf(p: Progress): RunStatus {
  if (p.running) return 'running';
  if (p.done) return 'done';
  return p.totalSteps > 0 || (p.planner?.sweeps ?? 0) > 0 || (p.planner?.improvements ?? 0) > 0
    ? 'paused'
    : 'idle';
}

/** A new run is being built: clears everything but the speed and the previous run. */
export function beginRun(runId: number): void {
  pausePending = false;
  const { speedIndex, previous } = useTrainingStore.getState();
  useTrainingStore.setState({ ...initialTrainingState(), runId, speedIndex, previous });
}

/** What the run's summary says of the moment `episode` episodes had finished (the history timeline's
 *  stats): the success rate over the SUCCESS_WINDOW episodes before it, the mean epsilon of the
 *  episode's bucket, and the first success if it came by then. Exact while the summary is (one bucket
 *  per episode); to within a bucket once it is downsampled. */
export function statsAt(
  series: MetricsSummary,
  episode: number,
): { successRate: number | null; epsilon: number | null; firstSuccess: number | null } {
  const first = series.counters.firstSuccess;
  const firstSuccess = first !== null && first <= episode ? first : null;
  const w = Math.max(1, series.width);
  const last = Math.min(series.buckets, Math.ceil(episode / w)) - 1;
  if (episode <= 0 || last < 0) return { successRate: null, epsilon: null, firstSuccess };
  let n = 0;
  let succ = 0;
  for (let b = last; b >= 0 && n < SUCCESS_WINDOW; b--) {
    n += series.n[b];
    succ += series.succ[b];
  }
  const nb = series.n[last];
  return {
    successRate: n > 0 ? succ / n : null,
    epsilon: nb > 0 ? series.epsSum[last] / nb : null,
    firstSuccess,
  };
}

export function applyReady(info: RunInfo): void {
  useTrainingStore.setState({ info });
}

/** Pause pressed: the page shows it at once (the button offers Play again; see pausePending). */
export function requestPause(): void {
  const s = useTrainingStore.getState();
  if (s.status !== 'running') return;
  pausePending = true;
  useTrainingStore.setState({ status: 'pausing' });
}

/** Applies a progress message; false (nothing changed) when a newer one was applied already. */
export function applyProgress(p: Progress): boolean {
  const s = useTrainingStore.getState();
  if (p.seq <= s.seq) return false;
  if (!p.running) pausePending = false;
  useTrainingStore.setState({
    seq: p.seq,
    status: pausePending ? 'pausing' : statusOf(p),
    episode: p.episode,
    target: p.target,
    totalSteps: p.totalSteps,
    stepsPerSecond: p.stepsPerSecond,
    epsilon: p.epsilon,
    loss: p.loss,
    metrics: p.metrics,
    frame: p.frame,
    planner: p.planner,
    passedAt: p.passedAt ?? null,
    error: s.error?.phase === 'train' && p.running ? null : s.error,
    ...(p.summary ? { series: { ...p.summary, version: ++seriesVersion } } : {}),
  });
  return true;
}

export function applyError(error: RunError): void {
  const s = useTrainingStore.getState();
  useTrainingStore.setState({
    error,
    status: error.phase === 'train' ? (s.totalSteps > 0 ? 'paused' : 'idle') : 'error',
  });
}

/**
 * Whether the agent's exploration rate can change during a run (the epsilon chart is a flat line
 * otherwise): a tabular agent's when it decays per episode (epsilonDecay < 1), a neural agent's over
 * its decay steps, either only while it starts above its minimum. Agents without an epsilon (search,
 * planners) never change it.
 */
export function epsilonChanges(agent: Config['agent']): boolean {
  const a = agent as Record<string, unknown>;
  const e = a.epsilon;
  if (typeof e !== 'number') return false;
  if (typeof a.epsilonMin === 'number' && a.epsilonMin >= e) return false;
  if (typeof a.epsilonDecay === 'number') return a.epsilonDecay < 1;
  return typeof a.epsilonDecaySteps === 'number';
}
