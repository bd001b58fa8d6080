/** A stand-in for the training worker: records commands, lets a test answer with typed messages. */
import { act } from '@testing-library/react';
import { emptySummary, RunMetrics } from '../../src/rl/metrics';
import type { FromWorker, Progress, ToWorker } from '../../src/worker/protocol';
import type { WorkerLike } from '../../src/worker/workerClient';

export class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;

  /** A silent worker records commands but never answers the heartbeat (like one that closed itself). */
  silent = false;

  postMessage(msg: ToWorker): void {
    if (msg.type === 'ping') {
      if (!this.silent) this.onmessage?.({ data: { type: 'pong' } } as MessageEvent<FromWorker>);
      return;
    }
    this.sent.push(msg);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Commands of one type, oldest first. */
  of<T extends ToWorker['type']>(type: T): Extract<ToWorker, { type: T }>[] {
    return this.sent.filter((m) => m.type === type) as Extract<ToWorker, { type: T }>[];
  }

  lastInit(): Extract<ToWorker, { type: 'init' }> {
    const inits = this.of('init');
    if (inits.length === 0) throw new Error('no init sent');
    return inits[inits.length - 1];
  }

  reply(msg: FromWorker): void {
    act(() => this.onmessage?.({ data: msg } as MessageEvent<FromWorker>));
  }

  /** Answers the last init with ready + a first progress message. */
  ready(patch: Partial<Progress> = {}): void {
    const init = this.lastInit();
    const n = init.config.env.grid.length * init.config.env.grid[0].length;
    this.reply({
      type: 'ready',
      runId: init.runId,
      info: { agentType: init.config.agent.type, isPlanner: false, nStates: n, backend: null },
    });
    this.progress(patch);
  }

  progress(patch: Partial<Progress> = {}): void {
    const init = this.lastInit();
    const n = init.config.env.grid.length * init.config.env.grid[0].length;
    this.reply({
      type: 'progress',
      runId: init.runId,
      progress: makeProgress(n, init.config.train.episodes, patch),
    });
  }

  crash(message = 'boom'): void {
    act(() => this.onerror?.({ message, preventDefault() {} } as ErrorEvent));
  }
}

/** Progress numbers grow across every fake message (the store keeps the newest). */
let seq = 0;

export function makeProgress(nStates: number, target: number, patch: Partial<Progress> = {}): Progress {
  return {
    seq: ++seq,
    running: false,
    done: false,
    episode: 0,
    target,
    totalSteps: 0,
    stepsPerSecond: 0,
    loss: null,
    epsilon: 0.1,
    metrics: emptySummary().counters,
    summary: null,
    frame: {
      nStates,
      values: new Float64Array(nStates),
      q: new Float64Array(nStates * 4),
      policy: null,
      visits: new Uint32Array(nStates),
      episodeVisits: new Uint32Array(nStates),
      trail: new Int32Array([0]),
      agent: 0,
    },
    planner: null,
    ...patch,
  };
}

/** A factory that hands out FakeWorkers and remembers them. */
export function fakeFactory(): { factory: () => FakeWorker; workers: FakeWorker[]; current(): FakeWorker } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    factory: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    current: () => workers[workers.length - 1],
  };
}

/** A run's metrics as the worker reports them, fed episode by episode (for progress patches). */
export class FakeRun {
  readonly metrics = new RunMetrics();
  private version = 0;

  /** Adds episodes (1 = success, with that return; 0 = failure, return 0) and returns a progress patch. */
  episodes(success: number[], steps = 10): Pick<Progress, 'episode' | 'metrics' | 'summary'> {
    for (const s of success) this.metrics.push(s, steps, s > 0, 0.1);
    return {
      episode: this.metrics.count,
      metrics: this.metrics.counters(),
      summary: this.metrics.summary(++this.version),
    };
  }
}
