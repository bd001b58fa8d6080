/**
 * One gradient computation of an Mlp over a batch of cells: the neural agents' update. What runs where,
 * and why (figures: `npm run bench -- neuralLayers`; the project README's "The neural engine"):
 * - Each tfjs kernel costs ~5-20 us on a small network whatever its size (the launch, the upload of its
 *   inputs, the read-back), so where a layer's maths is smaller than that, plain JS is faster; where
 *   the maths dominates, tfjs kernels (wasm SIMD, or WebGL on a hardware GPU) are.
 * - First layer: always plain JS, on the cells' sparse observations (CellInputs: one weight row per
 *   nonzero input: one for one-hot), so its cost does not grow with the number of cells; as a dense
 *   tfjs matMul it would (a 50 x 50 one-hot world: 2,500 inputs per sample).
 * - Output layer (4 Q-values or logits, 1 value, RND's 16 embedding units): plain JS while
 *   rows x inputs x outputs <= JS_OUTPUT_MACS (25,000), else one fused tfjs matMul. Its JS form replaces
 *   ~8 kernels (forward, read-back, transposes, weight and input gradients).
 * - Hidden-to-hidden layers: one fused tfjs matMul + bias (+ ReLU) kernel each, on weights uploaded for
 *   this update from the Float32Arrays Adam steps (adam.ts); their backward pass likewise.
 * - Losses and their gradients (losses.ts), Adam (adam.ts) and acting (Mlp.forward) are plain JS.
 * So a network with one hidden layer (e.g. the "DQN, wider" preset) trains on small batches without
 * any tfjs kernel: tfjs is then only the fallback for big batches. A 64-64 network runs 5 kernels per
 * update (13 on large batches), where tf.train.adam().minimize() launches ~50.
 * backward() is the MLP's backward pass written out: per layer dW = h^T dz, db = sum_rows dz,
 * dh = dz W^T and dz = dh * (h > 0) through a ReLU; in tfjs with explicit transposes (tfjs-wasm's
 * transposed matMul flags are several times slower), the second layer's bias gradient riding on its
 * weight gradient's matMul as a row of ones (W1 and b1 lie one after the other in params).
 * Tensors of a pass live in the current tf.tidy scope: call forward and backward inside one
 * `tidyOn(backend, ...)` (tfSetup.ts), which frees them all when it returns.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sparseLayer, sparseLayerGrad, type Mlp } from './mlp';
import type { CellInputs } from './observations';

/** Largest output layer (rows x inputs x outputs multiply-adds) computed in JS. Measured on wasm
 *  (`npm run bench -- neuralLayers`, the real pass with the output forced either way): with 4 outputs
 *  JS and tfjs are within noise up to 16k and tfjs is ~1.8x faster from 33k; the crossover is lower
 *  for a 1-unit critic (~8k) and below 8k for RND's 16 outputs. One limit serves all: moving a layer
 *  between JS and tfjs changes float rounding, so a seed's results. A 64-64 DQN batch of 32 and its 32
 *  next states is 16k. */
export const JS_OUTPUT_MACS = 25_000;

/** How many layers of a network with these sizes run as tfjs kernels in a pass over `rows` rows (the
 *  first layer never does; the output layer only above `jsOutputMacs`). */
export function tfjsLayers(sizes: readonly number[], rows: number, jsOutputMacs = JS_OUTPUT_MACS): number {
  const layers = sizes.length - 1;
  const jsOutput = rows * sizes[layers - 1] * sizes[layers] <= jsOutputMacs;
  return layers - 1 - (jsOutput ? 1 : 0);
}

