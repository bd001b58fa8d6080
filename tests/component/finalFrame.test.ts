/**
 * After Done, Paused or a step the page shows the run's state at that moment, whatever the load: the real
 * worker loop (src/worker/workerLoop.ts, a real Q-learning run) talks to the real controller and store
 * through a channel that drops and reorders progress messages, as a busy machine may deliver them late;
 * and a table read stretched by a busy machine must not make the final frame a cached, older one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { createTrainer, Trainer } from '../../src/rl/trainer';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { connectTraining, training } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import {
  DEFAULT_SPEED_INDEX,
  HEARTBEAT_MS,
  MAX_SPEED_INDEX,
  type FromWorker,
  type ToWorker,
} from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';
import type { ClientTimers, WorkerLike } from '../../src/worker/workerClient';
import { WorkerLoop } from '../../src/worker/workerLoop';

/** The worker loop in-process; what it sends waits in `outbox` until the test delivers it. */
class LoopWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  outbox: FromWorker[] = [];
  tasks: Array<() => void> = [];
  readonly loop = new WorkerLoop({
    send: (msg) => this.outbox.push(msg),
    later: (f) => this.tasks.push(f),
    now: () => performance.now(),
    createTrainer,
  });

  postMessage(msg: ToWorker): void {
    this.loop.handle(structuredClone(msg));
  }
  terminate(): void {}

  deliver(msg: FromWorker): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }

  /** Runs the loop's slices until it stops (or `max` slices). */
  runSlices(max = 100_000): void {
    for (let i = 0; i < max && this.tasks.length > 0; i++) this.tasks.shift()!();
  }

  get trainer(): Trainer {
    return this.loop.session!.trainer;
  }
}

/** Delivers what is waiting, dropping every other progress message and handing the rest over
 *  newest first (so older frames come after newer ones); `dropLast` also loses the newest. */
function deliverBadly(w: LoopWorker, dropLast = false): void {
  const msgs = w.outbox;
  w.outbox = [];
  const progress = msgs.filter((m) => m.type === 'progress');
  const newest = progress.at(-1);
  const kept = progress.filter((m, i) => (i % 2 === 1 || m === newest) && !(dropLast && m === newest));
  for (const m of msgs) if (m.type !== 'progress') w.deliver(m);
  for (const m of kept.reverse()) w.deliver(m);
}

function manualTimers() {
  let t = 0;
  const fns: Array<() => void> = [];
  const timers: ClientTimers = {
    now: () => t,
    every(_ms, f) {
      fns.push(f);
      return () => fns.splice(fns.indexOf(f), 1);
    },
  };
  const beat = () => {
    t += HEARTBEAT_MS;
    for (const f of [...fns]) f();
  };
  return { timers, beat };
}

/** The trainer's state as the store should show it. */
function expectStoreShows(t: Trainer): void {
  const s = useTrainingStore.getState();
  const q = new Float64Array(t.grid.nStates * 4);
  t.agent.qValues(q);
  expect(s.episode).toBe(t.episode);
  expect(s.totalSteps).toBe(t.totalSteps);
  expect(Array.from(s.frame!.q!)).toEqual(Array.from(q));
  expect(s.frame!.agent).toBe(t.state);
}

let disconnect: (() => void) | null = null;
let worker: LoopWorker;
let beat: () => void;

async function connect(config: Config): Promise<void> {
  useConfigStore.getState().setConfig(config, { reason: 'test' });
  const m = manualTimers();
  beat = m.beat;
  disconnect = connectTraining(() => (worker = new LoopWorker()), m.timers);
  await vi.waitFor(() => expect(worker.outbox.some((m) => m.type === 'progress')).toBe(true));
  deliverBadly(worker);
  expect(useTrainingStore.getState().status).toBe('idle');
}

beforeEach(() => resetConfigStore());
afterEach(() => {
  disconnect?.();
  disconnect = null;
  vi.restoreAllMocks();
});

describe('the page ends on the run final state, whatever happens to the frames on the way', () => {
  it('after Done, Paused and a step, with frames dropped, reordered and the last one lost', async () => {
    const config = defaultConfig();
    config.train.episodes = 300;
    await connect(config);

    // Done: slices of training at full speed, their progress delivered badly.
    training.setSpeed(MAX_SPEED_INDEX);
    training.play();
    for (let i = 0; i < 10_000 && worker.tasks.length > 0; i++) {
      worker.runSlices(1);
      if (i % 20 === 19) deliverBadly(worker);
    }
    deliverBadly(worker);
    expect(useTrainingStore.getState().status).toBe('done');
    expectStoreShows(worker.trainer);
    expect(worker.trainer.episode).toBe(300);

    // Paused, the pause's own message lost: the heartbeat notices and the page asks again.
    const stepsAtDone = worker.trainer.totalSteps;
    training.setSpeed(DEFAULT_SPEED_INDEX);
    training.play();
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 40));
      worker.runSlices(1);
      deliverBadly(worker);
    }
    expect(worker.trainer.totalSteps).toBeGreaterThan(stepsAtDone);
    training.pause();
    worker.runSlices();
    deliverBadly(worker, true);
    expect(useTrainingStore.getState().status).toBe('pausing');
    beat();
    deliverBadly(worker); // the pong
    deliverBadly(worker); // the refresh's progress
    expect(useTrainingStore.getState().status).toBe('paused');
    expectStoreShows(worker.trainer);

    // Steps: an older frame after the newer one changes nothing.
    for (let k = 0; k < 3; k++) training.step();
    deliverBadly(worker);
    expect(useTrainingStore.getState().status).toBe('paused');
    expectStoreShows(worker.trainer);
  });
});

describe('the final frame is read fresh', () => {
  it('even when a busy machine stretched the last table read (the cache of slow tables is not used)', () => {
    const config = defaultConfig();
    config.train.episodes = 300;
    const trainer = new Trainer(config);
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    // The table reads at the run's end look slow (the thread descheduled mid-read).
    const qValues = trainer.agent.qValues.bind(trainer.agent);
    trainer.agent.qValues = (out) => {
      if (trainer.episode >= 299) clock += 5;
      return qValues(out);
    };
    const s = new TrainingSession(trainer);
    s.progress(clock, 0);
    s.play();
    s.run(Number.MAX_SAFE_INTEGER, Infinity, () => clock);
    expect(s.done).toBe(true);
    const p = s.progress(clock, 1);
    const q = new Float64Array(trainer.grid.nStates * 4);
    qValues(q);
    expect(Array.from(p.frame.q!)).toEqual(Array.from(q));
  });
});
