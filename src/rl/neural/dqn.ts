/**
 * Deep Q-Network (Mnih et al. 2015) with the Double DQN target (van Hasselt et al. 2016), in the spirit
 * of CleanRL's dqn.py:
 *   - act epsilon-greedily on Q(s, .) from an MLP; epsilon falls linearly over epsilonDecaySteps;
 *   - store every transition in a replay ring; after learningStarts steps, every trainEvery steps take
 *     one Adam step on a random minibatch, minimising the Huber loss of Q(s, a) - y with
 *       y = r + gamma * Q_target(s', argmax_a' Q(s', a'))   (Double DQN; plain DQN: max_a' Q_target)
 *     and y = r when s' is terminal (a time-limit cut still bootstraps);
 *   - every targetSync steps copy the online weights into the target network.
 * Weights live in Float32Arrays (mlp.ts) and act in plain JS. An update is one pass over the minibatch's
 * states and, for Double DQN, its next states (their online Q picks a'): a CellPass (cellPass.ts: plain
 * JS, once per distinct cell) for the default-sized networks, else an MlpPass (mlpPass.ts); the targets,
 * the Huber loss and its gradient are per-sample JS (losses.ts), and Adam runs in JS (adam.ts). The
 * frozen target network is a table of its outputs per cell, each filled in plain JS the first time a
 * minibatch needs it after a sync (inputs are always one of the grid's cells).
 * With curiosity > 0 every reward it learns from gets the RND bonus for s' (rnd.ts), and each update also
 * trains the RND predictor on the minibatch's next states.
 */
import type { DqnConfig } from '../../config/neuralAgents';
import { greedyAction } from '../greedy';
import { isActive, N_ACTIONS, type Grid } from '../grid';
import type { AgentState } from '../agentState';
import { Adam } from './adam';
import { NeuralAgentBase } from './agentBase';
import { argmax, checkLoss, type NeuralAgent } from './common';
import { huberTd } from './losses';
import { Mlp } from './mlp';
import { CellPass, cellPassFits } from './cellPass';
import { MlpPass } from './mlpPass';
import { tidyOn } from './tfSetup';
import { CellInputs, createEncoder } from './observations';
import { ReplayBuffer } from './replayBuffer';
import type { DemoTransitions } from '../teacher/demonstrations';
import { Rnd } from './rnd';

/**
 * The TD targets y_k = r_k + gamma * Q_target(s'_k, a'_k) (y_k = r_k when s'_k is terminal), with
 * a' = argmax of the online Q(s'_k, .) for Double DQN (`online` rows b + k), else of Q_target itself.
 * targetQ holds Q_target per cell, [cells, 4] (only the rows of non-terminal next states are read).
 */
export function tdTargets(
  b: number,
  rewards: ArrayLike<number>,
  done: ArrayLike<number>,
  next: ArrayLike<number>,
  gamma: number,
  targetQ: Float32Array,
  online: Float32Array | null,
  ys: Float32Array,
): void {
  for (let k = 0; k < b; k++) {
    let y = rewards[k];
    if (!done[k]) {
      const row = next[k] * N_ACTIONS;
      const a = argmax(online ?? targetQ, N_ACTIONS, online ? (b + k) * N_ACTIONS : row);
      y += gamma * targetQ[row + a];
    }
    ys[k] = y;
  }
}

/** `steps` (environment steps) drive the epsilon schedule, training and target syncs. */
export class DqnAgent extends NeuralAgentBase implements NeuralAgent {
  readonly type = 'dqn';
  private readonly inputs: CellInputs;
  private readonly net: Mlp;
  /** The update's pass: per distinct cell in JS where that is cheaper (cellPass.ts), else MlpPass. */
  private readonly pass: MlpPass | CellPass;
  private readonly grad: Float32Array;
  /** The frozen target network, and its outputs per cell ([nStates, 4]) where known[s] says so. */
  private readonly target: Mlp;
  private readonly targetQ: Float32Array;
  private readonly known: Uint8Array;
  private readonly opt: Adam;
  private readonly replay: ReplayBuffer;
  /** The curiosity bonus (null when curiosity is off). */
  private readonly rnd: Rnd | null;
  private readonly gamma: number;
  // Minibatch buffers, reused by every update: the replay indices, the cells (s, then s' for Double DQN),
  // next states, actions, rewards, done flags, targets and d loss / d Q.
  private readonly idx: Int32Array;
  private readonly cells: Int32Array;
  private readonly nextStates: Int32Array;
  private readonly actions: Uint8Array;
  private readonly rewards: Float64Array;
  private readonly done: Uint8Array;
  private readonly ys: Float32Array;
  private readonly dq: Float32Array;
  private s = 0;
  private a = 0;
  /** The views' Q table and the update count it was computed at. */
  private readonly qTable: Float64Array;
  private tableAt = -1;

