/** The uniform random walk: the baseline that shows how rarely a far sparse goal is found by chance. */
import type { Agent } from '../agent';
import { readerFor, writerFor, type AgentState } from '../agentState';
import type { Rng } from '../rng';

export class RandomAgent implements Agent {
  readonly type = 'random';
  readonly planner = null;
  constructor(private readonly rng: Rng) {}
  start(): number {
    return this.rng.int(4);
  }
  step(): number {
    return this.rng.int(4);
  }
  endEpisode(): void {}
  greedy(): number {
    return 0;
  }
  qValues(out: Float64Array): void {
    out.fill(0);
  }
  values(out: Float64Array): void {
    out.fill(0);
  }
  epsilon(): number {
    return 1;
  }
  dispose(): void {}
  /** Nothing learned: only the random stream, so a resumed walk goes on as it would have. */
  exportState(): AgentState {
    const { w, done } = writerFor(this.type);
    w.rng('rng', this.rng);
    return done();
  }
  importState(state: AgentState): void {
    readerFor(state, this.type).rng('rng', this.rng).apply();
  }
}
