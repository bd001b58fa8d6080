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

  protected transition(i: number, r: number, s2: number, terminal: boolean): number {
    const q = this.q;
    const traces = this.traces;
    const delta = (terminal ? r : r + this.gamma * max(q, s2)) - q[i];
    if (traces === null) q[i] += this.alpha * delta;
    else this.learn(i, delta);
    const a2 = pick(q, s2, this.eps.value, this.rng);
    if (traces !== null && q[s2 * 4 + a2] !== max(q, s2)) traces.clear();
    return a2;
  }
}
