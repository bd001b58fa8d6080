/**
 * DQN's update pass in plain JS, one row per distinct cell (the same forward() / backward() contract as
 * MlpPass, mlpPass.ts). A network's input is always one of the grid's cells, so a minibatch of b states
 * and b next states holds at most min(2b, cells) distinct inputs, and on a small grid far fewer (a batch
 * of 64 rows on the 8 x 8 room: ~40 distinct cells while epsilon is high, ~15-25 once the agent walks
 * its path). So:
 * - forward runs each distinct cell once through the whole network (the first layer sparse, as in
 *   Mlp.forward; hidden layers skip ReLU zeros) and copies its outputs to the rows that hold it;
 * - backward first sums d loss / d outputs over the rows of each cell: given its input, a network's
 *   gradients are linear in d loss / d its outputs, so one backward pass per cell with that sum gives
 *   the exact gradient of the batch (in another float summation order than row by row).
 * No tfjs kernel runs: each would cost ~5-20 us of launch, upload and read-back (mlpPass.ts), where a
 * 64-64 network's pass over one cell is ~6k multiply-adds in JS. `cellPassFits` says when this beats
 * MlpPass: while (distinct cells at most) x (multiply-adds of the layers above the first) stays within
 * CELL_PASS_MACS, i.e. for the default 64-64 network on any grid (at most 64 distinct inputs per
 * batch of 32); 128-128 and up stay on MlpPass (the limit is not measured: chosen to cover 64-64).
 * Profile of the 8 x 8 DQN run before (MlpPass: 5 kernels, 5 uploads and 3 read-backs per update;
 * `node --import tsx --cpu-prof`): ~36% of training in tfjs (half the engine's op dispatch, tensor
 * tracking and tidy, half the wasm kernels), ~30% in the pass's JS (first and output layers,
 * transposes), Adam ~7%, acting ~5%. After, per update: forward ~37%, backward ~27%, Adam ~22%.
 * CPU seconds per seed (seeds 1-3, one process, interleaved): MlpPass 2.4-3.1, CellPass 1.6-1.7.
 */
import { sparseLayer, sparseLayerGrad, type Mlp } from './mlp';
import type { CellInputs } from './observations';

/** Largest (distinct cells at most) x (multiply-adds per cell above the first layer) run by CellPass.
 *  The default 64-64 DQN with 4 outputs on 64 distinct cells: 64 x (4,096 + 256) = 278,528. */
export const CELL_PASS_MACS = 300_000;

/** Whether a pass over `rows` rows of a network with these sizes, on a grid of `cells` cells, runs as a
 *  CellPass. */
export function cellPassFits(sizes: readonly number[], rows: number, cells: number): boolean {
  let macs = 0;
  for (let l = 1; l + 1 < sizes.length; l++) macs += sizes[l] * sizes[l + 1];
  return Math.min(rows, cells) * macs <= CELL_PASS_MACS;
}

export class CellPass {
  private readonly layers: number;
  /** Each cell's slot in this pass (-1: none), and the cells of the slots in order of first appearance. */
  private readonly slotOf: Int32Array;
  private slotCell: Int32Array;
  private slots = 0;
  /** Each row's slot, for the last forward's rows. */
  private rowSlot = new Int32Array(0);
  private gradRows = 0;
  /** Per layer, the activations of every slot ([slots, sizes[l + 1]]), and d loss / d them. */
  private readonly acts: Float32Array[] = [];
  private readonly grads: Float32Array[] = [];
  /** Which slots take part in the backward pass (have gradient rows). */
  private gradSlot = new Uint8Array(0);
  private out = new Float32Array(0);
  /** Scratch: the nonzero entries of one slot's input or dz (where), and their values. */
  private readonly nz: Int32Array;
  private readonly xv: Float64Array;
  /** Where each of net.weights starts in net.params (and in a gradient). */
  private readonly offsets: number[] = [];

