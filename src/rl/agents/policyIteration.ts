/**
 * Policy iteration (Howard 1960; Sutton & Barto 4.3): starting from the uniform random policy,
 * alternate policy evaluation (sweeps of V(s) <- sum_a pi(a|s) Q(s, a) until stable) and policy
 * improvement (pi <- greedy in V) until the policy no longer changes. `sweep` and `improve` expose
 * the two halves one step at a time.
 */
import { PlanningAgent } from './planningBase';

export class PolicyIterationAgent extends PlanningAgent {
  readonly type = 'policy-iteration';
  protected override settlesWithValues = false;

  protected backup(s: number): number {
    return this.policyBackup(s);
  }

  override improve(): boolean {
    const stable = this.makeGreedy();
    if (stable && this.lastDelta < this.p.theta) this.converged = true;
    return stable;
  }

  override solve(): void {
    for (let round = 0; round < 1000 && !this.converged; round++) {
      this.evaluate();
      const stable = this.improve();
      if (stable || this.sweeps >= this.p.maxSweeps) this.converged = true;
    }
  }
}