export class MlpPass {
  private readonly layers: number;
  /** Where each of net.weights starts in net.params (and in a gradient). */
  private readonly offsets: number[] = [];
  /** The first layer's ReLU output, [rows, sizes[1]] row-major, and its first gradRows rows transposed
   *  with a row of ones below, [sizes[1] + 1, gradRows]. */
  private h0 = new Float32Array(0);
  private h0T = new Float32Array(0);
  /** Whether this pass's output layer runs in JS; then its input (h0, or read back from tfjs),
   *  [rows, sizes[layers - 1]], and its outputs. */
  private jsOutput = false;
  private hLast: Float32Array = new Float32Array(0);
  private out = new Float32Array(0);
  /** The output layer's weights and their gradient, transposed ([outputs, inputs]), for the JS form. */
  private readonly wT: Float32Array;
  private readonly gwT: Float32Array;
  /** d loss / d the last hidden layer's pre-activation, [gradRows, sizes[layers - 1]] (JS form). */
  private dz = new Float32Array(0);
  private cells: ArrayLike<number> = [];
  private rows = 0;
  private gradRows = 0;
  /** The current pass's tensors: each tfjs layer's input and weights. */
  private readonly inputs: tf.Tensor2D[] = [];
  private readonly w: tf.Tensor2D[] = [];

  constructor(
    readonly net: Mlp,
    private readonly cellInputs: CellInputs,
    /** The JS / tfjs limit for the output layer (JS_OUTPUT_MACS; the benchmark moves it to time both). */
    private readonly jsOutputMacs = JS_OUTPUT_MACS,
  ) {
    this.layers = net.sizes.length - 1;
    for (const w of net.weights) this.offsets.push((w.byteOffset - net.params.byteOffset) / 4);
    this.wT = new Float32Array(net.weights[2 * this.layers - 2].length);
    this.gwT = new Float32Array(this.wT.length);
  }

  /**
   * The network's outputs for cells[0 .. rows), [rows, outputs] row-major (valid until the next call).
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
      const c = cells[k];
      sparseLayer(h0, k * n0, b0, w0, n0, this.cellInputs.indices(c), this.cellInputs.values(c));
    }
    this.cells = cells;
    this.rows = rows;
    this.gradRows = gradRows;
    const nIn = sizes[layers - 1];
    const nOut = sizes[layers];
    this.jsOutput = rows * nIn * nOut <= this.jsOutputMacs;
    const tfLayers = this.jsOutput ? layers - 1 : layers;
    if (tfLayers === 1) {
      this.hLast = h0;
    } else {
      let h = tf.tensor2d(h0.subarray(0, rows * n0), [rows, n0]);
      for (let l = 1; l < tfLayers; l++) {
        const w = tf.tensor2d(net.weights[2 * l], [sizes[l], sizes[l + 1]]);
        const bias = tf.tensor1d(net.weights[2 * l + 1]);
        this.inputs[l] = h;
        this.w[l] = w;
        const activation = l < layers - 1 ? 'relu' : 'linear';
        h = tf.fused.matMul({ a: h, b: w, bias, activation }) as tf.Tensor2D;
      }
      if (!this.jsOutput) return h.dataSync() as Float32Array;
      this.hLast = h.dataSync() as Float32Array;
    }
    // Output layer in JS, on W transposed: each output is a dot product over contiguous rows.
    if (this.out.length < rows * nOut) this.out = new Float32Array(rows * nOut);
    const { out, hLast, wT } = this;
    const w = net.weights[2 * layers - 2];
    const bias = net.weights[2 * layers - 1];
    for (let i = 0; i < nIn; i++) for (let j = 0; j < nOut; j++) wT[j * nIn + i] = w[i * nOut + j];
    for (let k = 0; k < rows; k++) {
      const h = k * nIn;
      for (let j = 0; j < nOut; j++) {
        const r = j * nIn;
        let sum = 0;
        for (let i = 0; i < nIn; i++) sum += hLast[h + i] * wT[r + i];
        out[k * nOut + j] = bias[j] + sum;
      }
    }
    return out;
  }

  /**
   * Writes d loss / d params into `grad` (laid out as net.params), given d loss / d outputs of the
   * first gradRows rows of the last forward(), [gradRows, outputs] row-major.
   */
  backward(dOut: Float32Array, grad: Float32Array): void {
    const { net, layers, gradRows: b, rows, offsets } = this;
    const sizes = net.sizes;
    const n0 = sizes[1];
    // The highest layer left for tfjs, and d loss / d its output.
    let top = layers - 1;
    let dz0: Float32Array = dOut;
    if (this.jsOutput) {
      dz0 = this.outputBackward(dOut, grad);
      top = layers - 2;
    }
    if (top >= 1) {
      let dzT = tf.tensor2d(dz0.subarray(0, b * sizes[top + 1]), [b, sizes[top + 1]]);
      for (let l = top; l >= 1; l--) {
        let hIn: tf.Tensor2D | null = null;
        if (l === 1) {
          // [h0^T; 1] dz = [dW1; db1], which is how W1 and b1 lie in params.
          if (this.h0T.length < (n0 + 1) * b) this.h0T = new Float32Array((n0 + 1) * b);
          const { h0, h0T } = this;
          for (let k = 0; k < b; k++) for (let j = 0; j < n0; j++) h0T[j * b + k] = h0[k * n0 + j];
          h0T.fill(1, n0 * b, (n0 + 1) * b);
          const hT = tf.tensor2d(h0T.subarray(0, (n0 + 1) * b), [n0 + 1, b]);
          grad.set(tf.matMul(hT, dzT).dataSync(), offsets[2]);
        } else {
          hIn = b < rows ? tf.slice(this.inputs[l], [0, 0], [b, sizes[l]]) : this.inputs[l];
          grad.set(tf.matMul(tf.transpose(hIn), dzT).dataSync(), offsets[2 * l]);
          grad.set(tf.sum(dzT, 0).dataSync(), offsets[2 * l + 1]);
        }
        const dh = tf.matMul(dzT, tf.transpose(this.w[l]));
        if (hIn) dzT = tf.mul(dh, tf.step(hIn));
        else dz0 = dh.dataSync() as Float32Array;
      }
    }
    // First layer, in JS: dz0 = dh0 * (h0 > 0); dW0 = x^T dz0 over the nonzero inputs; db0 = sum dz0.
    const d = dz0;
    const gw0 = grad.subarray(0, sizes[0] * n0);
    const gb0 = grad.subarray(offsets[1], offsets[1] + n0);
    gw0.fill(0);
    gb0.fill(0);
    const h0 = this.h0;
    for (let k = 0; k < b; k++) {
      const o = k * n0;
      for (let j = 0; j < n0; j++) {
        if (h0[o + j] <= 0) d[o + j] = 0;
        else gb0[j] += d[o + j];
      }
      const c = this.cells[k];
      sparseLayerGrad(gw0, n0, d, o, this.cellInputs.indices(c), this.cellInputs.values(c));
    }
  }

