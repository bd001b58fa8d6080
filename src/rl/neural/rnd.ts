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
 *   minibatch (DQN) or rollout (actor-critic, REINFORCE): one MlpPass (mlpPass.ts), the squared error
 *   and its gradient in JS. f never changes, so f(x) is kept per cell once computed (in plain JS).
 * Both networks are seeded from their own stream of the agent's seed: the agent's other draws do not move.
 */
import type { StateReader, StateWriter } from '../agentState';
import { Rng, subSeed } from '../rng';
import { Adam } from './adam';
import { checkLoss } from './common';
import { meanSquaredError } from './losses';
import { CellOutputs, Mlp } from './mlp';
import { MlpPass } from './mlpPass';
import { tidyOn } from './tfSetup';
import type { CellInputs } from './observations';

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
  /** f(x) per cell ([nStates, EMBEDDING]), each computed on first use (f never changes). */
  private readonly target: CellOutputs;
  private readonly predictor: Mlp;
  private readonly pass: MlpPass;
  private readonly grad: Float32Array;
  private readonly opt: Adam;
  // Running count, mean and sum of squared deviations of the errors (Welford).
  private n = 0;
  private mean = 0;
  private m2 = 0;
  // Buffers, reused by every call: the batch's targets and d loss / d g(x).
  private readonly ys: Float32Array;
  private readonly dOut: Float32Array;

  constructor(
    private readonly inputs: CellInputs,
    /** The bonus scale (> 0). */
    readonly beta: number,
    seed: number,
    private readonly learningRate: number,
    private readonly backend: string,
    /** Most cells one train() call gets. */
    private readonly maxBatch: number,
  ) {
    const rng = new Rng(subSeed(seed, STREAM));
    const sizes = [inputs.size, HIDDEN, EMBEDDING];
    this.target = new CellOutputs(new Mlp(sizes, rng), inputs);
    this.predictor = new Mlp(sizes, rng);
    this.pass = new MlpPass(this.predictor, inputs);
    this.grad = new Float32Array(this.predictor.params.length);
    this.opt = new Adam([this.predictor.params], [this.grad], learningRate);
    this.ys = new Float32Array(maxBatch * EMBEDDING);
    this.dOut = new Float32Array(maxBatch * EMBEDDING);
  }

  /** f(x) for cell s (a view of the per-cell table). */
  private f(s: number): Float32Array {
    return this.target.row(s);
  }

  /** The prediction error e(x) for the observation of cell s (plain JS; changes nothing). */
  error(s: number): number {
    const f = this.f(s);
    const g = this.predictor.forward(this.inputs, s);
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

  /** The predictor, its optimiser and the running error statistics (the fixed target network is
   *  drawn again from the seed). */
  writeState(w: StateWriter): void {
    w.arr('predictor', this.predictor.params)
      .num('updates', this.updates)
      .num('loss', this.loss)
      .num('n', this.n)
      .num('mean', this.mean)
      .num('m2', this.m2);
    this.opt.writeState(w.child('adam'));
  }

  readState(r: StateReader): void {
    const updates = r.num('updates', { min: 0, int: true });
    const loss = r.num('loss', { nullable: true });
    const n = r.num('n', { min: 0, int: true });
    const mean = r.num('mean');
    const m2 = r.num('m2', { min: 0 });
    r.into('predictor', this.predictor.params);
    this.opt.readState(r.child('adam'));
    r.then(() => {
      this.updates = updates;
      this.loss = loss ?? NaN;
      this.n = n;
      this.mean = mean;
      this.m2 = m2;
    });
  }

  /** One Adam step of the predictor towards the target on the given cells (at most maxBatch of them). */
  train(cells: Int32Array): void {
    const { ys, dOut, pass } = this;
    const b = Math.min(cells.length, this.maxBatch);
    if (b === 0) return;
    for (let k = 0; k < b; k++) ys.set(this.f(cells[k]), k * EMBEDDING);
    this.loss = tidyOn(this.backend, () => {
      const g = pass.forward(cells, b);
      const loss = meanSquaredError(g, ys, b * EMBEDDING, dOut);
      if (Number.isFinite(loss)) {
        pass.backward(dOut, this.grad);
        this.opt.step();
      }
      return loss;
    });
    this.updates++;
    checkLoss(this.loss, 'curiosity predictor', this.learningRate, this.updates);
  }
}
