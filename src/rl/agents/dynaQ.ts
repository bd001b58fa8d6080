/**
 * Dyna-Q (Sutton 1990; Sutton & Barto 8.2): Q-learning on real steps, plus `planningSteps` simulated
 * Q-learning updates per real step, replayed from a learned model that remembers the last reward and
 * next state seen for each (s, a).
 */
import { TabularAgent, type TdParams } from './tdBase';
import { epsilonGreedy, maxQ } from './tabular';
import type { Rng } from '../rng';
import type { StateReader, StateWriter } from '../agentState';

// Module-local names for the hot helpers (a transpiler's import binding may be a getter per call).
const pick = epsilonGreedy;
const max = maxQ;

export class DynaQAgent extends TabularAgent {
  readonly type = 'dyna-q';
  private readonly modelNext: Int32Array;
  private readonly modelReward: Float64Array;
  private readonly modelDone: Uint8Array;
  /** (s, a) indices seen so far, for uniform sampling in planning. */
  private readonly seen: Int32Array;
  private readonly seenFlag: Uint8Array;
  private nSeen = 0;

  constructor(
    nStates: number,
    gamma: number,
    p: TdParams,
    rng: Rng,
    private readonly planningSteps: number,
  ) {
    super(nStates, gamma, p, rng);
    const n = nStates * 4;
    this.modelNext = new Int32Array(n);
    this.modelReward = new Float64Array(n);
    this.modelDone = new Uint8Array(n);
    this.seen = new Int32Array(n);
    this.seenFlag = new Uint8Array(n);
  }

  protected transition(i: number, r: number, s2: number, terminal: boolean): number {
    // (a) direct RL: one Q-learning update from the real transition
    this.update(i, r, s2, terminal);
    // (b) model learning
    this.modelNext[i] = s2;
    this.modelReward[i] = r;
    this.modelDone[i] = terminal ? 1 : 0;
    if (!this.seenFlag[i]) {
      this.seenFlag[i] = 1;
      this.seen[this.nSeen++] = i;
    }
    // (c) planning: replay remembered transitions
    for (let k = 0; k < this.planningSteps; k++) {
      const j = this.seen[this.rng.int(this.nSeen)];
      this.update(j, this.modelReward[j], this.modelNext[j], this.modelDone[j] === 1);
    }
    return pick(this.q, s2, this.eps.value, this.rng);
  }

  /** The learned model: last next state, reward and end flag per (s, a), and the pairs seen. */
  protected override writeState(w: StateWriter): void {
    w.arr('modelNext', this.modelNext)
      .arr('modelReward', this.modelReward)
      .arr('modelDone', this.modelDone)
      .arr('seen', this.seen)
      .num('nSeen', this.nSeen);
  }

  protected override readState(r: StateReader): void {
    const n = this.seen.length;
    const nSeen = r.num('nSeen', { min: 0, max: n, int: true });
    const next = r.read('modelNext', this.modelNext);
    const seen = r.read('seen', this.seen);
    const flags = new Uint8Array(n);
    for (let k = 0; k < nSeen; k++) {
      const i = seen[k];
      if (i < 0 || i >= n || flags[i]) r.fail('seen', `lists an impossible (state, action) pair at ${k}`);
      flags[i] = 1;
    }
    for (let i = 0; i < n; i++)
      if (next[i] < 0 || next[i] >= n / 4) r.fail('modelNext', `names a cell outside the grid at ${i}`);
    r.into('modelNext', this.modelNext)
      .into('modelReward', this.modelReward)
      .into('modelDone', this.modelDone)
      .into('seen', this.seen)
      .then(() => {
        this.seenFlag.set(flags);
        this.nSeen = nSeen;
      });
  }

  private update(i: number, r: number, s2: number, terminal: boolean): void {
    const target = terminal ? r : r + this.gamma * max(this.q, s2);
    this.q[i] += this.alpha * (target - this.q[i]);
  }
}