  /** The JS output layer's backward pass: its weight and bias gradients into `grad`; returns d loss /
   *  d its input's pre-activation, dz = (dOut W^T) * (hLast > 0). Zero outputs of dOut are skipped
   *  (DQN's loss touches one per sample). */
  private outputBackward(dOut: Float32Array, grad: Float32Array): Float32Array {
    const { net, layers, gradRows: b, offsets, hLast, wT, gwT } = this;
    const nIn = net.sizes[layers - 1];
    const nOut = net.sizes[layers];
    const gw = grad.subarray(offsets[2 * layers - 2], offsets[2 * layers - 2] + nIn * nOut);
    const gb = grad.subarray(offsets[2 * layers - 1], offsets[2 * layers - 1] + nOut);
    gwT.fill(0);
    gb.fill(0);
    if (this.dz.length < b * nIn) this.dz = new Float32Array(b * nIn);
    const dz = this.dz;
    dz.fill(0, 0, b * nIn);
    for (let k = 0; k < b; k++) {
      const h = k * nIn;
      for (let j = 0; j < nOut; j++) {
        const g = dOut[k * nOut + j];
        if (g === 0) continue;
        gb[j] += g;
        const r = j * nIn;
        for (let i = 0; i < nIn; i++) {
          gwT[r + i] += g * hLast[h + i];
          dz[h + i] += g * wT[r + i];
        }
      }
      for (let i = h; i < h + nIn; i++) if (hLast[i] <= 0) dz[i] = 0;
    }
    for (let i = 0; i < nIn; i++) for (let j = 0; j < nOut; j++) gw[i * nOut + j] = gwT[j * nIn + i];
    return dz;
  }
}
