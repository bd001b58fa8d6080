/**
 * Adam (Kingma & Ba 2015) on weights kept in Float32Arrays, in plain JS:
 *   m = b1 m + (1 - b1) g,  v = b2 v + (1 - b2) g^2,  w -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * Each parameter array comes with the gradient array the caller fills before step() (MlpPass.backward).
 * Doing Adam in JS instead of tfjs's optimizer saves ~10 kernels per weight tensor, and the acting
 * copy of the weights needs no read-back.
 */
import type { StateReader, StateWriter } from '../agentState';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-7;

export class Adam {
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private t = 0;

  constructor(
    private readonly params: Float32Array[],
    /** One gradient per parameter array, of the same length. */
    private readonly grads: Float32Array[],
    private readonly lr: number,
  ) {
    this.m = params.map((p) => new Float32Array(p.length));
    this.v = params.map((p) => new Float32Array(p.length));
  }

  /** The moments and the step count (so a resumed run takes the steps the uninterrupted one would). */
  writeState(w: StateWriter): void {
    w.num('t', this.t);
    this.m.forEach((m, i) => w.arr(`m${i}`, m));
    this.v.forEach((v, i) => w.arr(`v${i}`, v));
  }

  readState(r: StateReader): void {
    const t = r.num('t', { min: 0, int: true });
    this.m.forEach((m, i) => r.into(`m${i}`, m));
    this.v.forEach((v, i) => {
      const a = r.read(`v${i}`, v);
      for (let k = 0; k < a.length; k++) if (a[k] < 0) r.fail(`v${i}`, `has the negative ${a[k]} at ${k}`);
      r.into(`v${i}`, v);
    });
    r.then(() => (this.t = t));
  }

  /** Steps the weights downhill along the gradients now in `grads`. */
  step(): void {
    this.t++;
    const lrHat = this.lr / (1 - BETA1 ** this.t);
    const vScale = 1 / Math.sqrt(1 - BETA2 ** this.t);
    for (let i = 0; i < this.params.length; i++) {
      const w = this.params[i];
      const g = this.grads[i];
      const m = this.m[i];
      const v = this.v[i];
      const n = w.length;
      for (let k = 0; k < n; k++) {
        const gk = g[k];
        const m0 = m[k];
        const v0 = v[k];
        // A weight that has never had a gradient (m = v = 0, g = 0) would move by 0 / eps: skip it.
        if (gk === 0 && m0 === 0 && v0 === 0) continue;
        const mk = BETA1 * m0 + (1 - BETA1) * gk;
        const vk = BETA2 * v0 + (1 - BETA2) * gk * gk;
        m[k] = mk;
        v[k] = vk;
        w[k] -= (lrHat * mk) / (Math.sqrt(vk) * vScale + EPS);
      }
    }
  }
}