  constructor(
    private readonly cfg: DqnConfig,
    private readonly grid: Grid,
    seed: number,
    backend: string,
  ) {
    super(seed, backend);
    this.inputs = new CellInputs(createEncoder(cfg.observation, grid), grid.nStates);
    this.net = new Mlp([this.inputs.size, ...cfg.hidden, N_ACTIONS], this.rng);
    const rows = cfg.doubleDqn ? 2 * cfg.batchSize : cfg.batchSize;
    this.pass = cellPassFits(this.net.sizes, rows, grid.nStates)
      ? new CellPass(this.net, this.inputs, grid.nStates)
      : new MlpPass(this.net, this.inputs);
    this.grad = new Float32Array(this.net.params.length);
    this.target = new Mlp(this.net.sizes, null);
    this.targetQ = new Float32Array(grid.nStates * N_ACTIONS);
    this.known = new Uint8Array(grid.nStates);
    this.syncTarget();
    this.opt = new Adam([this.net.params], [this.grad], cfg.learningRate);
    this.replay = new ReplayBuffer(cfg.replaySize);
    this.gamma = grid.gamma;
    const b = cfg.batchSize;
    this.idx = new Int32Array(b);
    this.cells = new Int32Array(cfg.doubleDqn ? 2 * b : b);
    this.nextStates = new Int32Array(b);
    this.actions = new Uint8Array(b);
    this.rewards = new Float64Array(b);
    this.done = new Uint8Array(b);
    this.ys = new Float32Array(b);
    this.dq = new Float32Array(b * N_ACTIONS);
    this.qTable = new Float64Array(grid.nStates * N_ACTIONS);
    this.rnd =
      cfg.curiosity > 0 ? new Rnd(this.inputs, cfg.curiosity, seed, cfg.learningRate, backend, b) : null;
  }

  /** Q(s, .) from the online network (a reused array). */
  private q(s: number): Float32Array {
    return this.net.forward(this.inputs, s);
  }

  /** Fills the target table's row of cell s if this sync has not yet. */
  private ensureTarget(s: number): void {
    if (this.known[s]) return;
    this.targetQ.set(this.target.forward(this.inputs, s), s * N_ACTIONS);
    this.known[s] = 1;
  }

  /** Freezes the online network as the target network. */
  private syncTarget(): void {
    this.target.copyFrom(this.net);
    this.known.fill(0);
  }

  private act(s: number): number {
    if (this.rng.next() < this.epsilon()) return this.rng.int(N_ACTIONS);
    return argmax(this.q(s));
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
    if (this.steps % c.targetSync === 0) this.syncTarget();
    if (terminal) return 0;
    this.s = s2;
    this.a = this.act(s2);
    return this.a;
  }

  endEpisode(): void {}

  /** With demoBuffer: the demonstrations' transitions, kept in the replay memory for good (Trainer). */
  keepDemonstrations(t: DemoTransitions): void {
    if (!this.cfg.demoBuffer) return;
    for (let k = 0; k < t.n; k++) this.replay.pin(t.s[k], t.a[k], t.r[k], t.s2[k], t.done[k] === 1);
  }

  /** One Adam step on a replayed minibatch. A NaN or infinite loss leaves the weights as they were. */
  private train(): void {
    const { replay, idx, cells, nextStates, actions, rewards, done, ys, dq } = this;
    replay.sample(this.rng, idx);
    const b = idx.length;
    const double = this.cfg.doubleDqn;
    for (let k = 0; k < b; k++) {
      const i = idx[k];
      cells[k] = replay.s[i];
      actions[k] = replay.a[i];
      rewards[k] = replay.r[i];
      done[k] = replay.done[i];
      nextStates[k] = replay.s2[i];
      if (double) cells[b + k] = replay.s2[i];
      if (!done[k]) this.ensureTarget(replay.s2[i]);
    }
    const update = () => {
      const q = this.pass.forward(cells, double ? 2 * b : b, b);
      tdTargets(b, rewards, done, nextStates, this.gamma, this.targetQ, double ? q : null, ys);
      const loss = huberTd(q, N_ACTIONS, actions, ys, b, dq);
      if (Number.isFinite(loss)) {
        this.pass.backward(dq, this.grad);
        this.opt.step();
      }
      return loss;
    };
    // A CellPass makes no tensor, so it needs no tf.tidy scope.
    this.loss = this.pass instanceof CellPass ? update() : tidyOn(this.backend, update);
    this.updates++;
    checkLoss(this.loss, this.type, this.cfg.learningRate, this.steps);
    this.rnd?.train(nextStates);
  }

  greedy(s: number): number {
    return greedyAction(this.q(s), 0);
  }

  /** Q for every cell an agent can act in (0 on walls, goals and pits), recomputed only after updates. */
  private table(): Float64Array {
    if (this.tableAt !== this.updates) {
      const t = this.qTable;
      for (let s = 0; s < this.grid.nStates; s++) {
        if (isActive(this.grid, s)) t.set(this.q(s), s * N_ACTIONS);
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

  /** Online and target weights, Adam's moments, the replay buffer, the counters (steps drive epsilon
   *  and the target syncs), the random stream and the curiosity predictor. */
  exportState(): AgentState {
    const { w, done } = this.stateWriter();
    w.arr('net', this.net.params).arr('target', this.target.params);
    this.opt.writeState(w.child('adam'));
    this.replay.writeState(w.child('replay'));
    this.rnd?.writeState(w.child('rnd'));
    return done();
  }

  importState(state: AgentState): void {
    const r = this.stateReader(state, () => {
      this.known.fill(0);
      this.tableAt = -1;
    });
    r.into('net', this.net.params).into('target', this.target.params);
    this.opt.readState(r.child('adam'));
    this.replay.readState(r.child('replay'), this.grid.nStates);
    if (this.rnd) this.rnd.readState(r.child('rnd'));
    r.apply();
  }
}
