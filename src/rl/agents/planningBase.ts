/**
 * Shared machinery of the dynamic-programming agents: the value table, a (possibly stochastic) policy
 * table, synchronous sweeps over the exact model, and greedy improvement that shares probability among
 * tied best actions (as the textbook's arrows do; the tie rule is src/rl/greedy.ts's). Walking the
 * world follows the greedy move in the current V.
 */
import type { Agent, Planner } from '../agent';
import { readerFor, writerFor, type AgentState } from '../agentState';
import { bestMoves, greedyAction, popCount } from '../greedy';
import { lookahead, type Model } from '../model';

export interface PlanningParams {
  theta: number;
  maxSweeps: number;
}

export abstract class PlanningAgent implements Agent, Planner {
  abstract readonly type: string;
  readonly planner: Planner = this;
  readonly v: Float64Array;
  /** pi(a | s) at [s * 4 + a]. Starts uniform random. */
  readonly pi: Float64Array;
  sweeps = 0;
  improvements = 0;
  converged = false;
  lastDelta = Infinity;
  private readonly next: Float64Array;
  /** One state's four lookaheads. */
  private readonly q4 = new Float64Array(4);

  constructor(
    protected readonly model: Model,
    protected readonly p: PlanningParams,
  ) {
    const n = model.grid.nStates;
    this.v = new Float64Array(n);
    this.next = new Float64Array(n);
    this.pi = new Float64Array(n * 4).fill(0.25);
  }

  /** The backed-up value of s in one sweep. */
  protected abstract backup(s: number): number;

  /** Redraws the greedy policy in V (policy iteration also acts on it). */
  improve(): boolean {
    return this.makeGreedy();
  }

  /** Sweeps until V settles, then reads off the greedy policy (policy iteration alternates instead). */
  solve(): void {
    this.evaluate();
    this.makeGreedy();
    this.converged = true;
  }

  /** Whether a sweep whose change is below theta means the agent is done (not so for policy iteration,
   *  which must also find its policy stable). */
  protected settlesWithValues = true;

  sweep(): number {
    const { active } = this.model;
    let delta = 0;
    for (let k = 0; k < active.length; k++) {
      const s = active[k];
      const x = this.backup(s);
      delta = Math.max(delta, Math.abs(x - this.v[s]));
      this.next[s] = x;
    }
    for (let k = 0; k < active.length; k++) this.v[active[k]] = this.next[active[k]];
    this.sweeps++;
    this.lastDelta = delta;
    if (this.settlesWithValues && delta < this.p.theta) this.converged = true;
    return delta;
  }

  /** Sweeps until the largest change is below theta or the sweep cap is reached. */
  protected evaluate(): void {
    while (this.sweeps < this.p.maxSweeps && this.sweep() >= this.p.theta);
  }

  /** Sum over a of pi(a|s) * Q(s, a). */
  protected policyBackup(s: number): number {
    let x = 0;
    for (let a = 0; a < 4; a++) {
      const p = this.pi[s * 4 + a];
      if (p > 0) x += p * lookahead(this.model, this.v, s, a);
    }
    return x;
  }

  protected bestBackup(s: number): number {
    let best = -Infinity;
    for (let a = 0; a < 4; a++) best = Math.max(best, lookahead(this.model, this.v, s, a));
    return best;
  }

  /** Makes pi greedy in V (ties share probability); returns true when no state's best set changed. */
  protected makeGreedy(): boolean {
    const { active } = this.model;
    let stable = true;
    for (let k = 0; k < active.length; k++) {
      const s = active[k];
      const best = bestMoves(this.lookaheads(s), 0);
      const p = 1 / popCount(best);
      for (let a = 0; a < 4; a++) {
        const isBest = (best & (1 << a)) !== 0;
        if (this.pi[s * 4 + a] > 0 !== isBest) stable = false;
        this.pi[s * 4 + a] = isBest ? p : 0;
      }
    }
    this.improvements++;
    return stable;
  }

  /** Q(s, .) by one-step lookahead on V, in a scratch row. */
  private lookaheads(s: number): Float64Array {
    for (let a = 0; a < 4; a++) this.q4[a] = lookahead(this.model, this.v, s, a);
    return this.q4;
  }

  start(s: number): number {
    return this.greedy(s);
  }
  step(_r: number, s2: number): number {
    return this.greedy(s2);
  }
  endEpisode(): void {}

  greedy(s: number): number {
    return greedyAction(this.lookaheads(s), 0);
  }

  qValues(out: Float64Array): void {
    const n = this.model.grid.nStates;
    for (let s = 0; s < n; s++)
      for (let a = 0; a < 4; a++) out[s * 4 + a] = lookahead(this.model, this.v, s, a);
  }

  values(out: Float64Array): void {
    out.set(this.v);
  }

  policy(out: Float64Array): boolean {
    out.set(this.pi);
    return true;
  }

  epsilon(): number {
    return 0;
  }

  dispose(): void {}

  /** The values, the policy and the planner's counters (a solved planner opens solved). */
  exportState(): AgentState {
    const { w, done } = writerFor(this.type);
    w.arr('v', this.v)
      .arr('pi', this.pi)
      .num('sweeps', this.sweeps)
      .num('improvements', this.improvements)
      .num('converged', this.converged ? 1 : 0)
      .num('lastDelta', this.lastDelta);
    return done();
  }

  importState(state: AgentState): void {
    const r = readerFor(state, this.type);
    const sweeps = r.num('sweeps', { min: 0, int: true });
    const improvements = r.num('improvements', { min: 0, int: true });
    const converged = r.num('converged', { min: 0, max: 1, int: true }) === 1;
    const lastDelta = r.num('lastDelta', { min: 0, nullable: true });
    const pi = r.read('pi', this.pi);
    for (let i = 0; i < pi.length; i++)
      if (pi[i] < 0 || pi[i] > 1) r.fail('pi', `has ${pi[i]} at ${i}, not a probability`);
    r.into('v', this.v)
      .into('pi', this.pi)
      .then(() => {
        this.sweeps = sweeps;
        this.improvements = improvements;
        this.converged = converged;
        this.lastDelta = lastDelta ?? Infinity;
      })
      .apply();
  }
}
