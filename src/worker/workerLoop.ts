/**
 * The training worker's loop, apart from the worker globals (trainingWorker.ts wires it to `self`), so
 * tests can drive the real thing. Runs time-sliced: at most SLICE_MS of steps at a time whatever the
 * speed (a slow step, e.g. a big neural update, ends its slice: see TrainingSession.run), then yields (a
 * MessageChannel message at full speed, a timer at limited speeds) so `pause`, the heartbeat's `ping`
 * and other commands are handled between slices. Posts progress at most MAX_POSTS_PER_SECOND times a
 * second, and always after a command or when a run stops (that message carries the final frame). A
 * `snapshot`, `search-step` or `export-agent` request is answered at once and leaves the run as it is.
 * Errors in a command are reported as `error` messages.
 */
import type { Trainer } from '../rl/trainer';
import type { Config } from '../config/schema';
import type { TrainedState } from '../config/packedArray';
import {
  errorMessage,
  frameTransfer,
  MAX_POSTS_PER_SECOND,
  progressTransfer,
  type FromWorker,
  type ToWorker,
} from './protocol';
import { runAllowanceMs, TrainingSession } from './trainingSession';
import { checkTrainedRun } from '../rl/trainedRunCheck';

/** Longest stretch of steps between two looks at the page's commands (ms), at every speed. */
export const SLICE_MS = 10;
const POST_INTERVAL_MS = 1000 / MAX_POSTS_PER_SECOND;

export interface LoopHost {
  send(msg: FromWorker, transfer: Transferable[]): void;
  /** Calls `f` soon (0: as soon as pending messages are handled) or after `delayMs`. */
  later(f: () => void, delayMs: number): void;
  now(): number;
  createTrainer(config: Config, state?: TrainedState): Promise<Trainer>;
}

export class WorkerLoop {
  session: TrainingSession | null = null;
  private runId = -1;
  private stepsPerSecond = Infinity;
  private scheduled = false;
  private lastTick = 0;
  private budget = 0;
  private lastPost = -Infinity;
  private dirty = false;
  /** Number of the last progress message sent (-1: none yet). */
  private seq = -1;
  private seqOfRun = -1;
  /** The longest the loop went without reading its messages (one slice or one command, ms). */
  private slowestMs = 0;

  constructor(private readonly host: LoopHost) {}

  private send(msg: FromWorker, transfer: Transferable[] = []): void {
    this.host.send(msg, transfer);
  }

  private postProgress(fresh?: boolean): void {
    const s = this.session;
    if (!s) return;
    const progress = s.progress(this.host.now(), ++this.seq, fresh);
    this.seqOfRun = this.seq;
    this.send({ type: 'progress', runId: this.runId, progress }, progressTransfer(progress));
    this.lastPost = this.host.now();
    this.dirty = false;
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.later(() => this.tick(), delayMs);
  }

  /** Delay until the next step is due at a limited speed (at most half a post interval). */
  private nextDelay(): number {
    const untilNext = ((1 - this.budget) * 1000) / this.stepsPerSecond;
    return Math.max(1, Math.min(POST_INTERVAL_MS / 2, untilNext));
  }

  /** The run stopped (done, paused, a step): its message, with its final frame. Tables that take long to
   *  read (a neural agent's) are not read before the stop is reported: the latest read goes first, then
   *  a message with fresh tables follows (unless the run went on meanwhile, whose messages then do). */
  private postStopped(): void {
    const s = this.session;
    if (!s) return;
    if (!s.tablesExpensive || s.tablesCurrent) {
      this.postProgress(true);
      return;
    }
    this.postProgress(false);
    this.host.later(() => {
      if (this.session === s && !s.running) this.timed(() => this.postProgress(true));
    }, 0);
  }

  /** Runs f and remembers how long the loop was busy. */
  private timed(f: () => void): void {
    const t0 = this.host.now();
    f();
    this.slowestMs = Math.max(this.slowestMs, this.host.now() - t0);
  }

  tick(): void {
    this.timed(() => this.slice());
  }

  private slice(): void {
    this.scheduled = false;
    const s = this.session;
    if (!s || !s.running) return;
    const clock = () => this.host.now();
    const now = clock();
    try {
      if (this.stepsPerSecond === Infinity) {
        s.run(Number.MAX_SAFE_INTEGER, now + SLICE_MS, clock);
        this.dirty = true;
      } else {
        const cap = Math.max(1, this.stepsPerSecond * 0.05);
        this.budget = Math.min(cap, this.budget + ((now - this.lastTick) * this.stepsPerSecond) / 1000);
        const n = Math.floor(this.budget);
        if (n > 0) {
          this.budget -= s.run(n, now + SLICE_MS, clock);
          this.dirty = true;
        }
      }
    } catch (e) {
      s.pause();
      this.send({ type: 'error', runId: this.runId, phase: 'train', message: errorMessage(e) });
    }
    this.lastTick = now;
    // A run that stopped in this slice always reports it, with its final frame.
    if (!s.running) this.postStopped();
    else if (this.dirty && clock() - this.lastPost >= POST_INTERVAL_MS) this.postProgress();
    if (s.running) this.schedule(this.stepsPerSecond === Infinity ? 0 : this.nextDelay());
  }

