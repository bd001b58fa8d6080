/**
 * Expected SARSA (van Seijen et al. 2009; Sutton & Barto 6.6): the target averages Q(s', .) under the
 * epsilon-greedy policy instead of sampling a', which removes SARSA's sampling variance:
 *   Q(s, a) += alpha * (r + gamma * E_pi[Q(s', A')] - Q(s, a))
 */
import { TabularAgent } from './tdBase';
import { epsilonGreedy, expectedQ } from './tabular';

// Module-local names for the hot helpers (a transpiler's import binding may be a getter per call).
const pick = epsilonGreedy;
const expected = expectedQ;

export class ExpectedSarsaAgent extends TabularAgent {
  readonly type = 'expected-sarsa';

  protected transition(i: number, r: number, s2: number, terminal: boolean): number {
    const q = this.q;
    const eps = this.eps.value;
    this.learn(i, (terminal ? r : r + this.gamma * expected(q, s2, eps)) - q[i]);
    return pick(q, s2, eps, this.rng);
  }
}
