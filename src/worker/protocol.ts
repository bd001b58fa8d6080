/**
 * Messages between the page and the training worker. The page sends commands; the worker answers with
 * `ready` once a run is built, batched `progress` (at most ~30 a second, typed arrays transferred) and
 * `error`. Every run has a `runId` chosen by the page, so answers about a replaced run are ignored.
 * Progress messages are numbered (`seq`): the page keeps the newest and ignores an older one that comes
 * late, and every `pong` says the number of the last one sent, so a page that missed it asks again
 * (`refresh`). The message that reports a stopped run (done, paused, a step) carries its final frame.
 * The run's history (src/rl/history.ts): progress carries the list of recorded moments when it changed;
 * the page asks for one snapshot at a time (`snapshot`), answered at once without touching the run.
 * Search agents: frames carry the last search, progress the thinking per move, and `search-step` asks
 * for the last search after its first k simulations (answered at once, the run untouched).
 */
import type { Config } from '../config/schema';
import type { TrainedState } from '../config/packedArray';
import type { GridFrame, Moment } from '../rl/history';
import type { SearchView } from '../rl/agents/searchTrace';
import { summaryBuffers, type MetricsCounters, type MetricsSummary } from '../rl/metrics';

export type { HistoryMark, Moment } from '../rl/history';

/** Training speeds, slowest first. `stepsPerSecond: Infinity` means as fast as the machine goes. */
export const SPEEDS = [
  { label: 'Crawl', stepsPerSecond: 3, tip: '3 steps a second: follow every move' },
  { label: 'Walk', stepsPerSecond: 10, tip: '10 steps a second: watch the agent walk' },
  { label: 'Step per frame', stepsPerSecond: 30, tip: 'One step per drawn frame (30 a second)' },
  { label: 'Fast', stepsPerSecond: 300, tip: '300 steps a second' },
  { label: 'Faster', stepsPerSecond: 3_000, tip: '3,000 steps a second' },
  { label: 'Turbo', stepsPerSecond: 30_000, tip: '30,000 steps a second' },
  {
    label: 'Max',
    stepsPerSecond: Infinity,
    tip: 'As fast as this machine goes; the agent is drawn every few frames',
  },
] as const;
export const DEFAULT_SPEED_INDEX = 3;
export const MAX_SPEED_INDEX = SPEEDS.length - 1;

/** Most progress messages per second the worker sends. */
export const MAX_POSTS_PER_SECOND = 30;

export type PlanOp = 'sweep' | 'improve' | 'solve';

export type ToWorker =
  /** Build a fresh run for this config (replaces any current run; also how "reset" works); with
   *  `state`, the saved run (an agent file's) resumed instead of a fresh one. */
  | { type: 'init'; runId: number; config: Config; state?: TrainedState }
  /** Train until config.train.episodes (when already there: another config.train.episodes). */
  | { type: 'play' }
  | { type: 'pause' }
  /** One environment step (pauses first). */
  | { type: 'step' }
  /** Run to the end of the current episode (pauses first). */
  | { type: 'episode' }
  | { type: 'speed'; stepsPerSecond: number }
  /** Planning agents only: one evaluation sweep, one improvement step, or solve to convergence. */
  | { type: 'plan'; op: PlanOp }
  /** The page's heartbeat: the worker answers `pong` at once (a worker that does not has died). */
  | { type: 'ping' }
  /** The recorded snapshot at `index` of the run's moments (answered by `snapshot`; the run goes on). */
  | { type: 'snapshot'; index: number }
  /** The last search after its first k simulations (answered by `search`; the run goes on). */
  | { type: 'search-step'; k: number }
  /** The run as plain data, to save (answered by `agent-state`; the run goes on). */
  | { type: 'export-agent' }
  /** Send the run's progress again, with its whole history index (the page missed the last message). */
  | { type: 'refresh' }
  /** Does this trained state load into a run of this config? A dry run on a trainer of its own, freed
   *  after (src/rl/trainedRunCheck.ts; the current run is untouched). Answered by `agent-check`. */
  | { type: 'check-agent'; id: number; config: Config; state: TrainedState }
  /** The person's best return in this world ("Play it yourself"; null: none): the run reports the
   *  first episode at which its greedy walk earns more (Progress.passedAt). */
  | { type: 'teacher-best'; best: number | null }
  /** Live grading (train.rewardSource 'live-grade'): the person's grade of the agent's last move. */
  | { type: 'grade'; grade: number };

/**
 * Milliseconds between two metrics summaries in progress messages while a run of `count` episodes
 * trains (always one when it stops): each chart redraw is a main-thread task of tens of milliseconds,
 * which 30 messages a second must not trigger.
 */
export function summaryInterval(count: number): number {
  if (count < 2_000) return 500;
  if (count < 200_000) return 1000;
  return 2000;
}

export interface PlannerInfo {
  sweeps: number;
  improvements: number;
  lastDelta: number;
  converged: boolean;
}

/** What the views draw (src/rl/history.ts GridFrame): copies made for this message (transferred, never
 *  shared). A recorded snapshot is one too. */
export type Frame = GridFrame & {
  /** A search agent's last search (src/worker/thinking.ts); null or absent for other agents. */
  search?: SearchFrame | null;
};

