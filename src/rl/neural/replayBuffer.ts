/**
 * Experience replay as a ring of typed arrays. It stores cell indices, not observations (an observation
 * is re-encoded when a minibatch is built), so a million transitions cost ~14 MB whatever the encoder.
 */
import type { StateReader, StateWriter } from '../agentState';
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
  /** Slots [0, pinned) hold transitions kept for good (demonstrations, DQfD-style): the ring turns over
   *  the rest. */
  pinned = 0;

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
    this.next = i + 1 < this.capacity ? i + 1 : this.pinned;
    if (this.size < this.capacity) this.size++;
  }

  /** Keeps a transition for good; only before any push and while half the ring is left. */
  pin(s: number, a: number, r: number, s2: number, done: boolean): boolean {
    if (this.size !== this.pinned || this.pinned >= this.capacity / 2) return false;
    this.push(s, a, r, s2, done);
    this.pinned++;
    return true;
  }

  /** The stored transitions (only the filled part of the ring) and where the next one goes. */
  writeState(w: StateWriter): void {
    const n = this.size;
    w.num('size', n).num('next', this.next);
    w.arr('s', this.s.subarray(0, n))
      .arr('a', this.a.subarray(0, n))
      .arr('r', this.r.subarray(0, n))
      .arr('s2', this.s2.subarray(0, n))
      .arr('done', this.done.subarray(0, n));
  }

  /** Restores writeState's transitions; cells must be below `cells`. */
  readState(r: StateReader, cells: number): void {
    const size = r.num('size', { min: 0, max: this.capacity, int: true });
    const next = r.num('next', { min: 0, max: Math.max(0, this.capacity - 1), int: true });
    if (size < this.capacity && next !== size) r.fail('next', `must be ${size} while the buffer is not full`);
    const check = (name: string, a: ArrayLike<number>, hi: number) => {
      for (let i = 0; i < a.length; i++)
        if (a[i] < 0 || a[i] >= hi) r.fail(name, `has ${a[i]} at ${i} (at most ${hi - 1})`);
    };
    check('s', r.read('s', this.s, size), cells);
    check('s2', r.read('s2', this.s2, size), cells);
    check('a', r.read('a', this.a, size), 4);
    check('done', r.read('done', this.done, size), 2);
    r.prefixInto('s', this.s, size)
      .prefixInto('a', this.a, size)
      .prefixInto('r', this.r, size)
      .prefixInto('s2', this.s2, size)
      .prefixInto('done', this.done, size)
      .then(() => {
        this.size = size;
        this.next = next;
      });
  }

  /** Fills `out` with uniform random indices of stored transitions (with replacement). */
  sample(rng: Rng, out: Int32Array): void {
    for (let i = 0; i < out.length; i++) out[i] = rng.int(this.size);
  }
}
