/**
 * Deep Q-Network (Mnih et al. 2015) with the Double DQN target (van Hasselt et al. 2016), in the spirit
 * of CleanRL's dqn.py:
 *   - act epsilon-greedily on Q(s, .) from an MLP; epsilon falls linearly over epsilonDecaySteps;
 *   - store every transition in a replay ring; after learningStarts steps, every trainEvery steps take
 *     one Adam step on a random minibatch, minimising the Huber loss of Q(s, a) - y with
 *       y = r + gamma * Q_target(s', argmax_a' Q(s', a'))   (Double DQN; plain DQN: max_a' Q_target)
 *     and y = r when s' is terminal (a time-limit cut still bootstraps);
 *   - every targetSync steps copy the online weights into the target network.
 * Weights live in Float32Arrays (mlp.ts): acting and the TD targets (from the target network, a frozen
 * copy) run in plain JS, and the tfjs graph per update is just the batch forward pass, the Huber loss and
 * its gradients (adam.ts).
 * With curiosity > 0 every reward it learns from gets the RND bonus for s' (rnd.ts), and each update also
 * trains the RND predictor on the minibatch's next states.
 */
import * as tf from '@tensorflow/tfjs';
import type { DqnConfig } from '../../config/neuralAgents';
import { isActive, N_ACTIONS, type Grid } from '../grid';
import { Rng } from '../rng';
import { Adam } from './adam';
import { argmax, checkLoss, neuralDiagnostics, type NeuralAgent } from './common';
import { Mlp, mlpApply } from './mlp';
import { createEncoder, type Encoder } from './observations';
import { ReplayBuffer } from './replayBuffer';
import { Rnd } from './rnd';

/** Huber loss (delta 1) averaged over the batch: 0.5 d^2 for |d| <= 1, |d| - 0.5 beyond. */
function huberLoss(d: tf.Tensor): tf.Scalar {
  const a = tf.abs(d);
  const quad = tf.minimum(a, 1);
  return tf.mean(tf.add(tf.mul(tf.square(quad), 0.5), tf.sub(a, quad)));
}

export class DqnAgent implements NeuralAgent {
  readonly type = 'dqn';
  readonly planner = null;
  updates = 0;
  loss = NaN;
  /** Environment steps taken (drives the epsilon schedule, training and target syncs). */
  steps = 0;
  private readonly rng: Rng;
  private readonly enc: Encoder;
  private readonly net: Mlp;
  private readonly target: Mlp;
  private readonly opt: Adam;
  private readonly replay: ReplayBuffer;
  /** The curiosity bonus and the minibatch's next states it trains on (null when curiosity is off). */
  private readonly rnd: Rnd | null;
  private readonly nextStates: Int32Array;
  private readonly gamma: number;
  // Minibatch buffers, reused by every update.
  private readonly idx: Int32Array;
  private readonly xs: Float32Array;
  private readonly masks: Float32Array;
  private readonly ys: Float32Array;
  private readonly obs: Float32Array;
  private s = 0;
  private a = 0;
  /** The views' Q table and the update count it was computed at. */
  private readonly qTable: Float64Array;
  private tableAt = -1;

  constructor(
    private readonly cfg: DqnConfig,
    private readonly grid: Grid,
    seed: number,
    readonly backend: string,
  ) {
    this.rng = new Rng(seed);
    this.enc = createEncoder(cfg.observation, grid);
    this.net = new Mlp([this.enc.size, ...cfg.hidden, N_ACTIONS], this.rng);
    this.target = new Mlp(this.net.sizes, null);
    this.target.copyFrom(this.net);
    this.opt = new Adam(this.net.weights, this.net.shapes, cfg.learningRate, backend);
    this.replay = new ReplayBuffer(cfg.replaySize);
    this.gamma = grid.gamma;
    const b = cfg.batchSize;
    this.idx = new Int32Array(b);
    this.xs = new Float32Array(b * this.enc.size);
    this.masks = new Float32Array(b * N_ACTIONS);
    this.ys = new Float32Array(b);
    this.obs = new Float32Array(this.enc.size);
    this.qTable = new Float64Array(grid.nStates * N_ACTIONS);
    this.rnd =
      cfg.curiosity > 0 ? new Rnd(this.enc, cfg.curiosity, seed, cfg.learningRate, backend, b) : null;
    this.nextStates = new Int32Array(this.rnd ? b : 0);
  }

