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

  protected transition(i: number, r: number, s2: number, terminal: boolean): number {
    const q = this.q;
    const a2 = pick(q, s2, this.eps.value, this.rng);
    this.learn(i, (terminal ? r : r + this.gamma * q[s2 * 4 + a2]) - q[i]);
    return a2;
  }
}
