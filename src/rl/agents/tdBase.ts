/**
 * The state every tabular TD agent keeps (Q table, epsilon schedule, optional traces, the last state and
 * action), how an episode starts (epsilon-greedy), the whole-episode loop and the views over it. Each
 * agent file adds only its update rule, `transition` (one step): the worker's and the UI's path runs it
 * through Trainer.step and step(), and `runEpisode` below runs it for the trainer's whole-episode path
 * (the CLI's and the lab's) without the trainer's per-step work, so both give the same run for a seed
 * (tests/unit/tabularRecorded.test.ts holds them to runs recorded before the whole-episode loop
 * existed).
 */
import type { Agent } from '../agent';
import { readerFor, writerFor, type AgentState, type StateReader, type StateWriter } from '../agentState';
import type { Rng } from '../rng';
import type { GridWorld } from '../env';
import type { RewardShaper } from '../shaping';
import { greedyAction } from '../greedy';
import { epsilonGreedy, EpsilonSchedule, maxQ, Traces, type EpsilonParams } from './tabular';

export interface TdParams extends EpsilonParams {
  alpha: number;
  qInit: number;
  lambda?: number;
}

/** What the trainer's whole-episode loop lends a tabular agent (the Trainer itself): the world, the
 *  reward shaper and the per-step bookkeeping the agent's loop keeps up as Trainer.step would. */
export interface EpisodeHost {
  readonly env: GridWorld;
  readonly shaper: RewardShaper | null;
  readonly visits: Uint32Array;
  readonly episodeVisits: Uint32Array;
  readonly trail: Int32Array;
  trailLength: number;
  totalSteps: number;
  episodeReturn: number;
}

export abstract class TabularAgent implements Agent {
  abstract readonly type: string;
  readonly planner = null;
  readonly q: Float64Array;
  protected readonly eps: EpsilonSchedule;
  protected readonly traces: Traces | null;
  protected readonly alpha: number;
  protected readonly gamma: number;
  protected readonly lambda: number;
  /** State and action of the step in flight. */
  protected s = 0;
  protected a = 0;

  constructor(
    nStates: number,
    gamma: number,
    p: TdParams,
    protected readonly rng: Rng,
  ) {
    this.q = new Float64Array(nStates * 4).fill(p.qInit);
    this.eps = new EpsilonSchedule(p);
    this.alpha = p.alpha;
    this.gamma = gamma;
    this.lambda = p.lambda ?? 0;
    this.traces = this.lambda > 0 ? new Traces(nStates * 4) : null;
  }

  /** Every TD agent opens an episode alike: epsilon-greedy in Q. */
  start(s: number): number {
    this.s = s;
    this.a = epsilonGreedy(this.q, s, this.eps.value, this.rng);
    return this.a;
  }

  /** One transition, as the Agent interface has it (the trainer's step-by-step path). */
  step(r: number, s2: number, terminal: boolean): number {
    const a2 = this.transition(this.s * 4 + this.a, r, s2, terminal);
    this.s = s2;
    this.a = a2;
    return a2;
  }

  /** The agent's update rule for the transition from the pair i = s * 4 + a to s2 with learning reward
   *  r: it learns and returns the next action (drawn at an episode's end too). Both step() and
   *  runEpisode() run it; they keep the pair in flight. */
  protected abstract transition(i: number, r: number, s2: number, terminal: boolean): number;

  /**
   * Runs the episode begun by start() to its end (terminated or truncated) in the host's world, each
   * step exactly as Trainer.step followed by this.step would: the move walks the compiled grid's tables
   * (the slip draw only when the world slips), the host's counters and trail are kept up, the agent's
   * transition() learns, and the world is left as env.step leaves it only after the last move
   * (GridWorld.land). endEpisode is the caller's.
   */
  runEpisode(h: EpisodeHost): void {
    const { env, shaper, visits, episodeVisits, trail } = h;
    const { nextState, moveReward, moveDone, maxSteps, slip } = env.grid;
    let len = h.trailLength;
    let ret = 0;
    const t0 = env.t;
    let t = t0;
    let s = this.s;
    let a = this.a;
    let m: number;
    let done: boolean;
    do {
      m = s * 4 + (slip > 0 ? env.direction(a) : a);
      const s2 = nextState[m];
      const r = moveReward[m];
      done = moveDone[m] === 1;
      t++;
      ret += r;
      visits[s2]++;
      episodeVisits[s2]++;
      trail[len++] = s2;
      a = this.transition(s * 4 + a, shaper === null ? r : shaper.shape(s, r, s2, done), s2, done);
      s = s2;
    } while (!done && t < maxSteps);
    env.land(m, t);
    this.s = s;
    this.a = a;
    h.totalSteps += t - t0;
    h.trailLength = len;
    h.episodeReturn += ret;
  }

  /** One transition (s, a, r, s2) through this agent's own step() rule, outside the episode in flight
   *  (demonstration replay, a live grade: src/rl/trainer.ts); the pair in flight is put back and the
   *  traces cleared (a one-step update). */
  learnFrom(s: number, a: number, r: number, s2: number, terminal: boolean): void {
    const s0 = this.s;
    const a0 = this.a;
    this.traces?.clear();
    this.s = s;
    this.a = a;
    this.step(r, s2, terminal);
    this.traces?.clear();
    this.s = s0;
    this.a = a0;
  }

  endEpisode(): void {
    this.traces?.clear();
    this.eps.endEpisode();
  }

  /** Applies a TD error to the pair i = s * 4 + a, through the traces when lambda > 0. */
  protected learn(i: number, delta: number): void {
    if (this.traces !== null) {
      this.traces.visit(i);
      this.traces.apply(this.q, this.alpha * delta, this.gamma * this.lambda);
    } else {
      this.q[i] += this.alpha * delta;
    }
  }

  greedy(s: number): number {
    return greedyAction(this.q, s);
  }

  qValues(out: Float64Array): void {
    out.set(this.q);
  }

  values(out: Float64Array): void {
    for (let s = 0; s < out.length; s++) out[s] = maxQ(this.q, s);
  }

  epsilon(): number {
    return this.eps.value;
  }

  dispose(): void {}

  /** The Q table (exact), the epsilon reached and the random stream; subclasses add their own parts. */
  exportState(): AgentState {
    const { w, done } = writerFor(this.type);
    w.arr('q', this.q).num('epsilon', this.eps.value).rng('rng', this.rng);
    this.writeState(w);
    return done();
  }

  importState(state: AgentState): void {
    const r = readerFor(state, this.type);
    const eps = r.num('epsilon', { min: 0, max: 1 });
    r.into('q', this.q)
      .rng('rng', this.rng)
      .then(() => (this.eps.value = eps));
    this.readState(r);
    r.apply();
    this.traces?.clear();
  }

  /** Parts of a subclass's state beyond the Q table (Dyna-Q's model). */
  protected writeState(_w: StateWriter): void {}
  protected readState(_r: StateReader): void {}
}
