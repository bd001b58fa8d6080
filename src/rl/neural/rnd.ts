/**
 * Curiosity by random network distillation (Burda et al. 2018, "Exploration by Random Network
 * Distillation"): a bonus for reaching states the agent has rarely seen.
 * - f, the target: a small MLP with fixed random weights. g, the predictor: an MLP of the same shape,
 *   trained to output f(x) on the observations x the agent learns from. Where the agent has often been,
 *   g has caught up with f and the error e(x) = mean_k (g(x)_k - f(x)_k)^2 is small; elsewhere it is large.
 * - The bonus for arriving in s' is beta * e(x') / sd, sd the running standard deviation of every error
 *   met so far (so beta means the same on any grid and encoder). The paper divides by the running sd of
 *   the intrinsic return; the error's own sd is the per-step version of that. Before two errors are known
 *   the ratio counts as 1, and it is capped at MAX_RATIO so that a tiny early sd cannot blow up rewards.
 * - g takes one Adam step on mean((g(x) - f(x))^2) per agent update, on the next-states of the same
 *   minibatch (DQN) or rollout (actor-critic, REINFORCE); f(x) is computed in plain JS, so the tfjs graph
 *   is g's batch forward pass and a squared error, and no tensor outlives the step (see adam.ts).
 * Both networks are seeded from their own stream of the agent's seed: the agent's other draws do not move.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng, subSeed } from '../rng';
import { Adam } from './adam';
import { checkLoss } from './common';
import { Mlp, mlpApply } from './mlp';
import type { Encoder } from './observations';

/** Hidden units of f and g, and the size of the random embedding g learns to predict. */
const HIDDEN = 64;
const EMBEDDING = 16;
/** Largest bonus, in units of beta. */
export const MAX_RATIO = 5;
/** The Rng stream (of the agent's seed) the two networks are drawn from. */
const STREAM = 11;

export class Rnd {
  /** Adam steps taken by the predictor, and the loss of the last one (NaN before the first). */
  updates = 0;
  loss = NaN;
  private readonly target: Mlp;
  private readonly predictor: Mlp;
  private readonly opt: Adam;
  // Running count, mean and sum of squared deviations of the errors (Welford).
  private n = 0;
  private mean = 0;
  private m2 = 0;
  // Buffers, reused by every call.
  private readonly obs: Float32Array;
  private readonly xs: Float32Array;
  private readonly ys: Float32Array;

  constructor(
    private readonly enc: Encoder,
    /** The bonus scale (> 0). */
    readonly beta: number,
    seed: number,
    private readonly learningRate: number,
    backend: string,
    /** Most cells one train() call gets. */
    private readonly maxBatch: number,
  ) {
    const rng = new Rng(subSeed(seed, STREAM));
    const sizes = [enc.size, HIDDEN, EMBEDDING];
    this.target = new Mlp(sizes, rng);
    this.predictor = new Mlp(sizes, rng);
    this.opt = new Adam(this.predictor.weights, this.predictor.shapes, learningRate, backend);
    this.obs = new Float32Array(enc.size);
    this.xs = new Float32Array(maxBatch * enc.size);
    this.ys = new Float32Array(maxBatch * EMBEDDING);
  }

  /** The prediction error e(x) for the observation of cell s (plain JS; changes nothing). */
  error(s: number): number {
    this.enc.encode(s, this.obs, 0);
    const f = this.target.forward(this.obs);
    const g = this.predictor.forward(this.obs);
    let e = 0;
    for (let k = 0; k < EMBEDDING; k++) e += (g[k] - f[k]) ** 2;
    return e / EMBEDDING;
  }

  /** The running standard deviation of the errors seen by bonus() (0 before two). */
  sd(): number {
    return this.n < 2 ? 0 : Math.sqrt(this.m2 / this.n);
  }

  /** The curiosity bonus for arriving in cell s; adds its error to the running statistics. */
  bonus(s: number): number {
    const e = this.error(s);
    this.n++;
    const d = e - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (e - this.mean);
    const sd = this.sd();
    const ratio = sd > 0 ? Math.min(e / sd, MAX_RATIO) : 1;
    return this.beta * ratio;
  }

  /** One Adam step of the predictor towards the target on the given cells (at most maxBatch of them). */
  train(cells: Int32Array): void {
    const { enc, xs, ys, target } = this;
    const b = Math.min(cells.length, this.maxBatch);
    if (b === 0) return;
    for (let k = 0; k < b; k++) {
      enc.encode(cells[k], xs, k * enc.size);
      ys.set(target.forward(xs, k * enc.size), k * EMBEDDING);
    }
    this.loss = this.opt.minimize((params) => {
      const x = tf.tensor2d(xs.subarray(0, b * enc.size), [b, enc.size]);
      const y = tf.tensor2d(ys.subarray(0, b * EMBEDDING), [b, EMBEDDING]);
      return tf.mean(tf.square(tf.sub(mlpApply(params, x), y)));
    });
    this.updates++;
    checkLoss(this.loss, 'curiosity predictor', this.learningRate, this.updates);
  }
}
