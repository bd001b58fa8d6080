/**
 * What actor-critic and REINFORCE share: a softmax policy pi(a | s) from an actor MLP (logits), an
 * optional critic / baseline MLP V(s), a rollout of (state, action, return) and the policy-gradient step
 *   loss = -mean(log pi(a_t | s_t) * (G_t - V(s_t))) - entropy * mean(H(pi(. | s_t)))
 *          + valueCoef * mean((G_t - V(s_t))^2)
 * where the advantage G_t - V(s_t) is a constant (no gradient flows into V through it). Actor and critic
 * each take one MlpPass (mlpPass.ts) over the chunk's states; the loss and its gradient are per-sample
 * JS (losses.ts), and one Adam step (adam.ts) moves both networks.
 * Subclasses decide when a rollout ends and what its returns G_t are.
 * Views: qValues holds the policy's action probabilities pi(a | s) (so arrows point at the likeliest
 * action), values holds the critic's V(s) (0 everywhere without a critic).
 * With curiosity > 0 every recorded reward gets the RND bonus for s' (rnd.ts), and each gradient step
 * also trains the RND predictor on the same chunk's next states.
 */
import type { ActorCriticConfig, ReinforceConfig } from '../../config/neuralAgents';
import { greedyAction } from '../greedy';
import { isActive, N_ACTIONS, type Grid } from '../grid';
import type { AgentState } from '../agentState';
import { Adam } from './adam';
import { NeuralAgentBase } from './agentBase';
import { checkLoss, sampleSoftmax, softmax, type NeuralAgent } from './common';
import { policyGradient } from './losses';
import { Mlp } from './mlp';
import { MlpPass } from './mlpPass';
import { tidyOn } from './tfSetup';
import { CellInputs, createEncoder } from './observations';
import { Rnd } from './rnd';

/** Largest batch of one gradient step (a longer REINFORCE episode is learnt from in chunks). */
const MAX_BATCH = 512;

export abstract class PolicyAgent extends NeuralAgentBase implements NeuralAgent {
  protected readonly gamma: number;
  private readonly inputs: CellInputs;
  private readonly actor: Mlp;
  private readonly critic: Mlp | null;
  private readonly actorPass: MlpPass;
  private readonly criticPass: MlpPass | null;
  private readonly actorGrad: Float32Array;
  private readonly criticGrad: Float32Array;
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
  // Batch buffers: d loss / d logits and d loss / d V.
  private readonly dLogits: Float32Array;
  private readonly dValues: Float32Array;
  private readonly probs = new Float64Array(N_ACTIONS);
  /** pi(. | s) of the cell greedy() is asked about. */
  private readonly greedyProbs = new Float64Array(N_ACTIONS);
  /** The views' tables and the update count they were computed at. */
  private readonly probTable: Float64Array;
  private readonly valueTable: Float64Array;
  private tablesAt = -1;

  constructor(
    protected readonly cfg: ActorCriticConfig | ReinforceConfig,
    protected readonly grid: Grid,
    seed: number,
    backend: string,
    rolloutLength: number,
    withCritic: boolean,
    valueCoef: number,
  ) {
    super(seed, backend);
    this.gamma = grid.gamma;
    this.inputs = new CellInputs(createEncoder(cfg.observation, grid), grid.nStates);
    // A small last layer starts the policy near uniform (as CleanRL's 0.01-scaled actor head).
    this.actor = new Mlp([this.inputs.size, ...cfg.hidden, N_ACTIONS], this.rng, 0.01);
    this.critic = withCritic ? new Mlp([this.inputs.size, ...cfg.hidden, 1], this.rng) : null;
    this.valueCoef = valueCoef;
    this.actorPass = new MlpPass(this.actor, this.inputs);
    this.criticPass = this.critic ? new MlpPass(this.critic, this.inputs) : null;
    this.actorGrad = new Float32Array(this.actor.params.length);
    this.criticGrad = new Float32Array(this.critic ? this.critic.params.length : 0);
    this.opt = this.critic
      ? new Adam([this.actor.params, this.critic.params], [this.actorGrad, this.criticGrad], cfg.learningRate)
      : new Adam([this.actor.params], [this.actorGrad], cfg.learningRate);
    this.states = new Int32Array(rolloutLength);
    this.actions = new Uint8Array(rolloutLength);
    this.rewards = new Float64Array(rolloutLength);
    this.returns = new Float64Array(rolloutLength);
    const b = Math.min(rolloutLength, MAX_BATCH);
    this.rnd =
      cfg.curiosity > 0 ? new Rnd(this.inputs, cfg.curiosity, seed, cfg.learningRate, backend, b) : null;
    this.nextStates = new Int32Array(this.rnd ? rolloutLength : 0);
    this.dLogits = new Float32Array(b * N_ACTIONS);
    this.dValues = new Float32Array(withCritic ? b : 0);
    this.probTable = new Float64Array(grid.nStates * N_ACTIONS);
    this.valueTable = new Float64Array(grid.nStates);
  }

  private logits(s: number): Float32Array {
    return this.actor.forward(this.inputs, s);
  }

  /** V(s) from the critic (0 without one). */
  protected value(s: number): number {
    return this.critic ? this.critic.forward(this.inputs, s)[0] : 0;
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

  /** One Adam step on rollout steps [from, to). A NaN or infinite loss leaves the weights as they were. */
  private update(from: number, to: number): void {
    const { cfg, actorPass, criticPass, dLogits, dValues } = this;
    const b = to - from;
    const cells = this.states.subarray(from, to);
    const actions = this.actions.subarray(from, to);
    const returns = this.returns.subarray(from, to);
    this.loss = tidyOn(this.backend, () => {
      const logits = actorPass.forward(cells, b);
      const values = criticPass ? criticPass.forward(cells, b) : null;
      const loss = policyGradient(
        logits,
        N_ACTIONS,
        values,
        actions,
        returns,
        b,
        cfg.entropy,
        this.valueCoef,
        dLogits,
        criticPass ? dValues : null,
      );
      if (Number.isFinite(loss)) {
        actorPass.backward(dLogits, this.actorGrad);
        criticPass?.backward(dValues, this.criticGrad);
        this.opt.step();
      }
      return loss;
    });
    this.updates++;
    checkLoss(this.loss, this.type, cfg.learningRate, this.steps);
    this.rnd?.train(this.nextStates.subarray(from, to));
  }

  /** The core's greedy move (greedy.ts: the lowest of the moves tied within TIE) on pi(. | s), the
   *  preferences the views and the greedy walk read (qValues), so the two always agree. */
  greedy(s: number): number {
    softmax(this.logits(s), N_ACTIONS, this.greedyProbs);
    return greedyAction(this.greedyProbs, 0);
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

  /** Actor (and critic) weights, Adam's moments, the counters, the random stream and the curiosity
   *  predictor. The rollout in flight belongs to its episode and is not kept. */
  exportState(): AgentState {
    const { w, done } = this.stateWriter();
    w.arr('actor', this.actor.params);
    if (this.critic) w.arr('critic', this.critic.params);
    this.opt.writeState(w.child('adam'));
    this.rnd?.writeState(w.child('rnd'));
    return done();
  }

  importState(state: AgentState): void {
    const r = this.stateReader(state, () => {
      this.length = 0;
      this.tablesAt = -1;
    });
    r.into('actor', this.actor.params);
    if (this.critic) r.into('critic', this.critic.params);
    else if (r.has('critic')) r.fail('critic', 'is saved, but this config has no critic (baseline off)');
    this.opt.readState(r.child('adam'));
    if (this.rnd) this.rnd.readState(r.child('rnd'));
    r.apply();
  }
}
