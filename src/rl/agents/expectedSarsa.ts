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

  protected transition(r: number, s2: number, terminal: boolean): number {
    const target = terminal ? r : r + this.gamma * expected(this.q, s2, this.eps.value);
    this.learn(target - this.q[this.s * 4 + this.a]);
    this.s = s2;
    this.a = pick(this.q, s2, this.eps.value, this.rng);
    return this.a;
  }
}
