/**
 * SARSA (Rummery & Niranjan 1994; Sutton & Barto 6.4), on-policy TD control:
 *   Q(s, a) += alpha * (r + gamma * Q(s', a') - Q(s, a)),  a' chosen epsilon-greedily first.
 * With lambda > 0 it is SARSA(lambda) with replacing traces.
 */
import { TabularAgent } from './tdBase';
import { epsilonGreedy } from './tabular';

// A module-local name for the hot helper (a transpiler's import binding may be a getter per call).
const pick = epsilonGreedy;

export class SarsaAgent extends TabularAgent {
  readonly type = 'sarsa';

  protected transition(r: number, s2: number, terminal: boolean): number {
    const a2 = pick(this.q, s2, this.eps.value, this.rng);
    const target = terminal ? r : r + this.gamma * this.q[s2 * 4 + a2];
    this.learn(target - this.q[this.s * 4 + this.a]);
    this.s = s2;
    this.a = a2;
    return a2;
  }
}
