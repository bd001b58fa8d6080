/**
 * Connects the config store, the training store and the worker. Every config change starts a fresh run
 * (paused; the user is told when a run was under way). The training actions the UI calls live here, and
 * the history timeline's (`timeline`: which recorded moment to show; see historyStore.ts), and the
 * trained agent's (`trainedAgent`: save the run as data, open a saved one in place of the world).
 */
import type { TrainedState } from '../config/packedArray';
import type { Config } from '../config/schema';
import { SPEEDS, type PlanOp, type RunMessage, type ToWorker } from '../worker/protocol';
import {
  createBrowserWorker,
  TrainingClient,
  type ClientTimers,
  type WorkerFactory,
} from '../worker/workerClient';
import { useConfigStore, type EditResult } from './configStore';
import {
  applyHistoryIndex,
  applySnapshot,
  fetchSnapshot,
  resetHistory,
  setShowChanged,
  viewMoment,
  type SnapshotAnswer,
} from './historyStore';
import {
  applyError,
  applyProgress,
  applyReady,
  beginRun,
  requestPause,
  useTrainingStore,
} from './trainingStore';
import { useUiStore } from './uiStore';
import { usesDemonstrations } from './teacherAdapter';
import { rememberRun } from './previousRun';
import {
  applySearchStep,
  applyThinking,
  closeStepper,
  openStepper,
  resetThinking,
  stepTo,
} from './thinkingStore';

let client: TrainingClient | null = null;
let runCounter = 0;
/** The "worker keeps failing" notice, cleared once a worker answers again. */
let gaveUpNotice: number | null = null;

function send(msg: ToWorker): void {
  client?.send(msg);
}

function currentRunId(): number {
  return useTrainingStore.getState().runId;
}

/** The person's best return ("Play it yourself"), told to every run (the worker keeps it). */
let teacherBest: number | null = null;

function startRun(config: Config, state?: TrainedState): void {
  const runId = ++runCounter;
  beginRun(runId);
  resetHistory();
  send({ type: 'teacher-best', best: teacherBest });
  send(state ? { type: 'init', runId, config, state } : { type: 'init', runId, config });
  resetThinking();
}

/** A trained run waiting for its config to become the current one (trainedAgent.open). */
let pendingResume: { config: Config; state: TrainedState } | null = null;
/** Asked-for exports of the run, answered by the worker's `agent-state`. */
let exportWaiters: Array<{
  runId: number;
  resolve(state: TrainedState): void;
  reject(e: Error): void;
}> = [];

function settleExports(runId: number, state: TrainedState | null, error?: string): void {
  const mine = exportWaiters.filter((w) => w.runId === runId);
  exportWaiters = exportWaiters.filter((w) => w.runId !== runId);
  for (const w of mine)
    if (state) w.resolve(state);
    else w.reject(new Error(error ?? 'the run could not be saved'));
}

const requestSnapshot = (index: number) => send({ type: 'snapshot', index });
const requestSearch = (k: number) => send({ type: 'search-step', k });

/** Asked-for checks of trained agents (trainedAgent.open), answered by the worker's `agent-check`. */
let checkCounter = 0;
const checkWaiters = new Map<number, (error: string | null) => void>();

function onMessage(msg: RunMessage): void {
  if (msg.type === 'agent-check') {
    checkWaiters.get(msg.id)?.(msg.error);
    checkWaiters.delete(msg.id);
    return;
  }
  if (msg.runId !== currentRunId()) {
    if (msg.type === 'agent-state')
      settleExports(msg.runId, null, 'the run was replaced before it was saved');
    return;
  }
  if (msg.type === 'ready') {
    applyReady(msg.info);
    if (gaveUpNotice !== null) useUiStore.getState().dismiss(gaveUpNotice);
    gaveUpNotice = null;
  } else if (msg.type === 'progress') {
    // A message older than one applied already (out of order) changes nothing.
    if (!applyProgress(msg.progress)) return;
    if (msg.progress.history) applyHistoryIndex(msg.progress.history, requestSnapshot);
    applyThinking(msg.progress.thinking ?? null, msg.progress.running, requestSearch);
  } else if (msg.type === 'snapshot') applySnapshot(msg, requestSnapshot);
  else if (msg.type === 'search') applySearchStep(msg.step);
  else if (msg.type === 'agent-state') settleExports(msg.runId, msg.state, msg.error);
  else applyError({ phase: msg.phase, message: msg.message });
}

