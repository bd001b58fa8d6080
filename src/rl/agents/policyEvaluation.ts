/**
 * Iterative policy evaluation of the uniform random policy (Sutton & Barto 4.1, Example 4.1):
 *   V(s) <- sum_a 1/4 sum p (r + gamma V(s'))
 * `improve` only redraws the greedy arrows in V (as in the textbook's Figure 4.1); the evaluated
 * policy stays uniform random.
 */
import { lookahead } from '../model';
import { PlanningAgent } from './planningBase';

export class PolicyEvaluationAgent extends PlanningAgent {
  readonly type = 'policy-evaluation';

  protected backup(s: number): number {
    let x = 0;
    for (let a = 0; a < 4; a++) x += 0.25 * lookahead(this.model, this.v, s, a);
    return x;
  }
}
