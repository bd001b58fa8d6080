/**
 * One gradient computation of an Mlp over a batch of cells, with few tfjs kernels (each costs a few us
 * on a small network, whatever its size, so their number sets the update's time):
 * - the first layer runs in plain JS on the cells' sparse observations (CellInputs: one weight row per
 *   nonzero input), its ReLU too; the other layers are one fused matMul + bias (+ ReLU) kernel each, on
 *   weights uploaded for this update from the Float32Arrays Adam steps (adam.ts);
 * - the outputs are read back, and the caller computes its loss and d loss / d output per sample in JS
 *   (losses.ts);
 * - backward() is the MLP's backward pass written out: per layer dW = h^T dz, db = sum_rows dz,
 *   dh = dz W^T and dz = dh * (h > 0) through a ReLU, with explicit transposes (tfjs-wasm's transposed
 *   matMul flags are several times slower) and the first layer's gradients again in JS.
 * That is about a dozen kernels for a 64-64 network, where the gradient tape launches ~50.
 * Tensors of a pass live in the current tf.tidy scope: call forward and backward inside one
 * `tidyOn(backend, ...)`, which frees them all when it returns.
 */
import * as tf from '@tensorflow/tfjs';
import type { Mlp } from './mlp';
import type { CellInputs } from './observations';
import { switchBackend } from './tfSetup';

/** Runs `fn` (one update's tfjs work) on `backend` inside tf.tidy, so no tensor outlives it. */
export function tidyOn<T extends number | void>(backend: string, fn: () => T): T {
  switchBackend(backend);
  return tf.tidy(fn) as T;
}

export class MlpPass {
  private readonly layers: number;
  /** Where each of net.weights starts in net.params (and in a gradient). */
  private readonly offsets: number[] = [];
  /** The first layer's ReLU output, [rows, sizes[1]] row-major, and its first gradRows rows transposed. */
  private h0 = new Float32Array(0);
  private h0T = new Float32Array(0);
  private cells: ArrayLike<number> = [];
  private rows = 0;
  private gradRows = 0;
  /** The current pass's tensors: each layer's input (l >= 1) and weights. */
  private readonly inputs: tf.Tensor2D[] = [];
  private readonly w: tf.Tensor2D[] = [];

  constructor(
    readonly net: Mlp,
    private readonly cellInputs: CellInputs,
  ) {
    this.layers = net.sizes.length - 1;
    for (const w of net.weights) this.offsets.push((w.byteOffset - net.params.byteOffset) / 4);
  }

  /**
   * The network's outputs for cells[0 .. rows), [rows, outputs] row-major (read back; a new array).
   * Only the first gradRows rows take part in the following backward() (the others are evaluated only,
   * e.g. DQN's next states).
   */
  forward(cells: ArrayLike<number>, rows: number, gradRows = rows): Float32Array {
    const { net, layers } = this;
    const sizes = net.sizes;
    const n0 = sizes[1];
    if (this.h0.length < rows * n0) this.h0 = new Float32Array(rows * n0);
    const h0 = this.h0;
    const w0 = net.weights[0];
    const b0 = net.weights[1];
    for (let k = 0; k < rows; k++) {
      const s = cells[k];
      const o = k * n0;
      h0.set(b0, o);
      const idx = this.cellInputs.indices(s);
      const val = this.cellInputs.values(s);
      for (let q = 0; q < idx.length; q++) {
        const v = val[q];
        const row = idx[q] * n0;
        for (let j = 0; j < n0; j++) h0[o + j] += v * w0[row + j];
      }
      for (let j = o; j < o + n0; j++) if (h0[j] < 0) h0[j] = 0;
    }
    this.cells = cells;
    this.rows = rows;
    this.gradRows = gradRows;
    let h = tf.tensor2d(h0.subarray(0, rows * n0), [rows, n0]);
    for (let l = 1; l < layers; l++) {
      const w = tf.tensor2d(net.weights[2 * l], [sizes[l], sizes[l + 1]]);
      const bias = tf.tensor1d(net.weights[2 * l + 1]);
      this.inputs[l] = h;
      this.w[l] = w;
      const activation = l < layers - 1 ? 'relu' : 'linear';
      h = tf.fused.matMul({ a: h, b: w, bias, activation }) as tf.Tensor2D;
    }
    return h.dataSync() as Float32Array;
  }

  /**
   * Writes d loss / d params into `grad` (laid out as net.params), given d loss / d outputs of the
   * first gradRows rows of the last forward(), [gradRows, outputs] row-major.
   */
  backward(dOut: Float32Array, grad: Float32Array): void {
    const { net, layers, gradRows: b, rows, offsets } = this;
    const sizes = net.sizes;
    const nOut = sizes[layers];
    // Output layer bias: the column sums of dOut, in JS.
    const gbLast = grad.subarray(offsets[2 * layers - 1], offsets[2 * layers - 1] + nOut);
    gbLast.fill(0);
    for (let k = 0; k < b; k++) for (let j = 0; j < nOut; j++) gbLast[j] += dOut[k * nOut + j];
    let dz = tf.tensor2d(dOut.subarray(0, b * nOut), [b, nOut]);
    const n0 = sizes[1];
    let dh0: Float32Array | null = null;
    for (let l = layers - 1; l >= 1; l--) {
      if (l < layers - 1) grad.set(tf.sum(dz, 0).dataSync(), offsets[2 * l + 1]);
      let hT: tf.Tensor2D;
      let hIn: tf.Tensor2D | null = null;
      if (l === 1) {
        if (this.h0T.length < n0 * b) this.h0T = new Float32Array(n0 * b);
        const h0 = this.h0;
        const h0T = this.h0T;
        for (let k = 0; k < b; k++) for (let j = 0; j < n0; j++) h0T[j * b + k] = h0[k * n0 + j];
        hT = tf.tensor2d(h0T.subarray(0, n0 * b), [n0, b]);
      } else {
        hIn = b < rows ? tf.slice(this.inputs[l], [0, 0], [b, sizes[l]]) : this.inputs[l];
        hT = tf.transpose(hIn);
      }
      grad.set(tf.matMul(hT, dz).dataSync(), offsets[2 * l]);
      const dh = tf.matMul(dz, tf.transpose(this.w[l]));
      if (hIn) dz = tf.mul(dh, tf.step(hIn));
      else dh0 = dh.dataSync() as Float32Array;
    }
    // First layer, in JS: dz0 = dh0 * (h0 > 0); dW0 += x^T dz0 over the nonzero inputs; db0 = sum dz0.
    const gw0 = grad.subarray(0, sizes[0] * n0);
    const gb0 = grad.subarray(offsets[1], offsets[1] + n0);
    gw0.fill(0);
    gb0.fill(0);
    const d = dh0 as Float32Array;
    const h0 = this.h0;
    for (let k = 0; k < b; k++) {
      const o = k * n0;
      for (let j = 0; j < n0; j++) {
        if (h0[o + j] <= 0) d[o + j] = 0;
        else gb0[j] += d[o + j];
      }
      const idx = this.cellInputs.indices(this.cells[k]);
      const val = this.cellInputs.values(this.cells[k]);
      for (let q = 0; q < idx.length; q++) {
        const v = val[q];
        const row = idx[q] * n0;
        for (let j = 0; j < n0; j++) gw0[row + j] += v * d[o + j];
      }
    }
  }
}
