/**
 * The page's side of the training worker: creates it, sends typed commands, forwards typed answers, and
 * restarts the worker when it dies: an error that escaped the worker's own handling, or silence (a
 * heartbeat: the client pings every HEARTBEAT_MS and a worker that has sent nothing for
 * HEARTBEAT_TIMEOUT_MS while that many pings went unanswered, e.g. one that closed itself, is replaced;
 * a page that was itself too busy to send its pings, or to read the answers, does not count that time
 * against the worker). The worker factory and the clock are injectable so tests can use fakes.
 */
import {
  HEARTBEAT_MS,
  HEARTBEAT_TIMEOUT_MS,
  type FromWorker,
  type RunMessage,
  type ToWorker,
} from './protocol';

/** The part of `Worker` the client uses. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export interface ClientListener {
  onMessage(msg: RunMessage): void;
  /** The worker died and a fresh one is running (`restarted`), or it keeps dying and was given up on. */
  onCrash(message: string, restarted: boolean): void;
  /** The heartbeat's answer: the worker's current run and the number of its last progress message. */
  onPong?(runId: number, seq: number): void;
}

/** Timers and clock, replaceable in tests. */
export interface ClientTimers {
  now(): number;
  every(ms: number, f: () => void): () => void;
}

const realTimers: ClientTimers = {
  now: () => Date.now(),
  every(ms, f) {
    const id = setInterval(f, ms);
    return () => clearInterval(id);
  },
};

/** The real module worker (bundled by Vite). */
export function createBrowserWorker(): WorkerLike {
  return new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  }) as unknown as WorkerLike;
}

/** More crashes than this within CRASH_WINDOW_MS and the client stops restarting. */
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 10_000;

export class TrainingClient {
  private worker: WorkerLike | null = null;
  private crashTimes: number[] = [];
  private lastHeard = 0;
  /** Pings sent since the worker last said anything. */
  private missed = 0;
  /** Silence allowed beyond HEARTBEAT_TIMEOUT_MS (ms): the run's longest call (RunInfo.longestCallMs)
   *  and 3x the longest the worker said it went without answering. */
  private expectedMs = 0;
  private measuredMs = 0;
  private stopHeartbeat: () => void;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly listener: ClientListener,
    private readonly timers: ClientTimers = realTimers,
  ) {
    this.attach();
    this.stopHeartbeat = timers.every(HEARTBEAT_MS, () => this.heartbeat());
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  send(msg: ToWorker): void {
    if (!this.worker) this.attach();
    this.worker?.postMessage(msg);
  }

  /** Replaces the worker with a fresh one (the caller re-sends `init`). */
  restart(): void {
    this.worker?.terminate();
    this.worker = null;
    this.attach();
  }

  dispose(): void {
    this.stopHeartbeat();
    this.worker?.terminate();
    this.worker = null;
  }

  /** The silence after which the worker is taken for dead (ms). */
  get timeoutMs(): number {
    return Math.max(HEARTBEAT_TIMEOUT_MS, this.expectedMs, 3 * this.measuredMs);
  }

  private heartbeat(): void {
    const w = this.worker;
    if (!w) return;
    const timeout = this.timeoutMs;
    if (this.timers.now() - this.lastHeard > timeout && this.missed >= timeout / HEARTBEAT_MS) {
      this.crashed(`it stopped answering for ${Math.round(timeout / 1000)} s`);
      return;
    }
    this.missed++;
    w.postMessage({ type: 'ping' });
  }

  private attach(): void {
    let w: WorkerLike;
    try {
      w = this.factory();
    } catch (e) {
      this.worker = null;
      this.listener.onCrash(e instanceof Error ? e.message : String(e), false);
      return;
    }
    w.onmessage = (e) => {
      if (this.worker !== w) return;
      this.lastHeard = this.timers.now();
      this.missed = 0;
      const m = e.data;
      if (m.type === 'pong') {
        this.measuredMs = Math.max(this.measuredMs, m.slowestMs ?? 0);
        if (m.allowMs !== undefined) this.expectedMs = m.allowMs;
        if (m.runId !== undefined && m.seq !== undefined) this.listener.onPong?.(m.runId, m.seq);
        return;
      }
      if (m.type === 'ready') this.expectedMs = m.info.longestCallMs ?? 0;
      this.listener.onMessage(m);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      if (this.worker === w) this.crashed(e.message || 'the training worker stopped unexpectedly');
    };
    w.onmessageerror = () => {
      if (this.worker === w) this.crashed('the training worker sent a message that could not be read');
    };
    this.worker = w;
    this.lastHeard = this.timers.now();
    this.missed = 0;
    this.measuredMs = 0;
  }

  private crashed(message: string): void {
    const now = this.timers.now();
    this.crashTimes = this.crashTimes.filter((t) => now - t < CRASH_WINDOW_MS);
    this.crashTimes.push(now);
    this.worker?.terminate();
    this.worker = null;
    if (this.crashTimes.length > MAX_CRASHES) {
      this.listener.onCrash(message, false);
      return;
    }
    this.attach();
    this.listener.onCrash(message, this.worker !== null);
  }
}