/** The heartbeat says the worker sent progress this page has not applied (a lost message): ask again,
 *  so the page never stays on a stale frame (after Done, Paused or a step above all). */
function onPong(runId: number, seq: number): void {
  if (runId === currentRunId() && seq > useTrainingStore.getState().seq) send({ type: 'refresh' });
}

function onCrash(message: string, restarted: boolean): void {
  for (const resolve of checkWaiters.values()) resolve(`the training worker stopped (${message})`);
  checkWaiters.clear();
  if (!restarted) {
    applyError({ phase: 'crash', message: `The training worker stopped working (${message}).` });
    gaveUpNotice = useUiStore
      .getState()
      .notify(
        'error',
        'Training is unavailable: the worker keeps failing. Press Reset to try again, or reload the page.',
      );
    return;
  }
  sendSpeed();
  startRun(useConfigStore.getState().config);
  useUiStore
    .getState()
    .notify(
      'error',
      `The training worker crashed (${message}) and was restarted. Your world and settings are kept; press Play to train again.`,
    );
}

function sameButDemonstrations(a: Config, b: Config): boolean {
  return JSON.stringify({ ...a, demonstrations: [] }) === JSON.stringify({ ...b, demonstrations: [] });
}

function onConfigChange(config: Config, old: Config): void {
  const resume = pendingResume;
  pendingResume = null;
  if (resume && JSON.stringify(resume.config) === JSON.stringify(config)) {
    startRun(config, resume.state);
    return;
  }
  // A demonstration recorded ("Play it yourself") changes nothing a run that does not learn from them uses.
  if (sameButDemonstrations(old, config) && !usesDemonstrations(config)) return;
  const s = useTrainingStore.getState();
  const wasRunning = s.status === 'running';
  const hadProgress = s.totalSteps > 0 || (s.planner?.sweeps ?? 0) > 0;
  rememberRun(old, config);
  startRun(config);
  if (wasRunning)
    useUiStore
      .getState()
      .notify('info', 'You edited the setup while training, so the run was paused and reset.');
  else if (hadProgress) useUiStore.getState().notify('info', 'Setup changed: the run was reset.');
}

function sendSpeed(): void {
  const { speedIndex } = useTrainingStore.getState();
  send({ type: 'speed', stepsPerSecond: SPEEDS[speedIndex]?.stepsPerSecond ?? Infinity });
}

/**
 * Starts the worker and keeps it in sync with the config. Returns a function that stops both.
 * `factory` lets tests pass a fake worker.
 */
export function connectTraining(
  factory: WorkerFactory = createBrowserWorker,
  timers?: ClientTimers,
): () => void {
  client?.dispose();
  gaveUpNotice = null;
  client = new TrainingClient(factory, { onMessage, onCrash, onPong }, timers);
  sendSpeed();
  startRun(useConfigStore.getState().config);
  const unsubscribe = useConfigStore.subscribe((s, prev) => {
    if (s.config !== prev.config) onConfigChange(s.config, prev.config);
  });
  return () => {
    unsubscribe();
    client?.dispose();
    client = null;
  };
}

const canTrain = () => {
  const { status } = useTrainingStore.getState();
  return status !== 'starting' && status !== 'error';
};

/** The training actions (no-ops while a run is being built or could not be built). */
export const training = {
  play(): void {
    if (canTrain()) send({ type: 'play' });
  },
  /** Pauses at once on the page; the worker stops after the step it is in. */
  pause(): void {
    send({ type: 'pause' });
    requestPause();
  },
  toggle(): void {
    if (useTrainingStore.getState().status === 'running') training.pause();
    else training.play();
  },
  step(): void {
    if (canTrain()) send({ type: 'step' });
  },
  episode(): void {
    if (canTrain()) send({ type: 'episode' });
  },
  /** A fresh run with the same config. */
  reset(): void {
    startRun(useConfigStore.getState().config);
  },
  setSpeed(index: number): void {
    const i = Math.max(0, Math.min(SPEEDS.length - 1, Math.round(index)));
    useTrainingStore.setState({ speedIndex: i });
    sendSpeed();
  },
  plan(op: PlanOp): void {
    if (canTrain()) send({ type: 'plan', op });
  },
  /** The person's best return in this world (null: none), for "The agent passed you at episode E". */
  setTeacherBest(best: number | null): void {
    if (best === teacherBest) return;
    teacherBest = best;
    send({ type: 'teacher-best', best });
  },
  /** Live grading: the person's grade (+1 good, -1 bad) of the agent's last move. */
  grade(grade: number): void {
    if (canTrain()) send({ type: 'grade', grade });
  },
};

