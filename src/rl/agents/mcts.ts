/**
 * Monte Carlo tree search with UCT (Kocsis & Szepesvari 2006) on the exact model: before every real
 * move the agent runs `simulations` imagined episodes from the cell it stands in. Each one descends the
 * tree by UCB1 (untried actions first, ties at random), samples the move's outcome (slip, grid.ts),
 * adds one node, values it (a random rollout of `rolloutDepth` steps, or a value table learned by TD(0)
 * from the agent's own real steps), and backs the discounted return up the path. The agent then takes
 * the most-visited root action (ties at random). With `reuseTree` the subtree under the real action and
 * the real next cell becomes the next root, its statistics kept.
 *
 * Children are keyed by (action, next state): the slots of an action hold the distinct next cells its
 * outcomes reached, so with slip an action's node has up to three children (chance outcomes sharing a
 * next cell share a child). Simulated rewards are the trainer's: with shaping or a count bonus it hands
 * the agent its reward function (Agent.setSimulatedReward).
 *
 * Allocation-free search: the tree is a preallocated typed-array pool (per node: its cell and visit
 * count; per (node, action): visits and the mean return; per (node, action, slot): the child). A move
 * without reuse empties the pool; with reuse, the kept subtree is compacted to the front in place.
 *
 * Views: values() is the learned table (leafValue 'learned') or, per cell, the mean return of the last
 * search from it (0 where it never searched); qValues() is the one-step lookahead on the learned table,
 * or the last search's root action means; policy() (rollout) the move each cell's last search chose.
 * greedy() is the lookahead's greedy move (learned; the rule is src/rl/greedy.ts's) or the most-visited
 * root action of the last search from the cell (rollout; 0 if none). Greedy evaluation walks what the
 * views show (greedy.ts): the lookahead, or the chosen moves.
 * searchTree() hands the standing tree and one record per simulation of the last search to
 * searchTrace.ts (where it looked, the line it chose, after any number of its simulations).
 */
import type { Agent } from '../agent';
import { readerFor, writerFor, type AgentState } from '../agentState';
import type { MctsConfig } from '../../config/searchAgents';
import { greedyAction } from '../greedy';
import { isActive, N_ACTIONS, slipOutcome as sharedSlipOutcome, type Grid } from '../grid';
import {
  buildModel,
  lookahead,
  OUTCOMES as SHARED_OUTCOMES,
  type Model,
  type SimulatedReward,
} from '../model';
import type { Rng } from '../rng';
import type { SearchTree } from './searchTrace';

export type MctsParams = Omit<MctsConfig, 'type'>;

// Module-local copies of what the hot loop reads: some transpilers (tsx, which runs the CLI) turn
// imported bindings into getter calls.
const A = N_ACTIONS;
const OUTCOMES = SHARED_OUTCOMES;
const slipOutcome = sharedSlipOutcome;
const SLOTS = A * OUTCOMES;

/** The 24 orders of the four actions, 4 entries each: a selection scans one picked at random and keeps
 *  the first best, which breaks ties uniformly at random with a single draw. */
const ORDERS = (() => {
  const out: number[] = [];
  for (let a = 0; a < A; a++)
    for (let b = 0; b < A; b++)
      for (let c = 0; c < A; c++)
        for (let d = 0; d < A; d++) if (new Set([a, b, c, d]).size === A) out.push(a, b, c, d);
  return Int8Array.from(out);
})();
const N_ORDERS = ORDERS.length / A;

export class MctsAgent implements Agent {
  readonly type = 'mcts';
  readonly planner = null;
  readonly model: Model;
  /** Simulated steps (in the tree and in rollouts) since the agent was built. */
  simulatedSteps = 0;
  /** Visits the root had when the last search began (> 0 when a reused subtree carried statistics). */
  reusedVisits = 0;

  private readonly grid: Grid;
  private readonly gamma: number;
  private readonly slip: number;
  private readonly learned: boolean;
  private reward: SimulatedReward | null = null;

