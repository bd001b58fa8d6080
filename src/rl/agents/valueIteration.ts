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

  improve(): boolean {
    return this.makeGreedy();
  }

  solve(): void {
    this.evaluate();
    this.makeGreedy();
    this.converged = true;
  }

  override sweep(): number {
    const d = super.sweep();
    if (d < this.p.theta) this.converged = true;
    return d;
  }
}
