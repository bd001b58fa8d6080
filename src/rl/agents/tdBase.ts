/**
 * The state every tabular TD agent keeps (Q table, epsilon schedule, optional traces, the last state and
 * action), how an episode starts (epsilon-greedy) and the views over it. Each agent file adds only its
 * own `step` update rule.
 */
import type { Agent } from '../agent';
import { readerFor, writerFor, type AgentState, type StateReader, type StateWriter } from '../agentState';
import type { Rng } from '../rng';
import { greedyAction } from '../greedy';
import { epsilonGreedy, EpsilonSchedule, maxQ, Traces, type EpsilonParams } from './tabular';

export interface TdParams extends EpsilonParams {
  alpha: number;
  qInit: number;
  lambda?: number;
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
