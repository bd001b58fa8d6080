/**
 * Q-learning (Watkins 1989; Sutton & Barto 6.5), off-policy TD control:
 *   Q(s, a) += alpha * (r + gamma * max_a' Q(s', a') - Q(s, a))
 * With lambda > 0 it is Watkins's Q(lambda): traces are cut after an exploratory action.
 */
import { TabularAgent } from './tdBase';
import { epsilonGreedy, maxQ } from './tabular';

// Module-local names for the hot helpers (a transpiler's import binding may be a getter per call).
const pick = epsilonGreedy;
const max = maxQ;

export class QLearningAgent extends TabularAgent {
  readonly type = 'q-learning';

  protected transition(r: number, s2: number, terminal: boolean): number {
    const target = terminal ? r : r + this.gamma * max(this.q, s2);
    this.learn(target - this.q[this.s * 4 + this.a]);
    const a2 = pick(this.q, s2, this.eps.value, this.rng);
    if (this.traces && this.q[s2 * 4 + a2] !== max(this.q, s2)) this.traces.clear();
    this.s = s2;
    this.a = a2;
    return a2;
  }
}