  // The node pool. Node 0 is the root.
  private readonly capacity: number;
  /** Most nodes a reused subtree keeps, so every simulation of the next search has a node to add. */
  private readonly keep: number;
  private size = 0;
  private readonly nodeState: Int32Array;
  private readonly nodeVisits: Float64Array;
  private readonly edgeVisits: Float64Array;
  /** Mean return of (node, action), and 1 / sqrt(its visits): kept up to date by the backup, so a UCB1
   *  score costs a multiply-add. */
  private readonly edgeMean: Float64Array;
  private readonly edgeInvSqrt: Float64Array;
  private readonly child: Int32Array;
  // Scratch for one simulation's path and for compaction.
  private readonly pathNode: Int32Array;
  private readonly pathAction: Int32Array;
  private readonly pathReward: Float64Array;
  private readonly mark: Uint8Array;
  private readonly remap: Int32Array;
  private readonly stack: Int32Array;
  /** One state's four lookaheads (greedy). */
  private readonly q4 = new Float64Array(A);

  /** TD(0) values (leafValue 'learned'). */
  readonly v: Float64Array;
  /** Per cell, from the last search there: the root's mean return, its action means and visits, and the
   *  action chosen. */
  private readonly rootValue: Float64Array;
  private readonly rootQ: Float64Array;
  private readonly rootN: Float64Array;
  private readonly rootAction: Int32Array;
  private searched = false;
  /** The last search, one record per simulation (SearchTree.trace), for the views; and the tree's size
   *  when it began. */
  private readonly trace: Int32Array;
  private traceSims = 0;
  private traceStart = 0;

  /** State and action of the step in flight; steps taken in this episode. */
  private s = 0;
  private a = 0;
  private t = 0;

  constructor(
    grid: Grid,
    private readonly p: MctsParams,
    private readonly rng: Rng,
  ) {
    this.grid = grid;
    this.model = buildModel(grid);
    this.gamma = grid.gamma;
    this.slip = grid.slip;
    this.learned = p.leafValue === 'learned';
    this.keep = p.simulations + 1;
    this.capacity = this.keep + p.simulations;
    const c = this.capacity;
    this.nodeState = new Int32Array(c);
    this.nodeVisits = new Float64Array(c);
    this.edgeVisits = new Float64Array(c * A);
    this.edgeMean = new Float64Array(c * A);
    this.edgeInvSqrt = new Float64Array(c * A);
    this.child = new Int32Array(c * SLOTS);
    this.pathNode = new Int32Array(c + 1);
    this.pathAction = new Int32Array(c + 1);
    this.pathReward = new Float64Array(c + 1);
    this.mark = new Uint8Array(c);
    this.remap = new Int32Array(c);
    this.stack = new Int32Array(c);
    const n = grid.nStates;
    this.v = new Float64Array(n);
    this.rootValue = new Float64Array(n);
    this.rootQ = new Float64Array(n * A);
    this.rootN = new Float64Array(n * A);
    this.rootAction = new Int32Array(n).fill(-1);
    this.trace = new Int32Array(3 * p.simulations);
  }

  setSimulatedReward(reward: SimulatedReward | null): void {
    this.reward = reward;
  }

  /** Nodes in the tree now. */
  get treeSize(): number {
    return this.size;
  }

  /** Visits of the root (node 0) so far, for tests and views. */
  get rootVisits(): number {
    return this.size > 0 ? this.nodeVisits[0] : 0;
  }

  start(s: number): number {
    this.t = 0;
    this.newTree(s);
    return this.act(s);
  }

  step(r: number, s2: number, terminal: boolean): number {
    if (this.learned) {
      const target = terminal ? r : r + this.gamma * this.v[s2];
      this.v[this.s] += this.p.alpha * (target - this.v[this.s]);
    }
    this.t++;
    // The episode ends here (goal or pit, or the trainer's time limit): nothing to search for.
    if (terminal || this.t >= this.grid.maxSteps) {
      this.size = 0;
      return 0;
    }
    this.advance(this.a, s2);
    return this.act(s2);
  }

