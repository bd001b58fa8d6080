/**
 * Value iteration (Bellman 1957; Sutton & Barto 4.4): sweep V(s) <- max_a sum p (r + gamma V(s'))
 * until the largest change is below theta, then read off the greedy policy.
 */
import { PlanningAgent } from './planningBase';

export class ValueIterationAgent extends PlanningAgent {
  readonly type = 'value-iteration';

  protected backup(s: number): number {
    return this.bestBackup(s);
  }
}