  /** Q(s, .) from `net` (a reused array). */
  private q(net: Mlp, s: number): Float32Array {
    this.enc.encode(s, this.obs, 0);
    return net.forward(this.obs);
  }

  private act(s: number): number {
    if (this.rng.next() < this.epsilon()) return this.rng.int(N_ACTIONS);
    return argmax(this.q(this.net, s));
  }

  epsilon(): number {
    const { epsilon, epsilonMin, epsilonDecaySteps } = this.cfg;
    const f = Math.min(1, this.steps / epsilonDecaySteps);
    return epsilon + f * (epsilonMin - epsilon);
  }

  start(s: number): number {
    this.s = s;
    this.a = this.act(s);
    return this.a;
  }

  step(r: number, s2: number, terminal: boolean): number {
    if (this.rnd) r += this.rnd.bonus(s2);
    this.replay.push(this.s, this.a, r, s2, terminal);
    this.steps++;
    const c = this.cfg;
    if (this.steps >= c.learningStarts && this.steps % c.trainEvery === 0 && this.replay.size >= c.batchSize)
      this.train();
    if (this.steps % c.targetSync === 0) this.target.copyFrom(this.net);
    if (terminal) return 0;
    this.s = s2;
    this.a = this.act(s2);
    return this.a;
  }

  endEpisode(): void {}

  /** One Adam step on a replayed minibatch; TD targets come from the plain-JS networks. */
  private train(): void {
    const { replay, enc, idx, xs, masks, ys, net } = this;
    replay.sample(this.rng, idx);
    masks.fill(0);
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      enc.encode(replay.s[i], xs, k * enc.size);
      masks[k * N_ACTIONS + replay.a[i]] = 1;
      let y = replay.r[i];
      if (!replay.done[i]) {
        const next = this.cfg.doubleDqn ? argmax(this.q(net, replay.s2[i])) : -1;
        const qt = this.q(this.target, replay.s2[i]);
        y += this.gamma * (next >= 0 ? qt[next] : qt[argmax(qt)]);
      }
      ys[k] = y;
    }
    const b = idx.length;
    this.loss = this.opt.minimize((params) => {
      const x = tf.tensor2d(xs, [b, enc.size]);
      const m = tf.tensor2d(masks, [b, N_ACTIONS]);
      return huberLoss(tf.sub(tf.sum(tf.mul(mlpApply(params, x), m), 1), tf.tensor1d(ys)));
    });
    this.updates++;
    checkLoss(this.loss, this.type, this.cfg.learningRate, this.steps);
    if (this.rnd) {
      for (let k = 0; k < b; k++) this.nextStates[k] = replay.s2[idx[k]];
      this.rnd.train(this.nextStates);
    }
  }

  greedy(s: number): number {
    return argmax(this.q(this.net, s));
  }

  /** Q for every cell an agent can act in (0 on walls, goals and pits), recomputed only after updates. */
  private table(): Float64Array {
    if (this.tableAt !== this.updates) {
      const t = this.qTable;
      for (let s = 0; s < this.grid.nStates; s++) {
        if (isActive(this.grid, s)) t.set(this.q(this.net, s), s * N_ACTIONS);
      }
      this.tableAt = this.updates;
    }
    return this.qTable;
  }

  qValues(out: Float64Array): void {
    out.set(this.table());
  }

  values(out: Float64Array): void {
    const t = this.table();
    for (let s = 0; s < this.grid.nStates; s++) {
      const i = s * N_ACTIONS;
      out[s] = Math.max(t[i], t[i + 1], t[i + 2], t[i + 3]);
    }
  }

  diagnostics() {
    return neuralDiagnostics(this);
  }

  /** Nothing to free: the weights are typed arrays and every tensor lives within one update. */
  dispose(): void {}
}
