/**
 * Experience replay as a ring of typed arrays. It stores cell indices, not observations (an observation
 * is re-encoded when a minibatch is built), so a million transitions cost ~14 MB whatever the encoder.
 */
import type { Rng } from '../rng';

export class ReplayBuffer {
  readonly s: Int32Array;
  readonly a: Uint8Array;
  readonly r: Float64Array;
  readonly s2: Int32Array;
  /** 1 when s2 is terminal (no bootstrap); a time-limit cut is stored as 0. */
  readonly done: Uint8Array;
  size = 0;
  private next = 0;

  constructor(readonly capacity: number) {
    this.s = new Int32Array(capacity);
    this.a = new Uint8Array(capacity);
    this.r = new Float64Array(capacity);
    this.s2 = new Int32Array(capacity);
    this.done = new Uint8Array(capacity);
  }

  push(s: number, a: number, r: number, s2: number, done: boolean): void {
    const i = this.next;
    this.s[i] = s;
    this.a[i] = a;
    this.r[i] = r;
    this.s2[i] = s2;
    this.done[i] = done ? 1 : 0;
    this.next = (i + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** Fills `out` with uniform random indices of stored transitions (with replacement). */
  sample(rng: Rng, out: Int32Array): void {
    for (let i = 0; i < out.length; i++) out[i] = rng.int(this.size);
  }
}
