/**
 * Pieces shared by the tabular agents: epsilon-greedy with seeded random tie-breaking (the training
 * rule; the greedy one is src/rl/greedy.ts), the per-episode epsilon schedule and replacing eligibility
 * traces.
 * Everything works on flat Float64Arrays indexed by s * 4 + a and allocates nothing per step.
 */
import { greedyAction } from '../greedy';
import type { Rng } from '../rng';

const A = 4;

/** argmax over Q(s, .) with ties broken at random (seeded). Needed while training: first-index ties
 *  make a zero-initialised agent push into the same wall forever. */
export function argmaxRandomTie(q: Float64Array, s: number, rng: Rng): number {
  const b = s * A;
  let best = q[b];
  let n = 1;
  let pick = 0;
  for (let a = 1; a < A; a++) {
    const v = q[b + a];
    if (v > best) {
      best = v;
      pick = a;
      n = 1;
    } else if (v === best) {
      n++;
      if (rng.int(n) === 0) pick = a;
    }
  }
  return pick;
}

/** The greedy move in Q (src/rl/greedy.ts greedyAction: lowest index among ties), by its older name. */
export const argmaxFirst = greedyAction;

export function maxQ(q: Float64Array, s: number): number {
  const b = s * A;
  return Math.max(q[b], q[b + 1], q[b + 2], q[b + 3]);
}

export function epsilonGreedy(q: Float64Array, s: number, eps: number, rng: Rng): number {
  if (eps > 0 && rng.next() < eps) return rng.int(A);
  return argmaxRandomTie(q, s, rng);
}

/** E[Q(s', .)] under the epsilon-greedy policy (greedy mass shared among tied maxima). */
export function expectedQ(q: Float64Array, s: number, eps: number): number {
  const b = s * A;
  const m = maxQ(q, s);
  const sum = q[b] + q[b + 1] + q[b + 2] + q[b + 3];
  return (eps / A) * sum + (1 - eps) * m;
}

export interface EpsilonParams {
  epsilon: number;
  epsilonMin: number;
  epsilonDecay: number;
}

/** epsilon_k = max(epsilonMin, epsilon * decay^k) after k episodes (constant when decay is 1). */
export class EpsilonSchedule {
  value: number;
  constructor(private readonly p: EpsilonParams) {
    this.value = p.epsilon;
  }
  endEpisode(): void {
    if (this.p.epsilonDecay < 1)
      this.value = Math.max(Math.min(this.p.epsilonMin, this.p.epsilon), this.value * this.p.epsilonDecay);
  }
}

/** Replacing eligibility traces over the (s, a) pairs touched this episode. */
export class Traces {
  private readonly e: Float64Array;
  private readonly list: Int32Array;
  private readonly inList: Uint8Array;
  private count = 0;

  constructor(size: number) {
    this.e = new Float64Array(size);
    this.list = new Int32Array(size);
    this.inList = new Uint8Array(size);
  }

  /** Marks (s, a) as just visited: its trace becomes 1. */
  visit(i: number): void {
    this.e[i] = 1;
    if (!this.inList[i]) {
      this.inList[i] = 1;
      this.list[this.count++] = i;
    }
  }

  /** Q += alphaDelta * e for every live trace, then e *= decay; traces under 1e-6 are dropped. */
  apply(q: Float64Array, alphaDelta: number, decay: number): void {
    let w = 0;
    for (let k = 0; k < this.count; k++) {
      const i = this.list[k];
      q[i] += alphaDelta * this.e[i];
      const e = this.e[i] * decay;
      if (e > 1e-6) {
        this.e[i] = e;
        this.list[w++] = i;
      } else {
        this.e[i] = 0;
        this.inList[i] = 0;
      }
    }
    this.count = w;
  }

  clear(): void {
    for (let k = 0; k < this.count; k++) {
      const i = this.list[k];
      this.e[i] = 0;
      this.inList[i] = 0;
    }
    this.count = 0;
  }
}