  constructor(
    readonly net: Mlp,
    private readonly cellInputs: CellInputs,
    cells: number,
  ) {
    this.layers = net.sizes.length - 1;
    this.slotOf = new Int32Array(cells).fill(-1);
    this.slotCell = new Int32Array(0);
    this.nz = new Int32Array(Math.max(...net.sizes));
    this.xv = new Float64Array(this.nz.length);
    for (const w of net.weights) this.offsets.push((w.byteOffset - net.params.byteOffset) / 4);
    for (let l = 0; l < this.layers; l++) {
      this.acts.push(new Float32Array(0));
      this.grads.push(new Float32Array(0));
    }
  }

  private grow(slots: number): void {
    if (this.slotCell.length >= slots) return;
    const sizes = this.net.sizes;
    this.slotCell = new Int32Array(slots);
    this.gradSlot = new Uint8Array(slots);
    for (let l = 0; l < this.layers; l++) {
      this.acts[l] = new Float32Array(slots * sizes[l + 1]);
      this.grads[l] = new Float32Array(slots * sizes[l + 1]);
    }
  }

  /** The network's outputs for cells[0 .. rows), [rows, outputs] row-major (valid until the next call);
   *  only the first gradRows rows take part in the following backward(). */
  forward(cells: ArrayLike<number>, rows: number, gradRows = rows): Float32Array {
    const { net, layers, slotOf } = this;
    const sizes = net.sizes;
    this.grow(Math.min(rows, slotOf.length));
    if (this.rowSlot.length < rows) this.rowSlot = new Int32Array(rows);
    // Forget the last pass's slots, then give each distinct cell one.
    for (let i = 0; i < this.slots; i++) slotOf[this.slotCell[i]] = -1;
    let slots = 0;
    const { rowSlot, slotCell } = this;
    for (let k = 0; k < rows; k++) {
      const c = cells[k];
      let s = slotOf[c];
      if (s < 0) {
        s = slotOf[c] = slots++;
        slotCell[s] = c;
      }
      rowSlot[k] = s;
    }
    this.slots = slots;
    this.gradRows = gradRows;
    // First layer: one weight row per nonzero input, then ReLU.
    const n0 = sizes[1];
    const w0 = net.weights[0];
    const b0 = net.weights[1];
    const h0 = this.acts[0];
    for (let s = 0; s < slots; s++) {
      const c = slotCell[s];
      sparseLayer(h0, s * n0, b0, w0, n0, this.cellInputs.indices(c), this.cellInputs.values(c));
    }
    // Dense layers, skipping the zero inputs a ReLU leaves.
    for (let l = 1; l < layers; l++) {
      const nIn = sizes[l];
      const nOut = sizes[l + 1];
      const w = net.weights[2 * l];
      const bias = net.weights[2 * l + 1];
      const x = this.acts[l - 1];
      const h = this.acts[l];
      const relu = l < layers - 1;
      const { nz, xv } = this;
      for (let s = 0; s < slots; s++) {
        const o = s * nOut;
        const xo = s * nIn;
        // The nonzero inputs (a ReLU leaves ~half to two thirds zero) as offsets of their weight rows.
        let n = 0;
        for (let i = 0; i < nIn; i++) {
          const v = x[xo + i];
          if (v === 0) continue;
          nz[n] = i * nOut;
          xv[n++] = v;
        }
        // Eight outputs at a time in local sums: one load per multiply-add instead of a load and a
        // store of the output (~1.5-2x faster in V8).
        let j = 0;
        for (; j + 8 <= nOut; j += 8) {
          let a0 = bias[j],
            a1 = bias[j + 1],
            a2 = bias[j + 2],
            a3 = bias[j + 3];
          let a4 = bias[j + 4],
            a5 = bias[j + 5],
            a6 = bias[j + 6],
            a7 = bias[j + 7];
          for (let q = 0; q < n; q++) {
            const v = xv[q];
            const r = nz[q] + j;
            a0 += v * w[r];
            a1 += v * w[r + 1];
            a2 += v * w[r + 2];
            a3 += v * w[r + 3];
            a4 += v * w[r + 4];
            a5 += v * w[r + 5];
            a6 += v * w[r + 6];
            a7 += v * w[r + 7];
          }
          h[o + j] = a0;
          h[o + j + 1] = a1;
          h[o + j + 2] = a2;
          h[o + j + 3] = a3;
          h[o + j + 4] = a4;
          h[o + j + 5] = a5;
          h[o + j + 6] = a6;
          h[o + j + 7] = a7;
        }
        for (; j < nOut; j++) {
          let a = bias[j];
          for (let q = 0; q < n; q++) a += xv[q] * w[nz[q] + j];
          h[o + j] = a;
        }
        if (relu) for (let k = o; k < o + nOut; k++) if (h[k] < 0) h[k] = 0;
      }
    }
    const nOut = sizes[layers];
    if (this.out.length < rows * nOut) this.out = new Float32Array(rows * nOut);
    const { out } = this;
    const last = this.acts[layers - 1];
    for (let k = 0; k < rows; k++) {
      const o = rowSlot[k] * nOut;
      for (let j = 0; j < nOut; j++) out[k * nOut + j] = last[o + j];
    }
    return out;
  }