/** Where the last search looked (per cell, its tree walks through it) and the line it chose (cells). */
export interface SearchFrame {
  visits: Float64Array;
  line: Int32Array;
  simulations: number;
}

/** Thinking per real move: the agent's budget and the measured time a move takes (null: none yet). */
export interface Thinking {
  unit: 'simulations' | 'planning steps';
  perMove: number;
  msPerMove: number | null;
}

export type { SearchView };

/** The run's recorded moments, oldest first, and a version that changes with the list. */
export interface HistoryIndex {
  version: number;
  moments: Moment[];
}

export interface Progress {
  /** The message's number: grows with every progress message a worker sends (the page keeps the newest). */
  seq: number;
  running: boolean;
  /** The run reached its episode target. */
  done: boolean;
  episode: number;
  target: number;
  totalSteps: number;
  stepsPerSecond: number;
  epsilon: number;
  /** Loss of the last gradient step of a neural agent (null: none yet, or not a neural agent). */
  loss: number | null;
  /** The run's exact counters (first success, success rate over SUCCESS_WINDOW, ...), every message. */
  metrics: MetricsCounters;
  /** The whole run's bounded summary for the charts and the CSV: when it changed, at most every
   *  summaryInterval() ms while running, and whenever the run stops. */
  summary: MetricsSummary | null;
  frame: Frame;
  planner: PlannerInfo | null;
  /** The run's recorded moments when the list changed since the last message (else null or absent). */
  history?: HistoryIndex | null;
  /** MCTS and Dyna-Q: their thinking per move (else null or absent). */
  thinking?: Thinking | null;
  /** The world's return of the greedy walk at the run's last check of it (null: not checked yet). */
  greedyReturn?: number | null;
  /** The first episode at which the greedy walk earned more than the person's best (teacher-best);
   *  null: not yet, or no best given. */
  passedAt?: number | null;
}

export interface RunInfo {
  agentType: string;
  isPlanner: boolean;
  nStates: number;
  /** The TensorFlow.js backend a neural agent runs on ('wasm', 'webgl', 'cpu'); null for the others. */
  backend: string | null;
  /** How long (ms) one synchronous call of this agent may take on a slow machine (a neural update, its
   *  tables, a greedy check): the page's heartbeat allows at least that much silence. 0: short. */
  longestCallMs?: number;
}

export type FromWorker =
  | { type: 'ready'; runId: number; info: RunInfo }
  | { type: 'progress'; runId: number; progress: Progress }
  /** `phase` create: the agent could not be built; train: training stopped on an error. */
  | { type: 'error'; runId: number; phase: 'create' | 'train'; message: string }
  /** The snapshot asked for: the moment now at `index` and its frame (both null when there is none). */
  | { type: 'snapshot'; runId: number; index: number; moment: Moment | null; frame: Frame | null }
  /** The answer to `ping` (consumed by the client): the current run and the `seq` of the last progress
   *  message sent for it (-1: none yet), so the page can tell it missed one; and the longest the worker
   *  has gone without reading its messages (ms: one slice, one command), which the heartbeat allows.
   *  Also sent unasked as a run is built, with `allowMs` (RunInfo.longestCallMs, before the first
   *  long call). */
  | { type: 'pong'; runId?: number; seq?: number; slowestMs?: number; allowMs?: number }
  /** The answer to `search-step`: the last search after k simulations (null: no search standing). */
  | { type: 'search'; runId: number; step: SearchView | null }
  /** The answer to `export-agent`: the run's state (null, with `error`, when it cannot be saved). */
  | { type: 'agent-state'; runId: number; state: TrainedState | null; error?: string }
  /** The answer to `check-agent` `id`: null when the state loads, else why not. */
  | { type: 'agent-check'; id: number; error: string | null };

/** The page pings the worker this often, and restarts a worker it has not heard from for
 *  HEARTBEAT_TIMEOUT_MS (any message counts) while as many pings went unanswered; at least
 *  RunInfo.longestCallMs, and at least 3x the longest the worker says it went without answering. One
 *  slice is ~10 ms, and a slow step ends its slice: the worker answers between two neural updates. */
export const HEARTBEAT_MS = 1000;
export const HEARTBEAT_TIMEOUT_MS = 6000;

/** A run's answer (not the heartbeat's). */
export type RunMessage = Exclude<FromWorker, { type: 'pong' }>;

/** The buffers of a frame (added to `out`, each once), for postMessage's transfer list. */
export function frameTransfer(f: Frame, out: ArrayBuffer[] = []): ArrayBuffer[] {
  const add = (a: { buffer: ArrayBufferLike } | null) => {
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  [
    f.values,
    f.q,
    f.shaped?.values ?? null,
    f.shaped?.q ?? null,
    f.policy,
    f.visits,
    f.episodeVisits,
    f.trail,
    f.search?.visits ?? null,
    f.search?.line ?? null,
  ].forEach(add);
  return out;
}

/** The buffers of a progress message, for postMessage's transfer list. */
export function progressTransfer(p: Progress): ArrayBuffer[] {
  const out = frameTransfer(p.frame);
  if (p.summary) for (const b of summaryBuffers(p.summary)) if (!out.includes(b)) out.push(b);
  return out;
}

/** A readable message from anything thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return 'unknown error';
  }
}