  endEpisode(): void {
    this.size = 0;
  }

  greedy(s: number): number {
    if (!this.learned) return Math.max(0, this.rootAction[s]);
    for (let a = 0; a < A; a++) this.q4[a] = this.lookahead(s, a);
    return greedyAction(this.q4, 0);
  }

  qValues(out: Float64Array): void {
    if (!this.learned) {
      out.set(this.rootQ);
      return;
    }
    const n = this.grid.nStates;
    for (let s = 0; s < n; s++) for (let a = 0; a < A; a++) out[s * A + a] = this.lookahead(s, a);
  }

  values(out: Float64Array): void {
    out.set(this.learned ? this.v : this.rootValue);
  }

  /** With rollouts, the move the last search from each cell chose (no preference where none ran): what
   *  the agent does there, and what its greedy walk follows. (The root means are no guide: an untried
   *  move's 0 beats every tried one when steps cost.) With learned values: none, the lookahead is it. */
  policy(out: Float64Array): boolean {
    if (this.learned) return false;
    out.fill(0);
    for (let s = 0; s < this.rootAction.length; s++)
      if (this.rootAction[s] >= 0) out[s * A + this.rootAction[s]] = 1;
    return true;
  }

  /** The last search's tree and its per-simulation records (searchTrace.ts reads them); null when no
   *  tree stands (before the first move, and once an episode has ended). */
  searchTree(): SearchTree | null {
    if (this.size === 0 || this.traceSims === 0) return null;
    return {
      model: this.model,
      size: this.size,
      startSize: this.traceStart,
      simulations: this.traceSims,
      nodeState: this.nodeState,
      nodeVisits: this.nodeVisits,
      edgeVisits: this.edgeVisits,
      child: this.child,
      trace: this.trace,
      chosen: this.a,
    };
  }

  /** Root visit counts N(s, a) of the last search from each cell (0 where it never searched). */
  searchVisits(out: Float64Array): boolean {
    out.set(this.rootN);
    return this.searched;
  }

  epsilon(): number {
    return 0;
  }

  dispose(): void {}

  /** The learned table (leafValue 'learned'), the last search's results per cell (what the views
   *  show), the simulated-step count and the random stream. The standing tree lives within an episode
   *  and is not kept. */
  exportState(): AgentState {
    const { w, done } = writerFor(this.type);
    w.arr('v', this.v)
      .arr('rootValue', this.rootValue)
      .arr('rootQ', this.rootQ)
      .arr('rootN', this.rootN)
      .arr('rootAction', this.rootAction)
      .num('searched', this.searched ? 1 : 0)
      .num('simulatedSteps', this.simulatedSteps)
      .rng('rng', this.rng);
    return done();
  }

  importState(state: AgentState): void {
    const r = readerFor(state, this.type);
    const searched = r.num('searched', { min: 0, max: 1, int: true }) === 1;
    const simulated = r.num('simulatedSteps', { min: 0, int: true });
    const actions = r.read('rootAction', this.rootAction);
    for (let s = 0; s < actions.length; s++)
      if (actions[s] < -1 || actions[s] >= A)
        r.fail('rootAction', `has ${actions[s]} at ${s}, not an action`);
    r.into('v', this.v)
      .into('rootValue', this.rootValue)
      .into('rootQ', this.rootQ)
      .into('rootN', this.rootN)
      .into('rootAction', this.rootAction)
      .rng('rng', this.rng)
      .then(() => {
        this.searched = searched;
        this.simulatedSteps = simulated;
        this.size = 0;
        this.traceSims = 0;
      })
      .apply();
  }

  /** Q(s, a) on the learned table with the rewards the search simulates (0 for cells that never act). */
  private lookahead(s: number, a: number): number {
    if (!isActive(this.grid, s)) return 0;
    return lookahead(this.model, this.v, s, a, this.reward);
  }