/** Longest wait for the worker's answer to a save (it answers between two slices of training). */
export const EXPORT_TIMEOUT_MS = 15_000;
/** Longest wait for the worker's check of a trained agent (it builds the agent, e.g. a big network). */
export const CHECK_TIMEOUT_MS = 60_000;

/** Whether the worker can load `state` into a run of `config` (null) or why not; the run is untouched. */
function checkAgent(config: Config, state: TrainedState, timeoutMs: number): Promise<string | null> {
  if (!client) return Promise.resolve('the training worker is not running');
  const id = ++checkCounter;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      checkWaiters.delete(id);
      resolve('the training worker did not answer; try again');
    }, timeoutMs);
    checkWaiters.set(id, (error) => {
      clearTimeout(timer);
      resolve(error);
    });
    send({ type: 'check-agent', id, config, state });
  });
}

/** Saving and opening trained agents (src/config/agentFile.ts is the file; the worker does the work). */
export const trainedAgent = {
  /** The current run as data (rejects with a message when there is none or it cannot be saved). */
  export(timeoutMs = EXPORT_TIMEOUT_MS): Promise<TrainedState> {
    const { status } = useTrainingStore.getState();
    if (!client || status === 'starting' || status === 'error')
      return Promise.reject(new Error('there is no trained run to save yet'));
    const runId = currentRunId();
    return new Promise<TrainedState>((resolve, reject) => {
      const timer = setTimeout(() => {
        exportWaiters = exportWaiters.filter((w) => w.reject !== fail);
        reject(new Error('the training worker did not answer; try again'));
      }, timeoutMs);
      const fail = (e: Error) => {
        clearTimeout(timer);
        reject(e);
      };
      exportWaiters.push({
        runId,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
        reject: fail,
      });
      send({ type: 'export-agent' });
    });
  },
  /**
   * Checks the whole file against its own config first (the worker builds a trainer for it and imports
   * the state: src/rl/trainedRunCheck.ts); a state that does not fit is refused with the reason and
   * nothing is replaced. Then replaces the world with `config` through the guarded load path (the old
   * world goes to "Recently replaced") and resumes the saved run in it. Returns setConfig's result (a
   * refused config changes nothing).
   */
  async open(
    config: Config,
    state: TrainedState,
    reason: string,
    timeoutMs = CHECK_TIMEOUT_MS,
  ): Promise<EditResult> {
    const why = await checkAgent(config, state, timeoutMs);
    if (why !== null) {
      const message = `The trained agent was not opened: it does not fit its own setup (${why}). Your world and run are unchanged.`;
      useUiStore.getState().notify('error', message);
      return { ok: false, message };
    }
    pendingResume = { config, state };
    const r = useConfigStore.getState().setConfig(config, { reason });
    if (!r.ok || !r.changed) {
      pendingResume = null;
      // The same world: no config change starts a run, so resume here.
      if (r.ok) startRun(useConfigStore.getState().config, state);
    }
    return r;
  },
};

/** The history timeline's actions: what it shows never touches the run (training goes on). */
export const timeline = {
  /** Shows the recorded moment at `index` (null: live). */
  view(index: number | null): void {
    viewMoment(index, requestSnapshot);
  },
  live(): void {
    viewMoment(null, requestSnapshot);
  },
  showChanged(on: boolean): void {
    setShowChanged(on, requestSnapshot);
  },
  /** The recorded moment at `index` and its frame, without showing it (the replay export). */
  snapshot(index: number): Promise<SnapshotAnswer> {
    return fetchSnapshot(index, requestSnapshot);
  },
};

/** The search stepper's actions (src/store/thinkingStore.ts): asking never touches the run. */
export const thinking = {
  /** Opens the stepper at k simulations of the current decision's search. */
  open(k: number): void {
    openStepper(k, requestSearch);
  },
  stepTo(k: number): void {
    stepTo(k, requestSearch);
  },
  close(): void {
    closeStepper();
  },
};
