/**
 * What every neural agent (DQN, actor-critic, REINFORCE) keeps the same way: the counters of its
 * training (environment steps, gradient steps, the last loss), its random stream (seeded first, so the
 * networks are drawn from it in the same order), the views' diagnostics, nothing to dispose (weights
 * are typed arrays and every tensor lives within one update), and how those counters and the stream
 * are saved and restored. Each agent adds its own weights, optimiser and buffers to the same state.
 */
import type { AgentState } from '../agentState';
import { readerFor, writerFor, type StateReader, type StateWriter } from '../agentState';
import { Rng } from '../rng';
import { neuralDiagnostics } from './common';

export abstract class NeuralAgentBase {
  abstract readonly type: string;
  readonly planner = null;
  /** Gradient steps taken so far. */
  updates = 0;
  /** Loss of the last gradient step (NaN before the first). */
  loss = NaN;
  /** Environment steps taken. */
  steps = 0;
  protected readonly rng: Rng;

  constructor(
    seed: number,
    /** The tfjs backend its updates run on: 'wasm', 'webgl' or 'cpu'. */
    readonly backend: string,
  ) {
    this.rng = new Rng(seed);
  }

  diagnostics() {
    return neuralDiagnostics(this);
  }

  dispose(): void {}

  /** A writer of this agent's state, the counters and the random stream already in it. */
  protected stateWriter(): { w: StateWriter; done(): AgentState } {
    const out = writerFor(this.type);
    out.w.num('steps', this.steps).num('updates', this.updates).num('loss', this.loss).rng('rng', this.rng);
    return out;
  }

  /** A reader of a saved state whose counters and random stream are read (and set, with `reset`, when
   *  the whole state fits and the caller applies it). */
  protected stateReader(state: AgentState, reset: () => void): StateReader {
    const r = readerFor(state, this.type);
    const steps = r.num('steps', { min: 0, int: true });
    const updates = r.num('updates', { min: 0, int: true });
    const loss = r.num('loss', { nullable: true });
    return r.rng('rng', this.rng).then(() => {
      this.steps = steps;
      this.updates = updates;
      this.loss = loss ?? NaN;
      reset();
    });
  }
}
