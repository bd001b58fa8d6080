/**
 * Advantage actor-critic (A2C, Mnih et al. 2016) for a single environment, with n-step returns:
 * every nSteps steps (or at the end of an episode) the rollout's returns
 *   G_t = r_t + gamma r_{t+1} + ... + gamma^(n-t) V(s_n)
 * (no bootstrap when s_n is terminal; a time-limit cut bootstraps) train the actor with the advantage
 * G_t - V(s_t) plus an entropy bonus, and the critic towards G_t, in one Adam step (see policyBase.ts).
 */
import type { ActorCriticConfig } from '../../config/neuralAgents';
import type { Grid } from '../grid';
import { PolicyAgent } from './policyBase';

export class ActorCriticAgent extends PolicyAgent {
  readonly type = 'actor-critic';
  private readonly nSteps: number;

  constructor(cfg: ActorCriticConfig, grid: Grid, seed: number, backend: string) {
    super(cfg, grid, seed, backend, cfg.nSteps, true, cfg.valueCoef);
    this.nSteps = cfg.nSteps;
  }

  step(r: number, s2: number, terminal: boolean): number {
    this.steps++;
    this.record(this.s, this.a, r, s2);
    if (terminal) {
      this.finish(0);
      return 0;
    }
    if (this.length === this.nSteps) this.finish(this.value(s2));
    return this.moveTo(s2);
  }

  /** A time-limit cut: learn from what is left, bootstrapping from the state the agent stands in. */
  endEpisode(): void {
    if (this.length > 0) this.finish(this.value(this.s));
  }

  private finish(bootstrap: number): void {
    let g = bootstrap;
    for (let t = this.length - 1; t >= 0; t--) {
      g = this.rewards[t] + this.gamma * g;
      this.returns[t] = g;
    }
    this.learn();
  }
}
