/**
 * A multilayer perceptron (ReLU hidden layers, linear output) whose weights live in Float32Arrays:
 * - `forward` is a plain-JS pass for one input, used to act, to compute TD targets and to fill the value
 *   views (tfjs costs ~5-10 us per op, so a batch-1 predict takes ~80 us; this loop ~4 us for 64-64);
 * - `mlpApply` is the same network as tfjs ops over a batch, on weights uploaded as tensors for one
 *   gradient step (see adam.ts), so no tensor outlives an update.
 * Weights are stored [W0, b0, W1, b1, ...], W row-major [in, out] as in tf.matMul(x, W).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { glorotUniform } from './seededInit';

export class Mlp {
  readonly weights: Float32Array[] = [];
  readonly shapes: number[][] = [];
  /** Each layer's output, reused on every call. */
  private readonly acts: Float32Array[] = [];

  /** Glorot-uniform weights from `rng` (the output layer's scaled by `outScale`), zero biases; all zero
   *  without an rng (a network to copy weights into). */
  constructor(
    readonly sizes: readonly number[],
    rng: Rng | null,
    outScale = 1,
  ) {
    const last = sizes.length - 2;
    for (let l = 0; l <= last; l++) {
      const n = sizes[l] * sizes[l + 1];
      this.weights.push(
        rng ? glorotUniform(rng, sizes[l], sizes[l + 1], l === last ? outScale : 1) : new Float32Array(n),
      );
      this.weights.push(new Float32Array(sizes[l + 1]));
      this.shapes.push([sizes[l], sizes[l + 1]], [sizes[l + 1]]);
      this.acts.push(new Float32Array(sizes[l + 1]));
    }
  }

  /** The output for the input x[off .. off + sizes[0]); the returned array is reused by the next call. */
  forward(x: Float32Array, off = 0): Float32Array {
    const layers = this.acts.length;
    let input = x;
    let base = off;
    for (let l = 0; l < layers; l++) {
      const nIn = this.sizes[l];
      const nOut = this.sizes[l + 1];
      const w = this.weights[2 * l];
      const h = this.acts[l];
      h.set(this.weights[2 * l + 1]);
      for (let i = 0; i < nIn; i++) {
        const v = input[base + i];
        if (v === 0) continue; // one-hot and local-view inputs are mostly zeros
        const row = i * nOut;
        for (let j = 0; j < nOut; j++) h[j] += v * w[row + j];
      }
      if (l < layers - 1) for (let j = 0; j < nOut; j++) if (h[j] < 0) h[j] = 0;
      input = h;
      base = 0;
    }
    return this.acts[layers - 1];
  }

  copyFrom(other: Mlp): void {
    for (let i = 0; i < this.weights.length; i++) this.weights[i].set(other.weights[i]);
  }
}

/** The batch forward pass [batch, in] -> [batch, out] in tfjs ops, on weights given as tensors. */
export function mlpApply(params: tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor2D = x;
  const layers = params.length / 2;
  for (let l = 0; l < layers; l++) {
    h = tf.add(tf.matMul(h, params[2 * l]), params[2 * l + 1]);
    if (l < layers - 1) h = tf.relu(h);
  }
  return h;
}
