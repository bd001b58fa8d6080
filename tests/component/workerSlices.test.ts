// @vitest-environment node
/**
 * A worker busy on valid, slow updates is never taken for dead: at every speed its loop ends a slice
 * after a slow step and answers the heartbeat between two of them (a fake agent whose steps become slow,
 * like a big DQN once its updates begin, on the test's clock); and a page too busy to send its pings
 * does not count that time against the worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config/defaults';
import { Trainer } from '../../src/rl/trainer';
import {
  HEARTBEAT_MS,
  HEARTBEAT_TIMEOUT_MS,
  SPEEDS,
  type FromWorker,
  type ToWorker,
} from '../../src/worker/protocol';
import { TrainingClient, type ClientTimers, type WorkerLike } from '../../src/worker/workerClient';
import { WorkerLoop } from '../../src/worker/workerLoop';

afterEach(() => vi.restoreAllMocks());

/** Steps take SLOW_MS each on the test's clock once LEARNING_STARTS steps were taken. */
const SLOW_MS = 400;
const LEARNING_STARTS = 50;
/** Before that, a step is one forward pass. */
const FORWARD_MS = 0.02;

function slowRun() {
  const config = defaultConfig();
  config.train.episodes = 1_000_000;
  const trainer = new Trainer(config);
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const step = trainer.step.bind(trainer);
  trainer.step = () => {
    clock += trainer.totalSteps >= LEARNING_STARTS ? SLOW_MS : FORWARD_MS;
    return step();
  };
  const tasks: Array<{ f: () => void; at: number }> = [];
  const sent: FromWorker[] = [];
  const loop = new WorkerLoop({
    send: (m) => sent.push(m),
    later: (f, delayMs) => tasks.push({ f, at: clock + Math.max(0, delayMs) }),
    now: () => clock,
    createTrainer: async () => trainer,
  });
  return {
    trainer,
    sent,
    loop,
    tasks,
    get clock() {
      return clock;
    },
    set clock(t: number) {
      clock = t;
    },
  };
}

describe('the worker answers between slow updates, at every speed', () => {
  for (const speed of SPEEDS.filter((s) => s.stepsPerSecond >= 30)) {
    it(`at "${speed.label}" a slow step ends its slice, so pings are answered between steps`, async () => {
      const r = slowRun();
      r.loop.handle({ type: 'speed', stepsPerSecond: speed.stepsPerSecond });
      r.loop.handle({ type: 'init', runId: 1, config: r.trainer.config });
      await vi.waitFor(() => expect(r.sent.some((m) => m.type === 'ready')).toBe(true));
      r.loop.handle({ type: 'play' });
      let answered = r.clock;
      let longest = 0;
      for (let i = 0; i < 5000 && r.trainer.totalSteps < LEARNING_STARTS + 20; i++) {
        const task = r.tasks.shift();
        if (!task) break;
        r.clock = Math.max(r.clock, task.at);
        task.f();
        // A ping that waited is answered as soon as the slice gives the event loop back.
        const before = r.sent.length;
        r.loop.handle({ type: 'ping' });
        expect(r.sent.at(-1)?.type).toBe('pong');
        expect(r.sent.length).toBe(before + 1);
        longest = Math.max(longest, r.clock - answered);
        answered = r.clock;
      }
      expect(r.trainer.totalSteps).toBeGreaterThanOrEqual(LEARNING_STARTS + 20);
      // One slow step (and the time until it was due), never a chunk of them.
      expect(longest).toBeLessThan(2 * SLOW_MS + 1000 / speed.stepsPerSecond + 50);
      expect(longest).toBeLessThan(HEARTBEAT_TIMEOUT_MS / 4);
      // Pause is handled after at most one more step.
      r.loop.handle({ type: 'pause' });
      expect(r.loop.session!.running).toBe(false);
    });
  }
});

class QuietWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  pings = 0;
  terminated = false;
  postMessage(msg: ToWorker): void {
    if (msg.type === 'ping') this.pings++;
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(): void {
    this.onmessage?.({ data: { type: 'pong', runId: 1, seq: 0 } } as MessageEvent<FromWorker>);
  }
}

describe('a page too busy to ping does not take the worker for dead', () => {
  it('a page blocked for longer than the timeout, whose pings were never sent, keeps its worker', () => {
    let t = 0;
    let beat: () => void = () => {};
    const timers: ClientTimers = {
      now: () => t,
      every: (_ms, f) => {
        beat = f;
        return () => {};
      },
    };
    const workers: QuietWorker[] = [];
    const crashes: string[] = [];
    new TrainingClient(
      () => {
        const w = new QuietWorker();
        workers.push(w);
        return w;
      },
      { onMessage() {}, onCrash: (m) => crashes.push(m) },
      timers,
    );
    // The page's main thread was busy for 8 s: the interval fires once, late, with the answers queued.
    t += 8000;
    beat();
    expect(crashes).toEqual([]);
    workers[0].answer();
    // A worker that really stopped: six pings sent a second apart, none answered.
    for (let i = 0; i < HEARTBEAT_TIMEOUT_MS / HEARTBEAT_MS + 1; i++) {
      t += HEARTBEAT_MS;
      beat();
    }
    expect(crashes).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
  });
});

describe('the heartbeat allows the run its longest call', () => {
  function client() {
    let t = 0;
    let beat: () => void = () => {};
    const timers: ClientTimers = {
      now: () => t,
      every: (_ms, f) => {
        beat = f;
        return () => {};
      },
    };
    const w = new QuietWorker();
    const crashes: string[] = [];
    new TrainingClient(() => w, { onMessage() {}, onCrash: (m) => crashes.push(m) }, timers);
    const silence = (ms: number) => {
      for (let i = 0; i < ms / HEARTBEAT_MS; i++) {
        t += HEARTBEAT_MS;
        beat();
      }
    };
    const say = (msg: FromWorker) => w.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
    return { w, crashes, silence, say };
  }

  it('a big network announced as slow (RunInfo.longestCallMs) is given that long, then no longer', () => {
    const c = client();
    c.say({
      type: 'ready',
      runId: 1,
      info: { agentType: 'dqn', isPlanner: false, nStates: 2500, backend: 'wasm', longestCallMs: 20_000 },
    });
    c.silence(15_000);
    expect(c.crashes).toEqual([]);
    c.silence(7_000);
    expect(c.crashes).toHaveLength(1);
    expect(c.crashes[0]).toMatch(/20 s/);
  });

  it('a worker that said it was once busy for 4 s is given 12 s', () => {
    const c = client();
    c.say({ type: 'pong', runId: 1, seq: 0, slowestMs: 4000 });
    c.silence(10_000);
    expect(c.crashes).toEqual([]);
    c.silence(4000);
    expect(c.crashes).toHaveLength(1);
  });
});
