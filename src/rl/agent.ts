/**
 * What every agent offers the training loop (RL-Glue style: start, step, end) and the views.
 * `start` and `step` return the next action to take; `step` learns from the transition that the
 * previous action produced. A time-limit cut calls `step(r, s2, false)` and then `endEpisode()`.
 */
import type { AgentState } from '../config/packedArray';
import type { SimulatedReward } from './model';
import type { DemoTransitions } from './teacher/demonstrations';

export interface Agent {
  readonly type: string;
  /** Planning agents compute from the model; their start/step walk the current greedy policy. */
  readonly planner: Planner | null;
  start(s: number): number;
  step(r: number, s2: number, terminal: boolean): number;
  endEpisode(): void;
  /** The move the agent makes in s when it acts greedily: the lowest-index best move (src/rl/greedy.ts)
   *  of its Q, or of a planner's current V (MCTS with rollouts: the last search's most-visited move).
   *  Greedy evaluation does not call it: it walks the agent's preferences (greedy.ts agentPreferences),
   *  the table the views draw. */
  greedy(s: number): number;
  /** Writes Q(s, a) into out[s * 4 + a] for every state. */
  qValues(out: Float64Array): void;
  /** Writes V(s) (max over actions of Q, or the computed value) into out[s]. */
  values(out: Float64Array): void;
  /** Current exploration rate (0 when not applicable). */
  epsilon(): number;
  /** Free resources (tensors); the agent is unusable afterwards. */
  dispose(): void;
  /** Agents that simulate moves (search) get the reward the trainer would make of a real move's, so
   *  simulated and real steps are shaped alike (null: the world's reward). */
  setSimulatedReward?(reward: SimulatedReward | null): void;
  /** Writes pi(a|s) into out[s * 4 + a] for every state, for agents that keep a policy of their own
   *  (planners); returns false when there is none to show (the views then draw greedy arrows in Q). */
  policy?(out: Float64Array): boolean;
  /** What the views show about the agent's own training (absent: nothing beyond the tables). */
  diagnostics?(): AgentDiagnostics;
  /** Search agents: writes the visit counts N(s, a) of their search tree into out[s * 4 + a]; returns
   *  false when there has been no search yet. */
  searchVisits?(out: Float64Array): boolean;
  /** What the agent has learned, as plain data (src/rl/agentState.ts says what continuing preserves):
   *  tables or weights, counters, optimiser moments, the random stream. */
  exportState?(): AgentState;
  /** Restores an exportState() of an agent built for the same config; throws an AgentStateError (and
   *  changes nothing) when the state does not fit this agent. */
  importState?(state: AgentState): void;
  /** Agents that keep demonstrations in their replay memory (DQN's demoBuffer): given them once, by the
   *  trainer, before training. */
  keepDemonstrations?(t: DemoTransitions): void;
}

/** An agent's training as the views report it. */
export interface AgentDiagnostics {
  /** The tfjs backend its tensors live on ('wasm', 'webgl', 'cpu'); null for an agent without one. */
  backend: string | null;
  /** Loss of the last gradient step; null before the first, after a non-finite one, or without one. */
  loss: number | null;
}

/** Step-by-step control of a planning agent, so the UI can show sweeps and improvements one at a time. */
export interface Planner {
  /** One evaluation sweep over all states; returns the largest value change. */
  sweep(): number;
  /** One policy-improvement step; returns true when the policy did not change. */
  improve(): boolean;
  /** Runs sweeps and improvements until converged (or the sweep cap). */
  solve(): void;
  readonly sweeps: number;
  readonly improvements: number;
  readonly converged: boolean;
  /** The last sweep's largest change. */
  readonly lastDelta: number;
}
