/**
 * REINFORCE (Williams 1992; Sutton & Barto 13.4) with an optional learnt baseline: play a whole
 * episode from pi, then take one Adam step (per 512-step chunk) on
 *   -log pi(a_t | s_t) * (G_t - b(s_t)),  G_t = r_t + gamma r_{t+1} + ... to the episode's end,
 * with b(s) a value network trained towards G_t (b = 0 without a baseline) and an entropy bonus
 * (see policyBase.ts). Monte Carlo returns: a time-limit cut does not bootstrap.
 */
import type { ReinforceConfig } from '../../config/neuralAgents';
import type { Grid } from '../grid';
import { PolicyAgent } from './policyBase';

/** Weight of the baseline's squared error in the joint loss. */
const BASELINE_COEF = 0.5;

export class ReinforceAgent extends PolicyAgent {
  readonly type = 'reinforce';

  constructor(cfg: ReinforceConfig, grid: Grid, seed: number, backend: string) {
    super(cfg, grid, seed, backend, grid.maxSteps, cfg.baseline, BASELINE_COEF);
  }

  step(r: number, s2: number, terminal: boolean): number {
    this.steps++;
    this.record(this.s, this.a, r, s2);
    if (terminal) return 0;
    return this.moveTo(s2);
  }

  endEpisode(): void {
    let g = 0;
    for (let t = this.length - 1; t >= 0; t--) {
      g = this.rewards[t] + this.gamma * g;
      this.returns[t] = g;
    }
    this.learn();
  }
}
