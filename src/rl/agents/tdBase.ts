/**
 * The state every tabular TD agent keeps (Q table, epsilon schedule, optional traces, the last state and
 * action), how an episode starts (epsilon-greedy) and the views over it. Each agent file adds its own
 * update rule twice over: `step` (one transition, the worker's and the UI's path) and `runEpisode` (the
 * same steps in one monomorphic loop for the trainer's whole-episode path, the CLI's and the lab's: the
 * same arithmetic and the same random draws in the same order, so both give the same run for a seed;
 * tests/unit/tabularRecorded.test.ts holds them to runs recorded before the loop existed).
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

  abstract step(r: number, s2: number, terminal: boolean): number;

  /** Runs the episode begun by start() to its end (terminated or truncated) in the host's world, each
   *  step exactly as Trainer.step followed by this.step would, the host's counters and trail kept up.
   *  endEpisode is the caller's. */
  abstract runEpisode(h: EpisodeHost): void;

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

  /** Applies a TD error to the pair in flight, through the traces when lambda > 0. */
  protected learn(delta: number): void {
    const i = this.s * 4 + this.a;
    if (this.traces) {
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