  /** Writes d loss / d params into `grad` (laid out as net.params), given d loss / d outputs of the
   *  first gradRows rows of the last forward(), [gradRows, outputs] row-major. */
  backward(dOut: Float32Array, grad: Float32Array): void {
    const { net, layers, slots, rowSlot, gradSlot, offsets } = this;
    const sizes = net.sizes;
    const b = this.gradRows;
    // d loss / d outputs summed per cell.
    const nOut = sizes[layers];
    const gTop = this.grads[layers - 1];
    gTop.fill(0, 0, slots * nOut);
    gradSlot.fill(0, 0, slots);
    for (let k = 0; k < b; k++) {
      const s = rowSlot[k];
      gradSlot[s] = 1;
      const o = s * nOut;
      for (let j = 0; j < nOut; j++) gTop[o + j] += dOut[k * nOut + j];
    }
    // Dense layers from the top: dW += x^T dz, db += dz, dx = dz W^T, then through the ReLU of x.
    for (let l = layers - 1; l >= 1; l--) {
      const nIn = sizes[l];
      const nOut = sizes[l + 1];
      const w = net.weights[2 * l];
      const gw = grad.subarray(offsets[2 * l], offsets[2 * l] + nIn * nOut);
      const gb = grad.subarray(offsets[2 * l + 1], offsets[2 * l + 1] + nOut);
      gw.fill(0);
      gb.fill(0);
      const x = this.acts[l - 1];
      const dz = this.grads[l];
      const dx = this.grads[l - 1];
      const { nz, xv } = this;
      for (let s = 0; s < slots; s++) {
        if (!gradSlot[s]) continue;
        const o = s * nOut;
        const xo = s * nIn;
        // The nonzero entries of dz (a ReLU above zeroes many; DQN's loss all but a few outputs): where,
        // and their values (read once here, not once per input below).
        let n = 0;
        for (let j = 0; j < nOut; j++) {
          const g = dz[o + j];
          if (g === 0) continue;
          gb[j] += g;
          nz[n] = j;
          xv[n++] = g;
        }
        for (let i = 0; i < nIn; i++) {
          const v = x[xo + i];
          if (v === 0) {
            // ReLU off: no weight gradient from this input, and none flows below it.
            dx[xo + i] = 0;
            continue;
          }
          const row = i * nOut;
          let sum = 0;
          for (let q = 0; q < n; q++) {
            const j = row + nz[q];
            const g = xv[q];
            gw[j] += v * g;
            sum += g * w[j];
          }
          dx[xo + i] = sum;
        }
      }
    }
    // First layer: dW0 = x^T dz0 over the nonzero inputs; db0 = sum dz0 (dz0 is 0 where h0 is).
    const n0 = sizes[1];
    const gw0 = grad.subarray(0, sizes[0] * n0);
    const gb0 = grad.subarray(offsets[1], offsets[1] + n0);
    gw0.fill(0);
    gb0.fill(0);
    const d = this.grads[0];
    for (let s = 0; s < slots; s++) {
      if (!gradSlot[s]) continue;
      const o = s * n0;
      for (let j = 0; j < n0; j++) gb0[j] += d[o + j];
      const c = this.slotCell[s];
      sparseLayerGrad(gw0, n0, d, o, this.cellInputs.indices(c), this.cellInputs.values(c));
    }
  }
}
