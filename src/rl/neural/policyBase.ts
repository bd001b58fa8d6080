/**
 * What actor-critic and REINFORCE share: a softmax policy pi(a | s) from an actor MLP (logits), an
 * optional critic / baseline MLP V(s), a rollout of (state, action, return) and the policy-gradient step
 *   loss = -mean(log pi(a_t | s_t) * (G_t - V(s_t))) - entropy * mean(H(pi(. | s_t)))
 *          + valueCoef * mean((G_t - V(s_t))^2)
 * where the advantage G_t - V(s_t) is computed in plain JS (so no gradient flows into V through it).
 * Subclasses decide when a rollout ends and what its returns G_t are.
 * Views: qValues holds the policy's action probabilities pi(a | s) (so arrows point at the likeliest
 * action), values holds the critic's V(s) (0 everywhere without a critic).
 * With curiosity > 0 every recorded reward gets the RND bonus for s' (rnd.ts), and each gradient step
 * also trains the RND predictor on the same chunk's next states.
 */
import * as tf from '@tensorflow/tfjs';
import type { ActorCriticConfig, ReinforceConfig } from '../../config/neuralAgents';
import { isActive, N_ACTIONS, type Grid } from '../grid';
import { Rng } from '../rng';
import { Adam } from './adam';
import { argmax, checkLoss, neuralDiagnostics, sampleSoftmax, softmax, type NeuralAgent } from './common';
import { Mlp, mlpApply } from './mlp';
import { createEncoder, type Encoder } from './observations';
import { Rnd } from './rnd';

/** Largest batch of one gradient step (a longer REINFORCE episode is learnt from in chunks). */
const MAX_BATCH = 512;

export abstract class PolicyAgent implements NeuralAgent {
  abstract readonly type: string;
  readonly planner = null;
  updates = 0;
  loss = NaN;
  /** Environment steps taken. */
  steps = 0;
  protected readonly rng: Rng;
  protected readonly gamma: number;
  private readonly enc: Encoder;
  private readonly actor: Mlp;
  private readonly critic: Mlp | null;
  private readonly opt: Adam;
  private readonly valueCoef: number;
  /** The curiosity bonus (null when curiosity is off). */
  private readonly rnd: Rnd | null;
  // The rollout: filled by the subclass, `returns` set before calling learn().
  protected readonly states: Int32Array;
  protected readonly actions: Uint8Array;
  protected readonly rewards: Float64Array;
  /** Next state of every rollout step (kept only for the curiosity predictor). */
  private readonly nextStates: Int32Array;
  protected readonly returns: Float64Array;
  protected length = 0;
  // Batch buffers.
  private readonly xs: Float32Array;
  private readonly masks: Float32Array;
  private readonly advs: Float32Array;
  private readonly rets: Float32Array;
  private readonly obs: Float32Array;
  private readonly probs = new Float64Array(N_ACTIONS);
  /** The views' tables and the update count they were computed at. */
  private readonly probTable: Float64Array;
  private readonly valueTable: Float64Array;
  private tablesAt = -1;

  constructor(
    protected readonly cfg: ActorCriticConfig | ReinforceConfig,
    protected readonly grid: Grid,
    seed: number,
    readonly backend: string,
    rolloutLength: number,
    withCritic: boolean,
    valueCoef: number,
  ) {
    this.rng = new Rng(seed);
    this.gamma = grid.gamma;
    this.enc = createEncoder(cfg.observation, grid);
    // A small last layer starts the policy near uniform (as CleanRL's 0.01-scaled actor head).
    this.actor = new Mlp([this.enc.size, ...cfg.hidden, N_ACTIONS], this.rng, 0.01);
    this.critic = withCritic ? new Mlp([this.enc.size, ...cfg.hidden, 1], this.rng) : null;
    this.valueCoef = valueCoef;
    const nets = this.critic ? [this.actor, this.critic] : [this.actor];
    this.opt = new Adam(
      nets.flatMap((n) => n.weights),
      nets.flatMap((n) => n.shapes),
      cfg.learningRate,
      backend,
    );
    this.states = new Int32Array(rolloutLength);
    this.actions = new Uint8Array(rolloutLength);
    this.rewards = new Float64Array(rolloutLength);
    this.returns = new Float64Array(rolloutLength);
    const b = Math.min(rolloutLength, MAX_BATCH);
    this.rnd =
      cfg.curiosity > 0 ? new Rnd(this.enc, cfg.curiosity, seed, cfg.learningRate, backend, b) : null;
    this.nextStates = new Int32Array(this.rnd ? rolloutLength : 0);
    this.xs = new Float32Array(b * this.enc.size);
    this.masks = new Float32Array(b * N_ACTIONS);
    this.advs = new Float32Array(b);
    this.rets = new Float32Array(b);
    this.obs = new Float32Array(this.enc.size);
    this.probTable = new Float64Array(grid.nStates * N_ACTIONS);
    this.valueTable = new Float64Array(grid.nStates);
  }