  /** Empties the pool and makes a root for s. */
  private newTree(s: number): void {
    this.size = 0;
    this.alloc(s);
  }

  private alloc(s: number): number {
    const x = this.size++;
    this.nodeState[x] = s;
    this.nodeVisits[x] = 0;
    const e = x * A;
    for (let a = 0; a < A; a++) {
      this.edgeVisits[e + a] = 0;
      this.edgeMean[e + a] = 0;
      this.edgeInvSqrt[e + a] = 0;
    }
    const b = x * SLOTS;
    for (let j = 0; j < SLOTS; j++) this.child[b + j] = -1;
    return x;
  }

  /** The child of node x reached by action a that stands in s2, or -1. */
  private childOf(x: number, a: number, s2: number): number {
    const b = (x * A + a) * OUTCOMES;
    for (let j = 0; j < OUTCOMES; j++) {
      const c = this.child[b + j];
      if (c >= 0 && this.nodeState[c] === s2) return c;
    }
    return -1;
  }

  /** Moves the root to the real next state: the kept subtree, or a fresh root. */
  private advance(a: number, s2: number): void {
    const c = this.p.reuseTree && this.size > 0 ? this.childOf(0, a, s2) : -1;
    if (c < 0) this.newTree(s2);
    else this.compact(c);
  }

  /**
   * Keeps only the subtree under node r, moved to the front of the pool in creation order (a parent is
   * always created before its children, so r becomes node 0, and every node moves to a lower or equal
   * index: the copy is safe in place). At most `keep` nodes stay: a creation-order prefix is a connected
   * top of the subtree; children past it are cut (their edge statistics stay with the parent).
   */
  private compact(r: number): void {
    const { mark, remap, stack, child } = this;
    const n = this.size;
    mark.fill(0, 0, n);
    let top = 0;
    stack[top++] = r;
    mark[r] = 1;
    while (top > 0) {
      const x = stack[--top];
      const b = x * SLOTS;
      for (let j = 0; j < SLOTS; j++) {
        const c = child[b + j];
        if (c >= 0 && mark[c] === 0) {
          mark[c] = 1;
          stack[top++] = c;
        }
      }
    }
    let m = 0;
    for (let x = r; x < n; x++) remap[x] = mark[x] === 1 && m < this.keep ? m++ : -1;
    for (let x = r; x < n; x++) {
      const y = remap[x];
      if (y < 0) continue;
      this.nodeState[y] = this.nodeState[x];
      this.nodeVisits[y] = this.nodeVisits[x];
      for (let a = 0; a < A; a++) {
        this.edgeVisits[y * A + a] = this.edgeVisits[x * A + a];
        this.edgeMean[y * A + a] = this.edgeMean[x * A + a];
        this.edgeInvSqrt[y * A + a] = this.edgeInvSqrt[x * A + a];
      }
      for (let j = 0; j < SLOTS; j++) {
        const c = child[x * SLOTS + j];
        child[y * SLOTS + j] = c >= 0 ? remap[c] : -1;
      }
    }
    this.size = m;
  }

  /** Runs the search from the root (which stands in s) and returns the most-visited root action. */
  private act(s: number): number {
    this.reusedVisits = this.nodeVisits[0];
    this.traceStart = this.size;
    this.traceSims = 0;
    for (let k = 0; k < this.p.simulations; k++) this.simulate();
    const rng = this.rng;
    let pick = 0;
    let best = -1;
    let ties = 0;
    let n = 0;
    let w = 0;
    for (let a = 0; a < A; a++) {
      const na = this.edgeVisits[a];
      n += na;
      w += na * this.edgeMean[a];
      this.rootQ[s * A + a] = this.edgeMean[a];
      this.rootN[s * A + a] = na;
      if (na > best) {
        best = na;
        pick = a;
        ties = 1;
      } else if (na === best && rng.int(++ties) === 0) pick = a;
    }
    this.rootValue[s] = n > 0 ? w / n : 0;
    this.rootAction[s] = pick;
    this.searched = true;
    this.s = s;
    this.a = pick;
    return pick;
  }

