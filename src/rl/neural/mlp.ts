/**
 * A multilayer perceptron (ReLU hidden layers, linear output) whose weights live in one Float32Array,
 * `params`, laid out [W0, b0, W1, b1, ...] with each W row-major [in, out] as in tf.matMul(x, W);
 * `weights` are views of it, one per tensor. `forward` is a plain-JS pass for one cell, used to act, to
 * fill the value views and for frozen networks' outputs (tfjs costs a few us per op, so a batch-1
 * predict would cost ~50 us; this loop ~4 us for 64-64). Batches train through MlpPass (mlpPass.ts).
 */
import type { Rng } from '../rng';
import type { CellInputs } from './observations';
import { glorotUniform } from './seededInit';

/**
 * A first layer on a sparse input (a cell's nonzero inputs `idx` with values `val`): out[o .. o + n) =
 * ReLU(bias + the sum of val[q] x row idx[q] of w, [inputs, n] row-major), in the order of idx. Every
 * pass (Mlp.forward, MlpPass, CellPass) runs its first layer through this, so they agree to the bit.
 */
export function sparseLayer(
  out: Float32Array,
  o: number,
  bias: Float32Array,
  w: Float32Array,
  n: number,
  idx: Int32Array,
  val: Float32Array,
): void {
  out.set(bias, o);
  for (let q = 0; q < idx.length; q++) {
    const v = val[q];
    const row = idx[q] * n;
    for (let j = 0; j < n; j++) out[o + j] += v * w[row + j];
  }
  for (let j = o; j < o + n; j++) if (out[j] < 0) out[j] = 0;
}

/** The first layer's weight gradient on a sparse input: adds val[q] x d[o .. o + n) to row idx[q] of gw
 *  ([inputs, n] row-major), in the order of idx (MlpPass and CellPass backward). */
export function sparseLayerGrad(
  gw: Float32Array,
  n: number,
  d: Float32Array,
  o: number,
  idx: Int32Array,
  val: Float32Array,
): void {
  for (let q = 0; q < idx.length; q++) {
    const v = val[q];
    const row = idx[q] * n;
    for (let j = 0; j < n; j++) gw[row + j] += v * d[o + j];
  }
}

export class Mlp {
  readonly params: Float32Array;
  readonly weights: Float32Array[] = [];
  readonly shapes: number[][] = [];
  /** Each layer's output, reused on every call. */
  private readonly acts: Float32Array[] = [];

  /** Glorot-uniform weights from `rng` (the output layer's scaled by `outScale`), zero biases; all zero
   *  without an rng (a network to copy weights into). At least one hidden layer. */
  constructor(
    readonly sizes: readonly number[],
    rng: Rng | null,
    outScale = 1,
  ) {
    if (sizes.length < 3) throw new Error('an Mlp needs at least one hidden layer');
    const last = sizes.length - 2;
    let total = 0;
    for (let l = 0; l <= last; l++) total += (sizes[l] + 1) * sizes[l + 1];
    this.params = new Float32Array(total);
    let off = 0;
    for (let l = 0; l <= last; l++) {
      const w = this.params.subarray(off, (off += sizes[l] * sizes[l + 1]));
      if (rng) w.set(glorotUniform(rng, sizes[l], sizes[l + 1], l === last ? outScale : 1));
      this.weights.push(w, this.params.subarray(off, (off += sizes[l + 1])));
      this.shapes.push([sizes[l], sizes[l + 1]], [sizes[l + 1]]);
      this.acts.push(new Float32Array(sizes[l + 1]));
    }
  }

  /** The output for cell s; the returned array is reused by the next call. */
  forward(inputs: CellInputs, s: number): Float32Array {
    const layers = this.acts.length;
    // First layer: one weight row per nonzero input.
    const h0 = this.acts[0];
    sparseLayer(h0, 0, this.weights[1], this.weights[0], this.sizes[1], inputs.indices(s), inputs.values(s));
    let input = h0;
    for (let l = 1; l < layers; l++) {
      const nIn = this.sizes[l];
      const nOut = this.sizes[l + 1];
      const w = this.weights[2 * l];
      const h = this.acts[l];
      h.set(this.weights[2 * l + 1]);
      for (let i = 0; i < nIn; i++) {
        const v = input[i];
        if (v === 0) continue; // ReLU outputs are often zero
        const row = i * nOut;
        for (let j = 0; j < nOut; j++) h[j] += v * w[row + j];
      }
      if (l < layers - 1) for (let j = 0; j < nOut; j++) if (h[j] < 0) h[j] = 0;
      input = h;
    }
    return this.acts[layers - 1];
  }

  copyFrom(other: Mlp): void {
    this.params.set(other.params);
  }
}

/**
 * A frozen network's outputs per cell ([cells, outputs] in `table`), each computed in plain JS the first
 * time it is asked for (DQN's target network between syncs, RND's fixed target). forget() after the
 * weights change.
 */
export class CellOutputs {
  readonly table: Float32Array;
  private readonly known: Uint8Array;
  private readonly width: number;

  constructor(
    readonly net: Mlp,
    private readonly inputs: CellInputs,
  ) {
    this.width = net.sizes[net.sizes.length - 1];
    this.table = new Float32Array(inputs.cells * this.width);
    this.known = new Uint8Array(inputs.cells);
  }

  /** Makes sure cell s's row of the table is filled. */
  ensure(s: number): void {
    if (this.known[s]) return;
    this.table.set(this.net.forward(this.inputs, s), s * this.width);
    this.known[s] = 1;
  }

  /** Cell s's outputs (a view of the table). */
  row(s: number): Float32Array {
    this.ensure(s);
    return this.table.subarray(s * this.width, (s + 1) * this.width);
  }

  forget(): void {
    this.known.fill(0);
  }
}