  private logits(s: number): Float32Array {
    this.enc.encode(s, this.obs, 0);
    return this.actor.forward(this.obs);
  }

  /** V(s) from the critic (0 without one). */
  protected value(s: number): number {
    if (!this.critic) return 0;
    this.enc.encode(s, this.obs, 0);
    return this.critic.forward(this.obs)[0];
  }

  /** Samples an action from pi(. | s). */
  protected sample(s: number): number {
    return sampleSoftmax(this.logits(s), N_ACTIONS, this.rng, this.probs);
  }

  /** Appends (s, a, r) to the rollout, r plus the curiosity bonus for s2 when curiosity is on. */
  protected record(s: number, a: number, r: number, s2: number): void {
    this.states[this.length] = s;
    this.actions[this.length] = a;
    if (this.rnd) {
      r += this.rnd.bonus(s2);
      this.nextStates[this.length] = s2;
    }
    this.rewards[this.length] = r;
    this.length++;
  }

  /** One gradient step per chunk of the rollout (its `returns` filled in), then empties it. */
  protected learn(): void {
    const n = this.length;
    this.length = 0; // emptied first, so that after a divergence error the agent still fails cleanly
    for (let from = 0; from < n; from += MAX_BATCH) this.update(from, Math.min(n, from + MAX_BATCH));
  }

  private update(from: number, to: number): void {
    const { enc, xs, masks, advs, rets } = this;
    const b = to - from;
    masks.fill(0);
    for (let k = 0; k < b; k++) {
      const s = this.states[from + k];
      enc.encode(s, xs, k * enc.size);
      masks[k * N_ACTIONS + this.actions[from + k]] = 1;
      rets[k] = this.returns[from + k];
      advs[k] = this.returns[from + k] - this.value(s);
    }
    const { cfg, valueCoef } = this;
    const nActor = this.actor.weights.length;
    this.loss = this.opt.minimize((params) => {
      const x = tf.tensor2d(xs.subarray(0, b * enc.size), [b, enc.size]);
      const m = tf.tensor2d(masks.subarray(0, b * N_ACTIONS), [b, N_ACTIONS]);
      const logp = tf.logSoftmax(mlpApply(params.slice(0, nActor), x));
      const logpA = tf.sum(tf.mul(logp, m), 1);
      const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1));
      const advantage = tf.tensor1d(advs.subarray(0, b));
      const policyLoss = tf.neg<tf.Scalar>(
        tf.mean(tf.add(tf.mul(logpA, advantage), tf.mul(entropy, cfg.entropy))),
      );
      if (params.length === nActor) return policyLoss;
      const v = tf.reshape(mlpApply(params.slice(nActor), x), [b]);
      const valueLoss = tf.mean(tf.square(tf.sub(tf.tensor1d(rets.subarray(0, b)), v)));
      return tf.add<tf.Scalar>(policyLoss, tf.mul(valueLoss, valueCoef));
    });
    this.updates++;
    checkLoss(this.loss, this.type, cfg.learningRate, this.steps);
    this.rnd?.train(this.nextStates.subarray(from, to));
  }

  greedy(s: number): number {
    return argmax(this.logits(s));
  }

  /** pi(. | s) and V(s) for every cell an agent can act in (0 elsewhere), recomputed only after updates. */
  private tables(): void {
    if (this.tablesAt === this.updates) return;
    for (let s = 0; s < this.grid.nStates; s++) {
      if (!isActive(this.grid, s)) continue;
      softmax(this.logits(s), N_ACTIONS, this.probTable, s * N_ACTIONS);
      this.valueTable[s] = this.value(s);
    }
    this.tablesAt = this.updates;
  }

  qValues(out: Float64Array): void {
    this.tables();
    out.set(this.probTable);
  }

  values(out: Float64Array): void {
    this.tables();
    out.set(this.valueTable);
  }

  epsilon(): number {
    return 0;
  }

  /** The state the agent is in and the action it sampled there. */
  protected s = 0;
  protected a = 0;

  start(s: number): number {
    return this.moveTo(s);
  }

  /** Enters state s and samples the action to take there. */
  protected moveTo(s: number): number {
    this.s = s;
    this.a = this.sample(s);
    return this.a;
  }

  abstract step(r: number, s2: number, terminal: boolean): number;
  abstract endEpisode(): void;

  diagnostics() {
    return neuralDiagnostics(this);
  }

  /** Nothing to free: the weights are typed arrays and every tensor lives within one update. */
  dispose(): void {}
}
