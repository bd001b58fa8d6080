/**
 * What the page shows about the current training run, fed by the worker's progress messages (see
 * trainingController.ts, which also holds the actions). Components read it through narrow selectors.
 * The episode metrics live in growable typed arrays; `series` is republished at most twice a second,
 * and less often as it grows: each chart redraw is a main-thread task of tens of milliseconds, which
 * the worker's 30 messages a second must not trigger.
 */
import { create } from 'zustand';
import {
  DEFAULT_SPEED_INDEX,
  type EpisodeBatch,
  type Frame,
  type Progress,
  type RunInfo,
} from '../worker/protocol';
import type { MetricsSeries } from '../rl/metrics';

export type RunStatus = 'starting' | 'idle' | 'running' | 'paused' | 'done' | 'error';

export type { MetricsSeries };

export interface RunError {
  phase: 'create' | 'train' | 'crash';
  message: string;
}

/** The counters a progress message carries, kept as they arrive. */
type ProgressCounters = Pick<
  Progress,
  'episode' | 'target' | 'totalSteps' | 'stepsPerSecond' | 'epsilon' | 'successRate' | 'loss' | 'planner'
>;

export interface TrainingState extends ProgressCounters {
  status: RunStatus;
  runId: number;
  info: RunInfo | null;
  /** Episode (1-based) that first reached a goal in this run, or null while none has. */
  firstSuccess: number | null;
  series: MetricsSeries;
  frame: Frame | null;
  error: RunError | null;
  speedIndex: number;
}

/** Milliseconds between two chart updates while training, for a series of `count` episodes. */
export function chartInterval(count: number): number {
  if (count < 2_000) return 500;
  if (count < 200_000) return 1000;
  return 2000;
}

function emptySeries(version: number, capacity = 1024): MetricsSeries {
  return {
    returns: new Float64Array(capacity),
    steps: new Int32Array(capacity),
    success: new Uint8Array(capacity),
    epsilon: new Float32Array(capacity),
    count: 0,
    version,
  };
}

/** The live buffers (the published `series` shares them). */
let buf = emptySeries(0);
let lastSeriesAt = -Infinity;
/** First successful episode (1-based) in the live buffers, found incrementally as batches arrive. */
let firstSuccess: number | null = null;

function grow(need: number): void {
  if (need <= buf.returns.length) return;
  let cap = buf.returns.length;
  while (cap < need) cap *= 2;
  const next = emptySeries(buf.version, cap);
  next.returns.set(buf.returns.subarray(0, buf.count));
  next.steps.set(buf.steps.subarray(0, buf.count));
  next.success.set(buf.success.subarray(0, buf.count));
  next.epsilon.set(buf.epsilon.subarray(0, buf.count));
  next.count = buf.count;
  buf = next;
}

function append(e: EpisodeBatch): void {
  const end = e.from + e.returns.length;
  grow(end);
  buf.returns.set(e.returns, e.from);
  buf.steps.set(e.steps, e.from);
  buf.success.set(e.success, e.from);
  if (firstSuccess === null) {
    const i = e.success.findIndex((v) => v !== 0);
    if (i >= 0) firstSuccess = e.from + i + 1;
  }
  buf.epsilon.set(e.epsilon, e.from);
  buf.count = end;
  buf.version++;
}

function publishSeries(): MetricsSeries {
  lastSeriesAt = performance.now();
  return { ...buf };
}

export const initialTrainingState = (): TrainingState => ({
  status: 'starting',
  runId: 0,
  info: null,
  episode: 0,
  target: 0,
  totalSteps: 0,
  stepsPerSecond: 0,
  epsilon: 0,
  successRate: 0,
  firstSuccess: null,
  loss: null,
  series: emptySeries(0),
  frame: null,
  planner: null,
  error: null,
  speedIndex: DEFAULT_SPEED_INDEX,
});

export const useTrainingStore = create<TrainingState>()(() => initialTrainingState());

function statusOf(p: Progress): RunStatus {
  if (p.running) return 'running';
  if (p.done) return 'done';
  return p.totalSteps > 0 || (p.planner?.sweeps ?? 0) > 0 || (p.planner?.improvements ?? 0) > 0
    ? 'paused'
    : 'idle';
}

/** A new run is being built: clears everything but the speed. */
export function beginRun(runId: number): void {
  buf = emptySeries(buf.version + 1);
  firstSuccess = null;
  const { speedIndex } = useTrainingStore.getState();
  useTrainingStore.setState({ ...initialTrainingState(), runId, speedIndex, series: publishSeries() });
}

export function applyReady(info: RunInfo): void {
  useTrainingStore.setState({ info });
}

export function applyProgress(p: Progress): void {
  if (p.episodes) append(p.episodes);
  const s = useTrainingStore.getState();
  const seriesDue =
    s.series.version !== buf.version &&
    (!p.running || s.series.count === 0 || performance.now() - lastSeriesAt >= chartInterval(buf.count));
  useTrainingStore.setState({
    status: statusOf(p),
    episode: p.episode,
    target: p.target,
    totalSteps: p.totalSteps,
    stepsPerSecond: p.stepsPerSecond,
    epsilon: p.epsilon,
    successRate: p.successRate,
    firstSuccess,
    loss: p.loss,
    frame: p.frame,
    planner: p.planner,
    error: s.error?.phase === 'train' && p.running ? null : s.error,
    ...(seriesDue ? { series: publishSeries() } : {}),
  });
}

export function applyError(error: RunError): void {
  const s = useTrainingStore.getState();
  useTrainingStore.setState({
    error,
    status: error.phase === 'train' ? (s.totalSteps > 0 ? 'paused' : 'idle') : 'error',
  });
}
