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
    const n0 = this.sizes[1];
    const w0 = this.weights[0];
    h0.set(this.weights[1]);
    const idx = inputs.indices(s);
    const val = inputs.values(s);
    for (let k = 0; k < idx.length; k++) {
      const v = val[k];
      const row = idx[k] * n0;
      for (let j = 0; j < n0; j++) h0[j] += v * w0[row + j];
    }
    for (let j = 0; j < n0; j++) if (h0[j] < 0) h0[j] = 0;
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