  /** UCB1 at node x: an untried action first, else the highest upper bound; ties at random. */
  private select(x: number): number {
    const ev = this.edgeVisits;
    const e = x * A;
    const o = this.rng.int(N_ORDERS) * A;
    for (let j = 0; j < A; j++) {
      const a = ORDERS[o + j];
      if (ev[e + a] === 0) return a;
    }
    const c = this.p.exploration * Math.sqrt(Math.log(this.nodeVisits[x]));
    const mean = this.edgeMean;
    const inv = this.edgeInvSqrt;
    let pick = 0;
    let best = -Infinity;
    for (let j = 0; j < A; j++) {
      const a = ORDERS[o + j];
      const u = mean[e + a] + c * inv[e + a];
      if (u > best) {
        best = u;
        pick = a;
      }
    }
    return pick;
  }

  /** One simulation: select down the tree, add one node, value it, back the return up. */
  private simulate(): void {
    const { nodeState, child, pathNode, pathAction, pathReward, rng, slip, reward } = this;
    const { next, done, reward: mReward } = this.model;
    let x = 0;
    let s = nodeState[0];
    let depth = 0;
    let leaf = 0;
    let last: number;
    let added = 0;
    for (;;) {
      const a = this.select(x);
      const i = (s * A + a) * OUTCOMES + (slip > 0 ? slipOutcome(slip, rng.next()) : 0);
      const s2 = next[i];
      last = s2;
      const end = done[i] === 1;
      const r = reward ? reward(s, mReward[i], s2, end) : mReward[i];
      pathNode[depth] = x;
      pathAction[depth] = a;
      pathReward[depth] = r;
      depth++;
      if (end) break;
      const b = (x * A + a) * OUTCOMES;
      let c = -1;
      let free = -1;
      for (let j = 0; j < OUTCOMES; j++) {
        const y = child[b + j];
        if (y < 0) {
          if (free < 0) free = j;
        } else if (nodeState[y] === s2) {
          c = y;
          break;
        }
      }
      if (c >= 0) {
        x = c;
        s = s2;
        continue;
      }
      if (free >= 0 && this.size < this.capacity) {
        child[b + free] = this.alloc(s2);
        added = 1;
      }
      leaf = this.learned ? this.v[s2] : this.rollout(s2);
      break;
    }
    this.simulatedSteps += depth;
    const j = 3 * this.traceSims++;
    this.trace[j] = pathNode[depth - 1] * A + pathAction[depth - 1];
    this.trace[j + 1] = last;
    this.trace[j + 2] = added;
    const gamma = this.gamma;
    const nv = this.nodeVisits;
    const ev = this.edgeVisits;
    const mean = this.edgeMean;
    const inv = this.edgeInvSqrt;
    let g = leaf;
    for (let d = depth - 1; d >= 0; d--) {
      g = pathReward[d] + gamma * g;
      const y = pathNode[d];
      const ea = y * A + pathAction[d];
      const n = ++ev[ea];
      mean[ea] += (g - mean[ea]) / n;
      inv[ea] = 1 / Math.sqrt(n);
      nv[y]++;
    }
  }

  /** The discounted return of up to rolloutDepth uniformly random moves from s. */
  private rollout(s: number): number {
    const { rng, slip, reward, gamma } = this;
    const { next, done, reward: mReward } = this.model;
    const depth = this.p.rolloutDepth;
    let g = 0;
    let disc = 1;
    let t = 0;
    while (t < depth) {
      const a = rng.int(A);
      const i = (s * A + a) * OUTCOMES + (slip > 0 ? slipOutcome(slip, rng.next()) : 0);
      const s2 = next[i];
      const end = done[i] === 1;
      g += disc * (reward ? reward(s, mReward[i], s2, end) : mReward[i]);
      disc *= gamma;
      t++;
      if (end) break;
      s = s2;
    }
    this.simulatedSteps += t;
    return g;
  }
}