  private async init(id: number, msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
    try {
      const trainer = await this.host.createTrainer(msg.config, msg.state);
      if (id !== this.runId) {
        trainer.agent.dispose();
        return;
      }
      // Building the session reads the tables (a big network's take seconds): say first how long the
      // longest call may take, so the page's heartbeat allows it.
      this.send({
        type: 'pong',
        runId: id,
        seq: -1,
        slowestMs: this.slowestMs,
        allowMs: runAllowanceMs(trainer),
      });
      this.session = new TrainingSession(trainer);
      this.session.setTeacherBest(this.teacherBest);
      this.send({ type: 'ready', runId: id, info: this.session.info });
      this.postProgress();
    } catch (e) {
      if (id !== this.runId) return;
      const message = msg.state
        ? `This trained agent could not be loaded: ${errorMessage(e)}. Press Reset to train this world from the start (your previous world is in Saved configs, Recently replaced).`
        : errorMessage(e);
      this.send({ type: 'error', runId: id, phase: 'create', message });
    }
  }

  /** The person's best return (ToWorker 'teacher-best'), kept for every run built. */
  private teacherBest: number | null = null;

  handle(msg: ToWorker): void {
    if (msg.type === 'ping') {
      this.send({
        type: 'pong',
        runId: this.runId,
        seq: this.session ? this.seqOfRun : -1,
        slowestMs: this.slowestMs,
      });
      return;
    }
    this.timed(() => this.command(msg));
  }

  private command(msg: Exclude<ToWorker, { type: 'ping' }>): void {
    if (msg.type === 'init') {
      this.session?.trainer.agent.dispose();
      this.session = null;
      this.runId = msg.runId;
      this.seqOfRun = -1;
      void this.init(msg.runId, msg);
      return;
    }
    if (msg.type === 'check-agent') {
      void checkTrainedRun(msg.config, msg.state).then((error) =>
        this.send({ type: 'agent-check', id: msg.id, error }),
      );
      return;
    }
    if (msg.type === 'teacher-best') {
      this.teacherBest = msg.best;
      this.session?.setTeacherBest(msg.best);
      if (this.session && !this.session.running) this.postProgress();
      return;
    }
    if (msg.type === 'grade') {
      this.session?.applyGrade(msg.grade);
      return;
    }
    if (msg.type === 'speed') {
      this.stepsPerSecond = msg.stepsPerSecond > 0 ? msg.stepsPerSecond : Infinity;
      this.budget = Math.min(this.budget, 1);
      return;
    }
    const s = this.session;
    if (!s) return;
    const runId = this.runId;
    if (msg.type === 'search-step') {
      const step = s.thinking.view(msg.k);
      this.send({ type: 'search', runId, step }, step ? [step.visits.buffer, step.line.buffer] : []);
      return;
    }
    if (msg.type === 'export-agent') {
      try {
        this.send({ type: 'agent-state', runId, state: s.trainer.exportState() });
      } catch (e) {
        this.send({ type: 'agent-state', runId, state: null, error: errorMessage(e) });
      }
      return;
    }
    if (msg.type === 'snapshot') {
      const { moment, frame } = s.snapshot(msg.index);
      this.send(
        { type: 'snapshot', runId, index: msg.index, moment, frame },
        frame ? frameTransfer(frame) : [],
      );
      return;
    }
    if (msg.type === 'refresh') {
      s.resendHistory();
      this.postProgress();
      return;
    }
    try {
      switch (msg.type) {
        case 'play':
          s.play();
          this.budget = 1;
          this.lastTick = this.host.now();
          this.schedule(0);
          break;
        case 'pause':
          s.pause();
          break;
        case 'step':
          s.stepOnce();
          break;
        case 'episode':
          s.runEpisode();
          break;
        case 'plan':
          s.pause();
          s.plan(msg.op);
          break;
      }
    } catch (e) {
      s.pause();
      this.send({ type: 'error', runId, phase: 'train', message: errorMessage(e) });
    }
    if (s.running) this.postProgress();
    else this.postStopped();
  }
}
