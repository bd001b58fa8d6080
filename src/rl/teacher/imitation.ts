/**
 * Behaviour cloning, tabular: the agent copies the teacher. In each cell it makes the move the
 * demonstrations chose most often there (the lowest-index move among equally frequent ones); in a cell
 * the teacher never acted from it makes one fixed move drawn from its seeded stream when it is built. It
 * never learns from reward (step ignores it) and never explores, so it can be no better than the teacher
 * where the teacher went. The trainer hands it the demonstrations (Trainer's constructor, `imitate`).
 */
import type { Agent } from '../agent';
import { readerFor, writerFor, type AgentState } from '../agentState';
import type { Rng } from '../rng';
import type { DemoTransitions } from './demonstrations';

export class ImitationAgent implements Agent {
  readonly type = 'imitation';
  readonly planner = null;
  /** Per (s * 4 + a): the share of the teacher's moves in s that chose a (0 where it never acted). */
  readonly q: Float64Array;
  /** Per cell: the move the agent makes. */
  readonly move: Uint8Array;
  /** Per cell: 1 where the teacher acted. */
  readonly taught: Uint8Array;

  constructor(nStates: number, rng: Rng) {
    this.q = new Float64Array(nStates * 4);
    this.move = new Uint8Array(nStates);
    this.taught = new Uint8Array(nStates);
    for (let s = 0; s < nStates; s++) this.move[s] = rng.int(4);
  }

  /** Learns the teacher's moves (replacing anything learned before). */
  imitate(t: DemoTransitions): void {
    const counts = new Float64Array(this.q.length);
    for (let k = 0; k < t.n; k++) counts[t.s[k] * 4 + t.a[k]]++;
    this.q.fill(0);
    this.taught.fill(0);
    for (let s = 0; s < this.move.length; s++) {
      const b = s * 4;
      const total = counts[b] + counts[b + 1] + counts[b + 2] + counts[b + 3];
      if (total === 0) continue;
      let best = 0;
      for (let a = 0; a < 4; a++) {
        this.q[b + a] = counts[b + a] / total;
        if (counts[b + a] > counts[b + best]) best = a;
      }
      this.move[s] = best;
      this.taught[s] = 1;
    }
  }

  start(s: number): number {
    return this.move[s];
  }

  step(_r: number, s2: number): number {
    return this.move[s2];
  }

  endEpisode(): void {}

  greedy(s: number): number {
    return this.move[s];
  }

  qValues(out: Float64Array): void {
    out.set(this.q);
  }

  values(out: Float64Array): void {
    for (let s = 0; s < out.length; s++) out[s] = this.q[s * 4 + this.move[s]];
  }

  /** Its policy: one move per cell, the cloned one (or the fixed random one). */
  policy(out: Float64Array): boolean {
    out.fill(0);
    for (let s = 0; s < this.move.length; s++) out[s * 4 + this.move[s]] = 1;
    return true;
  }

  epsilon(): number {
    return 0;
  }

  dispose(): void {}

  /** What it copied (the moves and shares); rebuilt the same from the demonstrations anyway. */
  exportState(): AgentState {
    const { w, done } = writerFor(this.type);
    w.arr('q', this.q).arr('move', this.move).arr('taught', this.taught);
    return done();
  }

  importState(state: AgentState): void {
    const r = readerFor(state, this.type);
    r.into('q', this.q).into('move', this.move).into('taught', this.taught);
    r.apply();
  }
}
